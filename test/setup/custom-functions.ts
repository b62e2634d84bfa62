/**
 * The `CustomFunctions` global that Excel's runtime provides, as a stand-in with the same shape, so the
 * functions run under Jest as in Excel.
 */
import { installOfflineRuntime } from "../../src/functions/excel/offline-runtime";

installOfflineRuntime();

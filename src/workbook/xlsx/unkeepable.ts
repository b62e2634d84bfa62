/**
 * What an ExcelJS load/save would lose from a workbook. Updating a workbook in place must never damage
 * the user's sheets, so the xlsx adapter refuses to overwrite a file that holds any of the CONTENT below
 * (the charts of generated sheets excepted: the adapter writes those itself) and says why. Loss of
 * METADATA (custom properties, custom XML, the add-in's own task-pane state) does not change what the user
 * sees in the sheets: the save goes ahead and reports it as a warning.
 */
import { SETTINGS_SHEET_NAME } from "../../sheet/port";
import { sameSheetName } from "../registry";
import type { XlsxPackage } from "./package";

const PACKAGE_FEATURES: [RegExp, string][] = [
  [/^xl\/chartsheets\//, "chart sheets"],
  [/^xl\/pivotTables\//, "pivot tables"],
  [/^xl\/slicers\//, "slicers"],
  [/^xl\/timelines\//, "timelines"],
  [/^xl\/vbaProject\.bin$/, "macros (VBA)"],
  [/^xl\/externalLinks\//, "links to other workbooks"],
  [/^xl\/threadedComments\//, "threaded comments"],
  [/^xl\/ctrlProps\//, "form controls"],
  [/^xl\/metadata\.xml$/, "dynamic array formulas"],
];

const METADATA: [RegExp, string][] = [
  [/^customXml\//, "custom XML data (e.g. document library properties)"],
  [/^docProps\/custom\.xml$/, "custom document properties"],
  // Office's own add-in settings: Loyalty Lens keeps its settings in a sheet, so nothing of ours is lost.
  [/^xl\/webextensions\//, "the task-pane state of Office add-ins"],
];

export function metadataExcelJsDrops(pkg: XlsxPackage): string[] {
  return METADATA.filter(([pattern]) => pkg.entries.some((e) => pattern.test(e.name))).map(
    ([, what]) => what,
  );
}

/** Plain-language list of what would be lost, e.g. ['a chart on sheet "Sales"', "pivot tables"]. */
export function featuresExcelJsDrops(pkg: XlsxPackage, generatedSheets: string[]): string[] {
  const found: string[] = [];
  for (const [pattern, what] of PACKAGE_FEATURES) {
    if (pkg.entries.some((e) => pattern.test(e.name))) found.push(what);
  }
  for (const sheet of pkg.sheets()) {
    const ours =
      sameSheetName(sheet.name, SETTINGS_SHEET_NAME) ||
      generatedSheets.some((g) => sameSheetName(g, sheet.name));
    if (ours) continue;
    const charts = pkg.chartsOf(sheet.part).length;
    if (charts > 0) found.push(`${charts === 1 ? "a chart" : `${charts} charts`} on sheet "${sheet.name}"`);
    if (pkg.text(sheet.part).includes("sparklineGroup")) found.push(`sparklines on sheet "${sheet.name}"`);
  }
  return found;
}

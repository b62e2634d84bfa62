/**
 * The marks by which a refresh tells the report's own objects on its sheets from the user's. A chart is
 * the report's when its name carries the mark, never because of where it lies: a user's chart placed
 * exactly where the report draws one is still the user's. A note is the report's when its author is the
 * report (in a file; Excel's API gives no author to set, so there a note is known by its text).
 */
import type { ChartSpec } from "./sheet-model";

const CHART_MARK = "LL chart ";

/** Excel keeps object names to 255 characters; ours stay short enough to read in the Selection pane. */
const MAX_CHART_NAME = 60;

/** The name the report gives its `index`-th chart (0-based) on a sheet: "LL chart 2: Members per tier". */
export function reportChartName(chart: Pick<ChartSpec, "title">, index: number): string {
  const name = `${CHART_MARK}${index + 1}${chart.title ? `: ${chart.title}` : ""}`;
  return name.length > MAX_CHART_NAME ? `${name.slice(0, MAX_CHART_NAME - 3)}...` : name;
}

/** Whether a chart of that name is one the report drew. */
export function isReportChartName(name: string | undefined): boolean {
  return name !== undefined && /^LL chart \d+(?::|$)/.test(name);
}

/** The author of the notes the report writes in a file. */
export const REPORT_NOTE_AUTHOR = "Loyalty Lens";

/** The author of the notes builds before the mark wrote in a file (ExcelJS's writer gave them this one). */
export const UNMARKED_NOTE_AUTHOR = "Author";

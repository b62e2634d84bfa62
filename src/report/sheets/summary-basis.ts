/**
 * The sheets of a report built from a customer summary that cannot show what they show from order lines:
 * each says, in a note, what it needs and how to get it, instead of being empty or wrong; and the Data
 * quality sheet says how the summary was read.
 */
import { formatDay } from "../../engine/data/days";
import { findingOf } from "../../engine/data/quality";
import { SUMMARY_BASIS_TEXTS, needsOrderLines } from "../../engine/text/summary-basis";
import type { SheetModel } from "../../sheet/sheet-model";
import type { ReportData } from "../report-data";
import { sheetName, type SheetKind } from "../sheet-kinds";
import { SheetLayout } from "./layout";

/** A sheet that needs the order lines: its title and a note saying so. */
function needsLinesSheet(kind: SheetKind, data: ReportData): SheetModel {
  const language = data.config.language;
  const t = SUMMARY_BASIS_TEXTS[language];
  const what = needsOrderLines(kind) ? t.needs[kind] : kind;
  const { summary } = data.analysis;
  return new SheetLayout()
    .title(sheetName(kind, language))
    .note(t.needsLines(what, data.source, summary.customerIds.length, formatDay(data.analysis.asOf)))
    .finish({ kind, columnWidths: [120] });
}

/** The Data quality sheet of a summary: what was read, and that the cleaning was done where it was made. */
function summaryQualitySheet(data: ReportData): SheetModel {
  const language = data.config.language;
  const { quality } = data.analysis.table;
  const note = SUMMARY_BASIS_TEXTS[language].summaryRead(
    data.source,
    quality.rowsRead,
    data.analysis.summary.customerIds.length,
    findingOf(quality, "blankRow").count,
    formatDay(data.analysis.asOf),
  );
  return new SheetLayout()
    .title(sheetName("data-quality", language))
    .note(note)
    .finish({ kind: "data-quality", columnWidths: [120] });
}

/** The builder of `kind` for a report made from a customer summary, or undefined to use the usual one. */
export function summaryBasisBuilder(kind: SheetKind): ((data: ReportData) => SheetModel) | undefined {
  if (kind === "data-quality") return summaryQualitySheet;
  if (needsOrderLines(kind)) return (data) => needsLinesSheet(kind, data);
  return undefined;
}

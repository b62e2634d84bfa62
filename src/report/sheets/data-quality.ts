/**
 * The Data quality sheet: what was read, which column was used for what, and for every reason a row was
 * not used as a plain purchase how many there were, what was done, and the first places to look. In the
 * report's language: the places and the engine's notes too; the user's file, sheet, column and cell texts
 * stay as they are.
 */
import { COLUMN_ROLES, roleLabel } from "../../engine/data/columns";
import { formatDay } from "../../engine/data/days";
import type { QualityExample, QualityFinding } from "../../engine/data/quality";
import { headerlessName } from "../../engine/data/table";
import { columnName } from "../../sheet/a1";
import { DATA_QUALITY_TEXTS, qualityNote, qualityValue } from "../../engine/text/data-quality";
import type { Language } from "../../engine/text/language";
import { cellPlaceText } from "../../engine/text/places";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { type ReportData } from "../report-data";
import { round } from "./cell-values";
import { SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import { READING_TEXTS, readRulesParts, titleRowsSentences } from "../../engine/text/reading";
import { quotedValue } from "../contact-columns";

type Texts = (typeof DATA_QUALITY_TEXTS)["en"];

export function buildDataQualitySheet(data: ReportData): SheetModel {
  const { analysis } = data;
  const language = data.config.language;
  const t = DATA_QUALITY_TEXTS[language];
  const { quality } = analysis.table;
  const problems = quality.findings.filter((f) => f.count > 0 && f.reason !== "zeroAmount");
  const layout = new SheetLayout().title(
    t.title,
    t.intro(quality.rowsRead, data.source, quality.purchaseLines, problems.length > 0),
  );
  layout.gap();
  const reading = READING_TEXTS[language];
  const facts: [string, Cell][] = [
    [t.facts.source, data.source],
    [t.facts.rowsRead, quality.rowsRead],
    [t.facts.purchaseLines, quality.purchaseLines],
    [t.facts.customers, analysis.summary.customerIds.length],
    [t.facts.asOf, formatDay(analysis.asOf)],
    // The rules that made each line's amount and date: quantity × unit price, order totals counted once...
    [
      reading.linesLabel,
      readRulesParts({ ...quality, formats: analysis.table.formats }, language, false).join(
        reading.partSeparator,
      ),
    ],
  ];
  // Rows above a header-less table taken for titles: which, their text and why.
  if (quality.titleRows) {
    const said = titleRowsSentences(language, quality, quality.titleRows);
    facts.push([reading.titleRowsLabel, said.join(reading.partSeparator)]);
  }
  layout.facts(facts, [undefined, "integer", "integer", "integer"]);
  layout.gap();
  columnsUsedTable(layout, data, t);
  findingsTable(layout, data, t);
  examplesTable(layout, data);
  return layout.finish({
    kind: "data-quality",
    // "First place" names the file, row, column and header: wide enough for a file name.
    columnWidths: [34, 10, 10, 26, 12, 58, 20, 40],
    tabColor: "#A5A5A5",
  });
}

/** Which column of the order table was used for which role, and whether the settings named it. */
function columnsUsedTable(layout: SheetLayout, data: ReportData, t: Texts): void {
  const { columns } = data.analysis.table;
  const language = data.config.language;
  layout.section(t.columnsUsed);
  const mapped = COLUMN_ROLES.filter((role) => columns.mapping[role] !== undefined);
  layout.table({
    header: t.columnHeaders,
    rows: mapped.map((role) => {
      const c = columns.mapping[role] as number;
      const letter = data.columnLabels[c] ?? columnName(c + 1);
      const header = data.headers[c] ?? "";
      return [
        roleLabel(role, language),
        letter,
        // Without a header row the column has only its letter (its made-up name is no header).
        header === headerlessName(letter) ? "" : header,
        columns.origin[role] === "given" ? t.given : t.found,
      ];
    }),
  });
  layout.gap();
}

function findingLabel(f: QualityFinding, language: Language): string {
  return language === "zh-CN" ? f.labelZh : f.label;
}

/** An example's cell, its place and the engine's note on it, in the report's language. */
function exampleWords(data: ReportData, e: QualityExample) {
  const { quality } = data.analysis.table;
  const language = data.config.language;
  return {
    where: cellPlaceText(language, quality, e),
    // A phone or an e-mail quoted from the orders is masked like everywhere else when contacts are.
    value: qualityValue(quotedValue(data, e.column, e.value), language),
    note: e.note === undefined ? "" : qualityNote(e.note, language),
  };
}

/** One row per reason a row was not a plain purchase: how many, what was done, the first place to look. */
function findingsTable(layout: SheetLayout, data: ReportData, t: Texts): void {
  const { analysis, config } = data;
  const { quality } = analysis.table;
  const money = moneyFormat(config.currency);
  layout.section(t.findings, t.findingsNote);
  const findingRows: Cell[][] = quality.findings.map((f) => {
    const first = f.examples[0] && exampleWords(data, f.examples[0]);
    return [
      findingLabel(f, config.language),
      f.count,
      t.units[f.unit],
      f.count > 0 ? t.actions[f.action] : "",
      f.amount !== undefined ? round(f.amount, 2) : null,
      first ? first.where : "",
      first ? first.value : "",
      first ? first.note : "",
    ];
  });
  const findings = layout.table({
    header: t.findingHeaders,
    rows: findingRows,
    formats: [null, "integer", null, null, money, null, "text", null],
    table: { name: "LL_DataQuality", style: "TableStyleLight9" },
  });
  layout.format({
    type: "cellValue",
    range: findings.column(1),
    operator: "greaterThan",
    operands: [0],
    style: { fill: "#FFEB9C", fontColor: "#9C5700", bold: true },
  });
  layout.gap();
}

/** The examples of every finding, in sheet order. */
function examplesTable(layout: SheetLayout, data: ReportData): void {
  const { quality } = data.analysis.table;
  const language = data.config.language;
  const t = DATA_QUALITY_TEXTS[language];
  // Orders read from several files (a glob): each row is named in its file, which a column says.
  const inFiles = quality.findings.some((f) => f.examples.some((e) => e.file !== undefined));
  const examples = quality.findings.flatMap((f) =>
    f.examples.map((e): Cell[] => {
      const words = exampleWords(data, e);
      const row = [findingLabel(f, language), e.row, e.column, e.header, words.value, words.note];
      return inFiles ? [row[0], e.file ?? "", ...row.slice(1)] : row;
    }),
  );
  layout.section(
    t.examples,
    t.examplesNote(quality.findings.reduce((most, f) => Math.max(most, f.examples.length), 0)),
  );
  layout.table({
    header: inFiles ? [t.exampleHeaders[0], t.fileHeader, ...t.exampleHeaders.slice(1)] : t.exampleHeaders,
    rows: examples,
    // Row numbers as Excel shows them, without thousands separators.
    formats: [null, ...(inFiles ? ["text" as const] : []), { code: "0" }, null, null, "text", null],
    table: { name: "LL_DataQualityExamples", style: "TableStyleLight9" },
  });
}

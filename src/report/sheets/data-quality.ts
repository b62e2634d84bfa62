/**
 * The Data quality sheet: what was read, which column was used for what, and for every reason a row was
 * not used as a plain purchase how many there were, what was done, and the first places to look.
 */
import { COLUMN_ROLES, ROLE_LABELS } from "../../engine/data/columns";
import { formatDay } from "../../engine/data/days";
import type { DataQualityReport } from "../../engine/data/quality";
import { columnLetter } from "../../engine/data/table";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { type ReportData } from "../report-data";
import { round } from "./cell-values";
import { SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import { counted } from "../../engine/text/counted";

const ACTIONS: Record<string, string> = {
  dropped: "left out",
  kept: "kept",
  "reduces spend": "reduces the customer's spend",
  "field ignored": "that field ignored",
};

export function buildDataQualitySheet(data: ReportData): SheetModel {
  const { analysis } = data;
  const { quality } = analysis.table;
  const problems = quality.findings.filter((f) => f.count > 0 && f.reason !== "zeroAmount");
  const layout = new SheetLayout().title(
    "Data quality",
    `${counted(quality.rowsRead, "row")} read from ${data.source}, ` +
      `${counted(quality.purchaseLines, "purchase line")} used; ` +
      (problems.length === 0 ? "nothing to fix." : "the table below says what else was found and where."),
  );
  layout.gap();
  layout.facts(
    [
      ["Source", data.source],
      ["Rows read (below the header)", quality.rowsRead],
      ["Purchase lines used", quality.purchaseLines],
      ["Customers with a purchase", analysis.summary.customerIds.length],
      ["As of", formatDay(analysis.asOf)],
    ],
    [undefined, "integer", "integer", "integer"],
  );
  layout.gap();
  columnsUsedTable(layout, data);
  findingsTable(layout, data);
  examplesTable(layout, quality);
  return layout.finish({
    kind: "data-quality",
    // "First place" names the file, row, column and header: wide enough for a file name.
    columnWidths: [34, 10, 10, 26, 12, 58, 20, 40],
    tabColor: "#A5A5A5",
  });
}

/** Which column of the order table was used for which role, and whether the settings named it. */
function columnsUsedTable(layout: SheetLayout, data: ReportData): void {
  const { columns } = data.analysis.table;
  layout.section("Columns used");
  const mapped = COLUMN_ROLES.filter((role) => columns.mapping[role] !== undefined);
  layout.table({
    header: ["Role", "Column", "Header", "How"],
    rows: mapped.map((role) => {
      const c = columns.mapping[role] as number;
      return [
        ROLE_LABELS[role].en,
        data.columnLetters[c] ?? columnLetter(c),
        data.headers[c] ?? "",
        columns.origin[role] === "given" ? "set in the settings" : "found from the header",
      ];
    }),
  });
  layout.gap();
}

/** One row per reason a row was not a plain purchase: how many, what was done, the first place to look. */
function findingsTable(layout: SheetLayout, { analysis, config }: ReportData): void {
  const { quality } = analysis.table;
  const money = moneyFormat(config.currency);
  layout.section(
    "Findings",
    "Every row read is counted once: as a purchase line or under the first reason that applies.",
  );
  const findingRows: Cell[][] = quality.findings.map((f) => {
    const first = f.examples[0];
    return [
      f.label,
      f.count,
      f.unit,
      f.count > 0 ? (ACTIONS[f.action] ?? f.action) : "",
      f.amount !== undefined ? round(f.amount, 2) : null,
      first ? first.where : "",
      first ? first.value : "",
      first?.note ?? "",
    ];
  });
  const findings = layout.table({
    header: ["Finding", "Count", "Of", "What was done", "Amount", "First place", "Value there", "Why"],
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
function examplesTable(layout: SheetLayout, quality: DataQualityReport): void {
  const examples = quality.findings.flatMap((f) =>
    f.examples.map((e): Cell[] => [f.label, e.row, e.column, e.header, e.value, e.note ?? ""]),
  );
  layout.section(
    "Examples",
    `Up to ${quality.findings.reduce((most, f) => Math.max(most, f.examples.length), 0)} per finding, in sheet order.`,
  );
  layout.table({
    header: ["Finding", "Row", "Column", "Header", "Value", "Why"],
    rows: examples,
    // Row numbers as Excel shows them, without thousands separators.
    formats: [null, { code: "0" }, null, null, "text", null],
    table: { name: "LL_DataQualityExamples", style: "TableStyleLight9" },
  });
}

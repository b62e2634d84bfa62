/**
 * The data-quality report: for every reason a row (or a customer) was not used as a plain purchase, how
 * many, what was done about it, and the first examples with the sheet, row and column a user can go to.
 * Every row read is accounted for by exactly one row reason or kept as a purchase line; see
 * `accountedRows`.
 */
import {
  cellPlace,
  columnLabel,
  describeCell,
  sourceOf,
  type CellValue,
  type RawTable,
  type TablePlace,
  type TitleRow,
} from "./table";
import { cellText } from "./parse-id";
import { DAY_ORDER_UNKNOWN } from "./parse-date";
import type { AmountRule } from "./columns";

export type QualityReason =
  | "blankRow"
  | "blankId"
  | "testAccount"
  | "repeatedOrderTotal"
  | "unparsableDate"
  | "nonNumericAmount"
  | "dateAfterAsOf"
  | "duplicateLine"
  | "zeroAmount"
  | "cancelledOrder"
  | "refund"
  | "nettedOut"
  | "memberDetailsOnly"
  | "badMemberDetail"
  | "longId"
  | "noPurchase";

/** What happened to the rows (or customers) of a finding. */
export type QualityAction = "dropped" | "kept" | "reduces spend" | "field ignored";

/**
 * A customer id longer than this is not what a member number looks like (a pasted note, a whole address, a
 * line of a file read as one cell): such customers are kept, and listed so the user can look.
 */
export const LONG_ID = 256;

/** An Excel cell holds at most this many characters: a longer id is cut where a sheet shows it. */
export const MAX_CELL_CHARACTERS = 32_767;

/** Characters of a cell an example shows: a 1 MB cell is named by its start and its length. */
const EXAMPLE_CHARACTERS = 100;

/** The start of a long text, with how long the whole is: "ABCD… (1,048,576 characters)". */
export function shortenedText(text: string): string {
  if (text.length <= EXAMPLE_CHARACTERS) return text;
  return `${text.slice(0, EXAMPLE_CHARACTERS)}… (${text.length.toLocaleString("en-US")} characters)`;
}

export interface QualityReasonInfo {
  reason: QualityReason;
  label: string;
  labelZh: string;
  /** Whether `count` counts rows of the table or customers. */
  unit: "rows" | "customers";
}

/** The reasons in report order, with their labels. */
export const QUALITY_REASONS: readonly QualityReasonInfo[] = [
  { reason: "blankRow", label: "Blank row", labelZh: "空行", unit: "rows" },
  { reason: "blankId", label: "Blank customer id", labelZh: "客户ID为空", unit: "rows" },
  { reason: "testAccount", label: "Test or junk account", labelZh: "测试或垃圾账号", unit: "rows" },
  {
    reason: "repeatedOrderTotal",
    label: "Order total repeated on a later line of the order (counted once)",
    labelZh: "订单金额在同一订单的后续行重复（只计一次）",
    unit: "rows",
  },
  { reason: "unparsableDate", label: "Unreadable date", labelZh: "日期无法识别", unit: "rows" },
  { reason: "nonNumericAmount", label: "Amount not a number", labelZh: "金额不是数字", unit: "rows" },
  {
    reason: "dateAfterAsOf",
    label: "Date after the as-of date",
    labelZh: "日期晚于统计截止日",
    unit: "rows",
  },
  { reason: "duplicateLine", label: "Exact duplicate line", labelZh: "完全重复的行", unit: "rows" },
  { reason: "zeroAmount", label: "Zero amount", labelZh: "金额为零", unit: "rows" },
  {
    reason: "cancelledOrder",
    label: "Cancelled, refunded or unpaid order (status or C invoice)",
    labelZh: '已取消、已退款或未付款的订单（订单状态或以 "C" 开头的发票）',
    unit: "rows",
  },
  { reason: "refund", label: "Refund (negative amount)", labelZh: "退款（负金额）", unit: "rows" },
  {
    reason: "nettedOut",
    label: "Purchase netted out by a return of the same order or day (not a purchase)",
    labelZh: "被同一订单或同日退货抵消的消费（不计为消费）",
    unit: "rows",
  },
  {
    reason: "memberDetailsOnly",
    label: "Member details without a purchase",
    labelZh: "仅有会员资料、无消费",
    unit: "rows",
  },
  {
    reason: "badMemberDetail",
    label: "Unreadable birthday, join date or points",
    labelZh: "生日、入会日期或积分无法识别",
    unit: "rows",
  },
  {
    reason: "longId",
    label: `Customer id longer than ${LONG_ID} characters (kept; a cell shows at most ${MAX_CELL_CHARACTERS.toLocaleString("en-US")})`,
    labelZh: `客户ID超过 ${LONG_ID} 个字符（保留；单元格最多显示 ${MAX_CELL_CHARACTERS.toLocaleString("en-US")} 个）`,
    unit: "customers",
  },
  {
    reason: "noPurchase",
    label: "Customer with no purchase",
    labelZh: "无消费记录的客户",
    unit: "customers",
  },
];

export interface QualityExample {
  /** Sheet row number, as the user sees it in Excel (in `file`, when there is one). */
  row: number;
  /** The file holding the row, when the table was read from several files (a glob). */
  file?: string;
  /** Column letter ("C"). */
  column: string;
  /** Header of that column. */
  header: string;
  /** The cell as text ("(blank)", "#N/A", "2024-13-01"). */
  value: string;
  /** "sheet Orders, row 12, column C (Date)": ready for a message. */
  where: string;
  /** Why, when the reason alone does not say it ("no such day in the calendar", the rule that fired). */
  note?: string;
}

export interface QualityFinding extends QualityReasonInfo {
  /** Rows (or customers, see `unit`). */
  count: number;
  action: QualityAction;
  /** Sum of the amounts involved, where there is one (refunds, duplicates, dropped late orders). */
  amount?: number;
  /** The first examples, in table order. */
  examples: QualityExample[];
}

export interface DataQualityReport {
  /** The table's source (sheet, table or file name). */
  source: string;
  /** The same as parts (file, sheet, table), when the reader knew them. */
  place?: TablePlace;
  /** Data rows read (below the header). */
  rowsRead: number;
  /** Rows kept as purchase lines (positive amounts, and zero amounts when kept). */
  purchaseLines: number;
  /** One finding per reason, in `QUALITY_REASONS` order; reasons that did not occur have count 0. */
  findings: QualityFinding[];
  /** How each line's amount was found: its amount column, or quantity × unit price (− discount). */
  amountRule: AmountRule;
  /** Whether the amount column holds order totals repeated on the lines of an order (counted once). */
  orderTotals: boolean;
  /** Title rows above a header-less table, left out of it (not rows read). */
  titleRows?: TitleRow[];
}

/** How many examples each finding keeps. */
export const DEFAULT_EXAMPLES_PER_REASON = 5;

/** Collects counts and examples while a table is read; `report()` gives the finished report. */
export class QualityCollector {
  private readonly counts = new Map<QualityReason, number>();
  private readonly amounts = new Map<QualityReason, number>();
  /** Each reason's examples with their data rows, by which they are sorted (a glob's file rows are not). */
  private readonly examples = new Map<QualityReason, { dataRow: number; example: QualityExample }[]>();

  constructor(
    private readonly table: RawTable,
    private readonly actions: Readonly<Record<QualityReason, QualityAction>>,
    private readonly examplesPerReason = DEFAULT_EXAMPLES_PER_REASON,
  ) {}

  /** Counts one row (or customer) under `reason`; keeps it as an example while there are few. */
  add(reason: QualityReason, column: number, dataRow: number, note?: () => string, amount?: number): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    if (amount !== undefined) this.amounts.set(reason, (this.amounts.get(reason) ?? 0) + amount);
    let list = this.examples.get(reason);
    if (!list) this.examples.set(reason, (list = []));
    if (list.length < this.examplesPerReason) {
      list.push({ dataRow, example: this.example(column, dataRow, note?.()) });
    }
  }

  /**
   * Counts `count` more rows (or customers) under `reason` without examples, for readers that count in
   * bulk (the CLI's DuckDB reader counts with SQL and adds the first examples with `add`).
   */
  addCount(reason: QualityReason, count: number, amount?: number): void {
    // The sum may cover rows already added one by one (as examples), so it is kept even when count is 0.
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
    if (amount !== undefined) this.amounts.set(reason, (this.amounts.get(reason) ?? 0) + amount);
  }

  count(reason: QualityReason): number {
    return this.counts.get(reason) ?? 0;
  }

  private example(column: number, dataRow: number, note: string | undefined): QualityExample {
    const t = this.table;
    const cell: CellValue = t.columns[column]?.[dataRow];
    const at = cellPlace(t, column, dataRow);
    const example: QualityExample = {
      row: at.row,
      ...(t.rowPlace && at.file !== undefined ? { file: at.file } : {}),
      column: columnLabel(t, column),
      // A header-less table's made-up names ("Column B") are no header: the letter says it (cellPlace).
      header: at.header ?? "",
      value: shortenedText(cellText(cell)),
      where: describeCell(t, column, dataRow),
    };
    if (note) example.note = note;
    return example;
  }

  report(
    rowsRead: number,
    purchaseLines: number,
    rules: { amountRule: AmountRule; orderTotals: boolean } = { amountRule: "amount", orderTotals: false },
  ): DataQualityReport {
    const findings = QUALITY_REASONS.map((info): QualityFinding => {
      const finding: QualityFinding = {
        ...info,
        count: this.count(info.reason),
        action: this.actions[info.reason],
        examples: (this.examples.get(info.reason) ?? [])
          .sort((a, b) => a.dataRow - b.dataRow)
          .map((e) => e.example),
      };
      const amount = this.amounts.get(info.reason);
      if (amount !== undefined) finding.amount = amount;
      return finding;
    });
    const { titleRows } = this.table;
    return {
      ...sourceOf(this.table),
      rowsRead,
      purchaseLines,
      findings,
      ...rules,
      ...(titleRows && titleRows.length > 0 ? { titleRows } : {}),
    };
  }
}

/** The finding for one reason. */
export function findingOf(report: DataQualityReport, reason: QualityReason): QualityFinding {
  const finding = report.findings.find((f) => f.reason === reason);
  if (!finding) throw new Error(`no finding ${reason}`);
  return finding;
}

/**
 * Whether dates (order dates, birthdays, join dates) were left unread for want of a day/month order, as in
 * 03/04/2024 with none set: an example of a finding says so. Setting the order reads them. Only the first
 * examples of each finding are looked at, which is enough to advise the user.
 */
export function needsDayOrder(report: DataQualityReport): boolean {
  return report.findings.some((f) => f.examples.some((e) => e.note?.endsWith(DAY_ORDER_UNKNOWN)));
}

/**
 * Rows accounted for: purchase lines, plus rows dropped or kept as refunds, plus member-detail rows. It
 * equals `rowsRead` when nothing was lost. Rows kept as purchase lines (zero amounts, kept duplicates) are
 * already among the purchase lines; findings on customers or single fields are not rows.
 */
export function accountedRows(report: DataQualityReport): number {
  let rows = report.purchaseLines;
  for (const f of report.findings) {
    if (f.unit !== "rows") continue;
    if (f.action === "dropped" || f.action === "reduces spend" || f.reason === "memberDetailsOnly") {
      rows += f.count;
    }
  }
  return rows;
}

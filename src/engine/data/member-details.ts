/**
 * Member details (birthday, join date, tier, points, name, phone, e-mail, store, channel) read while an order table is read: for each
 * customer the last readable non-blank value in table order. Unreadable values are counted as
 * `badMemberDetail` (the order line itself is still used).
 */
import type { CellValue, RawTable } from "./table";
import type { ColumnMapping, ColumnRole } from "./columns";
import type { MemberDetails } from "./orders";
import type { QualityCollector } from "./quality";
import { NO_DAY } from "./days";
import { explainDate, isBlankCell, parseDay, type DateParseOptions } from "./parse-date";
import { explainAmount, parseAmount, type AmountParseOptions } from "./parse-amount";
import { parseId } from "./parse-id";

/** Which customer each row belongs to, and which customers to skip (test accounts). */
export interface RowCustomers {
  /** Customer per table row, −1 for none. */
  customerOfRow: Int32Array;
  /** 1 for customers whose rows are not used. */
  skip: Uint8Array;
}

/**
 * One numeric detail column read into `values` (per customer): exports repeat a member's details on every
 * line, so a cell equal to the customer's last readable one is not parsed again.
 */
function readDetailColumn(
  table: RawTable,
  column: number,
  role: ColumnRole,
  rows: RowCustomers,
  values: Int32Array | Float64Array,
  parse: (cell: CellValue) => number,
  explain: (cell: CellValue) => string,
  quality: QualityCollector,
): void {
  const cells = table.columns[column] ?? [];
  const lastGood: CellValue[] = new Array<CellValue>(values.length).fill(undefined);
  const { customerOfRow, skip } = rows;
  for (let row = 0; row < customerOfRow.length; row++) {
    const c = customerOfRow[row];
    if (c < 0 || skip[c]) continue;
    const cell = cells[row];
    if (cell === lastGood[c] || isBlankCell(cell)) continue;
    const value = parse(cell);
    if (Number.isNaN(value)) {
      quality.add("badMemberDetail", column, row, () => `${role}: ${explain(cell)}`);
    } else {
      values[c] = value;
      lastGood[c] = cell;
    }
  }
}

/** A text detail (tier, name, phone, e-mail, store, channel) per customer: the last non-blank value in table order. */
function readTextColumn(cells: CellValue[], rows: RowCustomers, customers: number): string[] {
  const tiers = new Array<string>(customers).fill("");
  for (let row = 0; row < rows.customerOfRow.length; row++) {
    const c = rows.customerOfRow[row];
    if (c < 0 || rows.skip[c]) continue;
    const tier = parseId(cells[row]);
    if (tier !== "") tiers[c] = tier;
  }
  return tiers;
}

/** Member details of every customer (indexed like `rows.customerOfRow`), column by column. */
export function readMemberDetails(
  table: RawTable,
  mapping: ColumnMapping,
  rows: RowCustomers,
  quality: QualityCollector,
  dates?: DateParseOptions,
  amounts?: AmountParseOptions,
): MemberDetails {
  const customers = rows.skip.length;
  const dayColumn = (role: "birthday" | "joinDate"): Int32Array | null => {
    const column = mapping[role];
    if (column === undefined) return null;
    const values = new Int32Array(customers).fill(NO_DAY);
    const parse = (cell: CellValue) => parseDay(cell, dates);
    const explain = (cell: CellValue) => explainDate(cell, dates);
    readDetailColumn(table, column, role, rows, values, parse, explain, quality);
    return values;
  };
  const birthday = dayColumn("birthday");
  const joinDay = dayColumn("joinDate");
  let points: Float64Array | null = null;
  if (mapping.points !== undefined) {
    points = new Float64Array(customers).fill(NaN);
    const parse = (cell: CellValue) => parseAmount(cell, amounts);
    const explain = (cell: CellValue) => explainAmount(cell, amounts);
    readDetailColumn(table, mapping.points, "points", rows, points, parse, explain, quality);
  }
  const text = (role: "tier" | "name" | "phone" | "email" | "store" | "channel"): string[] | null => {
    const column = mapping[role];
    return column === undefined ? null : readTextColumn(table.columns[column] ?? [], rows, customers);
  };
  return {
    birthday,
    joinDay,
    tier: text("tier"),
    points,
    name: text("name"),
    phone: text("phone"),
    email: text("email"),
    store: text("store"),
    channel: text("channel"),
  };
}

/** The details of the customers kept, in their new order: `keep[i]` is the old index of customer i. */
export function pickMemberDetails(all: MemberDetails, keep: ArrayLike<number>): MemberDetails {
  const pick = <T extends Int32Array | Float64Array>(values: T | null, make: (n: number) => T): T | null => {
    if (!values) return null;
    const out = make(keep.length);
    for (let i = 0; i < keep.length; i++) out[i] = values[keep[i]];
    return out;
  };
  const texts = (values: string[] | null) => (values ? Array.from(keep, (old) => values[old]) : null);
  return {
    birthday: pick(all.birthday, (n) => new Int32Array(n)),
    joinDay: pick(all.joinDay, (n) => new Int32Array(n)),
    tier: texts(all.tier),
    points: pick(all.points, (n) => new Float64Array(n)),
    name: texts(all.name),
    phone: texts(all.phone),
    email: texts(all.email),
    store: texts(all.store),
    channel: texts(all.channel),
  };
}

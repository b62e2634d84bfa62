/**
 * What the pane shows about the chosen order table before a build: the column of each role (detected,
 * then as the user overrides it), the first rows, and the last order date (the default as-of date).
 */
import { EXCEL_SERIALS } from "../../sheet/serial-dates";
import {
  COLUMN_ROLES,
  detectColumns,
  REQUIRED_ROLES,
  type ColumnOverrides,
  type ColumnRole,
  type DetectedColumns,
} from "../../engine/data/columns";
import { formatDay } from "../../engine/data/days";
import { DataError } from "../../engine/data/errors";
import {
  DAY_ORDERS,
  parseDay,
  proposeDayOrder,
  type DayOrder,
  type DayOrderProposal,
} from "../../engine/data/parse-date";
import { columnLabel, isCellError, rowCount, type CellValue, type RawTable } from "../../engine/data/table";

/** Roles in the order the pane lists them: the required three, then the optional ones. */
export const ROLES_IN_ORDER: readonly ColumnRole[] = [
  ...REQUIRED_ROLES,
  ...COLUMN_ROLES.filter((r) => !REQUIRED_ROLES.includes(r)).reverse(),
];

/** The mapping for the table with the user's overrides; an override that no longer fits is dropped. */
export function mappingFor(table: RawTable, overrides: ColumnOverrides): DetectedColumns {
  try {
    return detectColumns(table, overrides);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return detectColumns(table);
  }
}

/**
 * How an override names a column, so saved settings survive columns moving: by header text, or by
 * column letter when the header is blank or not unique.
 */
export function columnReference(table: RawTable, column: number): string {
  const header = table.headers[column] ?? "";
  const unique = header.trim() !== "" && table.headers.filter((h) => h === header).length === 1;
  return unique ? header : columnLabel(table, column);
}

/** The user's choice for one role: a column index, or null for "no such column". */
export function overrideRole(
  table: RawTable,
  overrides: ColumnOverrides,
  role: ColumnRole,
  column: number | null,
): ColumnOverrides {
  const next: ColumnOverrides = {
    ...overrides,
    [role]: column === null ? null : columnReference(table, column),
  };
  if (column === null) return next;
  // A column serves one role: another role that had it (by detection or override) lets go of it.
  const current = mappingFor(table, overrides).mapping;
  for (const other of COLUMN_ROLES) {
    if (other !== role && current[other] === column) next[other] = null;
  }
  return next;
}

/** The latest parsable date in a column, as YYYY-MM-DD (undefined when none parses). */
export function lastOrderDate(
  table: RawTable,
  dateColumn: number | undefined,
  dayOrder: DayOrder = "ymd",
): string | undefined {
  if (dateColumn === undefined) return undefined;
  const options = { dayOrder, serials: EXCEL_SERIALS };
  let last = -Infinity;
  for (const v of table.columns[dateColumn] ?? []) {
    const day = parseDay(v, options);
    if (day > last) last = day;
  }
  return Number.isFinite(last) ? formatDay(last) : undefined;
}

/** A cell as the preview shows it. */
export function displayCell(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (isCellError(v)) return v.error;
  return String(v);
}

/** The first `count` data rows, as text. */
export function previewRows(table: RawTable, count: number): string[][] {
  const n = Math.min(count, rowCount(table));
  return Array.from({ length: n }, (_, r) => table.columns.map((column) => displayCell(column[r])));
}

/** Rows of a table the pane holds: enough to detect the columns and show the first rows. */
const HEAD_ROWS = 100;

/** The header and first `count` rows of a table (the rest stays in the worker that read it). */
export function tableHead(table: RawTable, count = HEAD_ROWS): RawTable {
  return { ...table, columns: table.columns.map((c) => c.slice(0, count)) };
}

/** What the whole date column says: the date order it proves, and the last order date in each order. */
export interface DateFacts {
  column: number;
  proposal?: DayOrderProposal;
  last: Partial<Record<DayOrder, string>>;
}

export function dateFacts(table: RawTable, column: number): DateFacts {
  const values = table.columns[column] ?? [];
  const proposal = proposeDayOrder(values, values.length);
  const last: DateFacts["last"] = {};
  for (const order of DAY_ORDERS) {
    const day = lastOrderDate(table, column, order);
    if (day !== undefined) last[order] = day;
  }
  return proposal ? { column, proposal, last } : { column, last };
}

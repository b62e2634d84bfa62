/**
 * Cell addresses for messages. With `@requiresParameterAddresses` Excel tells a function where each
 * argument's range is ("Orders!B2:B2358"); a message can then name the very cell a user must fix
 * ("Orders!B7") instead of a position inside the range.
 */
import { columnName, columnNumber } from "../../sheet/a1";

export interface RangeStart {
  /** The sheet prefix as Excel wrote it, with its "!" ("Orders!", "'My data'!"), or "". */
  sheet: string;
  /** 0-based column index of the top-left cell. */
  column: number;
  /** 1-based row number of the top-left cell. */
  row: number;
}

const A1_RANGE = /^(?:(.+)!)?\$?([A-Z]{1,3})?\$?(\d+)?(?::\$?([A-Z]{1,3})?\$?(\d+)?)?$/i;

/**
 * The top-left cell of an A1-style range address ("Sheet1!B2:D9", "'Q1 data'!$B:$B", "3:3"), or
 * undefined for an empty or unreadable address (a literal argument, an array computed by a formula).
 */
export function parseRangeStart(address: string | undefined): RangeStart | undefined {
  if (!address) return undefined;
  const m = A1_RANGE.exec(address.trim());
  if (!m || (!m[2] && !m[3])) return undefined;
  return {
    sheet: m[1] ? `${m[1]}!` : "",
    column: m[2] ? columnNumber(m[2]) - 1 : 0,
    row: m[3] ? Number(m[3]) : 1,
  };
}

/** The address of the cell at (row, column) inside a range starting at `start`: "Orders!B7". */
export function cellAddress(start: RangeStart, row: number, column: number): string {
  return `${start.sheet}${columnName(start.column + column + 1)}${start.row + row}`;
}

/**
 * Exact duplicate lines: two rows whose every cell (all columns of the table, not only the mapped ones)
 * is the same. Only rows of the same customer on the same day with the same amount can be duplicates, so
 * rows are compared within those groups only.
 */
import { isCellError, type CellValue, type RawTable } from "./table";
import { isBlankCell } from "./parse-date";

export function cellsEqual(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (isBlankCell(a)) return isBlankCell(b);
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (isCellError(a)) return isCellError(b) && a.error === b.error;
  return false;
}

export function rowsEqual(table: RawTable, rowA: number, rowB: number): boolean {
  for (const column of table.columns) {
    if (!cellsEqual(column[rowA], column[rowB])) return false;
  }
  return true;
}

/**
 * Marks duplicates in `order` (row indexes sorted by customer, then day, then row): a row equal to an
 * earlier row of its group is a duplicate of it. Returns one flag per table row.
 */
export function markDuplicateRows(
  table: RawTable,
  order: Int32Array,
  customer: Int32Array,
  day: Int32Array,
  amount: Float64Array,
  rowCount: number,
): Uint8Array {
  const duplicate = new Uint8Array(rowCount);
  let groupStart = 0;
  for (let i = 1; i <= order.length; i++) {
    const row = order[i];
    const first = order[groupStart];
    if (i < order.length && customer[row] === customer[first] && day[row] === day[first]) continue;
    for (let j = groupStart + 1; j < i; j++) {
      const b = order[j];
      for (let k = groupStart; k < j; k++) {
        const a = order[k];
        if (duplicate[a] || amount[a] !== amount[b]) continue;
        if (rowsEqual(table, a, b)) {
          duplicate[b] = 1;
          break;
        }
      }
    }
    groupStart = i;
  }
  return duplicate;
}

/**
 * The raw table every reader hands to the engine: a header row and the cells below it, column by
 * column, as they came from Excel (Office.js values), an .xlsx file (ExcelJS) or a .csv file.
 * Nothing is parsed yet; the engine's parsers turn these cells into typed columns and count what
 * they cannot use.
 */

/** An Excel error value found in a cell, such as #N/A or #REF!. */
export interface CellError {
  error: string;
}

/**
 * One cell. Office.js gives numbers (dates as serial numbers), strings ("" for blank) and booleans;
 * ExcelJS also gives Date objects and error values; CSV gives strings.
 */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

export interface RawTable {
  /** Where the table came from, for messages: a sheet name ("Orders"), a table name or a file name. */
  source: string;
  /** Header texts, one per column. */
  headers: string[];
  /** Cells below the header, column-major: columns[c][r] is data row r of column c. */
  columns: CellValue[][];
  /** Sheet row number (1-based) of data row 0, so messages name the row a user sees in Excel. */
  firstRow: number;
  /** Sheet column letter of each column ("A", "B", ...), for messages; defaults to A, B, ... */
  columnLetters?: string[];
}

export function isCellError(v: CellValue): v is CellError {
  return (
    typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string"
  );
}

/** Number of data rows of a table (the longest column). */
export function rowCount(table: RawTable): number {
  let n = 0;
  for (const c of table.columns) n = Math.max(n, c.length);
  return n;
}

/** Excel's column letter for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "sheet Orders, row 12, column C (Date)": the place a message points the user to. */
export function describeCell(table: RawTable, column: number, dataRow: number): string {
  const letter = table.columnLetters?.[column] ?? columnLetter(column);
  const header = table.headers[column] ? ` (${table.headers[column]})` : "";
  return `${table.source}, row ${table.firstRow + dataRow}, column ${letter}${header}`;
}

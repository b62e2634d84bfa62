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

/**
 * Where a table came from, as parts (the user's own names), so a display in another language can say the
 * place in its own words; `source` of a RawTable is the same place in English (describeSource).
 */
export interface TablePlace {
  file?: string;
  sheet?: string;
  table?: string;
}

/** A cell of a table, as parts: the place describeCell writes in English. */
export interface CellPlace extends TablePlace {
  /** Sheet row number, as the user sees it. */
  row: number;
  /** Column letter ("C"). */
  column: string;
  /** Header of the column, when it has one. */
  header?: string;
}

export interface RawTable {
  /** Where the table came from, for messages: a sheet name ("Orders"), a table name or a file name. */
  source: string;
  /** The same place as parts, when the reader knows them (for messages in another language). */
  place?: TablePlace;
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

/** "orders.xlsx, sheet Orders, table Sales": the English source of a table read from `place`. */
export function describeSource(place: TablePlace): string {
  const parts = [place.file, place.sheet !== undefined && `sheet ${place.sheet}`];
  if (place.table !== undefined) parts.push(`table ${place.table}`);
  return parts.filter((p) => typeof p === "string").join(", ");
}

/** The place of a table for an error's detail: its English source, and its parts when known. */
export function sourceOf(from: { source: string; place?: TablePlace }): {
  source: string;
  place?: TablePlace;
} {
  return from.place ? { source: from.source, place: from.place } : { source: from.source };
}

/** The cell at `column` and `dataRow` of a table, as parts (its table's place, when known, included). */
export function cellPlace(table: RawTable, column: number, dataRow: number): CellPlace {
  const place: CellPlace = {
    ...table.place,
    row: table.firstRow + dataRow,
    column: table.columnLetters?.[column] ?? columnLetter(column),
  };
  if (table.headers[column]) place.header = table.headers[column];
  return place;
}

/** "sheet Orders, row 12, column C (Date)": the place a message points the user to. */
export function describeCell(table: RawTable, column: number, dataRow: number): string {
  const { row, column: letter, header } = cellPlace(table, column, dataRow);
  return `${table.source}, row ${row}, column ${letter}${header ? ` (${header})` : ""}`;
}

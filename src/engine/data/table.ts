/**
 * The raw table every reader hands to the engine: a header row and the cells below it, column by
 * column, as they came from Excel (Office.js values), an .xlsx file (ExcelJS) or a .csv file.
 * Nothing is parsed yet; the engine's parsers turn these cells into typed columns and count what
 * they cannot use.
 */

/**
 * A value the source marks as an error rather than data (a spreadsheet's #N/A or #REF!), with the source's
 * own text for it. Only the reader can tell such a value from text that happens to read "#N/A", so it
 * reaches the engine as its own kind of cell, which the parsers count as unreadable and name in messages.
 */
export interface CellError {
  error: string;
}

/**
 * One cell. Office.js gives numbers (dates as serial numbers, which the reader's SerialDates rule turns
 * into dates), strings ("" for blank) and booleans; ExcelJS also gives Date objects and error values; CSV
 * gives strings.
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
  /** The column's label as the source shows it ("C" in a sheet; see columnLabel). */
  column: string;
  /** Header of the column, when it has one. */
  header?: string;
}

/**
 * A row above a header-less table that is no order line, left out of the table (a title: "Orders export
 * Q1 2024"): its row, its text (cells joined by a blank), and its file when the table was read from
 * several files (a glob). Every reader says it where it says what it did with the rows.
 */
export interface TitleRow {
  row: number;
  text: string;
  file?: string;
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
  /**
   * What the source calls each column's position, for messages and for columns named by position: a
   * sheet's letters ("A", "B", ...), which the readers of sheets and files fill in. Without it columns are
   * counted from 1 (see columnLabel).
   */
  columnLabels?: string[];
  /**
   * A table read from several files (a glob) as one: the file and that file's row of a data row, as the
   * user finds it by opening the file. Without it, data row r is row `firstRow + r` of the one source.
   */
  rowPlace?: (dataRow: number) => { file: string; row: number };
  /** Title rows above a header-less table, left out of it (read-table.ts), in order. */
  titleRows?: TitleRow[];
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

/**
 * The label of a 0-based column: the reader's (a sheet's letter), else its position counted from 1. The
 * engine knows no spreadsheet's addressing; the sheet layer's readers say how their user names columns.
 */
export function columnLabel(table: { columnLabels?: readonly string[] }, index: number): string {
  return table.columnLabels?.[index] ?? String(index + 1);
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

/**
 * The name each column of a table without a header row is given ("Column B"): the readers make it so that
 * every column has a header, but it is no header of the user's, so places and lists say the letter alone.
 */
export function headerlessName(letter: string): string {
  return `Column ${letter}`;
}

/** The columns' letters when every header is the name a table without a header row gives, else undefined. */
export function headerlessLetters(headers: readonly string[]): string[] | undefined {
  const letters = headers.map((h) => /^Column ([A-Z]+)$/.exec(h)?.[1]);
  return letters.length > 0 && letters.every((l) => l !== undefined) ? (letters as string[]) : undefined;
}

/** The cell at `column` and `dataRow` of a table, as parts (its table's place, when known, included). */
export function cellPlace(table: RawTable, column: number, dataRow: number): CellPlace {
  const inFile = table.rowPlace?.(dataRow);
  const place: CellPlace = {
    ...table.place,
    ...(inFile ? { file: inFile.file } : {}),
    row: inFile ? inFile.row : table.firstRow + dataRow,
    column: columnLabel(table, column),
  };
  const header = table.headers[column];
  if (header && header !== headerlessName(place.column)) place.header = header;
  return place;
}

/** "sheet Orders, row 12, column C (Date)": the place a message points the user to. */
export function describeCell(table: RawTable, column: number, dataRow: number): string {
  const { file, row, column: letter, header } = cellPlace(table, column, dataRow);
  // A glob's row is named in its own file.
  return `${table.rowPlace ? file : table.source}, row ${row}, column ${letter}${header ? ` (${header})` : ""}`;
}

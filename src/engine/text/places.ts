/**
 * A place in the user's data said in a language, part by part: "orders.csv, sheet Orders, row 2, column B
 * (Date)" or "orders.csv，工作表 Orders，第 2 行，B 列（Date）". File, sheet, table and column names stay as
 * the user wrote them. The Data quality sheet and the pane's messages both say places with these words.
 */
import type { CellPlace, TablePlace } from "../data/table";
import { bilingual } from "./bilingual";
import type { Language } from "./language";

/** The words of a place in the user's data: its file, sheet and table names are the user's own. */
export interface PlaceTexts {
  sheet: (name: string) => string;
  table: (name: string) => string;
  row: (n: number) => string;
  column: (letter: string, header: string | undefined) => string;
  separator: string;
}

export const PLACE_TEXTS = bilingual<PlaceTexts>({
  en: {
    sheet: (name) => `sheet ${name}`,
    table: (name) => `table ${name}`,
    row: (n) => `row ${n}`,
    column: (letter, header) => `column ${letter}${header ? ` (${header})` : ""}`,
    separator: ", ",
  },
  "zh-CN": {
    sheet: (name) => `工作表 ${name}`,
    table: (name) => `表格 ${name}`,
    row: (n) => `第 ${n} 行`,
    column: (letter, header) => `${letter} 列${header ? `（${header}）` : ""}`,
    separator: "，",
  },
});

/**
 * A place said part by part: "orders.csv, sheet Orders, row 2, column B (Date)". Without the table's file
 * or sheet (a table that came from no reader) the parts would say less than `text`, so `text` is kept.
 */
export function placeText(
  texts: PlaceTexts,
  text: string,
  place: TablePlace | CellPlace | undefined,
): string {
  if (!place || (place.file === undefined && place.sheet === undefined)) return text;
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(place.file);
  if (place.sheet !== undefined) parts.push(texts.sheet(place.sheet));
  if (place.table !== undefined) parts.push(texts.table(place.table));
  if ("row" in place) parts.push(texts.row(place.row), texts.column(place.column, place.header));
  return parts.join(texts.separator);
}

/**
 * A cell of a table in `language`: its table's place when known, else the table's source (a name the user
 * gave, kept as it is), then the row and column.
 */
export function cellPlaceText(
  language: Language,
  table: { source: string; place?: TablePlace },
  cell: { row: number; column: string; header?: string },
): string {
  const texts = PLACE_TEXTS[language];
  const place: CellPlace = { ...(table.place ?? { file: table.source }), ...cell };
  if (!cell.header) delete place.header;
  return placeText(texts, table.source, place);
}

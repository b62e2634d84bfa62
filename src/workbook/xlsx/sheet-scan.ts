/**
 * A worksheet's XML taken in three parts as it is inflated, never as one string: what comes before its
 * rows (up to and with the <sheetData> start tag), its rows, handed over in runs of whole <row> elements
 * of about a million characters, and what comes after them (from the </sheetData> end tag on). A refresh
 * reads both sheets it splices so: the old report sheet (150 MB of XML for 100,000 customers) and the one
 * just rendered. The parts around the rows (columns, merged cells, formats, validation, links, tables,
 * extensions) are small; they are edited as text.
 */
import { lastRowStart } from "./sheet-reader";

/** Runs of rows are handed over once this many characters are waiting. */
const RUN = 1 << 20;

export interface SheetScan {
  /** Everything before the rows, ending with the <sheetData> start tag (a <sheetData/> is opened). */
  head(xml: string): void;
  /** Whole <row> elements, in order (with whatever lies between them). */
  rows(xml: string): void;
}

const SHEET_DATA_START = /<(\w+:)?sheetData\b([^>]*?)(\/?)>/;
const SHEET_DATA_END = /<\/(?:\w+:)?sheetData>/;

/**
 * Reads a worksheet's text `pieces`, calling `scan.head` once, then `scan.rows` for each run of rows;
 * returns what follows the rows (from </sheetData> on). A part without <sheetData> is all head, its tail
 * empty.
 */
export async function scanSheet(pieces: AsyncIterable<string>, scan: SheetScan): Promise<string> {
  // An object, not a variable: the steps change it inside a closure.
  const at: { mode: "head" | "rows" | "tail" } = { mode: "head" };
  let text = "";
  const step = (final: boolean) => {
    if (at.mode === "head") {
      const start = SHEET_DATA_START.exec(text);
      if (!start) return;
      const [tag, prefix = "", attrs, empty] = start;
      const after = start.index + tag.length;
      scan.head(empty ? text.slice(0, start.index) + `<${prefix}sheetData${attrs}>` : text.slice(0, after));
      text = (empty ? `</${prefix}sheetData>` : "") + text.slice(after);
      at.mode = "rows";
    }
    if (at.mode === "rows") {
      const end = text.search(SHEET_DATA_END);
      const cut = end >= 0 ? end : final ? text.length : lastRowStart(text);
      if (cut > 0) scan.rows(text.slice(0, cut));
      if (cut > 0 || end >= 0) text = text.slice(cut);
      if (end >= 0) at.mode = "tail";
    }
  };
  for await (const piece of pieces) {
    text += piece;
    if (at.mode !== "tail" && text.length >= RUN) step(false);
  }
  step(true);
  if (at.mode === "head") {
    scan.head(text);
    return "";
  }
  return at.mode === "tail" ? text : "";
}

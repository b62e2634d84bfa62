/**
 * A1-style cell and range addresses. Rows and columns are 1-based, as Excel shows them (row 1, column 1 =
 * A1), so builders and adapters count the way a user reads the sheet.
 */
export interface CellPosition {
  /** 1-based row number. */
  row: number;
  /** 1-based column number (1 = A). */
  col: number;
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Largest row and column Excel allows (1,048,576 rows, XFD columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "A".."XFD" for a 1-based column number: 1 -> A, 26 -> Z, 27 -> AA. */
export function columnName(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The letters of `count` columns from the 1-based column `first`: a sheet's labels for a RawTable. */
export function columnNames(count: number, first = 1): string[] {
  return Array.from({ length: count }, (_, i) => columnName(first + i));
}

/** 1-based column number of a column name: "A" -> 1, "AA" -> 27. */
export function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnName(col)}$${row}` : `${columnName(col)}${row}`;
}

/** "B3:D9" (or "B3" for a single cell unless `alwaysRange`). */
export function rangeAddress(box: RangeBox, absolute = false, alwaysRange = false): string {
  const from = cellAddress(box.top, box.left, absolute);
  if (!alwaysRange && box.top === box.bottom && box.left === box.right) return from;
  return `${from}:${cellAddress(box.bottom, box.right, absolute)}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "B3" or "$B$3"; throws on anything else (a programming error in a builder, not user input). */
export function parseCellAddress(address: string): CellPosition {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new Error(`not a cell address: "${address}"`);
  const pos = { row: Number(m[2]), col: columnNumber(m[1]) };
  if (pos.row < 1 || pos.row > MAX_ROWS || pos.col < 1 || pos.col > MAX_COLUMNS) {
    throw new Error(`cell address outside the sheet: "${address}"`);
  }
  return pos;
}

/** Parses "B3:D9", "$B$3:$D$9" or a single cell "B3"; corners are put in order. */
export function parseRangeAddress(address: string): RangeBox {
  const parts = address.split(":");
  if (parts.length > 2) throw new Error(`not a range address: "${address}"`);
  const a = parseCellAddress(parts[0]);
  const b = parts.length === 2 ? parseCellAddress(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Boxes of a space-separated list of references, as a file's "sqref" or "ref" attribute writes them
 * ("A1:B2 D4", "Sheet1!A1:A9"): a sheet prefix is dropped, and a reference that is not a cell range is
 * left out.
 */
export function parseRangeList(ref: string | undefined): RangeBox[] {
  return (ref ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((r) => {
      try {
        return [parseRangeAddress(r.replace(/^.*!/, ""))];
      } catch {
        return [];
      }
    });
}

export function boxContains(box: RangeBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/** `box` grown to hold the cell (row, col); a box of that cell alone when there is none yet. */
export function boxWith(box: RangeBox | undefined, row: number, col: number): RangeBox {
  if (!box) return { top: row, left: col, bottom: row, right: col };
  return {
    top: Math.min(box.top, row),
    left: Math.min(box.left, col),
    bottom: Math.max(box.bottom, row),
    right: Math.max(box.right, col),
  };
}

export function boxesOverlap(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * The cells of `bound` outside every box of `boxes`, as few rectangles: bands of rows between the boxes'
 * edges, cut in each band at the columns the boxes crossing it hold. A 100,000-row table in `boxes` leaves
 * only the narrow strips beside it to read.
 */
export function boxesOutside(bound: RangeBox, boxes: RangeBox[]): RangeBox[] {
  const inside = boxes.filter((b) => boxesOverlap(b, bound));
  const edges = new Set<number>([bound.top, bound.bottom + 1]);
  for (const b of inside) {
    if (b.top > bound.top) edges.add(b.top);
    if (b.bottom < bound.bottom) edges.add(b.bottom + 1);
  }
  const rows = [...edges].sort((a, b) => a - b);
  const out: RangeBox[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const top = rows[i];
    const bottom = rows[i + 1] - 1;
    const across = inside
      .filter((b) => b.top <= top && b.bottom >= bottom)
      .map((b) => ({ left: Math.max(b.left, bound.left), right: Math.min(b.right, bound.right) }))
      .sort((a, b) => a.left - b.left);
    let left = bound.left;
    for (const span of across) {
      if (span.left > left) out.push({ top, bottom, left, right: span.left - 1 });
      left = Math.max(left, span.right + 1);
    }
    if (left <= bound.right) out.push({ top, bottom, left, right: bound.right });
  }
  return out;
}

/** A sheet name as it must appear in a formula or a defined name: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL_RE.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "'LL Segments'!$B$3:$B$9": an absolute reference to a range of a named sheet. */
export function sheetRangeReference(sheet: string, range: string): string {
  return `${quoteSheetName(sheet)}!${rangeAddress(parseRangeAddress(range), true)}`;
}

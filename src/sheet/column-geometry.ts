/**
 * Where things land on a sheet in pixels: column widths and row heights as Excel draws them with its
 * default font (Calibri 11, 7-pixel digits) at 96 dpi. One rule for the layout that places charts beside
 * tables, the .xlsx writer that anchors them and the Office adapter that sets widths in points.
 */

/** Excel's default row height (15 pt) in pixels. */
export const ROW_PIXELS = 20;

/**
 * Width of a column the model leaves at the default, in the units of a SheetModel's column widths (the
 * file's <col width>: 8.43 characters as Excel shows them, plus padding): 64 pixels.
 */
export const DEFAULT_COLUMN_WIDTH = 9.140625;

/**
 * Pixel width of a column of width `width` (a SheetModel column width, written as the file's <col width>;
 * ECMA-376 Part 1, 18.3.1.13); null or undefined is the default width.
 */
export function columnPixels(width: number | null | undefined): number {
  const w = width ?? DEFAULT_COLUMN_WIDTH;
  return Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
}

/** The first column (1-based) that starts at least `pixels` from the sheet's left edge. */
export function columnAfterPixels(widths: readonly (number | null | undefined)[], pixels: number): number {
  let x = 0;
  let col = 1;
  while (x < pixels) x += columnPixels(widths[col++ - 1]);
  return col;
}

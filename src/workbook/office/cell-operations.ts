/**
 * The cells of a sheet model as Excel JavaScript API operations: bands of whole rows, each sent as up to
 * three 2-D arrays (number formats, then values and formulas, then cell properties for styles) and sized
 * by MEASURING those arrays: a band grows row by row while its JSON stays within the byte budget, and a
 * band that still measures too much once padded is split in two. So 100,000 rows of short numbers go in a
 * few large requests and rows of long Chinese text in more, smaller ones, all below Excel on the web's
 * 5 MB request limit.
 *
 * The sheet is empty when these run (new, or cleared by the adapter), so null entries ("leave the cell
 * as it is") fill the gaps between cells at no risk.
 */
import { rangeAddress, type RangeBox } from "../../sheet/a1";
import { borderSides, type ResolvedCell } from "../../sheet/sheet-model-cells";
import type { CellStyle } from "../../sheet/sheet-model";
import { toOfficeInput, type OfficeInput } from "./cell-values";
import { jsonBytes, OPERATION_OVERHEAD, type Measured } from "./payload";

/** One queued change to the sheet being written, with the bytes it puts into the request. */
export interface SheetOperation extends Measured {
  /** What it does, for tests and diagnostics: "numberFormat", "formulas", "cellProperties", "table", ... */
  kind: string;
  apply(sheet: Excel.Worksheet, context: Excel.RequestContext): void;
}

/** Rows with nothing in between closer than this stay in one band (their null rows cost little). */
const MAX_GAP_ROWS = 10;

/**
 * A band is filled, by the estimate of its rows, up to this share of the budget, leaving room for the
 * null padding the exact measurement adds (a band measured over the budget is split in two).
 */
const BAND_FILL = 0.85;

const ALIGNMENT = { left: "Left", center: "Center", right: "Right" } as const;

/** A CellStyle as the cell properties Range.setCellProperties takes. */
export function cellProperties(style: CellStyle): Excel.SettableCellProperties {
  const format: Excel.CellPropertiesFormat = {};
  const font: Excel.CellPropertiesFont = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = style.fontColor;
  if (Object.keys(font).length > 0) format.font = font;
  if (style.fill) format.fill = { color: style.fill };
  if (style.align) format.horizontalAlignment = ALIGNMENT[style.align];
  if (style.wrap) format.wrapText = true;
  if (style.border) {
    const line: Excel.CellBorder = {
      style: "Continuous",
      weight: "Thin",
      color: style.borderColor ?? "#000000",
    };
    format.borders = borderSides(style.border, line);
  }
  return { format };
}

interface RowCells {
  row: number;
  cells: ResolvedCell[];
  left: number;
  right: number;
  /** Measured bytes of the row's own entries (see rowBytes). */
  bytes: number;
}

/** The three arrays of a band of rows and columns. */
interface BandArrays {
  inputs: OfficeInput[][];
  formats: (string | null)[][] | undefined;
  properties: Excel.SettableCellProperties[][] | undefined;
}

function bandArrays(
  rows: RowCells[],
  box: RangeBox,
  styleCache: Map<CellStyle, Excel.SettableCellProperties>,
) {
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  const inputs: OfficeInput[][] = Array.from({ length: height }, () => new Array(width).fill(null));
  let formats: (string | null)[][] | undefined;
  let properties: Excel.SettableCellProperties[][] | undefined;
  for (const { row, cells } of rows) {
    for (const cell of cells) {
      if (cell.col < box.left || cell.col > box.right) continue;
      const r = row - box.top;
      const c = cell.col - box.left;
      inputs[r][c] = toOfficeInput(cell);
      if (cell.numberFormat) {
        formats ??= Array.from({ length: height }, () => new Array(width).fill(null));
        formats[r][c] = cell.numberFormat;
      }
      if (cell.style) {
        properties ??= Array.from({ length: height }, () => Array.from({ length: width }, () => ({})));
        let props = styleCache.get(cell.style);
        if (!props) styleCache.set(cell.style, (props = cellProperties(cell.style)));
        properties[r][c] = props;
      }
    }
  }
  return { inputs, formats, properties } satisfies BandArrays;
}

function bandOperations(arrays: BandArrays, address: string): SheetOperation[] {
  const ops: SheetOperation[] = [];
  const { inputs, formats, properties } = arrays;
  // Text formats go first, so a cell formatted "@" receives its text as text.
  if (formats) {
    ops.push({
      kind: "numberFormat",
      bytes: jsonBytes(formats) + OPERATION_OVERHEAD,
      apply: (ws) => {
        ws.getRange(address).numberFormat = formats;
      },
    });
  }
  ops.push({
    kind: "formulas",
    bytes: jsonBytes(inputs) + OPERATION_OVERHEAD,
    apply: (ws) => {
      ws.getRange(address).formulas = inputs;
    },
  });
  if (properties) {
    ops.push({
      kind: "cellProperties",
      bytes: jsonBytes(properties) + OPERATION_OVERHEAD,
      apply: (ws) => {
        ws.getRange(address).setCellProperties(properties);
      },
    });
  }
  return ops;
}

/**
 * Operations for a band; when they measure more than the budget together, the band is split (by rows, or
 * by columns for a single row) until each band's operations fit in one request.
 */
function fittedBand(
  rows: RowCells[],
  box: RangeBox,
  budget: number,
  styleCache: Map<CellStyle, Excel.SettableCellProperties>,
): SheetOperation[] {
  const ops = bandOperations(bandArrays(rows, box, styleCache), rangeAddress(box, false, true));
  if (ops.reduce((n, op) => n + op.bytes, 0) <= budget) return ops;
  if (box.bottom > box.top) {
    const middle = Math.floor((box.top + box.bottom) / 2);
    return [
      ...fittedBand(
        rows.filter((r) => r.row <= middle),
        { ...box, bottom: middle },
        budget,
        styleCache,
      ),
      ...fittedBand(
        rows.filter((r) => r.row > middle),
        { ...box, top: middle + 1 },
        budget,
        styleCache,
      ),
    ];
  }
  if (box.right > box.left) {
    const middle = Math.floor((box.left + box.right) / 2);
    return [
      ...fittedBand(rows, { ...box, right: middle }, budget, styleCache),
      ...fittedBand(rows, { ...box, left: middle + 1 }, budget, styleCache),
    ];
  }
  // One cell bigger than the budget: at most 32,767 characters, still far below the 5 MB limit.
  return ops;
}

/**
 * Measured bytes of one row's part of the band's arrays, over the row's own columns: its entries, the
 * nulls between them, and its number formats and cell properties when it has any. (Columns the band has
 * beyond the row's own add nulls; the band is measured again exactly before it is sent.)
 */
function rowBytes(cells: ResolvedCell[], left: number, right: number): number {
  const width = right - left + 1;
  const inputs: OfficeInput[] = new Array(width).fill(null);
  let formats: (string | null)[] | undefined;
  let styles: (CellStyle | Record<string, never>)[] | undefined;
  for (const cell of cells) {
    inputs[cell.col - left] = toOfficeInput(cell);
    if (cell.numberFormat) (formats ??= new Array(width).fill(null))[cell.col - left] = cell.numberFormat;
    if (cell.style) (styles ??= Array.from({ length: width }, () => ({})))[cell.col - left] = cell.style;
  }
  // One comma per row in each array; a style costs about twice its CellStyle as cell properties.
  return (
    jsonBytes(inputs) + 1 + (formats ? jsonBytes(formats) + 1 : 0) + (styles ? 2 * jsonBytes(styles) : 0)
  );
}

/** Operations writing every cell, in bands of rows whose measured size stays within `budget` bytes. */
export function cellOperations(cells: ResolvedCell[], budget: number): SheetOperation[] {
  const byRow = new Map<number, ResolvedCell[]>();
  for (const cell of cells) {
    let row = byRow.get(cell.row);
    if (!row) byRow.set(cell.row, (row = []));
    row.push(cell);
  }
  const rows: RowCells[] = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, rowCells]) => {
      let left = Infinity;
      let right = -Infinity;
      for (const c of rowCells) {
        left = Math.min(left, c.col);
        right = Math.max(right, c.col);
      }
      return { row, cells: rowCells, left, right, bytes: rowBytes(rowCells, left, right) };
    });

  const styleCache = new Map<CellStyle, Excel.SettableCellProperties>();
  const ops: SheetOperation[] = [];
  let band: RowCells[] = [];
  let box: RangeBox | undefined;
  let bytes = 0;
  const flush = () => {
    if (band.length > 0 && box) ops.push(...fittedBand(band, box, budget, styleCache));
    band = [];
    box = undefined;
    bytes = 0;
  };
  for (const row of rows) {
    const { left, right } = row;
    const farBelow = box !== undefined && row.row - box.bottom > MAX_GAP_ROWS;
    if (box && (farBelow || bytes + row.bytes > budget * BAND_FILL)) flush();
    band.push(row);
    bytes += row.bytes;
    box = box
      ? { top: box.top, bottom: row.row, left: Math.min(box.left, left), right: Math.max(box.right, right) }
      : { top: row.row, bottom: row.row, left, right };
  }
  flush();
  return ops;
}

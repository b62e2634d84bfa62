/**
 * Interpreting a sheet model the same way in every adapter: number format codes, style presets, and the
 * flat list of cells a model writes (block formats and styles applied). Adapters call resolveCells() and
 * write what it returns, so a preset looks the same in the file, in Excel and in the preview.
 */
import { MAX_CELL_CHARACTERS } from "../engine/data/quality";
import { cellAddress, type RangeBox } from "./a1";
import type {
  Block,
  Cell,
  CellSpec,
  CellStyle,
  NumberFormat,
  NumberFormatPreset,
  Scalar,
  SheetModel,
  StyleName,
} from "./sheet-model";

export const NUMBER_FORMAT_CODES: Record<NumberFormatPreset, string> = {
  general: "General",
  integer: "#,##0",
  decimal: "#,##0.00",
  decimal4: "0.0000",
  currency: "#,##0.00",
  percent: "0%",
  percent1: "0.0%",
  percent2: "0.00%",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
  month: "yyyy-mm",
  text: "@",
};

export function numberFormatCode(format: NumberFormat): string {
  return typeof format === "string" ? NUMBER_FORMAT_CODES[format] : format.code;
}

/** A currency format with a symbol in front, negatives with a minus: currencyFormat("¥") -> "¥"#,##0.00. */
export function currencyFormat(symbol: string, decimals = 2): NumberFormat {
  const digits = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  const quoted = `"${symbol.replace(/"/g, '""')}"`;
  return { code: `${quoted}${digits};-${quoted}${digits}` };
}

/** Excel's look for these styles (colours of Excel's built-in cell styles where one exists). */
export const STYLE_PRESETS: Record<StyleName, CellStyle> = {
  title: { bold: true, fontSize: 14, fontColor: "#1F3864" },
  subtitle: { bold: true, fontSize: 12, fontColor: "#1F3864" },
  header: { bold: true, fill: "#DDEBF7", border: "bottom", borderColor: "#5B9BD5" },
  bold: { bold: true },
  input: { fill: "#FFCC99", fontColor: "#3F3F76", border: "box", borderColor: "#7F7F7F" },
  total: { bold: true, border: "top", borderColor: "#5B9BD5" },
  note: { italic: true, fontColor: "#595959" },
  good: { fill: "#C6EFCE", fontColor: "#006100" },
  bad: { fill: "#FFC7CE", fontColor: "#9C0006" },
  neutral: { fill: "#FFEB9C", fontColor: "#9C5700" },
};

/** The sides a style's border draws ("box": all four), each with `line`, the line as a writer's API takes it. */
export function borderSides<L>(
  border: NonNullable<CellStyle["border"]>,
  line: L,
): { top?: L; bottom?: L; left?: L; right?: L } {
  if (border === "box") return { top: line, bottom: line, left: line, right: line };
  return border === "top" ? { top: line } : { bottom: line };
}

type StyleInput = StyleName | CellStyle | (StyleName | CellStyle)[] | undefined;

/** Merges named and custom styles left to right into one CellStyle (later ones win). */
export function resolveStyle(style: StyleInput): CellStyle | undefined {
  if (style === undefined) return undefined;
  const parts = Array.isArray(style) ? style : [style];
  if (parts.length === 0) return undefined;
  return Object.assign({}, ...parts.map((p) => (typeof p === "string" ? STYLE_PRESETS[p] : p))) as CellStyle;
}

/**
 * True for text a spreadsheet program would take as a formula or a command if it were typed in or opened
 * from a CSV: it starts with =, +, -, @, tab or carriage return (OWASP's list for CSV injection). Such text
 * coming from data must be written as text.
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

export function isCellSpec(cell: Cell | undefined): cell is CellSpec {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date);
}

/** Formula text without the leading "=" that builders may have typed. */
export function formulaBody(formula: string): string {
  const f = formula.trim();
  return f.startsWith("=") ? f.slice(1) : f;
}

/** Excel's limit on the text of one cell; a longer text makes Excel repair the file or refuse the write. */
export const MAX_CELL_TEXT = MAX_CELL_CHARACTERS;

/**
 * A value as a cell can hold it: text longer than Excel's limit (an id or a name from a hostile file) is
 * cut to the limit, ending in "…", and the cell gets a note saying so (see createRowResolver).
 */
export function fitToCell(value: Scalar): Scalar {
  if (typeof value !== "string" || value.length <= MAX_CELL_TEXT) return value;
  // Do not split a surrogate pair: an emoji cut in half is not valid text.
  let end = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(value[end - 1])) end--;
  return `${value.slice(0, end)}…`;
}

function cutNote(length: number): string {
  return `Cut: the full text has ${length.toLocaleString("en-US")} characters; an Excel cell holds at most ${MAX_CELL_TEXT.toLocaleString("en-US")}.`;
}

/** One cell to write, with everything the block says about it applied. */
export interface ResolvedCell {
  row: number;
  col: number;
  /** Literal value (strings are text); undefined when the cell holds a formula. */
  value?: Scalar;
  /** Formula without "=". */
  formula?: string;
  result?: Scalar;
  /** Excel number format code. */
  numberFormat?: string;
  style?: CellStyle;
  note?: string;
  input?: string;
}

/**
 * Resolves one row of a block at a time (so a writer can stream a 100,000-row block without holding every
 * cell). Cells with the same style input share one resolved style object, so adapters can share theirs.
 */
export function createRowResolver(): (block: Block, rowIndex: number) => ResolvedCell[] {
  const styles = new Map<unknown, CellStyle | undefined>();
  const styleOf = (input: StyleInput): CellStyle | undefined => {
    if (!styles.has(input)) styles.set(input, resolveStyle(input));
    return styles.get(input);
  };
  return (block, r) => {
    const out: ResolvedCell[] = [];
    const isHeader = r < (block.headerRows ?? (block.table ? 1 : 0));
    // Header rows of an Excel table are drawn by the table style, not by the "header" preset.
    const headerStyle = isHeader && !block.table ? "header" : undefined;
    const cells = block.rows[r] ?? [];
    const row = block.at.row + r;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined) continue;
      const format = isHeader ? undefined : block.columnFormats?.[c];
      // A bare value (most cells of a big table) is written without making a CellSpec of it.
      if (!isCellSpec(cell)) {
        out.push(
          plainCell(row, block.at.col + c, cell, format, styleOf(isHeader ? headerStyle : block.style)),
        );
        continue;
      }
      const spec = cell;
      const resolved: ResolvedCell = { row, col: block.at.col + c };
      if (spec.formula !== undefined) {
        resolved.formula = formulaBody(spec.formula);
        if (spec.result !== undefined) resolved.result = spec.result;
      } else {
        resolved.value = fitToCell(spec.value ?? null);
      }
      const cellFormat = spec.format ?? format ?? undefined;
      const literal = resolved.value ?? resolved.result;
      if (cellFormat) resolved.numberFormat = numberFormatCode(cellFormat);
      else if (literal instanceof Date) resolved.numberFormat = NUMBER_FORMAT_CODES.date;
      else if (typeof resolved.value === "string" && isFormulaLike(resolved.value)) {
        // Text format: if a user edits the cell in Excel, it stays text instead of becoming a formula.
        resolved.numberFormat = NUMBER_FORMAT_CODES.text;
      }
      const style = styleOf(spec.style ?? (spec.input ? "input" : isHeader ? headerStyle : block.style));
      if (style) resolved.style = style;
      const cut = resolved.value !== spec.value && typeof spec.value === "string" ? spec.value.length : 0;
      const note = cut ? `${spec.note ? `${spec.note}\n` : ""}${cutNote(cut)}` : spec.note;
      if (note) resolved.note = note;
      if (spec.input) resolved.input = spec.input;
      out.push(resolved);
    }
    return out;
  };
}

/** A cell given as a bare value, resolved as the resolver resolves its CellSpec `{ value }`. */
function plainCell(
  row: number,
  col: number,
  value: Scalar,
  format: NumberFormat | null | undefined,
  style: CellStyle | undefined,
): ResolvedCell {
  const fitted = fitToCell(value);
  const resolved: ResolvedCell = { row, col, value: fitted };
  if (format) resolved.numberFormat = numberFormatCode(format);
  else if (fitted instanceof Date) resolved.numberFormat = NUMBER_FORMAT_CODES.date;
  else if (typeof fitted === "string" && isFormulaLike(fitted))
    resolved.numberFormat = NUMBER_FORMAT_CODES.text;
  if (style) resolved.style = style;
  if (fitted !== value) resolved.note = cutNote((value as string).length);
  return resolved;
}

/** Every cell the model writes, block by block, row by row. */
export function resolveCells(model: SheetModel): ResolvedCell[] {
  const resolveRow = createRowResolver();
  const out: ResolvedCell[] = [];
  for (const block of model.blocks) {
    for (let r = 0; r < block.rows.length; r++) out.push(...resolveRow(block, r));
  }
  return out;
}

/**
 * The model's cells in sheet order: row by row from the top, each row's cells from the left, across
 * blocks placed side by side. Rows are produced one at a time, for streaming writers.
 */
export function* cellsByRow(model: SheetModel): Generator<{ row: number; cells: ResolvedCell[] }> {
  const resolveRow = createRowResolver();
  const blocks = [...model.blocks].sort((a, b) => a.at.row - b.at.row);
  const active: Block[] = [];
  let next = 0;
  let row = blocks[0]?.at.row ?? 1;
  while (next < blocks.length || active.length > 0) {
    if (active.length === 0 && next < blocks.length) row = Math.max(row, blocks[next].at.row);
    while (next < blocks.length && blocks[next].at.row <= row) active.push(blocks[next++]);
    // One block on the row (a long table's every row): its cells are already in column order.
    const cells =
      active.length === 1
        ? resolveRow(active[0], row - active[0].at.row)
        : active
            .filter((b) => row - b.at.row < b.rows.length)
            .flatMap((b) => resolveRow(b, row - b.at.row))
            .sort((a, b) => a.col - b.col);
    if (cells.length > 0) yield { row, cells };
    for (let i = active.length - 1; i >= 0; i--) {
      if (row - active[i].at.row >= active[i].rows.length - 1) active.splice(i, 1);
    }
    row++;
  }
}

/** True when the cell, resolved, carries a note or an input key (a text cut to fit gets a note). */
function mayCarryNoteOrInput(cell: Cell | undefined): boolean {
  if (isCellSpec(cell)) {
    return (
      !!cell.note || !!cell.input || (typeof cell.value === "string" && cell.value.length > MAX_CELL_TEXT)
    );
  }
  return typeof cell === "string" && cell.length > MAX_CELL_TEXT;
}

/**
 * The model's cells that carry a note or an input key, resolved. Only the rows holding one are resolved:
 * a table of a million customers (notes on its header) is not turned into 20 million cell objects.
 */
export function notedAndInputCells(model: SheetModel): ResolvedCell[] {
  const resolveRow = createRowResolver();
  const out: ResolvedCell[] = [];
  for (const block of model.blocks) {
    for (let r = 0; r < block.rows.length; r++) {
      if (!block.rows[r]?.some(mayCarryNoteOrInput)) continue;
      for (const cell of resolveRow(block, r)) if (cell.note !== undefined || cell.input) out.push(cell);
    }
  }
  return out;
}

/** The input cells of a model: key -> address and the default value the builder wrote. */
export function inputCells(model: SheetModel): Map<string, ResolvedCell & { address: string }> {
  const inputs = new Map<string, ResolvedCell & { address: string }>();
  for (const cell of notedAndInputCells(model)) {
    if (cell.input) inputs.set(cell.input, { ...cell, address: cellAddress(cell.row, cell.col) });
  }
  return inputs;
}

/** The rectangle a block covers (its widest row). */
export function blockBox(block: Block): RangeBox {
  // A loop, not Math.max(...rows): a block has a row per customer, and spreading 200,000 of them into
  // arguments overflows the call stack.
  let width = 1;
  for (const row of block.rows) if (row.length > width) width = row.length;
  const height = Math.max(1, block.rows.length);
  return {
    top: block.at.row,
    left: block.at.col,
    bottom: block.at.row + height - 1,
    right: block.at.col + width - 1,
  };
}

/**
 * The range of a block's Excel table: header plus data rows, and one empty data row when there is no data
 * (Excel does not allow a table without a data row).
 */
export function tableBox(block: Block): RangeBox {
  const box = blockBox(block);
  return { ...box, bottom: Math.max(box.bottom, box.top + 1) };
}

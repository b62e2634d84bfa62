/**
 * A sheet laid out cell by cell at fixed positions (a finance model is a grid, not a list of tables),
 * turned into one sheet-model block at the end. Every formula cell is written with the value the engine
 * computes for it: it becomes the formula's cached result (shown by readers that do not recalculate,
 * such as the task pane's preview) and the expectation a recalculation test compares the spreadsheet
 * program's result with.
 */
import { cellAddress } from "../../sheet/a1";
import type { Block, Cell, CellSpec, NumberFormat, Scalar } from "../../sheet/sheet-model";
import { isCellSpec } from "../../sheet/sheet-model-cells";

export type Expected = number | string;

export class SheetGrid {
  private readonly cells = new Map<number, Map<number, Cell>>();
  /** Address -> what the formula there must evaluate to. */
  readonly expected = new Map<string, Expected>();

  put(row: number, col: number, cell: Cell): string {
    const address = cellAddress(row, col);
    let cells = this.cells.get(row);
    if (!cells) this.cells.set(row, (cells = new Map()));
    if (cells.has(col)) throw new Error(`cell ${address} is written twice`);
    cells.set(col, cell);
    return address;
  }

  /** A formula cell whose value must be `expected` (also written as its cached result). */
  formula(
    row: number,
    col: number,
    formula: string,
    expected: Expected,
    spec: Omit<CellSpec, "formula"> = {},
  ) {
    if (typeof expected === "number" && !Number.isFinite(expected)) {
      throw new Error(`the engine gives ${expected} for ${cellAddress(row, col)} (${formula})`);
    }
    this.expected.set(cellAddress(row, col), expected);
    return this.put(row, col, { ...spec, formula, result: expected as Scalar });
  }

  /** Every cell's format that is a key of `formats` becomes its value (the same object: placeholders). */
  replaceFormats(formats: ReadonlyMap<NumberFormat, NumberFormat>): void {
    for (const cells of this.cells.values()) {
      for (const [col, cell] of cells) {
        if (isCellSpec(cell) && cell.format !== undefined && formats.has(cell.format)) {
          cells.set(col, { ...cell, format: formats.get(cell.format)! });
        }
      }
    }
  }

  /** One block from A1 holding every cell written. */
  block(): Block {
    const lastRow = Math.max(0, ...this.cells.keys());
    const rows: Cell[][] = Array.from({ length: lastRow }, (_, r) => {
      const cells = this.cells.get(r + 1);
      if (!cells) return [];
      const row: Cell[] = [];
      for (const [col, cell] of cells) row[col - 1] = cell;
      return row;
    });
    return { at: { row: 1, col: 1 }, rows };
  }
}

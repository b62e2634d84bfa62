/**
 * A RawTable as a few typed arrays, so it crosses to or from a worker by TRANSFER (the buffers change
 * hands, nothing is copied) instead of a structured clone of millions of cells, which would block the
 * thread that posts it and the one that receives it. Each column is a kind per cell, a number per cell
 * (numbers, and dates as milliseconds) and its texts (strings and error values) joined into one text
 * with the length of each. Whatever reader made the table (Excel, .xlsx, .csv), the packing is the same.
 */
import type { CellValue, RawTable } from "../../engine/data/table";

const enum Kind {
  Blank = 0,
  Undefined = 1,
  Number = 2,
  Text = 3,
  True = 4,
  False = 5,
  Date = 6,
  Error = 7,
}

interface PackedColumn {
  kinds: Uint8Array;
  numbers: Float64Array;
  /** Length of each cell's text (UTF-16 code units; 0 for cells without text). */
  lengths: Uint32Array;
  /** The texts joined: UTF-8 bytes, or UTF-16 code units when a text is not well formed Unicode. */
  text: Uint8Array | Uint16Array;
}

export interface PackedTable {
  packed: true;
  /** Everything of the table but its cells. */
  shape: Omit<RawTable, "columns">;
  columns: PackedColumn[];
}

export function isPackedTable(v: unknown): v is PackedTable {
  return typeof v === "object" && v !== null && (v as PackedTable).packed === true;
}

function packColumn(cells: CellValue[]): PackedColumn {
  const n = cells.length;
  const kinds = new Uint8Array(n);
  const numbers = new Float64Array(n);
  const lengths = new Uint32Array(n);
  const texts: string[] = [];
  for (let r = 0; r < n; r++) {
    const v = cells[r];
    if (v === null) kinds[r] = Kind.Blank;
    else if (v === undefined) kinds[r] = Kind.Undefined;
    else if (typeof v === "number") {
      kinds[r] = Kind.Number;
      numbers[r] = v;
    } else if (typeof v === "string") {
      kinds[r] = Kind.Text;
      lengths[r] = v.length;
      texts.push(v);
    } else if (typeof v === "boolean") kinds[r] = v ? Kind.True : Kind.False;
    else if (v instanceof Date) {
      kinds[r] = Kind.Date;
      numbers[r] = v.getTime();
    } else {
      kinds[r] = Kind.Error;
      lengths[r] = v.error.length;
      texts.push(v.error);
    }
  }
  const joined = texts.join("");
  return { kinds, numbers, lengths, text: encodeText(joined) };
}

/** UTF-8 when the text survives it (lone surrogates would not), else the UTF-16 code units as they are. */
function encodeText(text: string): Uint8Array | Uint16Array {
  const wellFormed =
    (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !/[\uD800-\uDFFF]/.test(text);
  if (wellFormed) return new TextEncoder().encode(text);
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

function decodeText(bytes: Uint8Array | Uint16Array): string {
  if (bytes instanceof Uint8Array) return new TextDecoder().decode(bytes);
  let out = "";
  const step = 8192;
  for (let i = 0; i < bytes.length; i += step) {
    out += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return out;
}

function unpackColumn(column: PackedColumn): CellValue[] {
  const { kinds, numbers, lengths } = column;
  const text = decodeText(column.text);
  const cells: CellValue[] = new Array<CellValue>(kinds.length);
  let at = 0;
  for (let r = 0; r < kinds.length; r++) {
    switch (kinds[r] as Kind) {
      case Kind.Blank:
        cells[r] = null;
        break;
      case Kind.Undefined:
        cells[r] = undefined;
        break;
      case Kind.Number:
        cells[r] = numbers[r];
        break;
      case Kind.Text:
        cells[r] = text.slice(at, at + lengths[r]);
        at += lengths[r];
        break;
      case Kind.True:
        cells[r] = true;
        break;
      case Kind.False:
        cells[r] = false;
        break;
      case Kind.Date:
        cells[r] = new Date(numbers[r]);
        break;
      case Kind.Error:
        cells[r] = { error: text.slice(at, at + lengths[r]) };
        at += lengths[r];
        break;
    }
  }
  return cells;
}

/** Lets the thread do other work between columns (the page packing a table it read from Excel). */
export type Pause = () => Promise<void>;

/** The table packed, and the buffers to transfer with it. */
export async function packTable(
  table: RawTable,
  pause?: Pause,
): Promise<{ packed: PackedTable; transfer: ArrayBuffer[] }> {
  const { columns, ...shape } = table;
  const packed: PackedColumn[] = [];
  for (const column of columns) {
    packed.push(packColumn(column));
    await pause?.();
  }
  const transfer = packed.flatMap((c) => [c.kinds.buffer, c.numbers.buffer, c.lengths.buffer, c.text.buffer]);
  return { packed: { packed: true, shape, columns: packed }, transfer: transfer as ArrayBuffer[] };
}

export function unpackTable(packed: PackedTable): RawTable {
  return { ...packed.shape, columns: packed.columns.map(unpackColumn) };
}

/**
 * What a refresh does with values users typed over the report's own cells (found by fingerprint-check.ts):
 * they are listed before anything is written, and a refresh told to go on writes the report's value there
 * again and keeps the typed one in a table "Typed over the report" below the sheet's content, with the
 * cell and, in a customer table, the customer id and the column. That table is the users': a refresh
 * reads it back whole and writes it again, the new values added at its end, so nothing typed is lost.
 */
import { isCellError, type CellValue } from "../engine/data/table";
import { TYPED_OVER_TEXTS } from "../engine/text/typed-over";
import type { RefreshLoss } from "../sheet/port";
import type { Block, Cell, SheetModel } from "../sheet/sheet-model";
import { asScalar, modelBottom, type FoundTable } from "./carry";
import type { OvertypedCell } from "./fingerprint-check";
import { typedTableName } from "./registry";

/** How a refresh names one overtyped cell of sheet `sheet` in its list (RefreshLoss "overtyped"). */
export function overtypedLoss(sheet: string, cell: OvertypedCell): RefreshLoss {
  const loss: RefreshLoss = { kind: "overtyped", sheet, cell: cell.cell, text: typedText(cell.value) };
  if (cell.key !== undefined) loss.customer = cell.key;
  if (cell.header !== undefined) loss.column = cell.header;
  return loss;
}

/** What a user typed in a cell, as a refresh names it in its lists and keeps it ("" for nothing). */
export function typedText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

/**
 * The model with the table of typed-over values below its content: the rows of that table as it was
 * (`found`, the users'), then a row for each cell of `typed` that holds something (a cleared cell has
 * nothing to keep). The model as it is when there is nothing to keep.
 */
export function withTypedOver(
  model: SheetModel,
  found: FoundTable | undefined,
  typed: OvertypedCell[],
): SheetModel {
  const texts = TYPED_OVER_TEXTS[model.language ?? "en"];
  const ours = [texts.cell, texts.customer, texts.column, texts.typed];
  const header = found && found.header.length > 0 ? found.header : ours;
  // New rows are put under the table's headers by position: the users may have renamed or added columns.
  const rows: Cell[][] = (found?.rows ?? []).map((r) => r.map(asScalar));
  for (const t of typed) {
    if (typedText(t.value) === "") continue;
    const row: Cell[] = [t.cell, t.key ?? null, t.header ?? null, asScalar(t.value)];
    rows.push([...row, ...header.slice(row.length).map(() => null)]);
  }
  if (rows.length === 0) return model;
  const top = modelBottom(model) + 2;
  const blocks: Block[] = [
    { at: { row: top, col: 1 }, rows: [[{ value: texts.title, style: "subtitle" }]] },
    { at: { row: top + 1, col: 1 }, rows: [[{ value: texts.note, style: "note" }]] },
    {
      at: { row: top + 2, col: 1 },
      rows: [header, ...rows],
      // Cells and ids are text, whatever they look like.
      columnFormats: ["text", "text"],
      table: { name: typedTableName(model.kind), style: "TableStyleLight1" },
    },
  ];
  return { ...model, blocks: [...model.blocks, ...blocks] };
}

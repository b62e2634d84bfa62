/**
 * Clears one rectangle of an ExcelJS worksheet and leaves the rest alone: what rebuilding a generated sheet
 * with a footprint (SheetModel.footprint) does before the model is written again, so that whatever the
 * user added outside the footprint (cells, formats, notes, merges, tables, validations, conditional
 * formats) stays exactly as it was.
 */
import type ExcelJS from "exceljs";
import { boxContains, boxesOverlap, parseRangeAddress, type RangeBox } from "../../sheet/a1";

/** ExcelJS has no public way to remove a cell's note; the note lives in this field. */
type CellWithNote = ExcelJS.Cell & { _comment?: unknown };

/** Ranges of a "ref" or "sqref" attribute: "A1:B2 D4" -> boxes (none for something unreadable). */
function boxesOf(ref: string): RangeBox[] {
  return ref
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((r) => {
      try {
        return [parseRangeAddress(r)];
      } catch {
        return [];
      }
    });
}

export function clearArea(ws: ExcelJS.Worksheet, box: RangeBox): void {
  // Merges first: a merged cell is a reference to its master until it is unmerged.
  for (const merge of (ws.model as { merges?: string[] }).merges ?? []) {
    if (boxesOverlap(parseRangeAddress(merge), box)) ws.unMergeCells(merge);
  }
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (r < box.top || r > box.bottom) return;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (!boxContains(box, r, c)) return;
      cell.value = null;
      cell.style = {};
      (cell as CellWithNote)._comment = undefined;
    });
  });
  for (const table of ws.getTables()) {
    const model = (table as unknown as { table: { name: string; tableRef?: string; ref: string } }).table;
    if (boxesOf(model.tableRef ?? model.ref).some((b) => boxesOverlap(b, box))) ws.removeTable(model.name);
  }
  ws.removeConditionalFormatting(
    (cf: ExcelJS.ConditionalFormattingOptions) => !boxesOf(cf.ref).some((b) => boxesOverlap(b, box)),
  );
  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
    .dataValidations.model;
  for (const address of Object.keys(validations)) {
    // Keys are cell addresses ("B4") or ranges ("B4:B9").
    if (boxesOf(address).some((b) => boxesOverlap(b, box))) delete validations[address];
  }
}

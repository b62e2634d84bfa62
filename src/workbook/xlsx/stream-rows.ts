/**
 * Reads the rows of one sheet of a big .xlsx file with ExcelJS's streaming reader: rows are parsed one by
 * one and handed on in batches, so memory holds the shared strings and the caller's columns, not an
 * ExcelJS model of the whole sheet (measured in bench/suite.ts: 1,000,000 rows x 5 columns).
 */
import ExcelJS from "exceljs";
import type { RangeBox } from "../../sheet/a1";
import { UserError } from "../../user-error";
import type { SheetRow } from "../backend";
import { sameSheetName } from "../registry";
import { excelJsCellValue } from "./excel-values";

const ROW_BATCH = 5_000;

export async function* streamSheetRows(
  path: string,
  sheet: string,
  box: RangeBox | undefined,
  label: string,
): AsyncIterable<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    // Styles are needed to know which numbers are dates.
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const top = box?.top ?? 1;
  const bottom = box?.bottom ?? Infinity;
  const left = box?.left ?? 1;
  const right = box?.right ?? Infinity;
  let found = false;
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name?: string }).name;
      if (found || name === undefined || !sameSheetName(name, sheet)) continue;
      found = true;
      let batch: SheetRow[] = [];
      for await (const row of ws) {
        const r = row.number;
        if (r < top || r > bottom) continue;
        const cells = [];
        for (let c = left; c <= Math.min(right, row.cellCount); c++)
          cells.push(excelJsCellValue(row.findCell(c)));
        batch.push({ row: r, cells });
        if (batch.length >= ROW_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${label}, sheet ${sheet} cannot be read: ${(e as Error).message}`);
  }
  if (!found) throw new UserError(`${label}: sheet ${sheet} could not be found while reading the file`);
}

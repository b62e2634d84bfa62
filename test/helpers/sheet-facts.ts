/** The facts a generated sheet lists (a bold label, its value beside it), read back from a workbook. */
import type { CellValue } from "../../src/engine/data/table";
import type { Workbook } from "../../src/sheet/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

/**
 * The value beside the label `label` on the generated sheet of `kind` ("data-quality"), or undefined when
 * no row starts with it; `book` is a workbook or the path of an .xlsx file.
 */
export async function sheetFact(
  book: Workbook | string,
  kind: string,
  label: string,
): Promise<CellValue | undefined> {
  const workbook = typeof book === "string" ? await XlsxWorkbook.open(book) : book;
  const sheet = (await workbook.listSheets()).find((s) => s.generatedKind === kind);
  if (!sheet) throw new Error(`no ${kind} sheet in the workbook`);
  const rows = await workbook.readRange(sheet.name);
  return rows.find((r) => r[0] === label)?.[1];
}

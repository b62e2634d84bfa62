/**
 * A value typed over one of the report's own cells, on a workbook a build wrote before the registry
 * recorded the fingerprint of its cells (test/helpers/built-before-marks.ts takes it out of a current
 * build): nothing tells the report's value from the user's there, so the first refresh raises no alarm and
 * writes the report's value, as earlier versions did; it records the fingerprint, and the next refresh
 * lists a value typed over that cell and stops, leaving the file as it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { asBuiltBeforeMarks, builtWorkbook } from "../helpers/built-before-marks";
import { capture, runJson } from "../helpers/cli-io";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-overtyped-older-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The workbook `book` with `text` typed into cell A1 of LL KPIs (its title), saved. */
async function typeOverTitle(book: string, text: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  (wb.getWorksheet("LL KPIs") as ExcelJS.Worksheet).getCell("A1").value = text;
  await wb.xlsx.writeFile(book);
}

const title = async (book: string) => (await XlsxWorkbook.open(book)).readRange("LL KPIs", "A1");

it("no alarm on a workbook without a fingerprint; the refresh records one, and the next one compares", async () => {
  const book = path.join(dir, "older.xlsx");
  writeFileSync(
    book,
    await asBuiltBeforeMarks(await builtWorkbook(dir, { customers: 40, seed: 3 }), "fingerprint"),
  );
  const built = await title(book);
  await typeOverTitle(book, "Our KPIs");

  const first = await runJson(["report", book, "--in-place"]);
  expect(first.saveWarnings).toEqual([]);
  expect(await title(book)).toEqual(built);

  await typeOverTitle(book, "Our KPIs again");
  const before = readFileSync(book);
  const io = capture();
  expect(await run(["report", book, "--in-place"], io)).toBe(2);
  expect(io.stderr).toContain(`the report's cell A1 of sheet "LL KPIs", typed over with "Our KPIs again"`);
  expect(readFileSync(book).equals(before)).toBe(true);
});

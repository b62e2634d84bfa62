/**
 * A workbook an earlier version wrote before the registry recorded where each build wrote (before
 * 2026-12-06: no boxes, no carried tables; made here from a current build by
 * test/helpers/built-before-marks.ts). Its first refresh from the command line replaces only what is the
 * report's for sure (where the new build writes, the tables it names) and lists every other cell with a
 * value of a report sheet, a block a line, and stops; --force clears them. The same rule as in Excel
 * (test/workbook/office/refresh-unrecorded-areas.test.ts): one implementation, in BackedWorkbook.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { asBuiltBeforeMarks, builtWorkbook } from "../helpers/built-before-marks";
import { capture, runJson } from "../helpers/cli-io";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-unrecorded-"));
let aged: Buffer = Buffer.alloc(0);

beforeAll(async () => {
  aged = await asBuiltBeforeMarks(
    await builtWorkbook(dir, { customers: 40, seed: 7 }, ["--sheets", "customers,tiers"]),
    "areas",
  );
});

/** The old workbook with a memo typed in cell Z3 of LL Customers. */
async function withMemo(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = pkg.sheets().find((s) => s.name === "LL Customers")?.part as string;
  const xml = (await zip.file(part)?.async("string")) as string;
  const memo = '<c r="Z3" t="inlineStr"><is><t>ring the Lis on Friday</t></is></c>';
  const changed = xml.replace(/(<row r="3"[^>]*>[\s\S]*?)(<\/row>)/, `$1${memo}$2`);
  expect(changed).not.toBe(xml);
  zip.file(part, changed);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

it("lists a memo of the user's on a sheet an earlier build wrote, writes nothing, and clears it with --force", async () => {
  const book = path.join(dir, "memo.xlsx");
  writeFileSync(book, await withMemo(aged));
  const before = readFileSync(book);
  const io = capture();
  expect(await run(["report", book, "--in-place"], io)).toBe(2);
  expect(io.stderr.split("\n").filter((l) => l.startsWith("  - "))).toEqual([
    '  - what is typed in cell Z3 of sheet "LL Customers" ("ring the Lis on Friday")',
  ]);
  expect(readFileSync(book).equals(before)).toBe(true);

  expect(await run(["report", book, "--in-place", "--force"], capture())).toBe(0);
  const wb = await XlsxWorkbook.open(book);
  expect((await wb.readRange("LL Customers", "Z3"))[0][0]).toBeNull();
});

it("refreshes without --force when nothing of the user's is there", async () => {
  const book = path.join(dir, "clean.xlsx");
  writeFileSync(book, aged);
  await runJson(["report", book, "--in-place"]);
});

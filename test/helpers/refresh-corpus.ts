/**
 * What the refresh corpus tests read and compare in a workbook package: which parts are the report's,
 * the user's parts before and after (byte for byte), the rows of a table, a sheet's XML, leftovers of a
 * run (temporary files, locks), and the user's workbook the corpus starts from.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { runJson } from "./cli-io";

export const isReportSheet = (name: string) => name.startsWith("LL ") || name.startsWith("_loyalty_lens");

/** The parts that are the report's: its sheets' parts with everything they refer to, and the few shared parts a refresh edits. */
function reportParts(pkg: XlsxPackage): Set<string> {
  const out = new Set([
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    ...pkg
      .relationships("xl/workbook.xml")
      .filter((r) => r.type.endsWith("/styles") || r.type.endsWith("/calcChain"))
      .map((r) => r.target),
  ]);
  const visit = (part: string) => {
    if (out.has(part)) return;
    out.add(part);
    out.add(relsPathOf(part));
    for (const r of pkg.relationships(part)) if (!r.external) visit(r.target);
  };
  for (const s of pkg.sheets()) if (isReportSheet(s.name)) visit(s.part);
  return out;
}

/** Every entry of `before` that is not the report's is in `after`, byte for byte; returns how many. */
export function expectUserPartsIdentical(before: Buffer, after: Buffer): number {
  const was = XlsxPackage.fromBuffer(before, "before");
  const now = XlsxPackage.fromBuffer(after, "after");
  const ours = reportParts(was);
  let compared = 0;
  for (const entry of was.entries) {
    if (ours.has(entry.name) || entry.name.endsWith("/")) continue;
    expect([entry.name, now.has(entry.name)]).toEqual([entry.name, true]);
    expect([entry.name, now.bytes(entry.name).equals(was.bytes(entry.name))]).toEqual([entry.name, true]);
    compared++;
  }
  return compared;
}

/** The rows of a table of a workbook, header first ([] when it has no such table). */
export async function tableRows(book: string, table: string): Promise<unknown[][]> {
  const wb = await XlsxWorkbook.open(book);
  const t = (await wb.listTables()).find((x) => x.name === table);
  if (!t) return [];
  return wb.readRange(t.sheet, t.range);
}

/** The customer ids of the report's customer table, in its order. */
export async function customerIds(book: string): Promise<string[]> {
  return (await tableRows(book, "LL_Customers")).slice(1).map((r) => String(r[0]));
}

/** The part of sheet `name` in a package. */
export function sheetPart(pkg: XlsxPackage, name: string): string {
  const part = pkg.sheets().find((s) => s.name === name)?.part;
  if (!part) throw new Error(`no sheet "${name}" in the package`);
  return part;
}

/** The worksheet XML of sheet `name` of a package. */
export function sheetXml(bytes: Buffer, name: string): string {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  return pkg.text(sheetPart(pkg, name));
}

/** Well-formed XML whose every namespace prefix is declared somewhere in the part. */
export function expectNamespacedXml(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  const used = new Set(
    [...xml.matchAll(/<\/?([A-Za-z][\w.-]*):|\s([A-Za-z][\w.-]*):[\w.-]+=/g)].map((m) => m[1] ?? m[2]),
  );
  const undeclared = [...used].filter((p) => p !== "xml" && p !== "xmlns" && !xml.includes(`xmlns:${p}=`));
  expect(undeclared).toEqual([]);
}

/** Temporary files and locks a run left beside `book`. */
export function leftovers(book: string): string[] {
  const name = path.basename(book);
  return readdirSync(path.dirname(book)).filter(
    (f) => f.startsWith(`.${name}.`) && (f.endsWith(".tmp") || f.endsWith(".loyalty-lock")),
  );
}

/**
 * A user's workbook written by ExcelJS, with the report built into it: orders, and a sheet of theirs
 * ("Mine") with a validation. Returns its path.
 */
export async function baseBook(target: string): Promise<string> {
  // The sample as generated before December 2026 (lifetimes ending with the data): the expectations of
  // the corpus (which customer's row a user's object sits on, which can follow) were worked out on it.
  const table = generateOrders({ customers: 60, seed: 11, cells: "typed", lifetimes: "untilDataEnd" });
  const wb = new ExcelJS.Workbook();
  const orders = wb.addWorksheet("Orders");
  orders.addRow(table.headers);
  for (let r = 0; r < table.columns[0].length; r++)
    orders.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue));
  const mine = wb.addWorksheet("Mine");
  mine.getCell("A1").value = "Top customer";
  mine.getCell("C1").value = "Pick one";
  mine.getCell("C1").dataValidation = { type: "list", formulae: ['"a,b,c"'], allowBlank: true };
  await wb.xlsx.writeFile(target);
  await runJson(["report", target, "--in-place"]);
  return target;
}

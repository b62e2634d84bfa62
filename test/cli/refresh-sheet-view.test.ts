/**
 * A tab colour and frozen panes the user changed on a generated sheet stay theirs when the command line
 * refreshes the file (the worksheet part is written whole, so they are written again as the user left
 * them: sheet-view.ts), as in Excel (test/workbook/office). What the user did not change follows the new
 * build. Theme colours, which Excel writes when a user picks one from its palette, come back as written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { builtWorkbook } from "../helpers/built-before-marks";
import { runJson } from "../helpers/cli-io";
import { sheetPart, sheetXml } from "../helpers/refresh-corpus";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-sheet-view-"));

/** The <sheetPr> and <sheetViews> of a sheet's XML (everything before its cells). */
function head(bytes: Buffer, sheet: string): string {
  const xml = sheetXml(bytes, sheet);
  return xml.slice(0, xml.indexOf("<sheetData"));
}

/** The built workbook with LL Customers' tab in theme colour 5 and its panes frozen below row 2 only. */
async function edited(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = sheetPart(XlsxPackage.fromBuffer(bytes, "b"), "LL Customers");
  const xml = (await zip.file(part)?.async("string")) as string;
  const changed = xml
    .replace(/<tabColor [^>]*\/>/, '<tabColor theme="5" tint="0.3999755851924192"/>')
    .replace(/<pane [^>]*\/>/, '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
  expect(changed).toContain('theme="5"');
  expect(changed).toContain('ySplit="2"');
  zip.file(part, changed);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

it("keeps the tab colour and frozen panes the user set on a report sheet, refresh after refresh", async () => {
  const built = await builtWorkbook(dir, { customers: 40, seed: 11 }, ["--sheets", "customers,tiers"]);
  // What the build set: LL Customers blue (#4472C4), frozen at its table's header and first column; LL Tiers amber.
  expect(head(built, "LL Customers")).toMatch(/<tabColor rgb="FF4472C4"\/>/);
  expect(head(built, "LL Customers")).toMatch(/<pane xSplit="1" ySplit="\d+"[^>]*state="frozen"/);
  expect(head(built, "LL Tiers")).toMatch(/<tabColor rgb="FFFFC000"\/>/);

  const book = path.join(dir, "view.xlsx");
  writeFileSync(book, await edited(built));
  for (let refresh = 1; refresh <= 2; refresh++) {
    await runJson(["report", book, "--in-place", "--sheets", "customers,tiers"]);
    const after = readFileSync(book);
    const customers = head(after, "LL Customers");
    expect(customers).toMatch(/<tabColor theme="5" tint="0.3999755851924192"\/>/);
    expect(customers).toMatch(/<pane ySplit="2" topLeftCell="A3"[^>]*state="frozen"/);
    expect(customers).not.toMatch(/xSplit/);
    // The sheet the user left alone is the build's.
    expect(head(after, "LL Tiers")).toMatch(/<tabColor rgb="FFFFC000"\/>/);
  }
});

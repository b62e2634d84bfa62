/**
 * REFRESH NEVER LOSES THE USER'S WORK, on a corpus of workbooks as people really have them: written by
 * ExcelJS, converted by LibreOffice (in the test), with parts as openpyxl writes them (a plain-text
 * comment, a drawing without the xdr: prefix holding a chart) and a hand-made .xlsm with a vbaProject.bin.
 * Each is edited as a manager would (a column added beside the customer table, notes typed on rows, text
 * anywhere on a report sheet, a formula of theirs pointing into a report sheet, a customer leaving), then
 * refreshed with `loyalty report --in-place`, and checked: every zip entry that is not the report's is
 * byte for byte the same, every typed value is on its customer's row or in Kept notes, no temporary file
 * or lock is left; a second refresh at the same time is refused; a run killed at any phase leaves the
 * workbook whole.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { lockPathOf } from "../../src/workbook/atomic-write";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { capture, runJson } from "../helpers/cli-io";
import { convertWithLibreOffice, describeWithLibreOffice } from "../helpers/libreoffice";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-refresh-"));
const file = (name: string) => path.join(dir, name);

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
  for (const s of pkg.sheets())
    if (s.name.startsWith("LL ") || s.name.startsWith("_loyalty_lens")) visit(s.part);
  return out;
}

/** Every entry of `before` that is not the report's is in `after`, byte for byte; returns how many. */
function expectUserPartsIdentical(before: Buffer, after: Buffer): number {
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

/** The rows of a table of the refreshed workbook, header first. */
async function tableRows(book: string, table: string): Promise<unknown[][]> {
  const wb = await XlsxWorkbook.open(book);
  const t = (await wb.listTables()).find((x) => x.name === table);
  if (!t) return [];
  return wb.readRange(t.sheet, t.range);
}

/** A user's workbook: orders, and a sheet of theirs with a formula into the report and a validation. */
async function baseBook(name: string): Promise<string> {
  const table = generateOrders({ customers: 60, seed: 11, cells: "excel" });
  const wb = new ExcelJS.Workbook();
  const orders = wb.addWorksheet("Orders");
  orders.addRow(table.headers);
  for (let r = 0; r < table.columns[0].length; r++)
    orders.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue));
  const mine = wb.addWorksheet("Mine");
  mine.getCell("A1").value = "Top customer";
  mine.getCell("C1").value = "Pick one";
  mine.getCell("C1").dataValidation = { type: "list", formulae: ['"a,b,c"'], allowBlank: true };
  const target = file(name);
  await wb.xlsx.writeFile(target);
  await runJson(["report", target, "--in-place"]);
  return target;
}

/** The customer ids of the report's customer table, in its order. */
async function customerIds(book: string): Promise<string[]> {
  return (await tableRows(book, "LL_Customers")).slice(1).map((r) => String(r[0]));
}

/**
 * A manager's week, in ExcelJS: "Called?" typed beside the customer table for two customers, a memo far
 * off on the Alerts sheet, a formula on their own sheet pointing into the customer sheet, and every order
 * line of the second customer deleted (the customer leaves the report).
 */
async function managersEdits(book: string, stay: string, leave: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const ws = wb.getWorksheet("LL Customers") as ExcelJS.Worksheet;
  const range = (await tableRows(book, "LL_Customers"))[0].length;
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === "Customer ID") headerRow = r;
  });
  const added = range + 1;
  ws.getRow(headerRow).getCell(added).value = "Called?";
  ws.eachRow((row) => {
    if (row.getCell(1).value === stay) row.getCell(added).value = "Mon, wants a call back";
    if (row.getCell(1).value === leave) row.getCell(added).value = "Tue";
  });
  (wb.getWorksheet("LL Alerts") as ExcelJS.Worksheet).getCell("Z3").value = "my memo";
  (wb.getWorksheet("Mine") as ExcelJS.Worksheet).getCell("B1").value = {
    formula: "'LL Customers'!A6",
    result: "",
  } as ExcelJS.CellFormulaValue;
  const orders = wb.getWorksheet("Orders") as ExcelJS.Worksheet;
  for (let r = orders.rowCount; r >= 2; r--) {
    // Column B is the member id.
    if (String(orders.getRow(r).getCell(2).value) === leave) orders.spliceRows(r, 1);
  }
  await wb.xlsx.writeFile(book);
}

/** Refreshes `book` in place and checks the promises; returns the JSON summary. */
async function refreshAndCheck(book: string, stay: string, leave: string) {
  const before = readFileSync(book);
  const summary = await runJson(["report", book, "--in-place"]);
  const after = readFileSync(book);
  expect(expectUserPartsIdentical(before, after)).toBeGreaterThan(3);
  const rows = await tableRows(book, "LL_Customers");
  const called = rows[0].indexOf("Called?");
  expect(called).toBeGreaterThan(0);
  expect(rows.find((r) => r[0] === stay)?.[called]).toBe("Mon, wants a call back");
  expect(rows.find((r) => r[0] === leave)).toBeUndefined();
  expect(await tableRows(book, "LL_Customers_Kept")).toEqual([
    ["Customer ID", "Called?"],
    [leave, "Tue"],
  ]);
  const wb = await XlsxWorkbook.open(book);
  expect(await wb.readRange("LL Alerts", "Z3")).toEqual([["my memo"]]);
  expect(
    readdirSync(path.dirname(book)).filter((f) => f.endsWith(".tmp") || f.endsWith(".loyalty-lock")),
  ).toEqual([]);
  return summary;
}

describe("refresh keeps the user's work (corpus)", () => {
  let excelJsBook = "";
  let stay = "";
  let leave = "";

  beforeAll(async () => {
    excelJsBook = await baseBook("exceljs.xlsx");
    const ids = await customerIds(excelJsBook);
    [stay, leave] = [ids[2], ids[4]];
    await managersEdits(excelJsBook, stay, leave);
  });

  it("a workbook written by ExcelJS: user parts byte for byte, typed values on their customer's row, Kept notes", async () => {
    const book = file("exceljs-refreshed.xlsx");
    copyFileSync(excelJsBook, book);
    await refreshAndCheck(book, stay, leave);
    // Their formula into the report sheet still points at it (the sheet is the same part, same name).
    const mine = await (await XlsxWorkbook.open(book)).readRange("Mine", "A1:C1");
    expect(mine[0][0]).toBe("Top customer");
    const xml = XlsxPackage.fromBuffer(readFileSync(book), "b").text("xl/worksheets/sheet2.xml");
    expect(xml).toMatch(/<f>(&apos;|')LL Customers(&apos;|')!A6<\/f>/);
    // A second refresh changes nothing of the user's and keeps the notes where they are.
    await refreshAndCheck(book, stay, leave);
  });

  it("openpyxl-style parts (a plain-text comment, a drawing without the xdr: prefix) and a chart of the user's", async () => {
    const book = file("openpyxl.xlsx");
    writeFileSync(book, await withOpenpyxlParts(readFileSync(excelJsBook)));
    await refreshAndCheck(book, stay, leave);
    const pkg = XlsxPackage.fromBuffer(readFileSync(book), "b");
    expect(pkg.text("xl/comments/comment1.xml")).toContain("<t>called on Monday</t>");
    expect(pkg.has("xl/charts/userchart1.xml")).toBe(true);
  });

  it("a hand-made .xlsm: the macros (vbaProject.bin) come through byte for byte", async () => {
    const book = file("macros.xlsm");
    writeFileSync(book, await withMacros(readFileSync(excelJsBook)));
    await refreshAndCheck(book, stay, leave);
    const pkg = XlsxPackage.fromBuffer(readFileSync(book), "b");
    expect(pkg.bytes("xl/vbaProject.bin").equals(VBA_BYTES)).toBe(true);
    expect(pkg.text("[Content_Types].xml")).toContain("macroEnabled.main+xml");
  });

  it("stops before writing when a note was put on a report cell, lists it, and goes on with --force", async () => {
    const book = file("noted.xlsx");
    copyFileSync(excelJsBook, book);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    (wb.getWorksheet("LL Customers") as ExcelJS.Worksheet).getCell("B5").note = "ask about the refund";
    await wb.xlsx.writeFile(book);
    const before = readFileSync(book);
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr).toMatch(
      /noted\.xlsx was not changed: .*\n.*the note on cell B5 of sheet "LL Customers" \("ask about the refund"\)/,
    );
    expect(io.stderr).toMatch(/--force/);
    expect(readFileSync(book).equals(before)).toBe(true);
    const forced = await runJson(["report", book, "--in-place", "--force"]);
    expect(forced.saveWarnings).toEqual([expect.stringMatching(/not kept \(--force\): the note on cell B5/)]);
  });

  it("follows a symbolic link: the real workbook is refreshed and the link stays a link", async () => {
    const real = file("real.xlsx");
    copyFileSync(excelJsBook, real);
    const link = file("link.xlsx");
    symlinkSync(real, link);
    const before = readFileSync(real);
    await runJson(["report", link, "--in-place"]);
    expect(readFileSync(real).equals(before)).toBe(false);
    expect(readFileSync(link).equals(readFileSync(real))).toBe(true);
    expect(spawnSync("test", ["-L", link]).status).toBe(0);
  });

  it("refuses a second refresh of the same workbook while one runs, and says which", async () => {
    const book = file("locked.xlsx");
    copyFileSync(excelJsBook, book);
    const before = readFileSync(book);
    // A refresh is running: this test process holds the lock.
    writeFileSync(
      lockPathOf(book),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        started: "2026-01-05T09:00:00Z",
      }),
    );
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr).toMatch(
      /locked\.xlsx was not changed: it is being refreshed by another run \(process \d+/,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it.each(["locked", "temp-written", "renamed"])(
    "a run killed at phase %s leaves the workbook whole, and the next run cleans up and refreshes it",
    (phase) => {
      const book = file(`killed-${phase}.xlsx`);
      copyFileSync(excelJsBook, book);
      const before = readFileSync(book);
      const loyalty = path.join(__dirname, "..", "..", "bin", "loyalty.js");
      const killed = spawnSync(process.execPath, [loyalty, "report", book, "--in-place"], {
        env: { ...process.env, LOYALTY_CRASH_AT: phase },
        encoding: "utf8",
      });
      expect(killed.signal).toBe("SIGKILL");
      const now = readFileSync(book);
      if (phase === "renamed") {
        // The new workbook is complete: it reads, and the user's parts are as they were.
        expectUserPartsIdentical(before, now);
      } else expect(now.equals(before)).toBe(true);
      // The killed run left its lock (and maybe a temporary file); the next run takes over and cleans up.
      const again = spawnSync(process.execPath, [loyalty, "report", book, "--in-place"], {
        encoding: "utf8",
      });
      expect(again.stderr).toBe("");
      expect(again.status).toBe(0);
      expect(readdirSync(dir).filter((f) => f.includes(`killed-${phase}.xlsx.`))).toEqual([]);
      expect(existsSync(lockPathOf(book))).toBe(false);
      expectUserPartsIdentical(before, readFileSync(book));
    },
  );
});

describeWithLibreOffice("refresh keeps the user's work in a workbook LibreOffice saved", () => {
  it("converted by LibreOffice: user parts byte for byte, typed values carried", async () => {
    const base = await baseBook("lo-base.xlsx");
    const ids = await customerIds(base);
    const [stay, leave] = [ids[1], ids[3]];
    await managersEdits(base, stay, leave);
    const [converted] = await convertWithLibreOffice(base, path.join(dir, "lo"), "xlsx");
    await refreshAndCheck(converted, stay, leave);
  });
});

const VBA_BYTES = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));

/** The workbook as a macro-enabled one: a vbaProject.bin, its relationship and content types. */
async function withMacros(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/vbaProject.bin", VBA_BYTES);
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
      ),
  );
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) as string;
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The user's sheet "Mine" given what openpyxl writes: a note whose text is a plain <t> (no rich-text run),
 * with its VML shape, and a drawing in the default namespace (no xdr: prefix) anchoring a chart.
 */
async function withOpenpyxlParts(bytes: Buffer): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const mine = pkg.sheets().find((s) => s.name === "Mine")?.part as string;
  const zip = await JSZip.loadAsync(bytes);
  zip.file(
    "xl/comments/comment1.xml",
    '<?xml version="1.0" encoding="utf-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<authors><author>manager</author></authors><commentList><comment ref="A1" authorId="0"><text><t>called on Monday</t></text></comment></commentList></comments>',
  );
  zip.file(
    "xl/drawings/commentsDrawing1.vml",
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
  );
  zip.file(
    "xl/drawings/drawing9.xml",
    '<?xml version="1.0" encoding="utf-8"?><wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<oneCellAnchor><from><col>4</col><colOff>0</colOff><row>2</row><rowOff>0</rowOff></from><ext cx="4800000" cy="2700000"/>' +
      '<graphicFrame macro=""><nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr>' +
      '<xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></oneCellAnchor></wsDr>`,
  );
  zip.file(
    "xl/drawings/_rels/drawing9.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/chart" Target="/xl/charts/userchart1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/charts/userchart1.xml",
    '<?xml version="1.0" encoding="utf-8"?><chartSpace xmlns="http://schemas.openxmlformats.org/drawingml/2006/chart"><chart><plotArea><layout/>' +
      '<barChart><barDir val="col"/><grouping val="clustered"/><ser><idx val="0"/><order val="0"/><val><numRef><f>\'Orders\'!$E$2:$E$6</f></numRef></val></ser>' +
      '<axId val="10"/><axId val="20"/></barChart><catAx><axId val="10"/><scaling><orientation val="minMax"/></scaling><axPos val="b"/><crossAx val="20"/></catAx>' +
      '<valAx><axId val="20"/><scaling><orientation val="minMax"/></scaling><axPos val="l"/><crossAx val="10"/></valAx></plotArea></chart></chartSpace>',
  );
  const relsPath = relsPathOf(mine);
  const existing =
    (await zip.file(relsPath)?.async("string")) ??
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsPath,
    existing.replace(
      "</Relationships>",
      `<Relationship Id="rIdC1" Type="${NS_REL}/comments" Target="/xl/comments/comment1.xml"/>` +
        `<Relationship Id="rIdV1" Type="${NS_REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/>` +
        `<Relationship Id="rIdD1" Type="${NS_REL}/drawing" Target="/xl/drawings/drawing9.xml"/></Relationships>`,
    ),
  );
  const sheet = (await zip.file(mine)?.async("string")) as string;
  const withNs = sheet.includes(`xmlns:r="${NS_REL}"`)
    ? sheet
    : sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
  zip.file(
    mine,
    withNs.replace("</worksheet>", '<drawing r:id="rIdD1"/><legacyDrawing r:id="rIdV1"/></worksheet>'),
  );
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      (types.includes('Extension="vml"')
        ? ""
        : '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>') +
        '<Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
        '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/userchart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * REFRESH NEVER LOSES THE USER'S WORK, as a matrix: every writer of the corpus × every kind of edit issue
 * #17 lists, through the CLI (`loyalty report BOOK --in-place`, run in-process).
 *
 * One workbook is built and edited once (test/helpers/corpus-edits.ts: every kind of edit), then saved by
 * each writer (test/helpers/corpus-writers.ts): ExcelJS, LibreOffice (converted for real), openpyxl,
 * a hand-made .xlsm with a vbaProject.bin, Google Sheets' export and WPS. ExcelJS cannot write a chart or
 * a sparkline: those are added to every writer's file as Excel writes them, as if the manager had opened
 * it in Excel once (and the report's own charts, which ExcelJS drops, are put back for the writers that
 * keep charts). Each file is refreshed: the refresh stops and lists what cannot be kept, nothing written;
 * with --force it goes on, naming what it drops; then every test checks one kind of edit on the result.
 * Kills at every phase are in refresh-corpus-kill.test.ts; details of each kind of object in
 * refresh-corpus.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main";
import { columnName, parseCellAddress, parseRangeAddress } from "../../src/sheet/a1";
import { lockPathOf } from "../../src/workbook/atomic-write";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { attributes, startTags } from "../../src/workbook/xlsx/xml-text";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { capture, runJson } from "../helpers/cli-io";
import {
  CRM_LINK,
  managersWeek,
  MY_NAMES,
  OBJECTS,
  TYPED,
  withExcelObjects,
  type Week,
} from "../helpers/corpus-edits";
import { MAIN_NS, saveAs, VBA_BYTES, WPS_PARTS, WRITERS, type Writer } from "../helpers/corpus-writers";
import { WORKBOOK_OBJECTS } from "../helpers/corpus-workbook-objects";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import {
  baseBook,
  expectNamespacedXml,
  expectUserPartsIdentical,
  isReportSheet,
  leftovers,
  sheetPart,
  sheetXml,
  tableRows,
} from "../helpers/refresh-corpus";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-corpus-"));
let built: Buffer;
let edited: Buffer;
let week: Week;

beforeAll(async () => {
  const builtPath = await baseBook(path.join(dir, "built.xlsx"));
  week = await managersWeek(builtPath, path.join(dir, "edited.xlsx"));
  built = readFileSync(builtPath);
  edited = readFileSync(path.join(dir, "edited.xlsx"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The table `name` of a workbook: its rows (header first) and the sheet row of its header. */
async function table(book: string, name: string): Promise<{ rows: unknown[][]; top: number }> {
  const wb = await XlsxWorkbook.open(book);
  const t = (await wb.listTables()).find((x) => x.name === name);
  if (!t) return { rows: [], top: 0 };
  return { rows: await wb.readRange(t.sheet, t.range), top: parseRangeAddress(t.range).top };
}

/** The attributes of every element `local` of a sheet's XML that has attribute `key` (unprefixed ones). */
const elements = (xml: string, local: string, key: string) =>
  startTags(xml, local)
    .map(attributes)
    .filter((a) => a[key] !== undefined);

/** The cells (xm:sqref) of the sparklines of a sheet. */
const sparklineCells = (xml: string) =>
  [...xml.matchAll(/<x14:sparkline>[\s\S]*?<xm:sqref>([^<]+)<\/xm:sqref>/g)].map((m) => m[1]);

/** The names of the charts, pictures and shapes drawn on a sheet. */
function drawnNames(pkg: XlsxPackage, sheet: string): string[] {
  return pkg
    .relationships(sheetPart(pkg, sheet))
    .filter((r) => r.type.endsWith("/drawing"))
    .flatMap((r) =>
      [...pkg.text(r.target).matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]),
    );
}

/** The text of the notes (comments part) of a sheet. */
function notesText(pkg: XlsxPackage, sheet: string): string {
  return pkg
    .relationships(sheetPart(pkg, sheet))
    .filter((r) => r.type.endsWith("/comments"))
    .map((r) => pkg.text(r.target))
    .join("");
}

/** The cell of the note of a sheet whose text holds `text` (undefined for none). */
function noteAt(pkg: XlsxPackage, sheet: string, text: string): string | undefined {
  const xml = notesText(pkg, sheet);
  return new RegExp(
    `<(?:\\w+:)?comment ref="([A-Z]+\\d+)"[^>]*>(?:(?!</(?:\\w+:)?comment>)[\\s\\S])*${text}`,
  ).exec(xml)?.[1];
}

/** The author of that note. */
function noteAuthor(pkg: XlsxPackage, sheet: string, text: string): string | undefined {
  const xml = notesText(pkg, sheet);
  const authors = [...xml.matchAll(/<(?:\w+:)?author>([^<]*)</g)].map((m) => m[1]);
  const id = new RegExp(`authorId="(\\d+)"[^>]*>(?:(?!</(?:\\w+:)?comment>)[\\s\\S])*${text}`).exec(xml)?.[1];
  return id === undefined ? undefined : authors[Number(id)];
}

/** The cells of the notes drawn on a sheet (its VML drawing's note shapes). */
function noteShapeCells(pkg: XlsxPackage, sheet: string): string[] {
  return pkg
    .relationships(sheetPart(pkg, sheet))
    .filter((r) => r.type.endsWith("/vmlDrawing"))
    .flatMap((r) =>
      [...pkg.text(r.target).matchAll(/<x:Row>(\d+)<\/x:Row>\s*<x:Column>(\d+)<\/x:Column>/g)].map(
        (m) => `${columnName(Number(m[2]) + 1)}${Number(m[1]) + 1}`,
      ),
    );
}

/** The user's defined names (not the report's LL_ names, nor Excel's _xlnm ones), as written. */
const userNames = (pkg: XlsxPackage) =>
  pkg
    .definedNames()
    .filter((n) => !n.name.startsWith("LL_") && !n.name.startsWith("_xlnm"))
    .map((n) => `${n.name}=${n.formula}`)
    .sort();

/**
 * What of the user's workbook.xml holds besides sheets and names: its pivot caches (cacheId=part), its
 * links to other workbooks and its slicer caches (part), each found through workbook.xml's relationships.
 */
function workbookLevel(pkg: XlsxPackage): {
  pivotCaches: string[];
  externalLinks: string[];
  slicerCaches: string[];
} {
  const xml = pkg.text("xl/workbook.xml");
  const rels = pkg.relationships("xl/workbook.xml");
  const target = (tag: string) => rels.find((r) => r.id === attributes(tag)["r:id"])?.target ?? "(none)";
  return {
    pivotCaches: startTags(xml, "pivotCache").map((t) => `${attributes(t).cacheId}=${target(t)}`),
    externalLinks: startTags(xml, "externalReference").map(target),
    slicerCaches: startTags(xml, "slicerCache").map(target),
  };
}

/** The parts of `parts` that are missing, or have no content type in [Content_Types].xml. */
function withoutContentType(pkg: XlsxPackage, parts: string[]): string[] {
  const types = pkg.text("[Content_Types].xml");
  const typed = (part: string) =>
    types.includes(`PartName="/${part}"`) ||
    types.includes(`Extension="${part.slice(part.lastIndexOf(".") + 1)}"`);
  return parts.filter((p) => !pkg.has(p) || !typed(p));
}

/**
 * What the refresh lists as not kept, one line each, for the corpus's edits: the note on the report's
 * title (the notes on "Called?" cells follow their customer), the highlight on the leaving customer's
 * "Called?", the sparkline in a report cell, the chart on LL Tiers.
 */
function notKept(w: Week, leaveRow: number): string[] {
  return [
    `the note on cell A1 of sheet "LL Customers" ("${TYPED.reportNote}")`,
    `a conditional format on cell ${w.called}${leaveRow} of sheet "LL Customers"`,
    `a sparkline in cell ${OBJECTS.reportSparkline} of sheet "LL Customers"`,
    'a chart, picture or shape on sheet "LL Tiers"',
  ];
}

/** The report's own cells typed over (or cleared), as the refresh lists them, each with what --force does. */
function overtypedLines(w: Week): { listed: string; forced: string }[] {
  return w.overtyped.map((o) => {
    const where = o.customer === undefined ? "" : ` (customer ${o.customer}, column "${o.column}")`;
    const listed =
      `the report's cell ${o.cell} of sheet "${o.sheet}"${where}` +
      (o.typed === null ? ", cleared" : `, typed over with "${o.typed}"`);
    const kept =
      o.typed === null
        ? ""
        : '; what was typed is kept in "Typed over the report" below the sheet\'s content';
    return { listed, forced: `written again (--force): ${listed}${kept}` };
  });
}

/** The tables of values typed over the report's cells, on LL Customers and LL KPIs. */
const TYPED_TABLES = ["LL_Typed_customers", "LL_Typed_kpis"];

function corpusCase(w: Writer) {
  const book = path.join(dir, w.file.replace(/\W/g, "-"), w.file);
  /** The writer's file as the manager left it, and after the refresh with --force. */
  let before: Buffer;
  let after: Buffer;
  let pkg: XlsxPackage;
  let stopped: ReturnType<typeof capture>;
  let stopCode = 0;
  let untouched = false;
  const typedAfterForce = new Map<string, unknown[][]>();
  let warnings: string[] = [];

  beforeAll(async () => {
    await saveAs(w, await withExcelObjects(edited, w.keepsCharts ? built : undefined), book);
    before = readFileSync(book);
    stopped = capture();
    stopCode = await run(["report", book, "--in-place"], stopped);
    untouched = readFileSync(book).equals(before);
    const forced = await runJson(["report", book, "--in-place", "--force"]);
    warnings = forced.saveWarnings;
    after = readFileSync(book);
    for (const typed of TYPED_TABLES) typedAfterForce.set(typed, await tableRows(book, typed));
    pkg = XlsxPackage.fromBuffer(after, w.file);
  });

  const rowOf = (id: string) => week.headerRow + week.customers.findIndex((r) => r[0] === id);
  const expected = () => notKept(week, rowOf(week.leave));

  it("lists what it cannot keep and writes nothing; --force names each in its warnings", () => {
    expect(stopCode).toBe(2);
    expect(stopped.stderr).toContain(`${w.file} was not changed`);
    expect(stopped.stderr).toContain("--force");
    const listed = stopped.stderr
      .split("\n")
      .filter((l) => l.startsWith("  - "))
      .map((l) => l.slice(4));
    const typed = overtypedLines(week);
    expect(listed.sort()).toEqual([...expected(), ...typed.map((t) => t.listed)].sort());
    expect(untouched).toBe(true);
    expect(warnings.sort()).toEqual(
      [...expected().map((l) => `not kept (--force): ${l}`), ...typed.map((t) => t.forced)].sort(),
    );
  });

  it("values typed over the report's own cells: the report's written again, the typed ones kept below on their customer", async () => {
    const wb = await XlsxWorkbook.open(book);
    const typedRows = (rows: unknown[][]) => rows.slice(1).map((r) => r.map((v) => (v === "" ? null : v)));
    const kept = (sheet: string) =>
      week.overtyped
        .filter((o) => o.sheet === sheet && o.typed !== null)
        .sort((a, b) => parseCellAddress(a.cell).row - parseCellAddress(b.cell).row)
        .map((o) => [o.cell, o.customer ?? null, o.column ?? null, o.typed]);
    const customers = await tableRows(book, "LL_Typed_customers");
    expect(customers[0]).toEqual(["Cell", "Customer ID", "Column", "Typed"]);
    expect(typedRows(customers)).toEqual(kept("LL Customers"));
    expect(typedRows(await tableRows(book, "LL_Typed_kpis"))).toEqual(kept("LL KPIs"));
    // The report's own values are back: the title, and each customer's phone and amount as built.
    expect(await wb.readRange("LL KPIs", "A1")).toEqual([["KPIs"]]);
    const { rows } = await table(book, "LL_Customers");
    const built = (id: string, column: string) =>
      week.customers.find((r) => r[0] === id)?.[week.customers[0].indexOf(column)] ?? null;
    for (const o of week.overtyped.filter((x) => x.customer !== undefined && x.customer !== week.leave)) {
      const row = rows.find((r) => r[0] === o.customer);
      expect([o.customer, row?.[rows[0].indexOf(o.column)]]).toEqual([
        o.customer,
        built(o.customer as string, o.column as string),
      ]);
    }
  });

  it("every part that is not the report's is byte for byte the same; no temporary file or lock is left", () => {
    expect(expectUserPartsIdentical(before, after)).toBeGreaterThan(5);
    expect(leftovers(book)).toEqual([]);
    for (const s of pkg.sheets().filter((x) => isReportSheet(x.name))) expectNamespacedXml(pkg.text(s.part));
  });

  it('"Called?" typed beside the customer table: on its customer\'s row; the customer who left, in Kept notes', async () => {
    const { rows } = await table(book, "LL_Customers");
    const called = rows[0].indexOf("Called?");
    expect(called).toBeGreaterThan(0);
    expect(rows.find((r) => r[0] === week.stay)?.[called]).toBe(TYPED.stay);
    expect(rows.find((r) => r[0] === week.leave)).toBeUndefined();
    expect(rows.filter((r) => r[called] === TYPED.stay)).toHaveLength(1);
    expect(await tableRows(book, "LL_Customers_Kept")).toEqual([
      ["Customer ID", "Called?"],
      [week.leave, TYPED.leave],
    ]);
  });

  it('"Done" typed beside the alerts: on its customer\'s row', async () => {
    const { rows } = await table(book, "LL_Alerts");
    const done = rows[0].indexOf("Done");
    expect(done).toBeGreaterThan(0);
    expect(rows.find((r) => r[0] === week.alerted)?.[done]).toBe(TYPED.done);
    expect(rows.filter((r) => r[done] === TYPED.done)).toHaveLength(1);
  });

  it("text typed in a free cell of a report sheet stays", async () => {
    expect(await (await XlsxWorkbook.open(book)).readRange("LL Alerts", "Z3")).toEqual([[TYPED.memo]]);
  });

  it("a note on a report cell is listed and not kept with --force; one in a free cell of a report sheet and one on their own sheet stay", () => {
    expect(notesText(pkg, "LL Customers")).not.toContain(TYPED.reportNote);
    expect(noteAt(pkg, "LL Customers", TYPED.freeNote)).toBe("B5");
    expect(notesText(pkg, "Mine")).toContain(TYPED.mineNote);
  });

  it("a note on a customer's \"Called?\" cell: on their row now, drawn there, with its author; the leaver's on their Kept notes row", async () => {
    const { rows, top } = await table(book, "LL_Customers");
    const stayRow = top + rows.findIndex((r) => r[0] === week.stay);
    expect(noteAt(pkg, "LL Customers", TYPED.calledNote)).toBe(`${week.called}${stayRow}`);
    const kept = await table(book, "LL_Customers_Kept");
    const leaveRow = kept.top + kept.rows.findIndex((r) => r[0] === week.leave);
    // Kept notes: Customer ID in A, Called? in B.
    expect(noteAt(pkg, "LL Customers", TYPED.leaveNote)).toBe(`B${leaveRow}`);
    // Under the author it had (each writer writes its own), not the report's.
    const was = XlsxPackage.fromBuffer(before, "before");
    expect(noteAuthor(pkg, "LL Customers", TYPED.calledNote)).toBe(
      noteAuthor(was, "LL Customers", TYPED.calledNote),
    );
    expect(noteAuthor(pkg, "LL Customers", TYPED.calledNote)).not.toBe("Loyalty Lens");
    const drawn = noteShapeCells(pkg, "LL Customers");
    expect(drawn).toEqual(expect.arrayContaining([`${week.called}${stayRow}`, `B${leaveRow}`, "B5"]));
    expect(new Set(drawn).size).toBe(drawn.length);
    expectNamespacedXml(sheetXml(after, "LL Customers"));
  });

  it("a hidden column stays hidden", () => {
    const hidden = elements(sheetXml(after, "LL Customers"), "col", "min").filter(
      (c) => Number(c.min) <= 3 && Number(c.max) >= 3,
    );
    expect(hidden.map((c) => c.hidden)).toEqual([expect.stringMatching(/^(1|true)$/)]);
  });

  it("conditional formats: in a free cell it stays, on the Called? column it covers the column's rows now, on the leaver's cell it is listed", async () => {
    const { rows, top } = await table(book, "LL_Customers");
    const last = top + rows.length - 1;
    const refs = (sheet: string) =>
      elements(sheetXml(after, sheet), "conditionalFormatting", "sqref").map((a) => a.sqref);
    expect(refs("LL Alerts")).toContain("Z1:Z5");
    const customers = refs("LL Customers");
    expect(customers).toContain(`${week.called}${top + 1}:${week.called}${last}`);
    expect(customers.filter((r) => r.includes(week.called))).toHaveLength(1);
  });

  it("data validation: outside the benefit-cost model it stays; on the Called? column and on a report cell of a customer's row it follows", async () => {
    const { rows, top } = await table(book, "LL_Customers");
    const last = top + rows.length - 1;
    const model = elements(sheetXml(after, "LL Benefit cost"), "dataValidation", "sqref").map((a) => a.sqref);
    expect(model).toContain("AZ5");
    const customers = elements(sheetXml(after, "LL Customers"), "dataValidation", "sqref").map(
      (a) => a.sqref,
    );
    const stayRow = top + rows.findIndex((r) => r[0] === week.stay);
    expect(customers.sort()).toEqual(
      [`${week.called}${top + 1}:${week.called}${last}`, `B${stayRow}`].sort(),
    );
  });

  it("a chart put on LL Tiers is listed and not kept with --force; the report's charts are drawn again", () => {
    const names = drawnNames(pkg, "LL Tiers");
    expect(names).not.toContain(OBJECTS.tiersChart);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith("LL chart "))).toBe(true);
  });

  it("links: on the Called? cell of a customer it follows them; in a free cell it stays", async () => {
    const { rows, top } = await table(book, "LL_Customers");
    const stayRow = top + rows.findIndex((r) => r[0] === week.stay);
    const part = sheetPart(pkg, "LL Customers");
    const links = elements(sheetXml(after, "LL Customers"), "hyperlink", "ref");
    expect(links.map((l) => l.ref)).toEqual([`${week.called}${stayRow}`]);
    expect(pkg.relationships(part).find((r) => r.id === links[0]["r:id"])?.target).toBe(CRM_LINK);
    expect(elements(sheetXml(after, "LL Alerts"), "hyperlink", "ref").map((l) => l.ref)).toEqual(["Z4"]);
  });

  it("sparklines: in a free cell carried, in a report cell listed and not kept with --force", () => {
    expect(sparklineCells(sheetXml(after, "LL Customers"))).toEqual([OBJECTS.freeSparkline]);
  });

  it("a formula on their own sheet pointing into a report sheet still points at it, by the same name", () => {
    const mine = sheetXml(after, "Mine");
    expect(mine).toMatch(/<(\w+:)?f\b[^>]*>(&apos;|')LL Customers(&apos;|')!A6<\/(\w+:)?f>/);
    expect(mine).not.toContain("#REF!");
    // The report sheet keeps its name (and its part) so the formula finds it.
    expect(pkg.sheets().map((s) => s.name)).toContain("LL Customers");
  });

  it("their defined names stay as they wrote them", () => {
    const names = userNames(pkg);
    expect(names).toEqual(userNames(XlsxPackage.fromBuffer(before, "before")));
    expect(names.map((n) => n.split("=")[0])).toEqual(expect.arrayContaining(Object.keys(MY_NAMES)));
    expect(pkg.text("xl/workbook.xml")).not.toContain("#REF!");
  });

  it("a chart on their own sheet stays", () => {
    expect(drawnNames(pkg, "Mine")).toContain(OBJECTS.mineChart);
  });

  it("a pivot table on their sheet: its cache stays in workbook.xml, its relationship and content type too", () => {
    const was = workbookLevel(XlsxPackage.fromBuffer(before, "before"));
    expect(was.pivotCaches).toHaveLength(1);
    expect(workbookLevel(pkg).pivotCaches).toEqual(was.pivotCaches);
    const pivot = pkg
      .relationships(sheetPart(pkg, WORKBOOK_OBJECTS.pivotSheet))
      .find((r) => r.type.endsWith("/pivotTable"));
    const cacheId = attributes(
      startTags(pkg.text(pivot?.target as string), "pivotTableDefinition")[0],
    ).cacheId;
    expect(was.pivotCaches[0]).toMatch(new RegExp(`^${cacheId}=`));
    expect(withoutContentType(pkg, [pivot?.target as string, was.pivotCaches[0].split("=")[1]])).toEqual([]);
  });

  it("a slicer on their pivot table: its cache stays in workbook.xml's extensions, with its relationship", () => {
    const was = workbookLevel(XlsxPackage.fromBuffer(before, "before"));
    if (w.drops?.slicers) {
      console.log(`${w.name}: no slicer to keep. ${w.drops.slicers}`);
      expect(was.slicerCaches).toEqual([]);
      return;
    }
    expect(was.slicerCaches).toEqual(["xl/slicerCaches/slicerCache1.xml"]);
    expect(workbookLevel(pkg).slicerCaches).toEqual(was.slicerCaches);
    expect(withoutContentType(pkg, was.slicerCaches)).toEqual([]);
    expect(pkg.text(was.slicerCaches[0])).toContain(`name="${WORKBOOK_OBJECTS.slicerCache}"`);
  });

  it("a link to another workbook: kept in workbook.xml, the formula using it unchanged", () => {
    const was = workbookLevel(XlsxPackage.fromBuffer(before, "before"));
    expect(was.externalLinks).toHaveLength(1);
    const now = workbookLevel(pkg);
    expect(now.externalLinks).toEqual(was.externalLinks);
    const [part] = now.externalLinks;
    // As the writer wrote it: LibreOffice writes the path from where it saved the file.
    const target = pkg.relationships(part).map((r) => r.target);
    expect(target).toEqual([expect.stringMatching(new RegExp(`(^|/)${WORKBOOK_OBJECTS.externalBook}$`))]);
    expect(withoutContentType(pkg, [part])).toEqual([]);
    expect(sheetXml(after, "Mine")).toContain(`>${WORKBOOK_OBJECTS.externalFormula}</`);
  });

  it("a picture on their sheet stays", () => {
    expect(drawnNames(pkg, "Mine")).toContain(WORKBOOK_OBJECTS.picture);
  });

  it("what this writer adds of its own comes through", () => {
    if (w.name === "xlsm") {
      expect(pkg.bytes("xl/vbaProject.bin").equals(VBA_BYTES)).toBe(true);
      expect(pkg.text("[Content_Types].xml")).toContain("macroEnabled.main+xml");
    } else if (w.name === "WPS") {
      const was = XlsxPackage.fromBuffer(before, "before");
      for (const part of WPS_PARTS)
        expect([part, pkg.bytes(part).equals(was.bytes(part))]).toEqual([part, true]);
      const targets = pkg.relationships("xl/workbook.xml").map((r) => r.target);
      expect(targets).toEqual(expect.arrayContaining(["xl/cellimages.xml", "customXml/item1.xml"]));
      expect(pkg.text("[Content_Types].xml")).toContain('PartName="/xl/cellimages.xml"');
    } else if (w.name === "Google Sheets") {
      const workbookXml = pkg.text("xl/workbook.xml");
      expectNamespacedXml(workbookXml);
      expect(workbookXml).toContain(`xmlns:x="${MAIN_NS}"`);
      expect(workbookXml.match(/<(x:)?calcPr\b/g)).toHaveLength(1);
      expect(workbookXml).toMatch(/<(x:)?definedName name="LL_/);
    } else if (w.name === "openpyxl") {
      expect(notesText(pkg, "Mine")).toContain(`<text><t>${TYPED.mineNote}</t></text>`);
      const mineDrawing = pkg.relationships(sheetPart(pkg, "Mine")).find((r) => r.type.endsWith("/drawing"));
      expect(pkg.text(mineDrawing?.target as string)).not.toContain("xdr:");
    } else {
      console.log(`${w.name}: nothing of its own beyond the parts compared byte for byte`);
    }
  });

  it("a second refresh asks nothing and keeps it all again", async () => {
    await runJson(["report", book, "--in-place"]);
    const again = readFileSync(book);
    expectUserPartsIdentical(after, again);
    const { rows } = await table(book, "LL_Customers");
    expect(rows.find((r) => r[0] === week.stay)?.[rows[0].indexOf("Called?")]).toBe(TYPED.stay);
    expect(await tableRows(book, "LL_Customers_Kept")).toEqual([
      ["Customer ID", "Called?"],
      [week.leave, TYPED.leave],
    ]);
    for (const typed of TYPED_TABLES) {
      expect([typed, await tableRows(book, typed)]).toEqual([typed, typedAfterForce.get(typed)]);
    }
    expect(sparklineCells(sheetXml(again, "LL Customers"))).toEqual([OBJECTS.freeSparkline]);
    expect(leftovers(book)).toEqual([]);
  });

  it("a second refresh of the same file at the same time is refused, naming the first", async () => {
    const now = readFileSync(book);
    // A refresh is running: this test process holds the lock.
    writeFileSync(
      lockPathOf(book),
      JSON.stringify({ pid: process.pid, host: hostname(), started: "2026-01-05T09:00:00Z" }),
    );
    try {
      const io = capture();
      expect(await run(["report", book, "--in-place"], io)).toBe(2);
      expect(io.stderr).toMatch(
        new RegExp(
          `${w.file.replace(".", "\\.")} was not changed: it is being refreshed by another run \\(process ${process.pid}`,
        ),
      );
      expect(readFileSync(book).equals(now)).toBe(true);
    } finally {
      rmSync(lockPathOf(book));
    }
  });
}

for (const w of WRITERS) {
  const title = `a workbook saved by ${w.name}`;
  if (w.name === "LibreOffice") describeWithLibreOffice(title, () => corpusCase(w));
  else describe(title, () => corpusCase(w));
}

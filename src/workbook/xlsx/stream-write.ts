/**
 * Writes a NEW workbook package straight from the sheet models: each worksheet's XML is produced row by
 * row and deflated as it is produced (write-sheet.ts, zip-writer.ts's DeflatedPart), so a sheet of a
 * million customers is never held as XML, nor as a spreadsheet library's model; only its compressed bytes
 * are kept until the zip is written. The parts around the sheets (styles, tables, notes, charts, defined
 * names, recalculation on opening) are written beside them in the same pass: nothing is read back.
 */
import { parseRangeAddress } from "../../sheet/a1";
import { REPORT_NOTE_AUTHOR, reportChartName } from "../../sheet/report-marks";
import { cellsByRow, isCellSpec, type ResolvedCell } from "../../sheet/sheet-model-cells";
import type { ChartSpec, Scalar, SheetModel } from "../../sheet/sheet-model";
import type { DefinedNameSpec } from "../backend";
import type { MemorySheet } from "../memory/memory-backend";
import { sameSheetName } from "../registry";
import { chartAnchor, chartPartXml, drawingPartXml, type RangeValues } from "./charts";
import { definedNamesXml, packageName } from "./defined-names";
import { commentsWithNotes, vmlWithNotes } from "./sheet-notes";
import { CellFormats } from "./styles-xml";
import { tablePartXml, tablesOf } from "./table-parts";
import {
  worksheetHead,
  worksheetTail,
  writeRows,
  xmlCellText,
  SharedStrings,
  type FoundNotes,
  type SheetLinks,
  type SheetRow,
} from "./write-sheet";
import { escapeXml } from "./xml-text";
import { DeflatedPart, zipPieces, type ZipOut } from "./zip-writer";
import THEME_XML from "exceljs/lib/xlsx/xml/theme1.js";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
};

/** Values of a range of a model, for chart caches (formula cells give their cached result). */
export function modelRangeValues(model: SheetModel): RangeValues {
  const at = (row: number, col: number): string | number | null => {
    for (const b of model.blocks) {
      const cell = b.rows[row - b.at.row]?.[col - b.at.col];
      if (cell === undefined) continue;
      const v = isCellSpec(cell) ? (cell.value ?? cell.result ?? null) : cell;
      if (typeof v === "number" || typeof v === "string") return v;
      return v instanceof Date ? v.toISOString().slice(0, 10) : null;
    }
    return null;
  };
  return (range) => {
    const box = parseRangeAddress(range);
    const out: (string | number | null)[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) out.push(at(r, c));
    return out;
  };
}

/** The cells of a sheet that has no model (a hidden store's rows), row by row. */
function* plainRows(sheet: MemorySheet): Generator<SheetRow> {
  for (const row of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const cells = [...(sheet.cells.get(row) as Map<number, { value: unknown }>)]
      .sort((a, b) => a[0] - b[0])
      .map(([col, cell]): ResolvedCell => ({ row, col, value: cell.value as Scalar }));
    yield { row, cells };
  }
}

function plainExtent(sheet: MemorySheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [row, cells] of sheet.cells) {
    rows = Math.max(rows, row);
    for (const col of cells.keys()) cols = Math.max(cols, col);
  }
  return { rows, cols };
}

type SheetRel = { id: string; type: string; target: string };

/** Adds a relationship of type `.../type` to `rels` under the next free id, and returns that id. */
function addRel(rels: SheetRel[], type: string, target: string): string {
  const id = `rId${rels.length + 1}`;
  rels.push({ id, type: `${NS_REL}/${type}`, target });
  return id;
}

function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS_PACKAGE_REL}">` +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
      .join("") +
    "</Relationships>"
  );
}

/** The package being written: its parts, their content types, and the counters that name new parts. */
class NewPackage {
  readonly parts: ZipOut[] = [];
  private readonly overrides: string[] = [];
  private readonly counts = new Map<string, number>();

  /** The next number of a kind of part ("table" -> 1, 2...). */
  next(kind: string): number {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    return n;
  }

  put(name: string, content: string | DeflatedPart, contentType?: string): void {
    this.parts.push({ name, content });
    if (contentType) this.overrides.push(`<Override PartName="/${name}" ContentType="${contentType}"/>`);
  }

  /** Every part deflated in parallel is done. */
  async settled(): Promise<void> {
    for (const part of this.parts)
      if ("content" in part && part.content instanceof DeflatedPart) await part.content.settled();
  }

  contentTypes(): string {
    return (
      XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      this.overrides.join("") +
      "</Types>"
    );
  }
}

/** The font Excel gives a new note (one run: some readers take a note's text from its runs only). */
const NOTE_FONT = '<rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>';

/** The notes part and its VML drawing (where each note's box is drawn) for the notes of one sheet. */
function putNotes(pkg: NewPackage, notes: FoundNotes, rels: SheetRel[]): string {
  const n = pkg.next("comments");
  const carried = notes.map((note) => ({
    cell: note.cell,
    author: REPORT_NOTE_AUTHOR,
    textXml: `<text><r>${NOTE_FONT}<t xml:space="preserve">${xmlCellText(note.text)}</t></r></text>`,
    shift: { rows: 0, cols: 0 },
  }));
  pkg.put(`xl/comments${n}.xml`, commentsWithNotes(undefined, carried), CONTENT_TYPE.comments);
  // Each drawing numbers its shapes in its own block of ids (the idmap): one block per sheet.
  const vml = vmlWithNotes(undefined, carried, `<o:idmap v:ext="edit" data="${n}"/>`);
  pkg.put(`xl/drawings/vmlDrawing${n}.vml`, vml);
  addRel(rels, "comments", `../comments${n}.xml`);
  return addRel(rels, "vmlDrawing", `../drawings/vmlDrawing${n}.vml`);
}

/** The drawing holding a sheet's charts, and the chart parts; returns the drawing's relationship id. */
function putCharts(
  pkg: NewPackage,
  sheetName: string,
  model: SheetModel,
  charts: ChartSpec[],
  rels: SheetRel[],
): string {
  const values = modelRangeValues(model);
  const drawingRels: SheetRel[] = [];
  const chartIds = charts.map((chart) => {
    const n = pkg.next("chart");
    pkg.put(`xl/charts/chart${n}.xml`, chartPartXml(chart, sheetName, values), CONTENT_TYPE.chart);
    return addRel(drawingRels, "chart", `../charts/chart${n}.xml`);
  });
  const anchors = charts.map((c) => chartAnchor(c, model.columnWidths ?? []));
  const n = pkg.next("drawing");
  const drawingXml = drawingPartXml(anchors, chartIds, charts.map(reportChartName));
  pkg.put(`xl/drawings/drawing${n}.xml`, drawingXml, CONTENT_TYPE.drawing);
  pkg.put(`xl/drawings/_rels/drawing${n}.xml.rels`, relationshipsXml(drawingRels));
  return addRel(rels, "drawing", `../drawings/drawing${n}.xml`);
}

/** One worksheet and the parts it links to. */
async function putSheet(
  pkg: NewPackage,
  cells: { formats: CellFormats; strings: SharedStrings },
  sheet: MemorySheet,
  charts: ChartSpec[],
  selected: boolean,
): Promise<string> {
  const n = pkg.next("sheet");
  const model = sheet.model;
  const rels: SheetRel[] = [];
  const links: SheetLinks = { tables: [] };
  for (const table of model ? tablesOf(model) : []) {
    const id = pkg.next("table");
    pkg.put(`xl/tables/table${id}.xml`, tablePartXml(table, id), CONTENT_TYPE.table);
    links.tables.push(addRel(rels, "table", `../tables/table${id}.xml`));
  }
  if (model && charts.length > 0) links.drawing = putCharts(pkg, sheet.name, model, charts, rels);
  const out = new DeflatedPart(true);
  out.add(worksheetHead(model, selected, model ? undefined : plainExtent(sheet)));
  const rows = model ? cellsByRow(model) : plainRows(sheet);
  const notes = await writeRows(out, rows, cells.formats, cells.strings);
  if (notes.length > 0) links.legacyDrawing = putNotes(pkg, notes, rels);
  out.add(worksheetTail(model, cells.formats, links));
  out.finish();
  const part = `xl/worksheets/sheet${n}.xml`;
  pkg.put(part, out, CONTENT_TYPE.worksheet);
  if (rels.length > 0) pkg.put(`xl/worksheets/_rels/sheet${n}.xml.rels`, relationshipsXml(rels));
  return `worksheets/sheet${n}.xml`;
}

/**
 * The .xlsx bytes of a new workbook made of these sheets, names and charts (sheet name -> charts), as the
 * pieces of the file in order (zipPieces).
 */
export async function streamWorkbook(
  sheets: readonly MemorySheet[],
  names: DefinedNameSpec[],
  charts: Map<string, ChartSpec[]>,
): Promise<Buffer[]> {
  const active = sheets.findIndex((s) => s.visibility === "visible");
  if (active < 0) throw new Error("a workbook needs at least one visible sheet");
  const pkg = new NewPackage();
  const cells = { formats: new CellFormats(), strings: new SharedStrings() };
  const chartsOf = (name: string) => [...charts].find(([sheet]) => sameSheetName(sheet, name))?.[1] ?? [];
  const workbookRels: SheetRel[] = [];
  const sheetElements: string[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const target = await putSheet(pkg, cells, sheet, chartsOf(sheet.name), i === active);
    const id = addRel(workbookRels, "worksheet", target);
    const state = sheet.visibility === "visible" ? "" : ` state="${sheet.visibility}"`;
    sheetElements.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${state} r:id="${id}"/>`);
  }
  pkg.put("xl/styles.xml", cells.formats.xml(), CONTENT_TYPE.styles);
  if (cells.strings.size > 0) {
    const strings = new DeflatedPart(true);
    cells.strings.part(strings);
    strings.finish();
    pkg.put("xl/sharedStrings.xml", strings, CONTENT_TYPE.sharedStrings);
    addRel(workbookRels, "sharedStrings", "sharedStrings.xml");
  }
  pkg.put("xl/theme/theme1.xml", THEME_XML, CONTENT_TYPE.theme);
  addRel(workbookRels, "styles", "styles.xml");
  addRel(workbookRels, "theme", "theme/theme1.xml");
  // Formulas written without cached results are computed when the file is opened: fullCalcOnLoad.
  const workbookXml =
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="8000" firstSheet="${active}" activeTab="${active}"/></bookViews>` +
    `<sheets>${sheetElements.join("")}</sheets>` +
    definedNamesXml(
      names.map(packageName),
      sheets.map((s) => s.name),
    ) +
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>';
  pkg.put("xl/workbook.xml", workbookXml, CONTENT_TYPE.workbook);
  pkg.put("xl/_rels/workbook.xml.rels", relationshipsXml(workbookRels));
  pkg.put(
    "_rels/.rels",
    relationshipsXml([{ id: "rId1", type: `${NS_REL}/officeDocument`, target: "xl/workbook.xml" }]),
  );
  await pkg.settled();
  return zipPieces([{ name: "[Content_Types].xml", content: pkg.contentTypes() }, ...pkg.parts]);
}

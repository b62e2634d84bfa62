/**
 * The worksheet XML of a sheet, written row by row as its rows are produced (a sheet of a million
 * customers is over 700 MB of XML, never held whole): the head (tab colour, dimension, frozen panes, column
 * widths), the rows (values, formulas with their cached results, styles and number formats as cell formats
 * of styles-xml.ts; text in the shared strings), and the tail (merged cells, conditional formats, data
 * validation, page setup, and the links to the notes, charts and tables stream-write.ts adds as parts).
 */
import { cellAddress, columnName, parseRangeAddress, parseRangeList, rangeAddress } from "../../sheet/a1";
import { dateToExcelSerial } from "../../sheet/serial-dates";
import { blockBox, type ResolvedCell } from "../../sheet/sheet-model-cells";
import type { ConditionalFormat, DataValidation, Scalar, SheetModel } from "../../sheet/sheet-model";
import { numberValidationBounds } from "../format-rules";
import { colorAttributes, argb, type CellFormats } from "./styles-xml";
import { encodeXstring } from "./xml-string-escape";
import { escapeXml, escapeXmlText } from "./xml-text";
import type { DeflatedPart } from "./zip-writer";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A row of cells to write, in column order. */
export interface SheetRow {
  row: number;
  cells: ResolvedCell[];
}

/** What a worksheet links to by relationship id (parts stream-write.ts adds beside it). */
export interface SheetLinks {
  drawing?: string;
  legacyDrawing?: string;
  tables: string[];
}

// eslint-disable-next-line no-control-regex -- control characters are what needs encoding
const NEEDS_WORK = /[&<>_\x00-\x08\x0B-\x1F\x7F]/;

/** Cell text as element text: escaped, and in OOXML's ST_Xstring form (control characters as _xHHHH_). */
export function xmlCellText(text: string): string {
  return NEEDS_WORK.test(text) ? escapeXmlText(encodeXstring(text)) : text;
}

/** A <t> element: spaces at either end kept (readers trim them otherwise). */
function textElement(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${space}>${xmlCellText(text)}</t>`;
}

/** A number as a <v>: infinities and NaN are no number a sheet can hold, so they become #NUM!. */
function numberValue(n: number): { type: string; v: string } {
  return Number.isFinite(n) ? { type: "", v: String(n) } : { type: ' t="e"', v: "#NUM!" };
}

/** The type attribute and <v> of a formula's cached result. */
function resultValue(result: Scalar | undefined): { type: string; v: string } | undefined {
  if (result === undefined || result === null) return undefined;
  if (typeof result === "number") return numberValue(result);
  if (typeof result === "boolean") return { type: ' t="b"', v: result ? "1" : "0" };
  if (result instanceof Date) return { type: "", v: String(dateToExcelSerial(result)) };
  return { type: ' t="str"', v: xmlCellText(result) };
}

/**
 * The workbook's shared strings: each distinct text once, cells giving its index. Written inline, a
 * million customers' sheets came to 1,051 MB of XML, beyond the 1 GB this tool reads back (zip-guard.ts);
 * shared, their repeated words (segments, tiers, bands, empty alerts) are a number each.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  /** The index of `text`, added when new. */
  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  /** xl/sharedStrings.xml, deflated as it is written. */
  part(out: DeflatedPart): void {
    out.add(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.index.size}">`,
    );
    let piece = "";
    for (const text of this.index.keys()) {
      piece += `<si>${textElement(text)}</si>`;
      if (piece.length >= PIECE_CHARACTERS) {
        out.add(piece);
        piece = "";
      }
    }
    out.add(`${piece}</sst>`);
  }
}

/** Text is handed to the deflater in pieces of about this many characters, not one call per row. */
const PIECE_CHARACTERS = 1 << 16;

/** One <c> element ("" for an empty cell without a format). */
function cellXml(ref: string, c: ResolvedCell, formats: CellFormats, strings: SharedStrings): string {
  const xf = c.style || c.numberFormat ? formats.xf(c.style, c.numberFormat) : 0;
  const s = xf ? ` s="${xf}"` : "";
  if (c.formula !== undefined) {
    const result = resultValue(c.result);
    const f = `<f>${xmlCellText(c.formula)}</f>`;
    return result
      ? `<c r="${ref}"${s}${result.type}>${f}<v>${result.v}</v></c>`
      : `<c r="${ref}"${s}>${f}</c>`;
  }
  const value = c.value;
  if (typeof value === "string") return `<c r="${ref}"${s} t="s"><v>${strings.of(value)}</v></c>`;
  if (typeof value === "number") {
    // No object per number: a million customers' sheet has some ten million of them.
    return Number.isFinite(value)
      ? `<c r="${ref}"${s}><v>${value}</v></c>`
      : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${dateToExcelSerial(value)}</v></c>`;
  return s ? `<c r="${ref}"${s}/>` : "";
}

/** The notes of the rows written, by cell ("B3"), in sheet order. */
export type FoundNotes = { cell: string; text: string }[];

/**
 * Writes `rows` into the worksheet `out` as <row> elements, and returns the notes found on their cells
 * (a notes part is written for them once the rows are done).
 */
export async function writeRows(
  out: DeflatedPart,
  rows: Iterable<SheetRow>,
  formats: CellFormats,
  strings: SharedStrings,
): Promise<FoundNotes> {
  const notes: FoundNotes = [];
  const letters: string[] = [];
  const letter = (col: number) => (letters[col] ??= columnName(col));
  let piece = "";
  for (const { row, cells } of rows) {
    let xml = "";
    for (const c of cells) {
      const ref = letter(c.col) + row;
      xml += cellXml(ref, c, formats, strings);
      if (c.note) notes.push({ cell: ref, text: c.note });
    }
    if (xml === "") continue;
    piece += `<row r="${row}">${xml}</row>`;
    if (piece.length >= PIECE_CHARACTERS) {
      out.add(piece);
      piece = "";
      // A part deflated in parallel: the text waits for the deflater, never the other way round.
      if (out.pending > 0) await out.drain();
    }
  }
  if (piece) out.add(piece);
  return notes;
}

/** From A1 to the last row and column the sheet writes ("A1" when it writes nothing). */
function dimension(model: SheetModel | undefined, rows: number, cols: number): string {
  let bottom = rows;
  let right = cols;
  for (const block of model?.blocks ?? []) {
    const box = blockBox(block);
    bottom = Math.max(bottom, box.bottom);
    right = Math.max(right, box.right);
  }
  return bottom > 0 && right > 0 ? rangeAddress({ top: 1, left: 1, bottom, right }) : "A1";
}

function sheetViewXml(model: SheetModel | undefined, selected: boolean): string {
  const grid = model?.showGridLines === false ? ' showGridLines="0"' : "";
  const tab = selected ? ' tabSelected="1"' : "";
  const freeze = model?.freeze && (model.freeze.rows > 0 || model.freeze.cols > 0) ? model.freeze : undefined;
  if (!freeze) return `<sheetViews><sheetView workbookViewId="0"${tab}${grid}/></sheetViews>`;
  const pane =
    freeze.rows > 0 && freeze.cols > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
  const topLeft = cellAddress(freeze.rows + 1, freeze.cols + 1);
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}${grid}>` +
    `<pane${freeze.cols > 0 ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""} ` +
    `topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

function columnsXml(widths: SheetModel["columnWidths"]): string {
  const cols = (widths ?? []).flatMap((w, i) =>
    typeof w === "number" && w > 0
      ? [`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`]
      : [],
  );
  return cols.length ? `<cols>${cols.join("")}</cols>` : "";
}

/**
 * Everything before the rows: the sheet's properties, its extent (`rows` x `cols` for a sheet without a
 * model), its view and its column widths.
 */
export function worksheetHead(
  model: SheetModel | undefined,
  selected: boolean,
  extent: { rows: number; cols: number } = { rows: 0, cols: 0 },
): string {
  const properties =
    (model?.tabColor ? `<tabColor ${colorAttributes(model.tabColor)}/>` : "") +
    (model?.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (properties ? `<sheetPr>${properties}</sheetPr>` : "") +
    `<dimension ref="${dimension(model, extent.rows, extent.cols)}"/>` +
    sheetViewXml(model, selected) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columnsXml(model?.columnWidths) +
    "<sheetData>"
  );
}

/** A model range as a sqref: space-separated ranges. */
function sqref(range: string): string {
  return parseRangeList(range)
    .map((box) => rangeAddress(box))
    .join(" ");
}

function conditionalFormatXml(f: ConditionalFormat, priority: number, formats: CellFormats): string {
  let rule: string;
  if (f.type === "colorScale") {
    const cfvo =
      f.colors.length === 3
        ? '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>'
        : '<cfvo type="min"/><cfvo type="max"/>';
    const colors = f.colors.map((c) => `<color rgb="${argb(c)}"/>`).join("");
    rule = `<cfRule type="colorScale" priority="${priority}"><colorScale>${cfvo}${colors}</colorScale></cfRule>`;
  } else if (f.type === "dataBar") {
    rule =
      `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/>` +
      `<color rgb="${argb(f.color)}"/></dataBar></cfRule>`;
  } else {
    const operands = f.operands.map((o) => `<formula>${escapeXmlText(String(o))}</formula>`).join("");
    rule =
      `<cfRule type="cellIs" dxfId="${formats.dxf(f.style)}" priority="${priority}" operator="${f.operator}">` +
      `${operands}</cfRule>`;
  }
  return `<conditionalFormatting sqref="${sqref(f.range)}">${rule}</conditionalFormatting>`;
}

function validationXml(v: DataValidation): string {
  const type = v.type;
  let operator = "";
  let formulas: string[];
  if (v.type === "list") {
    formulas = [
      v.values
        ? `"${v.values.join(",").replace(/"/g, '""')}"`
        : rangeAddress(parseRangeAddress(v.source as string), true),
    ];
  } else {
    const bounds = numberValidationBounds(v);
    operator = ` operator="${bounds.operator}"`;
    formulas = bounds.formulas.map(String);
  }
  const attributes =
    `type="${type}"${operator}${(v.allowBlank ?? true) ? ' allowBlank="1"' : ""}` +
    `${v.prompt ? ' showInputMessage="1"' : ""} showErrorMessage="1"` +
    `${v.error ? ` error="${escapeXml(v.error)}"` : ""}${v.prompt ? ` prompt="${escapeXml(v.prompt)}"` : ""}` +
    ` sqref="${sqref(v.range)}"`;
  const body = formulas.map((f, i) => `<formula${i + 1}>${escapeXmlText(f)}</formula${i + 1}>`).join("");
  return `<dataValidation ${attributes}>${body}</dataValidation>`;
}

/** Everything after the rows, in the order the schema gives the worksheet's children. */
export function worksheetTail(
  model: SheetModel | undefined,
  formats: CellFormats,
  links: SheetLinks,
): string {
  const merges = model?.merges ?? [];
  const validations = model?.validations ?? [];
  const print = model?.print;
  return (
    "</sheetData>" +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${sqref(m)}"/>`).join("")}</mergeCells>`
      : "") +
    (model?.conditionalFormats ?? []).map((f, i) => conditionalFormatXml(f, i + 1, formats)).join("") +
    (validations.length
      ? `<dataValidations count="${validations.length}">${validations.map(validationXml).join("")}</dataValidations>`
      : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (print
      ? `<pageSetup orientation="${print.orientation ?? "portrait"}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`
      : "") +
    (links.drawing ? `<drawing r:id="${links.drawing}"/>` : "") +
    (links.legacyDrawing ? `<legacyDrawing r:id="${links.legacyDrawing}"/>` : "") +
    (links.tables.length
      ? `<tableParts count="${links.tables.length}">${links.tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
      : "") +
    "</worksheet>"
  );
}

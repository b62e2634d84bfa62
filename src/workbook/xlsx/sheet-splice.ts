/**
 * The worksheet XML of a rebuilt generated sheet: the report's new sheet (as the streaming writer wrote
 * it) with what the user put on the old sheet OUTSIDE the parts the report owns carried over as it was
 * written: cells (with their formats, which keep pointing at the user's unchanged styles and shared
 * strings), conditional formats, data validation, merged cells and hidden columns.
 */
import {
  boxesOverlap,
  boxWith,
  cellAddress,
  columnNumber,
  parseCellAddress,
  parseRangeList,
  rangeAddress,
  type RangeBox,
} from "../../sheet/a1";
import type { SheetLoss } from "../../sheet/port";
import type { PreviousSheet } from "../backend";
import type { XlsxPackage } from "./package";
import { firstTopLevelElement, WORKSHEET_TAIL } from "./package-edit";
import { sheetExtensions } from "./sheet-extensions";
import { detached, partTextPieces } from "./sheet-reader";
import { scanSheet } from "./sheet-scan";
import { elementFormulas, elementRule, followCells, type UserElement } from "./user-elements";
import { attributes, escapeXml, startTags } from "./xml-text";

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g;

/**
 * Our cells' shared strings (t="s") written inline, so the user's sharedStrings.xml is not touched.
 * `items`: the inner XML of each <si>, moved as written (escapes and runs kept).
 */
export function inlineSharedStrings(sheetXml: string, items: string[]): string {
  return sheetXml.replace(
    /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_, before: string, after: string, n: string) =>
      `<c${before} t="inlineStr"${after}><is>${items[Number(n)] ?? "<t></t>"}</is></c>`,
  );
}

interface KeptRow {
  attrs: string;
  cells: { col: number; xml: string }[];
}

export interface OldSheetParts {
  /** Cells outside the owned boxes, by row. */
  rows: Map<number, KeptRow>;
  conditionalFormats: string[];
  validations: string[];
  merges: string[];
  hiddenColumns: [number, number][];
  /** The user's links (<hyperlink> elements, at their cell or moved with it); `relId`: an external one's. */
  hyperlinks: { xml: string; relId?: string }[];
  /** Excel 2010+ extensions carried (<ext> elements: x14 conditional formats, validation, sparklines). */
  extensions: string[];
  /** Namespace prefixes the old sheet declares on its root ("xmlns:x14ac" -> uri): what is carried may use them. */
  namespaces: [string, string][];
  /** What the user had outside the cells that cannot be carried, e.g. a sparkline in cell F7. */
  lost: SheetLoss[];
}

const overlapsOwned = (owned: RangeBox[], ref: string | undefined) =>
  parseRangeList(ref).some((b) => owned.some((o) => boxesOverlap(o, b)));

/**
 * What the user has on the old sheet (worksheet `part` of `pkg`) outside `owned`, and attached to the
 * carried cells inside it. The sheet is read as it is inflated: of its rows only the cells outside
 * `owned` are kept, those inside are passed over without being parsed.
 */
export async function userPartsOf(
  pkg: XlsxPackage,
  part: string,
  owned: RangeBox[],
  previous?: PreviousSheet,
): Promise<OldSheetParts> {
  let head = "";
  const rows = new Map<number, KeptRow>();
  const cells = cellsOutside(owned, rows);
  const tail = await scanSheet(partTextPieces(pkg, part), { head: (xml) => (head = xml), rows: cells });
  // The sheet without its rows: small, and what its other elements are looked for in.
  const oldXml = head + tail;
  const root = /<(\w+:)?worksheet\b([^>]*)>/.exec(oldXml);
  const elements = mainElements(oldXml, root?.[1] ?? "");
  const lost: SheetLoss[] = [];
  const follow = (element: UserElement) => followCells(element, owned, previous, lost);
  const conditionalFormats = elements("conditionalFormatting").flatMap((e) => {
    const xml = follow({
      what: "conditionalFormat",
      type: attributes(startTags(e, "cfRule")[0] ?? "").type,
      ref: attributes(startOf(e)).sqref ?? "",
      formulas: elementFormulas(e),
      rule: elementRule("conditionalFormat", e),
      withRef: withSqref(e),
    });
    return xml === undefined ? [] : [xml];
  });
  const validations = elements("dataValidation").flatMap((e) => {
    const a = attributes(startOf(e));
    const xml = follow({
      what: "validation",
      type: a.type ?? "none",
      ref: a.sqref ?? "",
      formulas: elementFormulas(e),
      rule: elementRule("validation", e),
      withRef: withSqref(e),
    });
    return xml === undefined ? [] : [xml];
  });
  const hyperlinks = elements("hyperlink").flatMap((e) => {
    const a = attributes(e);
    const withRef = (ref: string) => e.replace(/(\sref=")[^"]*"/, `$1${escapeXml(ref)}"`);
    const xml = follow({ what: "hyperlink", ref: a.ref ?? "", formulas: [], withRef });
    if (xml === undefined) return [];
    const relId = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    return [relId === undefined ? { xml } : { xml, relId }];
  });
  const extensions = sheetExtensions(oldXml, owned, previous);
  lost.push(...extensions.lost);
  return {
    rows,
    conditionalFormats,
    validations,
    hyperlinks,
    merges: elements("mergeCell").filter((e) => !overlapsOwned(owned, attributes(e).ref)),
    hiddenColumns: hiddenColumnsOf(elements("col")),
    extensions: extensions.carried,
    namespaces: Object.entries(attributes(root?.[2] ?? "")).filter(([n]) => n.startsWith("xmlns:")),
    lost,
  };
}

/**
 * What takes the runs of rows of the old sheet: the cells outside `owned` that hold a value or formula
 * go into `rows`, as copies of their own (a piece of the text they were cut from is never kept alive).
 */
function cellsOutside(owned: RangeBox[], rows: Map<number, KeptRow>): (xml: string) => void {
  let nextRow = 1;
  return (xml) => {
    for (const m of xml.matchAll(ROW)) {
      const a = attributes(m[1]);
      const row = a.r ? Number(a.r) : nextRow;
      nextRow = row + 1;
      const across = owned.filter((b) => b.top <= row && row <= b.bottom);
      const cells = keptCells(m[2] ?? "", row, across);
      if (cells.length) rows.set(row, { attrs: detached(m[1].replace(/\s(r|spans)="[^"]*"/g, "")), cells });
    }
  };
}

/**
 * The cells of one row's content that lie outside the boxes `across` (those of the owned parts that
 * cross the row) and hold a value or formula (a cell with neither is a format only: not worth carrying
 * on its own). Cells are found by their tags alone: one inside a box is passed over, its content unread.
 */
function keptCells(content: string, row: number, across: RangeBox[]): KeptRow["cells"] {
  const cells: KeptRow["cells"] = [];
  let nextCol = 1;
  let at = content.indexOf("<");
  while (at >= 0) {
    const tagEnd = content.indexOf(">", at);
    if (tagEnd < 0) break;
    const name = /^<([\w:.-]+)/.exec(content.slice(at, Math.min(tagEnd, at + 40)))?.[1] ?? "";
    const empty = content.charCodeAt(tagEnd - 1) === 47; // "/>"
    let end = tagEnd + 1;
    if (!empty) {
      const close = content.indexOf(`</${name}>`, tagEnd);
      end = close < 0 ? content.length : close + name.length + 3;
    }
    if (name === "c" || name.endsWith(":c")) {
      const r = /\sr="([A-Za-z]+)\d*"/.exec(content.slice(at, tagEnd));
      const col = r ? columnNumber(r[1]) : nextCol;
      nextCol = col + 1;
      if (!across.some((b) => b.left <= col && col <= b.right)) {
        const xml = content.slice(at, end);
        if (/<(?:\w+:)?(?:v|f|is)\b/.test(xml)) {
          cells.push({
            col,
            xml: detached(r ? xml : xml.replace(/^<(\w+:)?c\b/, `<$1c r="${cellAddress(row, col)}"`)),
          });
        }
      }
    }
    at = content.indexOf("<", end);
  }
  return cells;
}

/**
 * The elements `name` of the old sheet in the main namespace only (whatever prefix the file gives it,
 * `main`): Excel 2010 extensions (x14:, in <extLst>) are taken by sheetExtensions.
 */
function mainElements(oldXml: string, main: string): (name: string) => string[] {
  return (name) =>
    [...oldXml.matchAll(new RegExp(`<(\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1?${name}>)`, "g"))]
      .filter((m) => (m[1] ?? "") === main)
      .map((m) => m[0]);
}

const startOf = (e: string) => /^<[^>]*>/.exec(e)?.[0] ?? "";
const withSqref = (e: string) => (ref: string) =>
  e.replace(/^(<[^>]*?\ssqref=")[^"]*"/, `$1${escapeXml(ref)}"`);

/** The column ranges the user hid ([min, max]), from the old sheet's <col> elements. */
function hiddenColumnsOf(cols: string[]): [number, number][] {
  return cols
    .map((e) => attributes(e))
    .filter((a) => a.hidden === "1" || a.hidden === "true")
    .map((a): [number, number] => [Number(a.min), Number(a.max)]);
}

/** True when the old sheet has nothing of the user's outside the owned parts. */
export function nothingKept(parts: OldSheetParts): boolean {
  return (
    parts.rows.size === 0 &&
    parts.conditionalFormats.length === 0 &&
    parts.validations.length === 0 &&
    parts.hyperlinks.length === 0 &&
    parts.merges.length === 0 &&
    parts.hiddenColumns.length === 0 &&
    parts.extensions.length === 0
  );
}

/** Inserts `element` before the first top-level child named in `followers`, else before </worksheet>. */
function insertBefore(xml: string, element: string, followers: string[]): string {
  const at = firstTopLevelElement(xml, followers);
  if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  return xml.replace(/<\/worksheet>\s*$/, `${element}</worksheet>`);
}

/**
 * Merges the user's kept rows into runs of our new sheet's rows, run by run (our rows come in order):
 * each run takes the kept rows up to its last row; `rest` gives those below our last row.
 */
export class KeptRowsMerger {
  private readonly pending: number[];
  private next = 0;

  constructor(private readonly kept: Map<number, KeptRow>) {
    this.pending = [...kept.keys()].sort((a, b) => a - b);
  }

  /** A run of our rows with the kept rows among them put in. */
  run(ourRows: string): string {
    if (this.next >= this.pending.length) return ourRows;
    const ours: { row: number; attrs: string; body: string }[] = [];
    for (const m of ourRows.matchAll(ROW)) {
      ours.push({ row: Number(attributes(m[1]).r), attrs: m[1], body: m[2] ?? "" });
    }
    const last = ours.length > 0 ? ours[ours.length - 1].row : 0;
    const taken: number[] = [];
    while (this.next < this.pending.length && this.pending[this.next] <= last) {
      taken.push(this.pending[this.next++]);
    }
    if (taken.length === 0) return ourRows;
    return mergeRows(ours, taken, this.kept);
  }

  /** The kept rows below our last row. */
  rest(): string {
    const taken = this.pending.slice(this.next);
    this.next = this.pending.length;
    return taken.length > 0 ? mergeRows([], taken, this.kept) : "";
  }
}

function mergeRows(
  ours: { row: number; attrs: string; body: string }[],
  taken: number[],
  kept: Map<number, KeptRow>,
): string {
  const rowNumbers = [...new Set([...ours.map((r) => r.row), ...taken])].sort((a, b) => a - b);
  const byRow = new Map(ours.map((r) => [r.row, r]));
  const out: string[] = [];
  for (const row of rowNumbers) {
    const our = byRow.get(row);
    const k = kept.get(row);
    if (!k) {
      out.push(`<row${our?.attrs ?? ""}>${our?.body ?? ""}</row>`);
      continue;
    }
    const cells: { col: number; xml: string }[] = [];
    const written = new Set<number>();
    if (our) {
      for (const c of our.body.matchAll(CELL)) {
        const col = parseCellAddress(attributes(c[1]).r).col;
        written.add(col);
        cells.push({ col, xml: c[0] });
      }
    }
    // Where the new sheet writes a cell, it wins (the user was told before anything was written).
    for (const c of k.cells) if (!written.has(c.col)) cells.push(c);
    cells.sort((a, b) => a.col - b.col);
    const attrs = our ? our.attrs.replace(/\sspans="[^"]*"/, "") : ` r="${row}"${k.attrs}`;
    out.push(`<row${attrs}>${cells.map((c) => c.xml).join("")}</row>`);
  }
  return out.join("");
}

/** The box of the user's kept cells, undefined when there are none. */
function keptBox(kept: Map<number, KeptRow>): RangeBox | undefined {
  let box: RangeBox | undefined;
  for (const [row, k] of kept) for (const c of k.cells) box = boxWith(box, row, c.col);
  return box;
}

/** <col> elements with the user's hidden columns set on top of ours. */
function withHiddenColumns(colsXml: string | undefined, hidden: [number, number][]): string {
  const ours = [...(colsXml ?? "").matchAll(/<col\b[^>]*\/>/g)].map((m) => {
    const a = attributes(m[0]);
    return { min: Number(a.min), max: Number(a.max), tag: m[0] };
  });
  const edges = new Set<number>();
  for (const c of ours) edges.add(c.min).add(c.max + 1);
  for (const [min, max] of hidden) edges.add(min).add(max + 1);
  const sorted = [...edges].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const [from, to] = [sorted[i], sorted[i + 1] - 1];
    const our = ours.find((c) => c.min <= from && c.max >= from);
    const isHidden = hidden.some(([min, max]) => min <= from && max >= from);
    if (!our && !isHidden) continue;
    let tag = our ? our.tag : `<col min="${from}" max="${to}" width="9.140625" customWidth="1"/>`;
    tag = tag.replace(/\smin="\d+"/, ` min="${from}"`).replace(/\smax="\d+"/, ` max="${to}"`);
    if (isHidden && !/\shidden=/.test(tag)) tag = tag.replace(/\/>$/, ' hidden="1"/>');
    out.push(tag);
  }
  return out.join("");
}

/**
 * What comes before the rows of our new sheet (its root, dimension and columns, up to the <sheetData>
 * start tag) with the user's parts of the old sheet put in: the prefixes they use, the box of their
 * kept cells, their hidden columns.
 */
export function headWithUserParts(ourHead: string, parts: OldSheetParts): string {
  if (nothingKept(parts)) return ourHead;
  let xml = withNamespaces(ourHead, parts.namespaces);
  const box = keptBox(parts.rows);
  const dim = /<dimension ref="([^"]*)"\/>/.exec(xml);
  if (dim && box) {
    const boxes = [...parseRangeList(dim[1]), box];
    const union = boxes.reduce((a, b) => ({
      top: Math.min(a.top, b.top),
      left: Math.min(a.left, b.left),
      bottom: Math.max(a.bottom, b.bottom),
      right: Math.max(a.right, b.right),
    }));
    xml = xml.replace(dim[0], `<dimension ref="${rangeAddress(union, false, true)}"/>`);
  }
  if (parts.hiddenColumns.length > 0) {
    const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
    const element = `<cols>${withHiddenColumns(cols?.[1], parts.hiddenColumns)}</cols>`;
    xml = cols ? xml.replace(cols[0], element) : xml.replace(/<sheetData\b/, `${element}<sheetData`);
  }
  return xml;
}

/**
 * What comes after the rows of our new sheet (from </sheetData> on) with the user's parts of the old
 * sheet put in: merged cells, conditional formats, validation, links and extensions.
 */
export function tailWithUserParts(ourTail: string, parts: OldSheetParts): string {
  let xml = ourTail;
  if (parts.merges.length > 0) {
    const merges = /<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/.exec(xml);
    const items = [
      ...(merges ? [...merges[1].matchAll(/<mergeCell\b[^>]*\/>/g)].map((m) => m[0]) : []),
      ...parts.merges,
    ];
    const element = `<mergeCells count="${items.length}">${items.join("")}</mergeCells>`;
    xml = merges
      ? xml.replace(merges[0], element)
      : insertBefore(xml, element, ["phoneticPr", "conditionalFormatting", ...WORKSHEET_TAIL]);
  }
  if (parts.conditionalFormats.length > 0) {
    xml = insertBefore(xml, parts.conditionalFormats.join(""), WORKSHEET_TAIL);
  }
  if (parts.validations.length > 0) {
    const dv = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(xml);
    const items = [...(dv ? [dv[1]] : []), ...parts.validations];
    const count = (dv ? [...dv[1].matchAll(/<dataValidation\b/g)].length : 0) + parts.validations.length;
    const element = `<dataValidations count="${count}">${items.join("")}</dataValidations>`;
    xml = dv ? xml.replace(dv[0], element) : insertBefore(xml, element, WORKSHEET_TAIL.slice(1));
  }
  if (parts.hyperlinks.length > 0) {
    const element = `<hyperlinks>${parts.hyperlinks.map((h) => h.xml).join("")}</hyperlinks>`;
    xml = insertBefore(xml, element, WORKSHEET_TAIL.slice(2));
  }
  if (parts.extensions.length > 0) {
    // The report writes no <extLst>: the user's extensions make the sheet's, its last element.
    xml = xml.replace(/<\/worksheet>\s*$/, `<extLst>${parts.extensions.join("")}</extLst></worksheet>`);
  }
  return xml;
}

/** Our sheet's root with the prefixes the carried parts may use declared (those it lacks). */
function withNamespaces(ourXml: string, namespaces: [string, string][]): string {
  const root = /<worksheet\b[^>]*>/.exec(ourXml);
  if (!root) return ourXml;
  const have = attributes(root[0]);
  const missing = namespaces.filter(([name]) => have[name] === undefined);
  if (missing.length === 0) return ourXml;
  const added = missing.map(([name, uri]) => ` ${name}="${uri}"`).join("");
  return ourXml.replace(root[0], root[0].replace(/\s*>$/, `${added}>`));
}

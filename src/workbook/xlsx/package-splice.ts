/**
 * Puts the report's sheets into the user's package. The generated sheets (and the settings sheet) are
 * rendered on their own by the streaming writer into a small package; their parts (worksheet, tables,
 * drawing and charts, notes) are moved into the user's package under free names, their strings written
 * inline and their styles appended to the user's styles.xml (styles-merge.ts). What the package-level
 * changes touch: those parts, workbook.xml (sheets, defined names, recalculation on opening), its .rels,
 * [Content_Types].xml, styles.xml and the calculation chain (a cache Excel rebuilds, removed because it
 * lists cells of the replaced sheets). Every other part is copied byte for byte (zip-writer.ts).
 *
 * What the user had on a replaced generated sheet is carried (sheet-splice.ts) or, when it cannot be,
 * described in `notCarried` before anything is written.
 */
import { boxesOverlap, parseRangeList, type CellPosition, type RangeBox } from "../../sheet/a1";
import {
  authorsMarked,
  isReportChart,
  isReportNote,
  reportNotes,
  userNoteCell,
  type FoundChart,
} from "../report-objects";
import type { ChartSpec, SheetModel } from "../../sheet/sheet-model";
import type { RefreshLoss } from "../../sheet/port";
import type { PreviousSheet } from "../backend";
import { MemorySheet } from "../memory/memory-backend";
import { definedNamesXml, putDefinedNames } from "./defined-names";
import { XlsxPackage, REL_DRAWING, REL_TABLE, REL_WORKSHEET } from "./package";
import { insertWorksheetElement, REL_NS } from "./package-edit";
import { withFullCalcOnLoad } from "./package-finish";
import { partTextPieces, sharedStringItems } from "./sheet-reader";
import { commentsWithNotes, oldSheetNotes, vmlWithNotes, type CarriedNote } from "./sheet-notes";
import { scanSheet } from "./sheet-scan";
import {
  headWithUserParts,
  inlineSharedStrings,
  KeptRowsMerger,
  tailWithUserParts,
  userPartsOf,
  type OldSheetParts,
} from "./sheet-splice";
import type { SheetSlot, SpliceBackend } from "./splice-backend";
import { streamWorkbook } from "./stream-write";
import { mergeStyles, remapSheetStyles, type MergedStyles } from "./styles-merge";
import {
  attributes,
  escapeXml,
  folderOf,
  parseRelationships,
  relsPathOf,
  startTags,
  unescapeXml,
  type Relationship,
} from "./xml-text";
import { DeflatedPart, writeZip, type PartContent, type ZipOut } from "./zip-writer";
import { constants, inflateRawSync } from "node:zlib";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

export interface SpliceResult {
  bytes: Buffer;
  /** What the user had on a replaced generated sheet that is not in the new file. */
  notCarried: RefreshLoss[];
}

/** Relative target from the folder of `fromPart` to `toPart` ("../tables/table3.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = folderOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return (
    RELS_HEAD +
    rels
      .map(
        (r) =>
          `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"` +
          (r.external ? ' TargetMode="External"/>' : "/>"),
      )
      .join("") +
    "</Relationships>"
  );
}

/** The user's package being edited: parts copied, replaced, added or removed. */
class PackageEdit {
  /** New content of parts: text, bytes, or bytes in pieces (a big sheet, never joined). */
  private readonly content = new Map<string, PartContent>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  contentTypes: string;

  constructor(readonly pkg: XlsxPackage) {
    this.contentTypes = pkg.text("[Content_Types].xml");
  }

  exists(part: string): boolean {
    return !this.removed.has(part) && (this.pkg.has(part) || this.content.has(part));
  }

  text(part: string): string {
    const own = this.content.get(part);
    if (own === undefined) return this.pkg.text(part);
    if (typeof own === "string") return own;
    if (own instanceof DeflatedPart) {
      const bytes = Buffer.concat(own.pieces);
      return inflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
    }
    return own.toString("utf8");
  }

  put(part: string, data: PartContent): void {
    if (!this.pkg.has(part) && !this.content.has(part)) this.added.push(part);
    this.content.set(part, data);
    this.removed.delete(part);
  }

  remove(part: string): void {
    this.removed.add(part);
    this.content.delete(part);
    this.contentTypes = this.contentTypes.replace(
      new RegExp(
        `<(\\w+:)?Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`,
      ),
      "",
    );
  }

  relationships(owner: string): Relationship[] {
    const rels = relsPathOf(owner);
    return this.exists(rels) ? parseRelationships(this.text(rels), owner) : [];
  }

  /** A free name like `stem` + N + `ext` in `folder` (xl/tables/table7.xml). */
  freeName(folder: string, stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${folder}${stem}${n}${ext}`;
      if (!this.exists(name) && !this.added.includes(name)) return name;
    }
  }

  override(part: string, type: string): void {
    this.contentTypes = this.contentTypes.replace(
      /<\/(\w+:)?Types>\s*$/,
      (end) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>${end}`,
    );
  }

  ensureDefault(extension: string, type: string): void {
    if (new RegExp(`Extension="${extension}"`, "i").test(this.contentTypes)) return;
    this.contentTypes = this.contentTypes.replace(
      /<\/(\w+:)?Types>\s*$/,
      (end) => `<Default Extension="${extension}" ContentType="${escapeXml(type)}"/>${end}`,
    );
  }

  /** Parts still referenced from any .rels other than those of `except`. */
  private referencedElsewhere(part: string, except: Set<string>): boolean {
    const relsParts = [...this.pkg.entries.map((e) => e.name), ...this.added].filter(
      (n) => n.endsWith(".rels") && this.exists(n) && !except.has(n),
    );
    return relsParts.some((rels) => {
      const owner = rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
      return parseRelationships(this.text(rels), owner).some((r) => !r.external && r.target === part);
    });
  }

  /** Removes `part`, its .rels and the parts only it refers to. */
  removeWithDependents(part: string, keep: (target: string) => boolean = () => false): void {
    const gone = new Set<string>();
    const visit = (p: string) => {
      if (gone.has(p) || !this.exists(p)) return;
      gone.add(p);
      const rels = this.relationships(p);
      gone.add(relsPathOf(p));
      for (const r of rels) if (!r.external && !keep(r.target)) visit(r.target);
    };
    visit(part);
    const relsGone = new Set([...gone].filter((p) => p.endsWith(".rels")));
    for (const p of gone) {
      if (p !== part && !p.endsWith(".rels") && this.referencedElsewhere(p, relsGone)) continue;
      this.remove(p);
    }
  }

  entries(): ZipOut[] {
    const out: ZipOut[] = [];
    for (const entry of this.pkg.entries) {
      if (this.removed.has(entry.name)) continue;
      if (entry.name === "[Content_Types].xml") out.push({ name: entry.name, content: this.contentTypes });
      else if (this.content.has(entry.name))
        out.push({ name: entry.name, content: this.content.get(entry.name) as PartContent });
      else out.push({ name: entry.name, copyFrom: { buffer: this.pkg.buffer, entry } });
    }
    for (const name of this.added) {
      if (this.removed.has(name) || !this.content.has(name)) continue;
      out.push({ name, content: this.content.get(name) as PartContent });
    }
    return out;
  }
}

/** Content type of a part of the small package, from its [Content_Types].xml. */
function contentTypeIn(pkg: XlsxPackage, part: string): { override?: string; extension?: [string, string] } {
  const types = pkg.text("[Content_Types].xml");
  const override = startTags(types, "Override").find((t) => attributes(t).PartName === `/${part}`);
  if (override) return { override: attributes(override).ContentType };
  const ext = part.slice(part.lastIndexOf(".") + 1);
  const def = startTags(types, "Default").find((t) => attributes(t).Extension?.toLowerCase() === ext);
  return def ? { extension: [ext, attributes(def).ContentType] } : {};
}

/** Moves a part of the small package (and what it refers to) into the user's; returns its new name. */
function transplant(edit: PackageEdit, mini: XlsxPackage, part: string, tableIds: { next: number }): string {
  const m = /^(.*\/)?([A-Za-z]+?)(\d*)(\.\w+)$/.exec(part) as RegExpExecArray;
  const name = edit.freeName(m[1] ?? "", m[2], m[4]);
  let data: Buffer | string = mini.bytes(part);
  const rels = mini.relationships(part);
  if (rels.length > 0) {
    const moved = rels.map((r) =>
      r.external ? r : { ...r, target: relativeTarget(name, transplant(edit, mini, r.target, tableIds)) },
    );
    edit.put(relsPathOf(name), relsXml(moved));
  }
  if (/^xl\/tables\//.test(part)) {
    // Table ids are unique in the workbook.
    data = data.toString("utf8").replace(/(<table\b[^>]*?\sid=")\d+"/, `$1${tableIds.next++}"`);
  }
  edit.put(name, data);
  const type = contentTypeIn(mini, part);
  if (type.override) edit.override(name, type.override);
  if (type.extension) edit.ensureDefault(type.extension[0], type.extension[1]);
  return name;
}

function maxTableId(pkg: XlsxPackage): number {
  let max = 0;
  for (const e of pkg.entries) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(e.name)) continue;
    const tag = startTags(pkg.text(e.name), "table")[0];
    max = Math.max(max, Number(attributes(tag ?? "").id ?? 0));
  }
  return max;
}

/**
 * The anchors of a drawing part that are not the report's: pictures, shapes, and charts that are not the
 * report's by its one rule (report-objects.ts: the mark in their name; on a sheet a build before the mark
 * drew, the place and title its registry recorded).
 */
function foreignDrawingObjects(
  edit: PackageEdit,
  drawing: string,
  previous: PreviousSheet | undefined,
): number {
  const xml = edit.text(drawing);
  const rels = edit.relationships(drawing);
  const anchors = [
    ...xml.matchAll(/<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1?\2>/g),
  ];
  return anchors.filter((a) => {
    const chart = /<(?:\w+:)?chart\b[^>]*>/.exec(a[0])?.[0];
    if (!chart || /<(\w+:)?(pic|sp|grpSp|cxnSp)\b/.test(a[0])) return true;
    const found: FoundChart = { name: attributes(/<(?:\w+:)?cNvPr\b[^>]*>/.exec(a[0])?.[0] ?? "").name };
    const at = anchorCell(a[0]);
    if (at) found.at = at;
    const relId = Object.entries(attributes(chart)).find(([k]) => k.endsWith(":id"))?.[1];
    const part = rels.find((r) => r.id === relId && !r.external)?.target;
    if (part && edit.exists(part)) found.title = chartTitle(edit.text(part));
    return !isReportChart(found, previous);
  }).length;
}

/** The top-left cell of a drawing anchor (1-based), when it has one. */
function anchorCell(anchor: string): CellPosition | undefined {
  const from = /<(\w+:)?from>([\s\S]*?)<\/\1?from>/.exec(anchor)?.[2];
  const col = from && /<(?:\w+:)?col>(\d+)</.exec(from)?.[1];
  const row = from && /<(?:\w+:)?row>(\d+)</.exec(from)?.[1];
  return col && row ? { row: Number(row) + 1, col: Number(col) + 1 } : undefined;
}

/** The text of a chart part's own title ("" for none): the <c:title> before its plot area (axes have theirs). */
function chartTitle(xml: string): string {
  const plot = xml.search(/<(?:\w+:)?plotArea\b/);
  const title = /<(\w+:)?title>([\s\S]*?)<\/\1?title>/.exec(plot < 0 ? xml : xml.slice(0, plot))?.[2];
  return title ? [...title.matchAll(/<(?:\w+:)?t>([^<]*)</g)].map((m) => unescapeXml(m[1])).join("") : "";
}

/** The user's notes of a replaced sheet carried to the new one, and the old sheet's VML drawing. */
interface UserNotes {
  carried: CarriedNote[];
  oldVml?: string;
}

/**
 * The old parts of a replaced generated sheet: which go (the report's), which are the user's and stay
 * (their own tables outside the report's parts), and what cannot be carried (listed).
 */
function sortOldRelationships(
  edit: PackageEdit,
  slotName: string,
  part: string,
  owned: RangeBox[] | undefined,
  model: SheetModel | undefined,
  previous: PreviousSheet | undefined,
  notCarried: RefreshLoss[],
): { keepTables: Relationship[]; notes: UserNotes } {
  const keepTables: Relationship[] = [];
  const notes: UserNotes = { carried: [] };
  const sheet = slotName;
  const rels = edit.relationships(part);
  const vml = rels.find((r) => r.type.endsWith("/vmlDrawing") && !r.external && edit.exists(r.target));
  if (vml) notes.oldVml = edit.text(vml.target);
  for (const r of rels) {
    if (r.type.endsWith(REL_TABLE)) {
      const tag = startTags(edit.text(r.target), "table")[0] ?? "";
      const a = attributes(tag);
      const range = a.ref ?? "";
      const ours = !owned || owned.some((b) => parseRangeList(range).some((t) => boxesOverlap(t, b)));
      if (!ours) keepTables.push(r);
      continue;
    }
    if (r.type.endsWith(REL_DRAWING)) {
      const foreign = foreignDrawingObjects(edit, r.target, previous);
      if (foreign > 0) notCarried.push({ kind: "drawing", sheet, count: foreign });
      continue;
    }
    if (r.type.endsWith("/comments")) {
      const xml = edit.text(r.target);
      const authors = [...xml.matchAll(/<(?:\w+:)?author>([^<]*)</g)].map((m) => unescapeXml(m[1]));
      const known = reportNotes(model, previous, authorsMarked(authors));
      const found = oldSheetNotes(xml, notes.oldVml, (note) => {
        if (isReportNote(note, known)) return "report";
        return owned && previous ? userNoteCell(note.cell, owned, known) : undefined;
      });
      notes.carried.push(...found.carried);
      for (const n of found.lost) notCarried.push({ kind: "note", sheet, cell: n.cell, text: n.text });
      continue;
    }
    // Links are the <hyperlink> elements' (carried with them, or listed, by userPartsOf).
    if (
      r.type.endsWith("/vmlDrawing") ||
      r.type.endsWith("/printerSettings") ||
      r.type.endsWith("/hyperlink")
    )
      continue;
    notCarried.push({ kind: "part", sheet, part: r.type.slice(r.type.lastIndexOf("/") + 1) });
  }
  return { keepTables, notes };
}

/** The relationship id of a <sheet> element, whatever prefix the file gives it. */
function sheetRelId(tag: string): string | undefined {
  const a = attributes(tag);
  return Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? a.id;
}

/**
 * The workbook.xml <sheet> elements: each sheet of the file keeps its element (renamed, its state set),
 * deleted ones go, new ones are added at the end.
 */
function sheetsElement(
  sheetsXml: string,
  backend: SpliceBackend,
  newRelIds: Map<string, string>,
  relPrefix: string,
): string {
  const old = startTags(sheetsXml, "sheet");
  const oldRels = backend.pkg.relationships("xl/workbook.xml");
  let nextId = Math.max(0, ...old.map((t) => Number(attributes(t).sheetId ?? 0))) + 1;
  const items: string[] = [];
  const withState = (tag: string, visibility: string) => {
    const bare = tag.replace(/\sstate="[^"]*"/, "").replace(/\s*\/?>$/, "");
    return `${bare}${visibility === "visible" ? "" : ` state="${visibility}"`}/>`;
  };
  for (const tag of old) {
    const rel = oldRels.find((r) => r.id === sheetRelId(tag));
    if (!rel || !rel.type.endsWith(REL_WORKSHEET)) {
      // Chart sheets and dialog sheets keep their element and place.
      items.push(tag.endsWith("/>") ? tag : tag.replace(/>$/, "/>"));
      continue;
    }
    const slot = backend.slots.find((s) => s.part === rel.target);
    if (!slot) continue; // deleted
    const renamed = tag.replace(/\sname="[^"]*"/, ` name="${escapeXml(slot.name)}"`);
    items.push(withState(renamed, slot.visibility));
  }
  for (const slot of backend.slots.filter((s) => !s.part)) {
    const tag = `<sheet name="${escapeXml(slot.name)}" sheetId="${nextId++}" ${relPrefix}id="${newRelIds.get(slot.name)}"/>`;
    items.push(withState(tag, slot.visibility));
  }
  return items.join("");
}

/** The report's sheets rendered alone by the streaming writer, in a small package of their own. */
interface RenderedSheets {
  pkg: XlsxPackage;
  sheets: { name: string; part: string }[];
  /** The inner XML of each of its shared strings (written inline in the user's package). */
  strings: string[];
}

/** What the steps of a splice share: the package being edited and what goes into it. */
interface Splice {
  backend: SpliceBackend;
  edit: PackageEdit;
  mini: RenderedSheets;
  /** Our sheet XML as the user's package needs it: strings inline, styles renumbered. */
  ours: (xml: string) => string;
  tableIds: { next: number };
  workbookRels: WorkbookRels;
  notCarried: RefreshLoss[];
}

/** xl/_rels/workbook.xml.rels as it is edited: the new sheets' relationships added. */
interface WorkbookRels {
  old: Relationship[];
  xml: string;
  usedIds: Set<string>;
  /** The relationship id of each sheet added (by name). */
  added: Map<string, string>;
}

/** The bytes of the refreshed workbook, and what of the user's could not be carried. */
export async function splicePackage(
  backend: SpliceBackend,
  charts: Map<string, ChartSpec[]>,
): Promise<SpliceResult> {
  const pkg = backend.pkg;
  const edit = new PackageEdit(pkg);
  const writtenSlots = backend.slots.filter((s) => s.written);
  performance.mark("loyalty:save: rendering the sheets");
  const mini = await renderSheets(writtenSlots, charts);
  performance.mark("loyalty:save: splicing");
  const ours = appendOurStyles(edit, mini.pkg, writtenSlots.length > 0);
  for (const part of backend.deletedParts) edit.removeWithDependents(part);
  const old = pkg.relationships("xl/workbook.xml");
  const splice: Splice = {
    backend,
    edit,
    mini,
    ours: (xml) => ours(inlineSharedStrings(xml, mini.strings)),
    tableIds: { next: maxTableId(pkg) + 1 },
    workbookRels: {
      old,
      xml: pkg.has("xl/_rels/workbook.xml.rels")
        ? pkg.text("xl/_rels/workbook.xml.rels")
        : RELS_HEAD + "</Relationships>",
      usedIds: new Set(old.map((r) => r.id)),
      added: new Map(),
    },
    notCarried: [],
  };
  for (const slot of writtenSlots) await spliceSheet(splice, slot);
  edit.put("xl/workbook.xml", splicedWorkbookXml(backend, splice.workbookRels.added));
  finishWorkbookRels(splice);
  performance.mark("loyalty:save: zip");
  return { bytes: writeZip(edit.entries()), notCarried: splice.notCarried };
}

/** The written sheets (generated sheets' models, the hidden stores' rows) rendered alone. */
async function renderSheets(
  slots: SpliceBackend["slots"],
  charts: Map<string, ChartSpec[]>,
): Promise<RenderedSheets> {
  const sheets = slots.map((s) => {
    const sheet = new MemorySheet(s.name, "visible", s.written?.model);
    if (s.written?.rows)
      s.written.rows.forEach((cells, r) =>
        cells.forEach((v, c) => {
          let row = sheet.cells.get(r + 1);
          if (!row) sheet.cells.set(r + 1, (row = new Map()));
          row.set(c + 1, { value: v });
        }),
      );
    return sheet;
  });
  const mini = XlsxPackage.fromBuffer(await streamWorkbook(sheets, [], charts), "report");
  const sstPart = mini
    .relationships("xl/workbook.xml")
    .find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const strings = sstPart && mini.has(sstPart) ? sharedStringItems(mini.text(sstPart)) : [];
  return { pkg: mini, sheets: mini.sheets(), strings };
}

/**
 * Our styles appended to the user's styles.xml (put in the package when something is written); returns
 * what renumbers our sheets' style indexes to the merged ones. A file without styles keeps ours as they
 * are; one whose styles part is missing gets the default style everywhere.
 */
function appendOurStyles(edit: PackageEdit, mini: XlsxPackage, written: boolean): (xml: string) => string {
  const rels = edit.pkg.relationships("xl/workbook.xml");
  const stylesPart = rels.find((r) => r.type.endsWith("/styles"))?.target;
  if (!stylesPart) return (xml) => xml;
  let merged: MergedStyles = { xml: "", xf: [], dxf: [] };
  if (edit.pkg.has(stylesPart)) {
    const miniStylesPart = mini.relationships("xl/workbook.xml").find((r) => r.type.endsWith("/styles"))
      ?.target as string;
    merged = mergeStyles(edit.pkg.text(stylesPart), mini.text(miniStylesPart));
    if (written) edit.put(stylesPart, merged.xml);
  }
  return (xml) => remapSheetStyles(xml, merged);
}

/**
 * One written sheet: its parts moved in, the user's parts of the old sheet carried (or listed). Both
 * sheets are read as they are inflated and the new one is deflated as it is made: neither is ever held
 * whole (a report sheet of 100,000 customers is 150 MB of XML).
 */
async function spliceSheet(splice: Splice, slot: SheetSlot): Promise<void> {
  const { edit, mini, ours } = splice;
  const miniPart = mini.sheets.find((s) => s.name === slot.name)?.part as string;
  const owned = slot.written?.owned;
  const userParts =
    slot.part && owned ? await userPartsOf(edit.pkg, slot.part, owned, slot.written?.previous) : undefined;
  let keptTables: Relationship[] = [];
  let linkRels: Relationship[] = [];
  let notes: UserNotes = { carried: [] };
  let part = slot.part;
  if (part) ({ keptTables, linkRels, notes } = replaceOldSheet(splice, slot, part, userParts));
  else part = addSheetPart(splice, slot.name);
  // The parts of ours moved in, by the last word of their relationship's type ("comments").
  const moved = new Map<string, string>();
  const rels = mini.pkg.relationships(miniPart).map((r) => {
    if (r.external) return r;
    const name = transplant(edit, mini.pkg, r.target, splice.tableIds);
    moved.set(r.type.slice(r.type.lastIndexOf("/") + 1), name);
    return { ...r, target: relativeTarget(part, name) };
  });
  const out = new DeflatedPart();
  const kept = userParts ? new KeptRowsMerger(userParts.rows) : undefined;
  const tail = await scanSheet(partTextPieces(mini.pkg, miniPart), {
    head: (xml) => out.add(userParts ? headWithUserParts(ours(xml), userParts) : ours(xml)),
    rows: (xml) => out.add(kept ? kept.run(ours(xml)) : ours(xml)),
  });
  if (kept) out.add(kept.rest());
  let xml = ours(tail);
  if (userParts) xml = tailWithUserParts(xml, userParts);
  const legacyDrawing = putUserNotes(edit, part, rels, moved, notes.carried, notes.oldVml);
  if (legacyDrawing) xml = insertWorksheetElement(xml, "legacyDrawing", legacyDrawing);
  out.add(withUserTables(xml, rels, keptTables, part));
  out.finish();
  rels.push(...linkRels);
  edit.put(part, out);
  if (rels.length > 0) edit.put(relsPathOf(part), relsXml(rels));
}

/**
 * The old sheet a written one replaces: what of the user's cannot be carried is listed, and its parts go
 * (all but the user's own tables and links, returned to be linked again).
 */
function replaceOldSheet(
  splice: Splice,
  slot: SheetSlot,
  part: string,
  userParts: OldSheetParts | undefined,
): { keptTables: Relationship[]; linkRels: Relationship[]; notes: UserNotes } {
  const { edit, notCarried } = splice;
  const { keepTables: keptTables, notes } = sortOldRelationships(
    edit,
    slot.name,
    part,
    slot.written?.owned,
    slot.written?.model,
    slot.written?.previous,
    notCarried,
  );
  let linkRels: Relationship[] = [];
  if (userParts) {
    notCarried.push(...userParts.lost.map((loss) => ({ ...loss, sheet: slot.name })));
    linkRels = userLinkRels(edit.relationships(part), userParts);
  }
  const keep = new Set(keptTables.map((t) => t.target));
  edit.removeWithDependents(part, (target) => keep.has(target));
  return { keptTables, linkRels, notes };
}

const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/**
 * The user's notes carried onto the rebuilt sheet `part` (sheet-notes.ts): added to the comments part and
 * VML drawing of the report's notes moved in (`moved`), or to new ones related from the sheet. Returns
 * the <legacyDrawing> element the sheet then needs, "" when it has one.
 */
function putUserNotes(
  edit: PackageEdit,
  part: string,
  rels: Relationship[],
  moved: Map<string, string>,
  notes: CarriedNote[],
  oldVml: string | undefined,
): string {
  if (notes.length === 0) return "";
  const comments = moved.get("comments");
  const vml = moved.get("vmlDrawing");
  const commentsPart = comments ?? edit.freeName("xl/", "comments", ".xml");
  const vmlPart = vml ?? edit.freeName("xl/drawings/", "vmlDrawing", ".vml");
  edit.put(commentsPart, commentsWithNotes(comments && edit.text(comments), notes));
  edit.put(vmlPart, vmlWithNotes(vml && edit.text(vml), notes, oldVml));
  if (!comments) {
    edit.override(commentsPart, COMMENTS_TYPE);
    rels.push({
      id: "rIdN1",
      type: `${REL_NS}/comments`,
      target: relativeTarget(part, commentsPart),
      external: false,
    });
  }
  if (vml) return "";
  edit.ensureDefault("vml", VML_TYPE);
  rels.push({
    id: "rIdN2",
    type: `${REL_NS}/vmlDrawing`,
    target: relativeTarget(part, vmlPart),
    external: false,
  });
  return '<legacyDrawing r:id="rIdN2"/>';
}

/** A free worksheet part for a sheet added this session, related from the workbook; its name. */
function addSheetPart(splice: Splice, sheetName: string): string {
  const { edit, workbookRels } = splice;
  const part = edit.freeName("xl/worksheets/", "sheet", ".xml");
  edit.override(part, WORKSHEET_TYPE);
  let n = workbookRels.usedIds.size + 1;
  while (workbookRels.usedIds.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  workbookRels.usedIds.add(id);
  workbookRels.added.set(sheetName, id);
  workbookRels.xml = workbookRels.xml.replace(
    /<\/(\w+:)?Relationships>\s*$/,
    (end) =>
      `<Relationship Id="${id}" Type="${REL_NS}/worksheet" Target="${escapeXml(relativeTarget("xl/workbook.xml", part))}"/>${end}`,
  );
  return part;
}

/**
 * The user's own tables on the sheet (outside the report's parts) stay, linked from the new sheet under
 * ids of their own ("rIdU1"...): added to `rels` and to the sheet's <tableParts>.
 */
function withUserTables(xml: string, rels: Relationship[], keptTables: Relationship[], part: string): string {
  const taken = new Set(rels.map((r) => r.id));
  const userTableIds: string[] = [];
  for (const t of keptTables) {
    let n = 1;
    while (taken.has(`rIdU${n}`)) n++;
    taken.add(`rIdU${n}`);
    userTableIds.push(`rIdU${n}`);
    rels.push({ id: `rIdU${n}`, type: t.type, target: relativeTarget(part, t.target), external: false });
  }
  if (userTableIds.length === 0) return xml;
  const items = userTableIds.map((id) => `<tablePart r:id="${id}"/>`).join("");
  const tp = /<tableParts\b[^>]*>([\s\S]*?)<\/tableParts>/.exec(xml);
  const count = (tp ? [...tp[1].matchAll(/<tablePart\b/g)].length : 0) + userTableIds.length;
  const element = `<tableParts count="${count}">${tp ? tp[1] : ""}${items}</tableParts>`;
  return tp
    ? xml.replace(tp[0], element)
    : xml.replace(/(<extLst\b[\s\S]*)?<\/worksheet>\s*$/, (tail) => element + tail);
}

/** workbook.xml with the sheets, the defined names and recalculation on opening. */
function splicedWorkbookXml(backend: SpliceBackend, addedRels: Map<string, string>): string {
  let workbookXml = backend.pkg.text("xl/workbook.xml");
  const root = /<(\w+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  const prefixMatch = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[.]/g, "\\.")}"`).exec(root);
  let relPrefix = prefixMatch ? `${prefixMatch[1]}:` : "r:";
  if (!prefixMatch) {
    workbookXml = workbookXml.replace(root, root.replace(/>$/, ` xmlns:r="${REL_NS}">`));
    relPrefix = "r:";
  }
  // What is written here (<sheet>, <definedNames>, <calcPr>) has no prefix: a file that puts the main
  // namespace under one (<x:workbook xmlns:x=...>) gets it as the default namespace as well.
  if (!/\sxmlns=/.test(root)) {
    const now = /<(\w+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
    workbookXml = workbookXml.replace(now, now.replace(/>$/, ` xmlns="${MAIN_NS}">`));
  }
  // Old element texts are matched before the slots' parts change.
  const sheetsBlock = /<((\w+:)?sheets)\b[^>]*>([\s\S]*?)<\/\1>/.exec(workbookXml) as RegExpExecArray;
  const element = sheetsElement(sheetsBlock[3], backend, addedRels, relPrefix);
  workbookXml = workbookXml.replace(sheetsBlock[0], `<${sheetsBlock[1]}>${element}</${sheetsBlock[1]}>`);
  const order = startTags(workbookXml, "sheet").map((t) => attributes(t).name);
  workbookXml = withFullCalcOnLoad(putDefinedNames(workbookXml, definedNamesXml(backend.names, order)));
  return withVisibleActiveTab(workbookXml, backend);
}

/** The workbook's relationships put in, without the calculation chain (removed) and the deleted sheets. */
function finishWorkbookRels(splice: Splice): void {
  const { edit, backend, workbookRels } = splice;
  const withoutRel = (xml: string, id: string) =>
    xml.replace(new RegExp(`<(\\w+:)?Relationship\\b[^>]*Id="${id}"[^>]*/>`), "");
  let xml = workbookRels.xml;
  const calcChain = workbookRels.old.find((r) => r.type.endsWith("/calcChain"));
  if (calcChain) {
    edit.remove(calcChain.target);
    xml = withoutRel(xml, calcChain.id);
  }
  for (const part of backend.deletedParts) {
    const rel = workbookRels.old.find((r) => r.target === part);
    if (rel) xml = withoutRel(xml, rel.id);
  }
  edit.put("xl/_rels/workbook.xml.rels", xml);
}

/**
 * The relationships of the user's external links carried on a rebuilt sheet, under ids of their own
 * ("rIdL1"...): the links' elements in `parts` are given those ids.
 */
function userLinkRels(oldRels: Relationship[], parts: OldSheetParts): Relationship[] {
  const out: Relationship[] = [];
  for (const link of parts.hyperlinks) {
    const rel = oldRels.find((r) => r.id === link.relId);
    if (!rel) continue;
    const id = `rIdL${out.length + 1}`;
    link.xml = link.xml.replace(/(\s[\w]+:id=")[^"]*"/, `$1${id}"`);
    out.push({ ...rel, id });
  }
  return out;
}

/** The active tab and first visible tab of the workbook view must be a visible sheet. */
function withVisibleActiveTab(workbookXml: string, backend: SpliceBackend): string {
  const visible = backend.slots.map((s) => s.visibility === "visible");
  const first = visible.indexOf(true);
  if (first < 0) return workbookXml;
  return workbookXml.replace(/<(\w+:)?workbookView\b[^>]*>/, (tag) => {
    const a = attributes(tag);
    const active = Number(a.activeTab ?? 0);
    if (visible[active]) return tag;
    return tag
      .replace(/\sactiveTab="\d+"/, "")
      .replace(/\sfirstSheet="\d+"/, "")
      .replace(/^<([\w:]+)/, `<$1 activeTab="${first}" firstSheet="${first}"`);
  });
}

/**
 * Puts the report's sheets into the user's package. The generated sheets (and the settings sheet) are
 * rendered on their own by the streaming writer into a small package; their parts (worksheet, tables,
 * drawing and charts, notes) are moved into the user's package under free names, their strings written
 * inline and their styles appended to the user's styles.xml (styles-merge.ts). What the package-level
 * changes touch: those parts, workbook.xml (sheets, defined names, recalculation on opening), its .rels,
 * [Content_Types].xml, styles.xml and the calculation chain (a cache Excel rebuilds, removed because it
 * lists cells of the replaced sheets). Every other part is copied byte for byte (zip-writer.ts).
 *
 * What the user had on a replaced generated sheet is carried (sheet-splice.ts for its cells and elements,
 * carried-sheet-parts.ts for its parts) or, when it cannot be, described in `notCarried` before anything
 * is written. The package is edited part by part through package-parts.ts; workbook.xml and its .rels
 * through workbook-part.ts.
 */
import type { ChartSpec } from "../../sheet/sheet-model";
import type { RefreshLoss } from "../../sheet/port";
import { MemorySheet } from "../memory/memory-backend";
import {
  putUserNotes,
  sortOldRelationships,
  userLinkRels,
  withUserTables,
  type UserNotes,
} from "./carried-sheet-parts";
import { XlsxPackage } from "./package";
import { insertWorksheetElement } from "./package-edit";
import { maxTableId, PackageEdit, relativeTarget, relsXml, transplant } from "./package-parts";
import { partTextPieces, sharedStringItems } from "./sheet-reader";
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
  addSheetPart,
  finishWorkbookRels,
  splicedWorkbookXml,
  workbookRelsOf,
  type WorkbookRels,
} from "./workbook-part";
import { relsPathOf, type Relationship } from "./xml-text";
import { DeflatedPart, writeZip } from "./zip-writer";

export interface SpliceResult {
  bytes: Buffer;
  /** What the user had on a replaced generated sheet that is not in the new file. */
  notCarried: RefreshLoss[];
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
  const splice: Splice = {
    backend,
    edit,
    mini,
    ours: (xml) => ours(inlineSharedStrings(xml, mini.strings)),
    tableIds: { next: maxTableId(pkg) + 1 },
    workbookRels: workbookRelsOf(pkg),
    notCarried: [],
  };
  for (const slot of writtenSlots) await spliceSheet(splice, slot);
  edit.put("xl/workbook.xml", splicedWorkbookXml(backend, splice.workbookRels.added));
  finishWorkbookRels(edit, backend, splice.workbookRels);
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
  const mini = XlsxPackage.fromBuffer(Buffer.concat(await streamWorkbook(sheets, [], charts)), "report");
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
  else part = addSheetPart(edit, splice.workbookRels, slot.name);
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

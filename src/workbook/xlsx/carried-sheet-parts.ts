/**
 * What a rebuilt generated sheet carries of the old one's own parts (its .rels): the user's tables outside
 * the report's parts, their notes and their links stay; the report's parts go; pictures, shapes, charts
 * and other parts of the user's that cannot follow are listed.
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
import type { SheetModel } from "../../sheet/sheet-model";
import type { RefreshLoss } from "../../sheet/port";
import type { PreviousSheet } from "../backend";
import { REL_DRAWING, REL_TABLE } from "./package";
import { REL_NS } from "./package-edit";
import { relativeTarget, type PackageEdit } from "./package-parts";
import { commentsWithNotes, noteAuthors, oldSheetNotes, vmlWithNotes, type CarriedNote } from "./sheet-notes";
import type { OldSheetParts } from "./sheet-splice";
import { attributes, startTags, unescapeXml, type Relationship } from "./xml-text";

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
export interface UserNotes {
  carried: CarriedNote[];
  oldVml?: string;
}

/**
 * The old parts of a replaced generated sheet: which go (the report's), which are the user's and stay
 * (their own tables outside the report's parts), and what cannot be carried (listed).
 */
export function sortOldRelationships(
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
      const known = reportNotes(model, previous, authorsMarked(noteAuthors(xml)));
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

/**
 * The relationships of the user's external links carried on a rebuilt sheet, under ids of their own
 * ("rIdL1"...): the links' elements in `parts` are given those ids.
 */
export function userLinkRels(oldRels: Relationship[], parts: OldSheetParts): Relationship[] {
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

const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/**
 * The user's notes carried onto the rebuilt sheet `part` (sheet-notes.ts): added to the comments part and
 * VML drawing of the report's notes moved in (`moved`), or to new ones related from the sheet. Returns
 * the <legacyDrawing> element the sheet then needs, "" when it has one.
 */
export function putUserNotes(
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

/**
 * The user's own tables on the sheet (outside the report's parts) stay, linked from the new sheet under
 * ids of their own ("rIdU1"...): added to `rels` and to the sheet's <tableParts>.
 */
export function withUserTables(
  xml: string,
  rels: Relationship[],
  keptTables: Relationship[],
  part: string,
): string {
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

/**
 * The user's notes (comments) on a rebuilt generated sheet, in the file. A note lives in two parts of
 * the sheet: its text and author in the comments part, its box (where it is drawn, its size, whether it
 * shows) as a shape of the sheet's VML drawing. Each note of the old sheet that is not the report's goes
 * where report-objects.ts userNoteCell says (its cell outside the report's parts, its customer's row of a
 * carried table, or their Kept notes row); it keeps its author, its text as written (runs and all) and
 * its shape, moved with its cell. The rest is listed before anything is written.
 */
import { parseCellAddress } from "../../sheet/a1";
import { itemText } from "./sheet-reader";
import { attributes, escapeXmlText, unescapeXml } from "./xml-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const VML_NS = {
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
};
/** The shape type of a note, as Excel (and ExcelJS) define it. */
const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A note of the old sheet as found: its cell, its text (plain), its author. */
export interface OldNote {
  cell: string;
  text: string;
  author?: string;
}

/** A note of the user's carried to the rebuilt sheet. */
export interface CarriedNote {
  /** Its cell on the rebuilt sheet ("G7"). */
  cell: string;
  author?: string;
  /** Its <text> element, as written (without the prefix the old part gave the main namespace). */
  textXml: string;
  /** Its VML shape as drawn on the old sheet (moved to `cell`), when there is one in the usual prefixes. */
  shape?: string;
  /** How far it moved (rows, columns). */
  shift: { rows: number; cols: number };
}

/** The shapes of a VML drawing's notes by their cell (0-based "row,col"), if it uses the usual prefixes. */
function noteShapes(vml: string | undefined): Map<string, string> {
  const shapes = new Map<string, string>();
  const root = attributes(/<xml\b[^>]*>/.exec(vml ?? "")?.[0] ?? "");
  if (!vml || Object.entries(VML_NS).some(([p, ns]) => root[`xmlns:${p}`] !== ns)) return shapes;
  for (const m of vml.matchAll(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g)) {
    if (!/ObjectType="Note"/.test(m[0])) continue;
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(m[0])?.[1];
    const col = /<x:Column>(\d+)<\/x:Column>/.exec(m[0])?.[1];
    if (row !== undefined && col !== undefined) shapes.set(`${row},${col}`, m[0]);
  }
  return shapes;
}

/** The authors a comments part lists, in order (a note's authorId indexes them), whatever its prefix. */
export function noteAuthors(commentsXml: string): string[] {
  return [...commentsXml.matchAll(/<(?:\w+:)?author>([^<]*)</g)].map((m) => unescapeXml(m[1]));
}

/**
 * The notes of an old sheet's comments part (with its VML drawing), each given to `place`: "report" for
 * the report's own (they go), a cell for one of the user's that is carried there, undefined for one that
 * cannot be (returned as lost).
 */
export function oldSheetNotes(
  commentsXml: string,
  vml: string | undefined,
  place: (note: OldNote) => string | "report" | undefined,
): { carried: CarriedNote[]; lost: OldNote[] } {
  const prefix = /<(\w+:)?comments\b/.exec(commentsXml)?.[1] ?? "";
  const unprefixed = (xml: string) => (prefix ? xml.replace(new RegExp(`<(/?)${prefix}`, "g"), "<$1") : xml);
  const authors = noteAuthors(commentsXml);
  const shapes = noteShapes(vml);
  const carried: CarriedNote[] = [];
  const lost: OldNote[] = [];
  for (const m of commentsXml.matchAll(/<(\w+:)?comment\b([^>]*)>([\s\S]*?)<\/\1?comment>/g)) {
    const a = attributes(m[2]);
    const textXml = unprefixed(/<(\w+:)?text\b[\s\S]*?<\/\1?text>/.exec(m[3])?.[0] ?? "<text/>");
    const note: OldNote = {
      cell: a.ref ?? "",
      text: itemText(m[3]),
      author: authors[Number(a.authorId ?? -1)],
    };
    const to = place(note);
    if (to === "report") continue;
    if (to === undefined) {
      lost.push(note);
      continue;
    }
    const was = parseCellAddress(note.cell);
    const now = parseCellAddress(to);
    const shape = shapes.get(`${was.row - 1},${was.col - 1}`);
    carried.push({
      cell: to,
      ...(note.author !== undefined ? { author: note.author } : {}),
      textXml,
      ...(shape ? { shape } : {}),
      shift: { rows: now.row - was.row, cols: now.col - was.col },
    });
  }
  return { carried, lost };
}

/** A comments part (the rebuilt sheet's, or a new one) with the carried notes added under their authors. */
export function commentsWithNotes(commentsXml: string | undefined, notes: CarriedNote[]): string {
  let xml =
    commentsXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
  const authors = [...xml.matchAll(/<author>([^<]*)</g)].map((m) => unescapeXml(m[1]));
  const items = notes.map((n) => {
    const author = n.author ?? "";
    let id = authors.indexOf(author);
    if (id < 0) id = authors.push(author) - 1;
    return `<comment ref="${n.cell}" authorId="${id}">${n.textXml}</comment>`;
  });
  xml = xml.replace(
    /<authors>[\s\S]*?<\/authors>|<authors\/>/,
    `<authors>${authors.map((a) => `<author>${escapeXmlText(a)}</author>`).join("")}</authors>`,
  );
  return xml.replace(/<\/commentList>/, `${items.join("")}</commentList>`);
}

/** "C, 15, 2, 10, E, 15, 6, 4": the columns and rows of a shape's anchor moved by `shift`. */
function movedAnchor(anchor: string, shift: CarriedNote["shift"]): string {
  const n = anchor.split(",").map((s) => Number(s.trim()));
  if (n.length !== 8 || n.some((v) => !Number.isFinite(v))) return anchor;
  const [c1, r1, c2, r2] = [0, 2, 4, 6];
  n[c1] = Math.max(0, n[c1] + shift.cols);
  n[c2] = Math.max(0, n[c2] + shift.cols);
  n[r1] = Math.max(0, n[r1] + shift.rows);
  n[r2] = Math.max(0, n[r2] + shift.rows);
  return n.join(", ");
}

/** A note's shape as Excel draws a new one: hidden, to the right of its cell (0-based row and column). */
function defaultShape(row: number, col: number): string {
  return (
    '<v:shape type="#_x0000_t202" style="position:absolute;width:108pt;height:59.25pt;z-index:1;visibility:hidden" ' +
    'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>' +
    '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${row + 3}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * A VML drawing (the rebuilt sheet's, or a new one) with a shape for each carried note: its old shape
 * moved to its cell (a new one where it had none), under an id of this drawing. `oldVml`: the old sheet's,
 * for the shape types its shapes use.
 */
export function vmlWithNotes(
  vml: string | undefined,
  notes: CarriedNote[],
  oldVml: string | undefined,
): string {
  // A new drawing takes the block of shape ids the old sheet's had: no other drawing of the file uses it.
  const oldBlock = /<o:idmap\b[^>]*\sdata="(\d+)/.exec(oldVml ?? "")?.[1] ?? "1";
  let xml =
    vml ??
    `<xml xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${oldBlock}"/></o:shapelayout></xml>`;
  const block = Number(/<o:idmap\b[^>]*\sdata="(\d+)/.exec(xml)?.[1] ?? 1);
  let next =
    Math.max(block * 1024, ...[...xml.matchAll(/\sid="_x0000_s(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const types: string[] = [];
  const hasType = (id: string) => xml.includes(`id="${id}"`) || types.some((t) => t.includes(`id="${id}"`));
  if (!hasType("_x0000_t202")) types.push(NOTE_SHAPE_TYPE);
  const shapes = notes.map((n) => {
    const { row, col } = parseCellAddress(n.cell);
    let shape = n.shape ?? defaultShape(row - 1, col - 1);
    if (n.shape) {
      shape = shape
        .replace(/<x:Row>\d+<\/x:Row>/, `<x:Row>${row - 1}</x:Row>`)
        .replace(/<x:Column>\d+<\/x:Column>/, `<x:Column>${col - 1}</x:Column>`)
        .replace(
          /<x:Anchor>([^<]*)<\/x:Anchor>/,
          (_, a: string) => `<x:Anchor>${movedAnchor(a, n.shift)}</x:Anchor>`,
        );
      const type = /^<v:shape\b[^>]*\stype="#([^"]+)"/.exec(shape)?.[1];
      const definition =
        type && !hasType(type)
          ? new RegExp(`<v:shapetype\\b[^>]*\\sid="${type}"[\\s\\S]*?</v:shapetype>`).exec(oldVml ?? "")?.[0]
          : undefined;
      if (definition) types.push(definition);
      else if (type && !hasType(type)) shape = shape.replace(`type="#${type}"`, 'type="#_x0000_t202"');
    }
    // An id of this drawing's own (Excel numbers a drawing's shapes in the blocks of its idmap).
    const start = /^<v:shape\b[^>]*>/.exec(shape)?.[0] ?? "<v:shape>";
    const bare = start
      .replace(/\s(id|o:spid)="[^"]*"/g, "")
      .replace(/^<v:shape/, `<v:shape id="_x0000_s${next++}"`);
    return bare + shape.slice(start.length);
  });
  xml = xml.replace(/<\/xml>\s*$/, `${types.join("")}${shapes.join("")}</xml>`);
  return xml;
}

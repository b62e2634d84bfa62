/**
 * The user's package as a splice edits it, part by part (PackageEdit: each part copied byte for byte,
 * replaced, added or removed, [Content_Types].xml kept in step), and the parts of another package moved
 * into it under free names, with the parts they refer to (transplant).
 */
import type { XlsxPackage } from "./package";
import {
  attributes,
  escapeXml,
  folderOf,
  parseRelationships,
  relsPathOf,
  startTags,
  type Relationship,
} from "./xml-text";
import { DeflatedPart, type PartContent, type ZipOut } from "./zip-writer";
import { constants, inflateRawSync } from "node:zlib";

export const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** Relative target from the folder of `fromPart` to `toPart` ("../tables/table3.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = folderOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
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
export class PackageEdit {
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
export function transplant(
  edit: PackageEdit,
  mini: XlsxPackage,
  part: string,
  tableIds: { next: number },
): string {
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

export function maxTableId(pkg: XlsxPackage): number {
  let max = 0;
  for (const e of pkg.entries) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(e.name)) continue;
    const tag = startTags(pkg.text(e.name), "table")[0];
    max = Math.max(max, Number(attributes(tag ?? "").id ?? 0));
  }
  return max;
}

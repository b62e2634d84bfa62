/**
 * Just enough XML for the few OOXML parts we read or patch as text (workbook.xml, .rels, table parts,
 * [Content_Types].xml, a sheet's root element). These parts are machine-written and flat, so attribute
 * scanning with regular expressions is reliable; cell data is never parsed this way (ExcelJS does that).
 */

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string,
  );
}

/** Escaping for element text: only &, < and > need it (Excel writes apostrophes in formulas as they are). */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] as string);
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] as string;
  });
}

/** Attributes of one start tag (namespace prefixes kept: "r:id"). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** Every start (or empty) tag of an element, with or without a namespace prefix ("sheet", "x:sheet"). */
export function startTags(xml: string, localName: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${localName}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

/** Elements with their text content: `<definedName a="1">text</definedName>`. */
export function elementsWithText(
  xml: string,
  localName: string,
): { attrs: Record<string, string>; text: string }[] {
  const re = new RegExp(`<((?:\\w+:)?${localName})\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ attrs: attributes(m[2]), text: unescapeXml(m[3] ?? "") }));
}

/** Resolves a relationship target against the folder of the part that holds the .rels ("xl/"). */
export function resolveTarget(baseFolder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (baseFolder + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

/** The .rels part of a part: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part path, e.g. "xl/worksheets/sheet1.xml" (external targets are kept as written). */
  target: string;
  external: boolean;
}

export function parseRelationships(relsXml: string, ownerPart: string): Relationship[] {
  return startTags(relsXml, "Relationship").map((tag) => {
    const a = attributes(tag);
    const external = a.TargetMode === "External";
    return {
      id: a.Id,
      type: a.Type ?? "",
      target: external ? a.Target : resolveTarget(folderOf(ownerPart), a.Target ?? ""),
      external,
    };
  });
}

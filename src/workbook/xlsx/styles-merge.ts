/**
 * Adds the styles of the report's sheets to the user's styles.xml without changing any of the user's:
 * their fonts, fills, borders, number formats, cell formats (xf) and differential formats (dxf) keep their
 * positions, so every s="N" in the user's sheets still means what it meant. Ours are appended (or, when an
 * identical entry is already there, e.g. from the last refresh, that one is used), and the indexes our
 * sheets use are mapped to the merged positions.
 */
import { attributes, escapeXml } from "./xml-text";

/** Order of the children of <styleSheet> (CT_Stylesheet). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

interface Collection {
  /** Offsets of the whole element in the text (start === end when absent). */
  start: number;
  end: number;
  items: string[];
}

function collection(xml: string, name: string, item: string): Collection | undefined {
  const m = new RegExp(`<(\\w+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1?${name}>)`).exec(xml);
  if (!m) return undefined;
  const items = [
    ...(m[2] ?? "").matchAll(new RegExp(`<(\\w+:)?${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1?${item}>)`, "g")),
  ].map((i) => i[0]);
  return { start: m.index, end: m.index + m[0].length, items };
}

/** Where a missing collection goes: before the first following child that exists, else before the end. */
function insertionPoint(xml: string, name: string): number {
  for (const next of ORDER.slice(ORDER.indexOf(name) + 1)) {
    const m = new RegExp(`<(\\w+:)?${next}\\b`).exec(xml);
    if (m) return m.index;
  }
  return xml.search(/<\/(\w+:)?styleSheet>/);
}

export interface MergedStyles {
  xml: string;
  /** Our cell format index -> the merged one. */
  xf: number[];
  /** Our differential format index -> the merged one. */
  dxf: number[];
}

function setAttribute(tag: string, name: string, value: string | number): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/^<([\w:]+)/, `<$1 ${name}="${value}"`);
}

/** `ours` (the styles.xml of the report's sheets) merged into `user` (the workbook's). */
export function mergeStyles(user: string, ours: string): MergedStyles {
  const sheet = new UserStylesheet(user);
  const items = (name: string, item: string) => collection(ours, name, item)?.items ?? [];
  const numFmtId = mergeNumberFormats(sheet, items("numFmts", "numFmt"));
  const fonts = sheet.append("fonts", "font", items("fonts", "font"));
  const fills = sheet.append("fills", "fill", items("fills", "fill"));
  const borders = sheet.append("borders", "border", items("borders", "border"));
  const xfs = items("cellXfs", "xf").map((xf) => remappedXf(xf, numFmtId, fonts, fills, borders));
  const xf = sheet.append("cellXfs", "xf", xfs);
  // Our format 0 is "no format": the user's default.
  if (xf.length > 0) xf[0] = 0;
  const dxf = sheet.append(
    "dxfs",
    "dxf",
    items("dxfs", "dxf").map((d) => remappedDxf(d, numFmtId)),
  );
  return { xml: sheet.xml, xf, dxf };
}

/** The user's styles.xml as our items are appended to it, in its namespace prefix. */
class UserStylesheet {
  private readonly prefix: string;

  constructor(public xml: string) {
    this.prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
  }

  /** Our items are written in the default namespace; in a prefixed stylesheet they take its prefix. */
  private own(item: string): string {
    const { prefix } = this;
    return prefix ? item.replace(/<(\/?)(\w+)(?=[\s/>])/g, `<$1${prefix}$2`) : item;
  }

  /** Appends our items of a collection (deduplicated); returns our index -> merged index. */
  append(name: string, item: string, items: string[]): number[] {
    const { prefix } = this;
    const existing = collection(this.xml, name, item);
    const all = existing ? [...existing.items] : [];
    const map = items.map((it) => {
      const x = this.own(it);
      const found = all.indexOf(x);
      if (found >= 0) return found;
      all.push(x);
      return all.length - 1;
    });
    if (!existing && items.length === 0) return map;
    const xml = this.xml;
    if (existing) {
      // Keep the user's own attributes on the collection (x14ac:knownFonts...), with the new count.
      const openTag =
        /^<[^>]*?(?=\/?>)/.exec(xml.slice(existing.start, existing.end))?.[0] ?? `<${prefix}${name}`;
      const open = setAttribute(openTag + ">", "count", all.length).replace(/\/>$/, ">");
      this.xml =
        xml.slice(0, existing.start) + open + all.join("") + `</${prefix}${name}>` + xml.slice(existing.end);
    } else {
      const at = insertionPoint(xml, name);
      const element = `<${prefix}${name} count="${all.length}">${all.join("")}</${prefix}${name}>`;
      this.xml = xml.slice(0, at) + element + xml.slice(at);
    }
    return map;
  }
}

/**
 * Our number formats in the user's stylesheet: a code the user has keeps the user's id; ours get free ids
 * from 164 on. Returns our id -> the merged one.
 */
function mergeNumberFormats(sheet: UserStylesheet, ourFormats: string[]): Map<number, number> {
  const userFormats = collection(sheet.xml, "numFmts", "numFmt")?.items ?? [];
  const used = new Set(userFormats.map((f) => Number(attributes(f).numFmtId)));
  const numFmtId = new Map<number, number>();
  const addFormats: string[] = [];
  for (const f of ourFormats) {
    const a = attributes(f);
    const same = userFormats.find((u) => attributes(u).formatCode === a.formatCode);
    if (same) {
      numFmtId.set(Number(a.numFmtId), Number(attributes(same).numFmtId));
      continue;
    }
    let id = 164;
    while (used.has(id)) id++;
    used.add(id);
    numFmtId.set(Number(a.numFmtId), id);
    addFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(a.formatCode ?? "General")}"/>`);
  }
  if (addFormats.length) sheet.append("numFmts", "numFmt", addFormats);
  return numFmtId;
}

/** Our cell format (xf) pointing at the merged number format, font, fill and border. */
function remappedXf(
  xf: string,
  numFmtId: Map<number, number>,
  fonts: number[],
  fills: number[],
  borders: number[],
): string {
  const a = attributes(xf);
  const id = (n: string | undefined) => Number(n ?? 0);
  return xf.replace(/^<xf\b[^>]*>/, (open) => {
    let t = open;
    t = setAttribute(t, "numFmtId", numFmtId.get(id(a.numFmtId)) ?? id(a.numFmtId));
    t = setAttribute(t, "fontId", fonts[id(a.fontId)] ?? 0);
    t = setAttribute(t, "fillId", fills[id(a.fillId)] ?? 0);
    t = setAttribute(t, "borderId", borders[id(a.borderId)] ?? 0);
    // Based on the user's Normal style, as every cell of theirs is.
    return setAttribute(t, "xfId", 0);
  });
}

/** Our differential format (dxf) with its number format's id mapped to the merged one. */
function remappedDxf(dxf: string, numFmtId: Map<number, number>): string {
  return dxf.replace(/<numFmt\b[^>]*>/g, (tag) => {
    const id = Number(attributes(tag).numFmtId);
    return numFmtId.has(id) ? setAttribute(tag, "numFmtId", numFmtId.get(id) as number) : tag;
  });
}

/** A sheet's XML with its style indexes (s=, style=, dxfId=) mapped to the merged styles. */
export function remapSheetStyles(sheetXml: string, merged: MergedStyles): string {
  return sheetXml
    .replace(/<(c|row)\b[^>]*>/g, (tag) =>
      tag.replace(/\ss="(\d+)"/, (_, n: string) => ` s="${merged.xf[Number(n)] ?? 0}"`),
    )
    .replace(/<col\b[^>]*>/g, (tag) =>
      tag.replace(/\sstyle="(\d+)"/, (_, n: string) => ` style="${merged.xf[Number(n)] ?? 0}"`),
    )
    .replace(/<cfRule\b[^>]*>/g, (tag) =>
      tag.replace(/\sdxfId="(\d+)"/, (_, n: string) => ` dxfId="${merged.dxf[Number(n)] ?? 0}"`),
    );
}

/**
 * Cells of an .xlsx file exactly as a spreadsheet program saved them, read from the sheet XML (not
 * through ExcelJS, whose cell values drop a formula result of 0), and edits of input cells made the way a
 * user's typing would be saved: the cell's value changes and every formula keeps its stale cached result
 * until a spreadsheet program recalculates.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { XlsxPackage } from "../../src/workbook/xlsx/package";

/** A cell as a spreadsheet program saved it: its formula (without "=") and its computed value. */
export interface SavedCell {
  formula?: string;
  /** Numbers, booleans, text (formula results, inline and shared strings), errors as { error }. */
  value: number | string | boolean | { error: string } | null;
}

interface XmlCell {
  "@_r": string;
  "@_t"?: string;
  f?: string | { "#text"?: string };
  v?: string | number;
  is?: { t?: string | { "#text"?: string } };
}

const textOf = (x: unknown): string =>
  typeof x === "object" && x !== null ? String((x as { "#text"?: unknown })["#text"] ?? "") : String(x ?? "");

/** The shared strings of a package (plain text of each item). */
function sharedStrings(pkg: XlsxPackage, parser: XMLParser): string[] {
  if (!pkg.has("xl/sharedStrings.xml")) return [];
  const sst = parser.parse(pkg.text("xl/sharedStrings.xml")).sst;
  const items = ([] as unknown[]).concat(sst?.si ?? []);
  return items.map((si) => {
    const item = si as { t?: unknown; r?: unknown };
    if (item.t !== undefined) return textOf(item.t);
    return ([] as unknown[])
      .concat(item.r ?? [])
      .map((r) => textOf((r as { t?: unknown }).t))
      .join("");
  });
}

/** Every cell of sheet `sheet` of an .xlsx file, by address ("B7"), as saved in the file. */
export function readSavedSheet(file: string, sheet: string): Map<string, SavedCell> {
  const pkg = XlsxPackage.fromBuffer(readFileSync(file), path.basename(file));
  const part = pkg.sheets().find((s) => s.name === sheet)?.part;
  if (!part) throw new Error(`${file} has no sheet ${sheet}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => name === "row" || name === "c" || name === "si" || name === "r",
  });
  const strings = sharedStrings(pkg, parser);
  const rows = parser.parse(pkg.text(part)).worksheet?.sheetData?.row ?? [];
  const cells = new Map<string, SavedCell>();
  for (const row of rows as { c?: XmlCell[] }[]) {
    for (const c of row.c ?? []) {
      const raw = c.v === undefined ? undefined : String(c.v);
      const type = c["@_t"] ?? "n";
      let value: SavedCell["value"] = null;
      if (type === "inlineStr") value = textOf(c.is?.t);
      else if (raw === undefined) value = null;
      else if (type === "s") value = strings[Number(raw)];
      else if (type === "str") value = raw;
      else if (type === "b") value = raw === "1";
      else if (type === "e") value = { error: raw };
      else value = Number(raw);
      const saved: SavedCell = { value };
      if (c.f !== undefined) saved.formula = textOf(c.f);
      cells.set(c["@_r"], saved);
    }
  }
  return cells;
}

/** XML text with &, < and > escaped. */
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Sets cells of `sheet` of the .xlsx `file` to new values (numbers, or text written inline), as typing
 * them would; each cell must exist. Formulas and their cached results are left as they are.
 */
export async function editSavedCells(
  file: string,
  sheet: string,
  edits: Record<string, number | string>,
): Promise<void> {
  const pkg = XlsxPackage.fromBuffer(readFileSync(file), path.basename(file));
  const part = pkg.sheets().find((s) => s.name === sheet)?.part;
  if (!part) throw new Error(`${file} has no sheet ${sheet}`);
  const zip = await JSZip.loadAsync(readFileSync(file));
  let xml = await zip.file(part)!.async("string");
  for (const [address, value] of Object.entries(edits)) {
    const cell = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    const found = cell.exec(xml);
    if (!found) throw new Error(`${sheet}!${address} is not in ${file}`);
    const style = /\ss="\d+"/.exec(found[1])?.[0] ?? "";
    const replacement =
      typeof value === "number"
        ? `<c r="${address}"${style}><v>${value}</v></c>`
        : `<c r="${address}"${style} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
    xml = xml.slice(0, found.index) + replacement + xml.slice(found.index + found[0].length);
  }
  zip.file(part, xml);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

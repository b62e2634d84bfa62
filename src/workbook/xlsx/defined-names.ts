/**
 * Defined names as workbook.xml holds them, written as XML text: a refresh puts back every name of the
 * user's as the file had it (names holding constants or formulas, sheet-scoped names) beside ours, and a
 * new workbook writes ours (stream-write.ts).
 */
import type { DefinedNameSpec } from "../backend";
import type { PackageDefinedName } from "./package";
import { escapeXml, escapeXmlText } from "./xml-text";

const DEFINED_NAMES_BLOCK =
  /<(?:\w+:)?definedNames\b[^>]*>[\s\S]*?<\/(?:\w+:)?definedNames>|<(?:\w+:)?definedNames\b[^>]*\/>/;

/** workbook.xml without its <definedNames> element. */
export function stripDefinedNames(workbookXml: string): string {
  return workbookXml.replace(DEFINED_NAMES_BLOCK, "");
}

/**
 * The <definedNames> element for `names`; sheet-scoped names get the localSheetId of their sheet in
 * `order`, and are dropped when that sheet no longer exists.
 */
export function definedNamesXml(names: PackageDefinedName[], order: string[]): string {
  const items = names.flatMap((n) => {
    let local = "";
    if (n.localSheet !== undefined) {
      const index = order.findIndex((s) => s.toLowerCase() === (n.localSheet as string).toLowerCase());
      if (index < 0) return [];
      local = ` localSheetId="${index}"`;
    }
    const other = Object.entries(n.otherAttributes)
      .filter(([k]) => !k.startsWith("xmlns"))
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join("");
    return [
      `<definedName name="${escapeXml(n.name)}"${local}${other}>${escapeXmlText(n.formula)}</definedName>`,
    ];
  });
  return items.length ? `<definedNames>${items.join("")}</definedNames>` : "";
}

/** Replaces whatever names ExcelJS wrote in workbook.xml with `namesXml` (placed right after </sheets>). */
export function putDefinedNames(workbookXml: string, namesXml: string): string {
  const without = stripDefinedNames(workbookXml);
  return without.replace(/<\/(\w+:)?sheets>/, (end) => end + namesXml);
}

/** A workbook-scoped name of ours in the form the package keeps names in. */
export function packageName(spec: DefinedNameSpec): PackageDefinedName {
  const otherAttributes: Record<string, string> = spec.comment ? { comment: spec.comment } : {};
  return { name: spec.name, formula: spec.reference, otherAttributes };
}

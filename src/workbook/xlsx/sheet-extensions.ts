/**
 * The Excel 2010+ extensions of a worksheet (<extLst> at the end of its XML) on a rebuilt generated
 * sheet. Excel writes there what the 2006 schema cannot say: conditional formats with newer rules (data
 * bars with negative values, icon sets of its own), data validation lists that point to another sheet,
 * and sparklines. The report writes no extensions of its own, so what is there came from the user (or from
 * Excel re-saving the report's own data bars, which lie inside the report's parts):
 *
 * - x14 conditional formats and data validations are carried as the 2006 elements are (sheet-splice.ts):
 *   outside the report's parts as they are, the report's own go, the user's follow their cells or are
 *   listed;
 * - sparklines drawn in cells outside the report's parts are carried, those in its cells cannot be (the
 *   cell is rewritten) and are listed;
 * - any other extension (slicers, timelines, web extensions...) refers to parts and ids of the old sheet:
 *   it is listed as not carried.
 */
import { boxesOverlap, parseRangeList, type RangeBox } from "../../sheet/a1";
import type { SheetLoss } from "../../sheet/port";
import type { PreviousSheet } from "../backend";
import { firstTopLevelElement } from "./package-edit";
import { elementFormulas, elementRule, followCells } from "./user-elements";
import { attributes, escapeXml } from "./xml-text";

const CONDITIONAL_FORMATS = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";
const DATA_VALIDATIONS = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}";
const SPARKLINES = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}";

export interface SheetExtensions {
  /** <ext> elements to put in the new sheet's <extLst>, each declaring the prefixes it uses. */
  carried: string[];
  /** What cannot be carried, e.g. a sparkline in cell F7. */
  lost: SheetLoss[];
}

const sqrefOf = (xml: string) => /<(?:\w+:)?sqref>([^<]*)<\/(?:\w+:)?sqref>/.exec(xml)?.[1] ?? "";
const outside = (owned: RangeBox[], ref: string) =>
  !parseRangeList(ref).some((b) => owned.some((o) => boxesOverlap(o, b)));

/** Every element `localName` (any prefix) of `xml`, with its content; they do not nest. */
function elementsNamed(xml: string, localName: string): string[] {
  const re = new RegExp(`<(\\w+:)?${localName}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1?${localName}>)`, "g");
  return [...xml.matchAll(re)].map((m) => m[0]);
}

/** `container` (the element wrapping the items) with only `items` inside, its count attribute updated. */
function rewrap(container: string, localName: string, items: string[]): string {
  const open = new RegExp(`^<(\\w+:)?${localName}\\b[^>]*>`).exec(container);
  if (!open) return container;
  const start = open[0].replace(/\scount="\d*"/, ` count="${items.length}"`);
  return `${start}${items.join("")}</${open[1] ?? ""}${localName}>`;
}

/** The x14 items of one extension kept outside `owned`; what is dropped inside them is the report's. */
function keptItems(
  ext: string,
  uri: string,
  owned: RangeBox[],
  previous: PreviousSheet | undefined,
  lost: SheetLoss[],
): string | undefined {
  const body = /^<[^>]*>([\s\S]*)<\/(?:\w+:)?ext>$/.exec(ext)?.[1] ?? "";
  const follow = (what: "conditionalFormat" | "validation", e: string, type: string | undefined) =>
    followCells(
      {
        what,
        type: type ?? "none",
        ref: sqrefOf(e),
        formulas: elementFormulas(e),
        rule: elementRule(what, e),
        withRef: (ref) => e.replace(/(<(?:\w+:)?sqref>)[^<]*</, `$1${escapeXml(ref)}<`),
      },
      owned,
      previous,
      lost,
    );
  if (uri === CONDITIONAL_FORMATS) {
    const kept = elementsNamed(body, "conditionalFormatting").flatMap((e) => {
      const type = attributes(/<(?:\w+:)?cfRule\b[^>]*>/.exec(e)?.[0] ?? "").type;
      return follow("conditionalFormat", e, type) ?? [];
    });
    return kept.length > 0 ? kept.join("") : undefined;
  }
  if (uri === DATA_VALIDATIONS) {
    const container = elementsNamed(body, "dataValidations")[0] ?? "";
    const kept = elementsNamed(container, "dataValidation").flatMap(
      (e) => follow("validation", e, attributes(/^<[^>]*>/.exec(e)?.[0] ?? "").type) ?? [],
    );
    return kept.length > 0 ? rewrap(container, "dataValidations", kept) : undefined;
  }
  // Sparklines: each is drawn in the cell of its sqref; a group keeps those outside the report's parts.
  const container = elementsNamed(body, "sparklineGroups")[0] ?? "";
  const groups = elementsNamed(container, "sparklineGroup").flatMap((group) => {
    const lines = elementsNamed(group, "sparkline");
    const kept = lines.filter((line) => {
      if (outside(owned, sqrefOf(line))) return true;
      lost.push({ kind: "sparkline", cell: sqrefOf(line) });
      return false;
    });
    if (kept.length === 0) return [];
    const list = elementsNamed(group, "sparklines")[0] ?? "";
    const prefix = /^<(\w+:)?/.exec(list)?.[1] ?? "";
    return [group.replace(list, `<${prefix}sparklines>${kept.join("")}</${prefix}sparklines>`)];
  });
  return groups.length > 0 ? rewrap(container, "sparklineGroups", groups) : undefined;
}

/** The namespace declarations of the old sheet's root element ("xmlns:x14" -> uri). */
function rootNamespaces(sheetXml: string): [string, string][] {
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  return Object.entries(attributes(root)).filter(([name]) => name.startsWith("xmlns:"));
}

/** The extensions of the old sheet's XML: those carried over `owned`, and what cannot be. */
export function sheetExtensions(
  oldXml: string,
  owned: RangeBox[],
  previous?: PreviousSheet,
): SheetExtensions {
  const carried: string[] = [];
  const lost: SheetLoss[] = [];
  const at = firstTopLevelElement(oldXml, ["extLst"]);
  if (at < 0) return { carried, lost };
  const list = oldXml.slice(at, oldXml.search(/<\/(?:\w+:)?worksheet>\s*$/));
  const declarations = rootNamespaces(oldXml);
  for (const m of list.matchAll(/<(\w+:)?ext\b([^>]*)>[\s\S]*?<\/\1?ext>/g)) {
    const start = attributes(m[2]);
    const uri = start.uri ?? "";
    if (![CONDITIONAL_FORMATS, DATA_VALIDATIONS, SPARKLINES].includes(uri)) {
      lost.push({ kind: "extension", text: uri });
      continue;
    }
    const items = keptItems(m[0], uri, owned, previous, lost);
    if (items === undefined) continue;
    // The prefixes the items use may be declared on the old sheet's root: declare them on the <ext>.
    const own = new Set(Object.keys(start));
    const xmlns = declarations
      .filter(([name]) => !own.has(name))
      .map(([name, value]) => ` ${name}="${value}"`)
      .join("");
    const prefix = m[1] ?? "";
    carried.push(`<${prefix}ext${m[2]}${xmlns}>${items}</${prefix}ext>`);
  }
  return { carried, lost };
}

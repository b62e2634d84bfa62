/**
 * The conditional formats on the report's parts of a sheet, read whole through Excel's API so that a
 * user's can be drawn again where its cells go (user-objects.ts decides where): every kind Excel's API
 * has (cell value, text, custom formula, preset criteria such as duplicates or dates, top/bottom, colour
 * scale, data bar, icon set), with the format it applies (fill, font, number format, borders) and
 * whether it stops the rules below. Excel puts a format it is given first; the user's are given again
 * lowest priority first, so they keep their order among themselves (above the report's, as when they
 * were added after it).
 */
import { rangeAddress, type RangeBox } from "../../sheet/a1";
import { ruleText } from "../format-rules";
import type { ExcelRun } from "./office-backend";

/** A conditional format as read: its kind, where it is, and the values of its settings by path. */
export interface FormatFound {
  /** Excel's kind: "CellValue", "ColorScale", ... */
  type: string;
  /** Its ranges ("B5:B9 D5:D9"), undefined where the host cannot say them. */
  ref?: string;
  stopIfTrue: boolean;
  /** 0 is applied first. */
  priority: number;
  /** "cellValue.rule" -> {formula1, operator}, "cellValue.format.fill.color" -> "#FFC7CE", ... */
  values: Record<string, unknown>;
}

/** The object paths of a format's settings and the properties read at each (written back in this order). */
type Parts = [string, string[]][];

function rangeFormat(kind: string): Parts {
  return [
    [`${kind}.format`, ["numberFormat"]],
    [`${kind}.format.fill`, ["color"]],
    [`${kind}.format.font`, ["bold", "color", "italic", "strikethrough", "underline"]],
    ...["top", "bottom", "left", "right"].map((side): [string, string[]] => [
      `${kind}.format.borders.${side}`,
      ["color", "style"],
    ]),
  ];
}

const PARTS: Record<string, Parts> = {
  CellValue: [["cellValue", ["rule"]], ...rangeFormat("cellValue")],
  ContainsText: [["textComparison", ["rule"]], ...rangeFormat("textComparison")],
  Custom: [["custom.rule", ["formula"]], ...rangeFormat("custom")],
  PresetCriteria: [["preset", ["rule"]], ...rangeFormat("preset")],
  TopBottom: [["topBottom", ["rule"]], ...rangeFormat("topBottom")],
  ColorScale: [["colorScale", ["criteria"]]],
  DataBar: [
    [
      "dataBar",
      ["axisColor", "axisFormat", "barDirection", "lowerBoundRule", "upperBoundRule", "showDataBarOnly"],
    ],
    ["dataBar.positiveFormat", ["borderColor", "fillColor", "gradientFill"]],
    [
      "dataBar.negativeFormat",
      ["borderColor", "fillColor", "matchPositiveBorderColor", "matchPositiveFillColor"],
    ],
  ],
  // The style first: it decides how many criteria the icon set takes.
  IconSet: [["iconSet", ["style", "reverseIconOrder", "showIconOnly", "criteria"]]],
};

/** An Office.js object reached by a path of navigation properties ("cellValue.format.fill"). */
type Navigable = Record<string, unknown> & { load: (names: string) => unknown };

function walk(root: unknown, path: string): Navigable {
  return path.split(".").reduce((o, p) => (o as Record<string, unknown>)[p], root) as Navigable;
}

/** "'LL Customers'!B5:B9,'LL Customers'!D5:D9" (or without the sheet) -> "B5:B9 D5:D9". */
function rangesOf(address: string): string {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, ""))
    .join(" ");
}

/**
 * The conditional formats on the cells of `boxes` (each once, however many boxes it touches), with all
 * their settings. `several`: the host can give the ranges of a format on more than one (ExcelApi 1.9).
 */
export async function conditionalFormatsOn(
  run: ExcelRun,
  sheet: string,
  boxes: RangeBox[],
  several: boolean,
): Promise<FormatFound[]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const collections = boxes.map((b) =>
      ws
        .getRange(rangeAddress(b, false, true))
        .conditionalFormats.load("items/type,items/stopIfTrue,items/priority"),
    );
    await context.sync();
    const items = collections.flatMap((c) => c.items);
    const read = items.map((cf) => ({
      cf,
      where: several ? cf.getRanges().load("address") : cf.getRangeOrNullObject().load("address"),
      parts: (PARTS[cf.type] ?? []).map(([path, names]) => {
        const object = walk(cf, path);
        object.load(names.join(","));
        return { path, names, object };
      }),
    }));
    await context.sync();
    const seen = new Set<string>();
    const out: FormatFound[] = [];
    for (const { cf, where, parts } of read) {
      const values: Record<string, unknown> = {};
      for (const { path, names, object } of parts) {
        for (const name of names) values[`${path}.${name}`] = object[name];
      }
      const found: FormatFound = { type: cf.type, stopIfTrue: cf.stopIfTrue, priority: cf.priority, values };
      // A format on several ranges has no one range where the host cannot give them all.
      if (several || !(where as Excel.Range).isNullObject) found.ref = rangesOf(where.address);
      const key = JSON.stringify(found);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(found);
    }
    return out.sort((a, b) => b.priority - a.priority);
  });
}

/** The formulas of a format's rule (to check for relative references: see user-objects.ts). */
export function formatFormulas(format: FormatFound): string[] {
  const out: string[] = [];
  const visit = (v: unknown, key: string) => {
    if (typeof v === "string" && /formula/i.test(key)) out.push(v.replace(/^=/, ""));
    else if (v && typeof v === "object") for (const [k, w] of Object.entries(v)) visit(w, k);
  };
  for (const [key, v] of Object.entries(format.values)) visit(v, key);
  return out;
}

/**
 * Settings (a format's values, a validation's rule) with the formulas `rewritten` (old -> new, as
 * user-objects.ts fateOf gives them for the object's formulas) put in where they were.
 */
export function withFormulas<T>(value: T, rewritten: Map<string, string> | undefined, key = ""): T {
  if (!rewritten) return value;
  if (typeof value === "string") {
    if (!/formula|source/i.test(key)) return value;
    // A formula as the object listed it: with its "=" (ruleFormulas) or without (formatFormulas).
    const exact = rewritten.get(value);
    if (exact !== undefined) return exact as T;
    const bare = value.startsWith("=") ? rewritten.get(value.slice(1)) : undefined;
    return (bare === undefined ? value : `=${bare}`) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => withFormulas(v, rewritten, key)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withFormulas(v, rewritten, `${key}.${k}`)]),
    ) as T;
  }
  return value;
}

/** The rule of a format as read (format-rules.ts): what tells the report's from one the user changed. */
export function formatRule(format: FormatFound): string {
  const v = format.values;
  if (format.type === "CellValue") {
    const rule = v["cellValue.rule"] as Excel.ConditionalCellValueRule | null | undefined;
    return ruleText({ operator: rule?.operator, formulas: [rule?.formula1, rule?.formula2] });
  }
  if (format.type === "ColorScale") {
    const c = v["colorScale.criteria"] as Excel.ConditionalColorScaleCriteria | null | undefined;
    return ruleText({ colors: [c?.minimum?.color, c?.midpoint?.color, c?.maximum?.color] });
  }
  if (format.type === "DataBar") return ruleText({ colors: [v["dataBar.positiveFormat.fillColor"]] });
  // Kinds the report never writes: the rule tells nothing more than the kind.
  return ruleText({ formulas: formatFormulas(format) });
}

/** Office.js refuses a range address longer than this (Worksheet.getRange, getRanges: InvalidArgument). */
const MAX_ADDRESS_LENGTH = 8192;

/** The boxes as addresses Excel takes, each within its length limit ("A5:A5,A9:A9", ...). */
export function addressGroups(to: RangeBox[]): string[] {
  const groups: string[] = [];
  let current = "";
  for (const box of to) {
    const address = rangeAddress(box, false, true);
    if (current !== "" && current.length + 1 + address.length > MAX_ADDRESS_LENGTH) {
      groups.push(current);
      current = address;
    } else current = current === "" ? address : `${current},${address}`;
  }
  if (current !== "") groups.push(current);
  return groups;
}

/**
 * Draws a format read from the old sheet again on the boxes of the rebuilt one: one format, or one per
 * group of ranges where their address is too long for Excel (the same rule on disjoint cells, so the same
 * look; a formula relative to the first cell cannot be split so: see OfficeBackend's formatFate).
 */
export function addConditionalFormat(ws: Excel.Worksheet, format: FormatFound, to: RangeBox[]): void {
  for (const address of addressGroups(to)) {
    const target = address.includes(",") ? ws.getRanges(address) : ws.getRange(address);
    const cf = target.conditionalFormats.add(format.type as Excel.ConditionalFormatType);
    // Only a rule that applies a format stops the rules below; Excel refuses the setting on the others.
    if (format.stopIfTrue) cf.stopIfTrue = true;
    for (const [key, value] of Object.entries(format.values)) {
      // What a format leaves as it is reads as null: setting it would be refused.
      if (value === null || value === undefined) continue;
      const dot = key.lastIndexOf(".");
      walk(cf, key.slice(0, dot))[key.slice(dot + 1)] = value;
    }
  }
}

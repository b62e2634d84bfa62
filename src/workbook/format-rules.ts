/**
 * The rule of a conditional format or data validation as one text that every adapter derives alike,
 * from the sheet model it writes or from what it reads back (Excel's API, the file's XML): the operator,
 * the formulas (or a list's values) and, for colour scales and data bars, the colours. A format of the
 * report's kind and range whose rule the user changed (another threshold, other list entries, other
 * colours) is then theirs, kept or listed, never taken for the report's and overwritten.
 *
 * Not in it: the look a cell-value rule applies (fill, font), which a file keeps apart from the rule.
 */
import type { ConditionalFormat, DataValidation } from "../sheet/sheet-model";
import { parseRangeAddress, rangeAddress } from "../sheet/a1";
import { formulaBody } from "../sheet/sheet-model-cells";

/** What a reader found of a rule; the parts it has no word for left out. */
export interface RuleParts {
  /** "GreaterThanOrEqualTo", "greaterThanOrEqual", "between", ... */
  operator?: string;
  /** Formulas or values, with or without "=" (numbers as numbers or text); blanks are dropped. */
  formulas?: unknown[];
  /** "#5B9BD5", "FF5B9BD5", ... */
  colors?: unknown[];
}

/** One word per operator, whoever names it: Excel's API "GreaterThanOrEqualTo", a file's "greaterThanOrEqual". */
function operatorWord(operator: string | undefined): string {
  return (operator ?? "").toLowerCase().replace(/to$/, "");
}

/** A number as 15 significant digits (what Excel keeps), so 0.95 written and 0.95 read back agree. */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function formulaText(f: unknown): string | undefined {
  if (f === null || f === undefined) return undefined;
  if (typeof f === "number") return numberText(f);
  let text = formulaBody(String(f));
  if (text === "") return undefined;
  // A list's literal values: a file quotes them ("a,b"), Excel's API does not (a,b).
  if (/^"[^"]*"$/.test(text)) text = text.slice(1, -1);
  const n = Number(text);
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) && Number.isFinite(n) ? numberText(n) : text;
}

function colorText(c: unknown): string | undefined {
  if (typeof c !== "string") return undefined;
  const hex = /^#?(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(c.trim());
  return hex ? hex[1].toUpperCase() : c.trim().toLowerCase() || undefined;
}

/** The rule as one comparable text. */
export function ruleText(parts: RuleParts): string {
  const defined = <T>(list: (T | undefined)[]) => list.filter((x): x is T => x !== undefined);
  return JSON.stringify([
    operatorWord(parts.operator),
    defined((parts.formulas ?? []).map(formulaText)),
    defined((parts.colors ?? []).map(colorText)),
  ]);
}

/** The rule of a conditional format the report writes. */
export function modelFormatRule(f: ConditionalFormat): string {
  if (f.type === "colorScale") return ruleText({ colors: f.colors });
  if (f.type === "dataBar") return ruleText({ colors: [f.color] });
  return ruleText({ operator: f.operator, formulas: f.operands });
}

/** The bounds of a number validation as the adapters write them (none: every number). */
export function numberValidationBounds(v: { min?: number; max?: number }): {
  operator: "between" | "greaterThanOrEqual" | "lessThanOrEqual";
  formulas: number[];
} {
  if (v.min !== undefined && v.max !== undefined) return { operator: "between", formulas: [v.min, v.max] };
  if (v.min !== undefined) return { operator: "greaterThanOrEqual", formulas: [v.min] };
  if (v.max !== undefined) return { operator: "lessThanOrEqual", formulas: [v.max] };
  return { operator: "between", formulas: [-1e307, 1e307] };
}

/** The rule of a data validation the report writes. */
export function modelValidationRule(v: DataValidation): string {
  if (v.type === "list") {
    const source = v.values
      ? v.values.join(",")
      : rangeAddress(parseRangeAddress(formulaBody(v.source as string)), true);
    return ruleText({ formulas: [source] });
  }
  return ruleText(numberValidationBounds(v));
}

/**
 * What a user attached to the report's parts of a sheet besides values (links, conditional formats,
 * data validation), and where it goes on a rebuild. Every adapter decides the same way:
 *
 * - a conditional format or validation the last build wrote (same kind and range, as the registry
 *   recorded it: ReportFormats) is the report's and is written again by the new model; on a sheet
 *   written before they were recorded, one the new build writes again (same kind and rule) on the cells
 *   it goes to;
 * - anything else is the user's: attached to cells of a carried table it follows them, to the same
 *   column by its header and the same customer's row (relocateBox); where it cannot follow (a customer
 *   or a column is gone, it lies elsewhere in the report's parts) it is listed before anything is written.
 */
import {
  boxContains,
  boxesOverlap,
  parseRangeAddress,
  parseRangeList,
  rangeAddress,
  type RangeBox,
} from "../sheet/a1";
import type { ConditionalFormat, SheetModel } from "../sheet/sheet-model";
import type { PreviousSheet } from "./backend";
import { relocateBox, type TableMove } from "./carry";
import type { ReportFormats } from "./registry";

/** The kinds Office.js and the file format name differently, as one word ("cellIs" is "cellValue"). */
function kindWord(type: string): string {
  const t = type.toLowerCase();
  if (t === "cellis") return "cellvalue";
  if (t === "wholenumber") return "whole";
  return t;
}

/**
 * Whether a conditional format (or validation) of `type` on `ref`, found inside the report's parts, is
 * the report's own: every cell of it is in a range the last build wrote one of that kind on (a writer
 * may join the ranges of equal rules into one).
 */
export function isReportFormat(
  what: "conditionalFormat" | "validation",
  type: string,
  ref: string,
  formats: ReportFormats,
): boolean {
  const list = what === "conditionalFormat" ? formats.conditionalFormats : formats.validations;
  const ours = list
    .filter((f) => kindWord(f.type) === kindWord(type))
    .flatMap((f) => parseRangeList(f.range));
  const boxes = parseRangeList(ref);
  return boxes.length > 0 && boxes.every((box) => covered(box, ours));
}

/**
 * What tells the report's conditional formats and validation on a sheet written before they were
 * recorded: those the new build writes, and the boxes each build wrote (block by block, in the same
 * order: the registry's areas of the last build, modelAreas of the new one).
 */
export interface FormatsNow {
  formats: UserObject[];
  areasBefore: RangeBox[];
  areasNow: RangeBox[];
}

/** What the new build writes (`model`, which writes `areasNow`), for a sheet whose last build wrote `areasBefore`. */
export function formatsNow(model: SheetModel, areasBefore: RangeBox[], areasNow: RangeBox[]): FormatsNow {
  const formats = (model.conditionalFormats ?? []).map((f): UserObject => ({
    what: "conditionalFormat",
    type: f.type,
    ref: f.range,
    formulas: ruleFormulas(f),
  }));
  const validations = (model.validations ?? []).map((v): UserObject => {
    let formulas: string[];
    if (v.type === "list")
      formulas = v.values
        ? [`"${v.values.join(",").replace(/"/g, '""')}"`]
        : [rangeAddress(parseRangeAddress(v.source as string), true)];
    // Without bounds the writers give the widest ones (write-sheet.ts).
    else if (v.min === undefined && v.max === undefined) formulas = ["-1e307", "1e307"];
    else formulas = [v.min, v.max].filter((n) => n !== undefined).map(String);
    return { what: "validation", type: v.type, ref: v.range, formulas };
  });
  return { formats: [...formats, ...validations], areasBefore, areasNow };
}

/** The formulas of a conditional format's rule as the adapters read them back. */
function ruleFormulas(f: ConditionalFormat): string[] {
  if (f.type === "cellValue") return f.operands.map(String);
  // A three-colour scale's midpoint is the 50th percentile (write-sheet.ts): a formula to Excel's API.
  return f.type === "colorScale" && f.colors.length === 3 ? ["50"] : [];
}

/** A formula as compared: without "=" and spaces; numbers by value. */
function sameFormula(a: string, b: string): boolean {
  const bare = (f: string) => f.replace(/^\s*=/, "").replace(/\s+/g, "").toLowerCase();
  const [x, y] = [bare(a), bare(b)];
  if (x === y) return true;
  return x !== "" && y !== "" && Number.isFinite(Number(x)) && Number(x) === Number(y);
}

/**
 * Whether an object found on a sheet written before formats were recorded is the report's: the new
 * build writes one of the same kind, with its rule (every formula of the object is one of the rule's),
 * on every cell the object's cells go to: moved with a carried table (`to`), or else at the same place
 * of the same block, each edge kept at its distance from one of the block's edges however the data
 * resized it. Anything else there is the user's, never dropped on a guess.
 */
function writtenNow(
  object: UserObject,
  boxes: RangeBox[],
  to: RangeBox[] | undefined,
  now: FormatsNow,
): boolean {
  const same = now.formats
    .filter(
      (f) =>
        f.what === object.what &&
        kindWord(f.type ?? "") === kindWord(object.type ?? "") &&
        object.formulas.every((o) => f.formulas.some((r) => sameFormula(o, r))),
    )
    .flatMap((f) => parseRangeList(f.ref));
  if (to) return to.length > 0 && to.every((box) => covered(box, same));
  return boxes.length > 0 && boxes.every((box) => placesNow(box, now).some((b) => covered(b, same)));
}

/**
 * Where a box of the last build's block may be in the same block of the new one: each edge at its
 * distance from the block's near or far edge (a format on a table's first column keeps to its left
 * edge, one on its last rows to its bottom). None when the box is in no block of the last build.
 */
function placesNow(box: RangeBox, now: FormatsNow): RangeBox[] {
  const inside = (a: RangeBox) => boxContains(a, box.top, box.left) && boxContains(a, box.bottom, box.right);
  const i = now.areasBefore.findIndex(inside);
  if (i < 0) return [];
  const before = now.areasBefore[i];
  const out: RangeBox[] = [];
  for (const after of sameBlockNow(i, now)) {
    const rows = (r: number) => [r - before.top + after.top, r - before.bottom + after.bottom];
    const cols = (c: number) => [c - before.left + after.left, c - before.right + after.right];
    for (const top of rows(box.top))
      for (const bottom of rows(box.bottom))
        for (const left of cols(box.left))
          for (const right of cols(box.right))
            if (top <= bottom && left <= right) out.push({ top, left, bottom, right });
  }
  return out;
}

/**
 * The blocks of the new build that may be block `i` of the last one: the block in its place in the
 * order (the data resized it), and the n-th block spanning the same columns as before (a section before
 * it came or went with the data).
 */
function sameBlockNow(i: number, now: FormatsNow): RangeBox[] {
  const before = now.areasBefore[i];
  const sameColumns = (b: RangeBox) => b.left === before.left && b.right === before.right;
  const nth = now.areasBefore.slice(0, i).filter(sameColumns).length;
  return [now.areasNow[i], now.areasNow.filter(sameColumns)[nth]].filter((b) => b !== undefined);
}

/** Whether the boxes `by` together hold every cell of `box`. */
function covered(box: RangeBox, by: RangeBox[]): boolean {
  const over = by.filter((b) => boxesOverlap(b, box));
  for (let row = box.top; row <= box.bottom; row++) {
    for (let col = box.left; col <= box.right; col++) {
      if (!over.some((b) => boxContains(b, row, col))) return false;
    }
  }
  return true;
}

/**
 * Where the boxes of a user object inside the report's parts go on the rebuilt sheet; undefined when
 * one of them cannot follow its cells.
 */
export function relocateRanges(boxes: RangeBox[], moves: TableMove[]): RangeBox[] | undefined {
  const out: RangeBox[] = [];
  for (const box of boxes) {
    const to = relocateBox(box, moves);
    if (!to) return undefined;
    out.push(...to);
  }
  return out;
}

/**
 * Whether a formula of a format or validation holds a relative cell reference ("A5", "$A5"): it is
 * written for the first cell of its range, so it cannot follow cells that move against that cell.
 */
export function hasRelativeReference(formula: string): boolean {
  const bare = formula.replace(/"[^"]*"/g, "");
  return /(^|[^A-Za-z0-9_$.])\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_(])/.test(
    bare.replace(/\$[A-Za-z]{1,3}\$\d+/g, ""),
  );
}

/** A link, conditional format or validation found on a sheet being rebuilt. */
export interface UserObject {
  what: "conditionalFormat" | "validation" | "hyperlink";
  /** The kind of rule ("colorScale", "list"); none for a link. */
  type?: string;
  /** Its ranges ("B5:B9 D4"). */
  ref: string;
  /** The formulas of its rule. */
  formulas: string[];
}

/**
 * What becomes of an object of the old sheet: it stays where it is (`ref` unchanged) outside the
 * report's parts; "report" when it is the report's own (the new model writes it again); moved with the
 * cells it is attached to when it is the user's on a carried table; else "lost".
 */
export function fateOf(
  object: UserObject,
  owned: RangeBox[],
  previous: PreviousSheet | undefined,
): { ref: string } | "report" | "lost" {
  const boxes = parseRangeList(object.ref);
  if (!boxes.some((b) => owned.some((o) => boxesOverlap(o, b)))) return { ref: object.ref };
  const to = previous ? relocateRanges(boxes, previous.moves) : undefined;
  if (object.what !== "hyperlink") {
    const formats = previous?.formats;
    if (formats && isReportFormat(object.what, object.type ?? "", object.ref, formats)) return "report";
    // A sheet written before formats were recorded: the report's are those the new build writes again
    // where the object's cells go (see writtenNow).
    if (!formats && (!previous?.formatsNow || writtenNow(object, boxes, to, previous.formatsNow)))
      return "report";
  }
  if (!to) return "lost";
  // A formula is written for the first cell of the range: relative references follow only if it stays.
  const firstStays = to[0].top === boxes[0].top && to[0].left === boxes[0].left;
  if (!firstStays && object.formulas.some(hasRelativeReference)) return "lost";
  return { ref: to.map((b) => rangeAddress(b)).join(" ") };
}

const LABELS: Record<UserObject["what"], string> = {
  conditionalFormat: "a conditional format",
  validation: "a data validation",
  hyperlink: "a link",
};

/** "a conditional format on cells B5:B9" (the sheet is added by the caller). */
export function describeUserObject(object: UserObject): string {
  return `${LABELS[object.what]} on ${object.ref.includes(":") || object.ref.includes(" ") ? "cells" : "cell"} ${object.ref}`;
}

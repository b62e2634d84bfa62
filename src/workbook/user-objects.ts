/**
 * What a user attached to the report's parts of a sheet besides values (links, conditional formats,
 * data validation), and where it goes on a rebuild. Every adapter decides the same way:
 *
 * - a conditional format or validation the last build wrote (same kind, range and rule, as the registry
 *   recorded it: ReportFormats; see isReportFormat) is the report's and is written again by the new model;
 * - anything else is the user's: attached to cells of a carried table it follows them, to the same
 *   column by its header and the same customer's row (relocateBox); where it cannot follow (a customer
 *   or a column is gone, it lies elsewhere in the report's parts) it is listed before anything is written.
 */
import { boxContains, boxesOverlap, parseRangeList, rangeAddress, type RangeBox } from "../sheet/a1";
import type { SheetLoss } from "../sheet/port";
import type { PreviousSheet } from "./backend";
import { relocateBox, type TableMove } from "./carry";
import { hasRelativeReference, reanchorFormulas } from "./reanchor";
import type { RecordedFormat, ReportFormats } from "./registry";

/** The kinds Office.js and the file format name differently, as one word ("cellIs" is "cellValue"). */
function kindWord(type: string): string {
  const t = type.toLowerCase();
  if (t === "cellis") return "cellvalue";
  if (t === "wholenumber") return "whole";
  return t;
}

/**
 * Whether a conditional format (or validation) found inside the report's parts is the report's own:
 *
 * - every cell of it is in a range the last build wrote one of that kind and rule on, as the registry
 *   recorded them (a writer may join the ranges of equal rules into one); a record without a rule (an
 *   earlier build's) stands for the rules of that kind the new build writes;
 * - on a sheet written before formats were recorded, where the new build writes one of that kind and rule
 *   at the same place: on the cells it goes to with its carried table, or else at the same place of its
 *   block (writtenThere). A user's format like the report's elsewhere stays theirs.
 *
 * So a format of the report's whose rule the user changed is theirs. An adapter that cannot tell an
 * object's rule (`rule` undefined) decides by kind and range alone, and takes everything for the report's
 * on a sheet without a record.
 */
export function isReportFormat(
  object: Pick<UserObject, "what" | "type" | "ref" | "rule">,
  previous: (Pick<PreviousSheet, "formats" | "now"> & Partial<PreviousSheet>) | undefined,
): boolean {
  const pick = (f: ReportFormats | undefined) =>
    f && (object.what === "conditionalFormat" ? f.conditionalFormats : f.validations);
  const sameKind = (f: RecordedFormat) => kindWord(f.type) === kindWord(object.type ?? "");
  const written = (pick(previous?.now) ?? []).filter(sameKind);
  const rule = object.rule;
  const writtenNow = rule === undefined || written.some((f) => f.rule === rule);
  const recorded = pick(previous?.formats);
  if (!recorded) {
    if (!writtenNow || rule === undefined || !previous?.areas) return writtenNow;
    const same = written.filter((f) => f.rule === rule).flatMap((f) => parseRangeList(f.range));
    return writtenThere(parseRangeList(object.ref), same, previous.moves ?? [], previous.areas);
  }
  const ours = recorded
    .filter(
      (f) => sameKind(f) && (rule === undefined || (f.rule === undefined ? writtenNow : f.rule === rule)),
    )
    .flatMap((f) => parseRangeList(f.range));
  const boxes = parseRangeList(object.ref);
  return boxes.length > 0 && boxes.every((box) => covered(box, ours));
}

/**
 * Whether the new build writes a format like an old one (its ranges `same`) on every cell the old one's
 * `boxes` go to: moved with a carried table, or else at the same place of the same block, each edge kept
 * at its distance from one of the block's edges however the data resized it (a format on a table's first
 * column keeps to its left edge, one on its last rows to its bottom).
 */
function writtenThere(
  boxes: RangeBox[],
  same: RangeBox[],
  moves: TableMove[],
  areas: { before: RangeBox[]; now: RangeBox[] },
): boolean {
  const to = relocateRanges(boxes, moves);
  if (to) return to.length > 0 && to.every((box) => covered(box, same));
  return boxes.length > 0 && boxes.every((box) => placesNow(box, areas).some((b) => covered(b, same)));
}

/** Where a box of a block of the last build may be in the same block of the new one (see writtenThere). */
function placesNow(box: RangeBox, areas: { before: RangeBox[]; now: RangeBox[] }): RangeBox[] {
  const inside = (a: RangeBox) => boxContains(a, box.top, box.left) && boxContains(a, box.bottom, box.right);
  const i = areas.before.findIndex(inside);
  if (i < 0) return [];
  const before = areas.before[i];
  const out: RangeBox[] = [];
  for (const after of sameBlockNow(i, areas)) {
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
function sameBlockNow(i: number, areas: { before: RangeBox[]; now: RangeBox[] }): RangeBox[] {
  const before = areas.before[i];
  const sameColumns = (b: RangeBox) => b.left === before.left && b.right === before.right;
  const nth = areas.before.slice(0, i).filter(sameColumns).length;
  return [areas.now[i], areas.now.filter(sameColumns)[nth]].filter((b) => b !== undefined);
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

/** A link, conditional format or validation found on a sheet being rebuilt. */
export interface UserObject {
  what: "conditionalFormat" | "validation" | "hyperlink";
  /** The kind of rule ("colorScale", "list"); none for a link. */
  type?: string;
  /** Its ranges ("B5:B9 D4"). */
  ref: string;
  /** The formulas of its rule. */
  formulas: string[];
  /** Its rule (format-rules.ts), where the adapter can read it. */
  rule?: string;
}

/** Where an object of the user's goes: its ranges, and its formulas rewritten for them (old -> new). */
export interface Followed {
  ref: string;
  /** The formulas that changed, as the object gave them (old -> new); none when every one stays. */
  formulas?: Map<string, string>;
}

/**
 * What becomes of an object of the old sheet: it stays where it is (`ref` unchanged) outside the
 * report's parts; "report" when it is the report's own (the new model writes it again); moved with the
 * cells it is attached to when it is the user's on a carried table; else "lost".
 *
 * A formula with relative references is written for the first cell of the range: it is rewritten for
 * the new first cell where that keeps its meaning exactly (reanchor.ts), and every adapter writes it so.
 */
export function fateOf(
  object: UserObject,
  owned: RangeBox[],
  previous: PreviousSheet | undefined,
): Followed | "report" | "lost" {
  const boxes = parseRangeList(object.ref);
  if (!boxes.some((b) => owned.some((o) => boxesOverlap(o, b)))) return { ref: object.ref };
  // The report writes no links: a link in its parts is the user's.
  if (object.what !== "hyperlink" && isReportFormat(object, previous)) return "report";
  const to = previous ? relocateRanges(boxes, previous.moves) : undefined;
  if (!previous || !to) return "lost";
  const addresses = (list: RangeBox[]) => list.map((b) => rangeAddress(b)).join(" ");
  if (!object.formulas.some(hasRelativeReference)) return { ref: addresses(to) };
  const moved = reanchorFormulas(object.formulas, boxes, to, previous.moves);
  if (!moved) return "lost";
  return moved.formulas.size > 0
    ? { ref: addresses(moved.to), formulas: moved.formulas }
    : { ref: addresses(moved.to) };
}

const LOSS_KINDS: Record<UserObject["what"], SheetLoss["kind"]> = {
  conditionalFormat: "format",
  validation: "validation",
  hyperlink: "link",
};

/** A user object that cannot be carried, as a loss on its sheet (the sheet is added by the caller). */
export function lossOf(object: UserObject): SheetLoss {
  return { kind: LOSS_KINDS[object.what], cell: object.ref };
}

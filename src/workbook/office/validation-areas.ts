/**
 * The data validation on the report's parts of a sheet, cell by cell. Excel's API has no list of a
 * sheet's validations: a range answers only with one kind for all its cells, "None", "Inconsistent"
 * (different rules) or "MixedCriteria" (some cells have none). So each column of the parts is asked, and
 * a column whose cells differ is cut in halves until every piece holds one rule (or none): a few requests
 * for the usual dropdown on a whole column, one more round per halving where rules change within one.
 * Each piece is then the report's (its kind where the last build wrote one) or the user's, which follows
 * its cells or is listed (user-objects.ts).
 */
import { rangeAddress, type RangeBox } from "../../sheet/a1";
import { ruleText } from "../format-rules";
import type { ExcelRun } from "./office-backend";

/** One piece of the report's parts with one validation rule on all its cells. */
export interface ValidationArea {
  box: RangeBox;
  /** Excel's kind: "List", "WholeNumber", "Custom", ... */
  type: string;
  rule: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
}

/** The kinds Excel gives a range whose cells do not share one rule. */
const MIXED = new Set(["Inconsistent", "MixedCriteria"]);

/** Ranges asked about in one request (each a few hundred bytes of request and response). */
const RANGES_PER_REQUEST = 500;

/** Each column of the boxes as the fewest boxes one column wide that hold its cells (boxes may overlap). */
function columnsOf(boxes: RangeBox[]): RangeBox[] {
  const spans = new Map<number, [number, number][]>();
  for (const b of boxes) {
    for (let c = b.left; c <= b.right; c++) {
      if (!spans.has(c)) spans.set(c, []);
      spans.get(c)?.push([b.top, b.bottom]);
    }
  }
  return [...spans].flatMap(([col, list]) =>
    joinSpans(list).map(([top, bottom]) => ({ top, bottom, left: col, right: col })),
  );
}

/** Row spans joined where they overlap or touch. */
function joinSpans(list: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [top, bottom] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && top <= last[1] + 1) last[1] = Math.max(last[1], bottom);
    else out.push([top, bottom]);
  }
  return out;
}

/** A box in two: by rows when it has more than one, else by columns. */
function halves(box: RangeBox): RangeBox[] {
  if (box.bottom > box.top) {
    const middle = Math.floor((box.top + box.bottom) / 2);
    return [
      { ...box, bottom: middle },
      { ...box, top: middle + 1 },
    ];
  }
  const middle = Math.floor((box.left + box.right) / 2);
  return [
    { ...box, right: middle },
    { ...box, left: middle + 1 },
  ];
}

/** The kind of validation of each box, in one request. */
function kindsChunk(run: ExcelRun, sheet: string, boxes: RangeBox[]): Promise<string[]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const found = boxes.map((b) => ws.getRange(rangeAddress(b, false, true)).dataValidation.load("type"));
    await context.sync();
    return found.map((v) => v.type as string);
  });
}

/** The rule and messages of pieces each known to hold one rule, in one request. */
function rulesChunk(
  run: ExcelRun,
  sheet: string,
  pieces: { box: RangeBox; type: string }[],
): Promise<ValidationArea[]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const found = pieces.map((p) =>
      ws
        .getRange(rangeAddress(p.box, false, true))
        .dataValidation.load("rule,ignoreBlanks,prompt,errorAlert"),
    );
    await context.sync();
    return found.map((v, j) => ({
      ...pieces[j],
      rule: v.rule,
      ignoreBlanks: v.ignoreBlanks,
      prompt: v.prompt,
      errorAlert: v.errorAlert,
    }));
  });
}

/** `ask` on the items in requests of RANGES_PER_REQUEST. */
async function inRequests<I, O>(items: I[], ask: (part: I[]) => Promise<O[]>): Promise<O[]> {
  const out: O[] = [];
  for (let i = 0; i < items.length; i += RANGES_PER_REQUEST) {
    out.push(...(await ask(items.slice(i, i + RANGES_PER_REQUEST))));
  }
  return out;
}

/** The validation on the cells of `boxes`, as pieces of one rule each (cells without one left out). */
export async function validationAreas(
  run: ExcelRun,
  sheet: string,
  boxes: RangeBox[],
): Promise<ValidationArea[]> {
  const uniform: { box: RangeBox; type: string }[] = [];
  let pending = columnsOf(boxes);
  while (pending.length > 0) {
    const kinds = await inRequests(pending, (part) => kindsChunk(run, sheet, part));
    const next: RangeBox[] = [];
    pending.forEach((box, i) => {
      if (kinds[i] === "None") return;
      if (!MIXED.has(kinds[i])) uniform.push({ box, type: kinds[i] });
      // A single cell holds one rule or none: Excel cannot answer "mixed" for it.
      else if (box.top < box.bottom || box.left < box.right) next.push(...halves(box));
    });
    pending = next;
  }
  return joinPieces(await inRequests(uniform, (part) => rulesChunk(run, sheet, part)));
}

function sameRule(a: ValidationArea, b: ValidationArea): boolean {
  return (
    a.type === b.type &&
    JSON.stringify([a.rule, a.ignoreBlanks, a.prompt, a.errorAlert]) ===
      JSON.stringify([b.rule, b.ignoreBlanks, b.prompt, b.errorAlert])
  );
}

/**
 * The pieces with one rule joined back where halving cut them: first down each column, then side by
 * side where the rows match (a dropdown over three columns is one).
 */
function joinPieces(pieces: ValidationArea[]): ValidationArea[] {
  const down = joinWhere(
    [...pieces].sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top),
    (last, p) =>
      last.box.left === p.box.left && last.box.right === p.box.right && last.box.bottom + 1 === p.box.top,
    (last, p) => ({ ...last.box, bottom: p.box.bottom }),
  );
  return joinWhere(
    down.sort((a, b) => a.box.top - b.box.top || a.box.bottom - b.box.bottom || a.box.left - b.box.left),
    (last, p) =>
      last.box.top === p.box.top && last.box.bottom === p.box.bottom && last.box.right + 1 === p.box.left,
    (last, p) => ({ ...last.box, right: p.box.right }),
  );
}

/** Each piece joined to the one before it when they `touch` and hold the same rule. */
function joinWhere(
  sorted: ValidationArea[],
  touch: (last: ValidationArea, p: ValidationArea) => boolean,
  join: (last: ValidationArea, p: ValidationArea) => RangeBox,
): ValidationArea[] {
  const out: ValidationArea[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && touch(last, p) && sameRule(last, p)) last.box = join(last, p);
    else out.push({ ...p, box: { ...p.box } });
  }
  return out;
}

/** The formulas of a rule (a list's source, a custom formula, bounds), to check for relative references. */
export function ruleFormulas(rule: Excel.DataValidationRule): string[] {
  const parts: unknown[] = [
    rule.list?.source,
    rule.custom?.formula,
    ...[rule.wholeNumber, rule.decimal, rule.textLength, rule.date, rule.time].flatMap((r) =>
      r ? [r.formula1, r.formula2] : [],
    ),
  ];
  return parts.filter((p): p is string => typeof p === "string" && p.startsWith("="));
}

/** The rule of a validation as read (format-rules.ts): what tells the report's from one the user changed. */
export function validationRule(rule: Excel.DataValidationRule): string {
  if (rule.list) return ruleText({ formulas: [rule.list.source] });
  if (rule.custom) return ruleText({ formulas: [rule.custom.formula] });
  const bounds = rule.wholeNumber ?? rule.decimal ?? rule.textLength ?? rule.date ?? rule.time;
  return ruleText({ operator: bounds?.operator, formulas: [bounds?.formula1, bounds?.formula2] });
}

/** Puts a validation read from the old sheet on a range of the rebuilt one, in place of what is there. */
export function applyValidationArea(range: Excel.Range, area: ValidationArea): void {
  range.dataValidation.clear();
  range.dataValidation.rule = area.rule;
  range.dataValidation.ignoreBlanks = area.ignoreBlanks;
  range.dataValidation.prompt = area.prompt;
  range.dataValidation.errorAlert = area.errorAlert;
}

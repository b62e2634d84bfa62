/**
 * Checks a sheet model before any adapter writes it, so a builder's mistake fails the same way (and early,
 * in a unit test) in the file writer, in Excel and in the preview, instead of producing a file Excel
 * "repairs". Mistakes here are programming errors: plain Error, all problems listed at once.
 */
import { boxesOverlap, parseRangeAddress, type RangeBox, MAX_COLUMNS, MAX_ROWS } from "./a1";
import { blockBox, isCellSpec, tableBox } from "./sheet-model-cells";
import type { ChartSpec, DataValidation, SheetModel } from "./sheet-model";

/** Excel's limit on sheet names. */
export const MAX_SHEET_NAME_LENGTH = 31;

const FORBIDDEN_SHEET_NAME_CHARS = /[[\]:*?/\\]/;

/** Why a sheet name is not allowed by Excel, or undefined when it is fine. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "is empty";
  if (name.length > MAX_SHEET_NAME_LENGTH) return `is longer than ${MAX_SHEET_NAME_LENGTH} characters`;
  if (FORBIDDEN_SHEET_NAME_CHARS.test(name)) return "contains one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return 'is "History", which Excel reserves';
  return undefined;
}

/** Why a defined name or table name is not allowed by Excel, or undefined when it is fine. */
export function definedNameProblem(name: string): string | undefined {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) {
    return "must start with a letter or _ and contain only letters, digits, _ and .";
  }
  if (name.length > 255) return "is longer than 255 characters";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) {
    return "looks like a cell reference";
  }
  return undefined;
}

function checkRange(range: string, what: string, problems: string[]): RangeBox | undefined {
  try {
    return parseRangeAddress(range);
  } catch (e) {
    problems.push(`${what}: ${(e as Error).message}`);
    return undefined;
  }
}

function checkBlocks(model: SheetModel, problems: string[]): void {
  const boxes: RangeBox[] = [];
  const tableNames = new Set<string>();
  model.blocks.forEach((block, i) => {
    const where = `block ${i + 1} at row ${block.at.row}, col ${block.at.col}`;
    const box = block.table ? tableBox(block) : blockBox(block);
    if (box.top < 1 || box.left < 1 || box.bottom > MAX_ROWS || box.right > MAX_COLUMNS) {
      problems.push(`${where} lies outside the sheet`);
    }
    boxes.forEach((other, j) => {
      if (boxesOverlap(box, other)) problems.push(`${where} overlaps block ${j + 1}`);
    });
    boxes.push(box);
    if (!block.table) return;
    const nameProblem = definedNameProblem(block.table.name);
    if (nameProblem) problems.push(`${where}: table name "${block.table.name}" ${nameProblem}`);
    if (tableNames.has(block.table.name.toLowerCase()))
      problems.push(`table name "${block.table.name}" twice`);
    tableNames.add(block.table.name.toLowerCase());
    const headers = (block.rows[0] ?? []).map((c) => (isCellSpec(c) ? c.value : c));
    const seen = new Set<string>();
    if (headers.length === 0) problems.push(`${where}: table "${block.table.name}" has no header row`);
    headers.forEach((h, c) => {
      if (typeof h !== "string" || h.trim() === "") {
        problems.push(`${where}: table header ${c + 1} must be non-empty text`);
      } else if (seen.has(h.toLowerCase())) {
        problems.push(`${where}: table header "${h}" appears twice`);
      } else seen.add(h.toLowerCase());
    });
    block.rows.forEach((row, r) => {
      if (row.length > headers.length) problems.push(`${where}: table row ${r + 1} is wider than its header`);
    });
    const carry = block.table.carry;
    if (carry) {
      for (const h of [carry.key, ...(carry.userColumns ?? [])]) {
        if (!seen.has(h.toLowerCase()))
          problems.push(`${where}: table "${block.table.name}" carries by column "${h}", which it has not`);
      }
      if (model.footprint !== undefined)
        problems.push(
          `${where}: table "${block.table.name}" carries rows, which a model with a footprint cannot`,
        );
    }
  });
}

function checkInputs(model: SheetModel, problems: string[]): void {
  const keys = new Set<string>();
  for (const block of model.blocks) {
    for (const row of block.rows) {
      for (const cell of row) {
        if (!isCellSpec(cell)) continue;
        if (cell.formula !== undefined && cell.value !== undefined) {
          problems.push(`cell with both a value and a formula (${cell.formula})`);
        }
        if (!cell.input) continue;
        if (keys.has(cell.input)) problems.push(`input key "${cell.input}" is used twice`);
        keys.add(cell.input);
      }
    }
  }
}

function checkChart(chart: ChartSpec, i: number, problems: string[]): void {
  const where = `chart ${i + 1}${chart.title ? ` ("${chart.title}")` : ""}`;
  if (chart.series.length === 0) problems.push(`${where} has no series`);
  if ((chart.type === "pie" || chart.type === "doughnut") && chart.series.length > 1) {
    problems.push(`${where}: a ${chart.type} chart shows one series`);
  }
  if (chart.categories) checkRange(chart.categories, `${where} categories`, problems);
  chart.series.forEach((s, j) => {
    checkRange(s.values, `${where} series ${j + 1} values`, problems);
    if (chart.type === "scatter" && !s.xValues) problems.push(`${where} series ${j + 1} needs xValues`);
    if (s.xValues) checkRange(s.xValues, `${where} series ${j + 1} xValues`, problems);
    if (typeof s.name === "object") checkRange(s.name.ref, `${where} series ${j + 1} name`, problems);
  });
  if (!(chart.width > 0 && chart.height > 0)) problems.push(`${where} needs a positive width and height`);
  for (const [axis, bounds] of [
    ["value axis", chart.valueAxis],
    ["x axis", chart.xAxis],
  ] as const) {
    if (bounds?.min !== undefined && bounds.max !== undefined && !(bounds.min < bounds.max)) {
      problems.push(`${where}: the ${axis} minimum must be below its maximum`);
    }
  }
}

function checkValidation(v: DataValidation, i: number, problems: string[]): void {
  const where = `validation ${i + 1}`;
  checkRange(v.range, where, problems);
  if (v.type !== "list") return;
  if (!v.values === !v.source) problems.push(`${where}: a list needs either values or source`);
  if (v.source) checkRange(v.source, `${where} source`, problems);
  if (v.values) {
    if (v.values.some((x) => x.includes(","))) problems.push(`${where}: list values cannot contain commas`);
    // Excel refuses literal lists longer than 255 characters; put long lists in cells and use source.
    if (v.values.join(",").length > 255) problems.push(`${where}: literal list longer than 255 characters`);
  }
}

/** Everything the model places must lie inside its footprint (see SheetModel.footprint). */
function checkFootprint(model: SheetModel, problems: string[]): void {
  const footprint = checkRange(model.footprint as string, "footprint", problems);
  if (!footprint) return;
  const inside = (box: RangeBox) =>
    box.top >= footprint.top &&
    box.left >= footprint.left &&
    box.bottom <= footprint.bottom &&
    box.right <= footprint.right;
  const outside = (what: string, box: RangeBox | undefined) => {
    if (box && !inside(box)) problems.push(`${what} lies outside the footprint ${model.footprint}`);
  };
  model.blocks.forEach((b, i) => outside(`block ${i + 1}`, b.table ? tableBox(b) : blockBox(b)));
  (model.charts ?? []).forEach((c, i) =>
    outside(`chart ${i + 1}`, { top: c.at.row, left: c.at.col, bottom: c.at.row, right: c.at.col }),
  );
  const ranges: [string, string][] = [
    ...(model.names ?? []).map((n): [string, string] => [`name "${n.name}"`, n.range]),
    ...(model.validations ?? []).map((v, i): [string, string] => [`validation ${i + 1}`, v.range]),
    ...(model.conditionalFormats ?? []).map((f, i): [string, string] => [
      `conditional format ${i + 1}`,
      f.range,
    ]),
    ...(model.merges ?? []).map((m): [string, string] => [`merge ${m}`, m]),
  ];
  for (const [what, range] of ranges) {
    try {
      outside(what, parseRangeAddress(range));
    } catch {
      // reported by the range checks above
    }
  }
}

/** Throws an Error listing every problem of the model; returns the model when it is fine. */
export function checkSheetModel(model: SheetModel): SheetModel {
  const problems: string[] = [];
  if (!model.kind?.trim()) problems.push("kind is empty");
  const nameProblem = sheetNameProblem(model.name ?? "");
  if (nameProblem) problems.push(`sheet name "${model.name}" ${nameProblem}`);
  checkBlocks(model, problems);
  checkInputs(model, problems);
  (model.conditionalFormats ?? []).forEach((f, i) =>
    checkRange(f.range, `conditional format ${i + 1}`, problems),
  );
  (model.charts ?? []).forEach((c, i) => checkChart(c, i, problems));
  (model.validations ?? []).forEach((v, i) => checkValidation(v, i, problems));
  const names = new Set<string>();
  for (const n of model.names ?? []) {
    const problem = definedNameProblem(n.name);
    if (problem) problems.push(`name "${n.name}" ${problem}`);
    if (names.has(n.name.toLowerCase())) problems.push(`name "${n.name}" defined twice`);
    names.add(n.name.toLowerCase());
    checkRange(n.range, `name "${n.name}"`, problems);
  }
  const merges: RangeBox[] = [];
  for (const m of model.merges ?? []) {
    const box = checkRange(m, `merge ${m}`, problems);
    if (!box) continue;
    if (merges.some((o) => boxesOverlap(o, box))) problems.push(`merge ${m} overlaps another merge`);
    merges.push(box);
  }
  if (model.freeze && (model.freeze.rows < 0 || model.freeze.cols < 0)) problems.push("freeze is negative");
  if (model.footprint !== undefined) checkFootprint(model, problems);
  if (problems.length > 0) {
    throw new Error(`sheet model "${model.name}" (${model.kind}) is not valid:\n- ${problems.join("\n- ")}`);
  }
  return model;
}

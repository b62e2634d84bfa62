/**
 * The model row of SPEC §3: a fitted model travels through the sheet as one row whose first cell names
 * the model, then its parameters, then the log-likelihood:
 *
 *     BG/NBD | r | alpha | a | b | log-likelihood
 *
 * Prediction functions take that row (or a row typed by hand, where the log-likelihood may be left
 * out) and know from its first cell which model it is. A label row above it (as `labels` = TRUE of
 * the fit functions spills) may be included in the range: the row whose first cell names a model is
 * the model.
 */
import { matrixOf, type Arg } from "../excel/args";
import { cellNumber, isBlank, showValue } from "../excel/cells";
import { inputErrorCode, propagatedError, valueError } from "../excel/errors";

export type ModelKind = "bgnbd" | "pnbd" | "mbgnbd" | "gg" | "bgbb";

export interface ModelRowFormat {
  /** The name in the first cell, as the literature writes it. */
  label: string;
  /** Parameter names in order, as engine part 2 names them. */
  params: readonly string[];
  /** Other spellings accepted in the first cell (compared without case, spaces or punctuation). */
  aliases: readonly string[];
}

export const MODEL_ROWS: Readonly<Record<ModelKind, ModelRowFormat>> = {
  bgnbd: { label: "BG/NBD", params: ["r", "alpha", "a", "b"], aliases: ["BGNBD"] },
  pnbd: { label: "Pareto/NBD", params: ["r", "alpha", "s", "beta"], aliases: ["PARETONBD", "PNBD"] },
  mbgnbd: { label: "MBG/NBD", params: ["r", "alpha", "a", "b"], aliases: ["MBGNBD"] },
  gg: { label: "Gamma-Gamma", params: ["p", "q", "v"], aliases: ["GAMMAGAMMA", "GG"] },
  bgbb: { label: "BG/BB", params: ["alpha", "beta", "gamma", "delta"], aliases: ["BGBB"] },
};

export interface ModelRow {
  kind: ModelKind;
  /** Parameters by name. */
  params: Record<string, number>;
  /** Parameters in the order of MODEL_ROWS[kind].params. */
  values: number[];
  logLikelihood?: number;
}

function normalise(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

const BY_NAME = new Map<string, ModelKind>();
for (const [kind, f] of Object.entries(MODEL_ROWS) as [ModelKind, ModelRowFormat][]) {
  BY_NAME.set(normalise(f.label), kind);
  for (const a of f.aliases) BY_NAME.set(normalise(a), kind);
}

/** The model a first cell names, or undefined. */
export function modelKindOf(cell: unknown): ModelKind | undefined {
  return typeof cell === "string" ? BY_NAME.get(normalise(cell)) : undefined;
}

/** The row a fit function returns: the model's name, its parameters, its log-likelihood. */
export function modelRow(kind: ModelKind, values: readonly number[], logLikelihood: number): unknown[] {
  return [MODEL_ROWS[kind].label, ...values, logLikelihood];
}

/** The label row shown above a model row when a fit function is asked for labels. */
export function modelLabels(kind: ModelKind): string[] {
  return ["model", ...MODEL_ROWS[kind].params, "log-likelihood"];
}

function listKinds(kinds: readonly ModelKind[]): string {
  const labels = kinds.map((k) => MODEL_ROWS[k].label);
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/**
 * Reads a model row from an argument and checks it is one of `accepted`. Every problem is a #VALUE!
 * saying what the row should look like.
 */
export function parseModelRow(arg: Arg, accepted: readonly ModelKind[]): ModelRow {
  const rows = matrixOf(arg);
  for (const row of rows)
    for (const cell of row) {
      const code = inputErrorCode(cell);
      if (code) throw propagatedError(code, arg.name);
    }
  const modelRows = rows.filter((r) => modelKindOf(r[0]) !== undefined);
  const expected = `a model row such as LOYALTY.${accepted[0] === "gg" ? "GAMMAGAMMA" : "BGNBD"} returns`;
  if (modelRows.length === 0) {
    const first = rows[0]?.[0];
    throw valueError(
      `${arg.name} must be ${expected} (its first cell names the model: ${listKinds(accepted)}); ` +
        `its first cell is ${showValue(first)}`,
    );
  }
  if (modelRows.length > 1) throw valueError(`${arg.name} holds ${modelRows.length} model rows; give one`);
  const row = modelRows[0];
  const kind = modelKindOf(row[0])!;
  const format = MODEL_ROWS[kind];
  if (!accepted.includes(kind))
    throw valueError(`${arg.name} is a ${format.label} model; this function needs ${listKinds(accepted)}`);

  const numbers: number[] = [];
  for (let c = 1; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    const n = cellNumber(cell);
    if (n === undefined) throw valueError(`${arg.name}, cell ${c + 1}: ${showValue(cell)} is not a number`);
    numbers.push(n);
  }
  const k = format.params.length;
  if (numbers.length < k || numbers.length > k + 1) {
    throw valueError(
      `${arg.name}: a ${format.label} row holds ${k} parameters (${format.params.join(", ")}) and ` +
        `optionally the log-likelihood; found ${numbers.length} numbers`,
    );
  }
  const values = numbers.slice(0, k);
  values.forEach((v, i) => {
    if (!(v > 0))
      throw valueError(
        `${arg.name}: ${format.label} parameter ${format.params[i]} must be positive, not ${v}`,
      );
  });
  const params: Record<string, number> = {};
  format.params.forEach((p, i) => (params[p] = values[i]));
  return { kind, params, values, logLikelihood: numbers[k] };
}

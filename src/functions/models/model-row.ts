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
import { listLabels, modelNamed, modelSpec, type ModelName } from "../../engine/models/registry";

export interface ModelRow {
  kind: ModelName;
  /** Parameters by name. */
  params: Record<string, number>;
  /** Parameters in the order of the model's parameter names (the registry's). */
  values: number[];
  logLikelihood?: number;
}

/** The model a first cell names, or undefined. */
export function modelKindOf(cell: unknown): ModelName | undefined {
  return modelNamed(cell);
}

/** The row a fit function returns: the model's name, its parameters, its log-likelihood. */
export function modelRow(kind: ModelName, values: readonly number[], logLikelihood: number): unknown[] {
  return [modelSpec(kind).label, ...values, logLikelihood];
}

/** The label row shown above a model row when a fit function is asked for labels. */
export function modelLabels(kind: ModelName): string[] {
  return ["model", ...modelSpec(kind).params, "log-likelihood"];
}

/**
 * Reads a model row from an argument and checks it is one of `accepted`. Every problem is a #VALUE!
 * saying what the row should look like.
 */
export function parseModelRow(arg: Arg, accepted: readonly ModelName[]): ModelRow {
  const rows = matrixOf(arg);
  for (const row of rows)
    for (const cell of row) {
      const code = inputErrorCode(cell);
      if (code) throw propagatedError(code, arg.name);
    }
  const modelRows = rows.filter((r) => modelKindOf(r[0]) !== undefined);
  const expected = `a model row such as LOYALTY.${modelSpec(accepted[0]).fitFunction} returns`;
  if (modelRows.length === 0) {
    const first = rows[0]?.[0];
    throw valueError(
      `${arg.name} must be ${expected} (its first cell names the model: ${listLabels(accepted)}); ` +
        `its first cell is ${showValue(first)}`,
    );
  }
  if (modelRows.length > 1) throw valueError(`${arg.name} holds ${modelRows.length} model rows; give one`);
  const row = modelRows[0];
  const kind = modelKindOf(row[0])!;
  const format = modelSpec(kind);
  if (!accepted.includes(kind))
    throw valueError(`${arg.name} is a ${format.label} model; this function needs ${listLabels(accepted)}`);

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

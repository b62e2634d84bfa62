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
import { FUNCTION_TEXTS } from "../../i18n/function-errors";
import type { Language } from "../../engine/text/language";
import { cellNumber, isBlank, showValue } from "../excel/cells";
import { codedValueError, inputErrorCode, propagatedError } from "../excel/errors";
import { modelLabel, modelNamed, modelSpec, type ModelName } from "../../engine/models/registry";

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

/** The label row shown above a model row when a fit function is asked for labels, in `language`. */
export function modelLabels(kind: ModelName, language: Language = "en"): string[] {
  const words = FUNCTION_TEXTS[language].results;
  return [words.modelLabel, ...modelSpec(kind).params, words.logLikelihood];
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
  const { name } = arg;
  const labels = accepted.map(modelLabel);
  if (modelRows.length === 0) {
    const fitFunction = `LOYALTY.${modelSpec(accepted[0]).fitFunction}`;
    const first = showValue(rows[0]?.[0]);
    throw codedValueError({ code: "notModelRow", name, fitFunction, accepted: labels, first });
  }
  if (modelRows.length > 1) throw codedValueError({ code: "modelRows", name, count: modelRows.length });
  const row = modelRows[0];
  const kind = modelKindOf(row[0])!;
  const format = modelSpec(kind);
  if (!accepted.includes(kind))
    throw codedValueError({ code: "wrongModel", name, model: format.label, accepted: labels });

  const numbers: number[] = [];
  for (let c = 1; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    const n = cellNumber(cell);
    if (n === undefined)
      throw codedValueError({ code: "modelCellNotNumber", name, cell: c + 1, value: showValue(cell) });
    numbers.push(n);
  }
  const k = format.params.length;
  if (numbers.length < k || numbers.length > k + 1) {
    const params = [...format.params];
    throw codedValueError({
      code: "modelParamCount",
      name,
      model: format.label,
      params,
      found: numbers.length,
    });
  }
  const values = numbers.slice(0, k);
  values.forEach((v, i) => {
    if (!(v > 0))
      throw codedValueError({
        code: "modelParamNotPositive",
        name,
        model: format.label,
        param: format.params[i],
        value: v,
      });
  });
  const params: Record<string, number> = {};
  format.params.forEach((p, i) => (params[p] = values[i]));
  return { kind, params, values, logLikelihood: numbers[k] };
}

/**
 * The registry of models: every model the product offers, in the order lists show them. The CLI's
 * `--model` choices, the custom functions' model rows, the report's model choice and the task pane's
 * labels all come from here. Adding a model: one file implementing model-spec.ts, one line below.
 */
import { BGBB } from "./bgbb";
import { BGNBD } from "./bgnbd";
import { GAMMA_GAMMA } from "./gammagamma";
import { MBGNBD } from "./mbgnbd";
import type { ModelSpec, TransactionModelSpec } from "./model-spec";
import { PARETO_NBD } from "./paretonbd";

const MODELS = {
  bgnbd: BGNBD,
  pnbd: PARETO_NBD,
  mbgnbd: MBGNBD,
  gg: GAMMA_GAMMA,
  bgbb: BGBB,
} as const;

/** The key of a model: `bgnbd`, `mbgnbd`, `pnbd`, `gg`, `bgbb`. */
export type ModelName = keyof typeof MODELS;

/** The continuous-time purchase models (those the report chooses among). */
export type TransactionModelName = {
  [K in ModelName]: (typeof MODELS)[K] extends TransactionModelSpec ? K : never;
}[ModelName];

/** Every model name, in the registry's order. */
export const MODEL_NAMES = Object.keys(MODELS) as ModelName[];

export const TRANSACTION_MODEL_NAMES = MODEL_NAMES.filter(
  (n) => MODELS[n].family === "transaction",
) as TransactionModelName[];

export function modelSpec(name: ModelName): ModelSpec {
  return MODELS[name];
}

export function transactionModelSpec(name: TransactionModelName): TransactionModelSpec {
  return MODELS[name];
}

/** The model of a name that must be a continuous-time purchase model; throws otherwise. */
export function transactionSpecOf(name: ModelName): TransactionModelSpec {
  const spec = MODELS[name];
  if (spec.family !== "transaction") throw new RangeError(`${spec.label} is not a purchase model over time`);
  return spec;
}

/** The literature's name of a model: "BG/NBD". */
export function modelLabel(name: ModelName): string {
  return MODELS[name].label;
}

function normalise(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

const BY_SPELLING = new Map<string, ModelName>();
for (const name of MODEL_NAMES) {
  const spec = MODELS[name];
  for (const spelling of [spec.label, name, ...spec.aliases]) BY_SPELLING.set(normalise(spelling), name);
}

/** The model a text names ("BG/NBD", "bgnbd", "Pareto NBD", ...), or undefined. */
export function modelNamed(text: unknown): ModelName | undefined {
  return typeof text === "string" ? BY_SPELLING.get(normalise(text)) : undefined;
}

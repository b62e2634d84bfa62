/** Reading the model argument of a prediction function: which models it accepts and their engines. */
import type { Arg } from "../excel/args";
import { valueError } from "../excel/errors";
import { TRANSACTION_MODELS, transactionKinds, type TransactionModel } from "./engines";
import { parseModelRow, MODEL_ROWS, type ModelRow } from "./model-row";

/** A transaction-model row and the engine that predicts with it. */
export function transactionModelOf(arg: Arg): { row: ModelRow; model: TransactionModel } {
  const row = parseModelRow(arg, transactionKinds());
  const model = TRANSACTION_MODELS[row.kind];
  if (!model) throw valueError(`${MODEL_ROWS[row.kind].label} is not available in this version`);
  return { row, model };
}

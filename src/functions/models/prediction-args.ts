/** Reading the model argument of a prediction function: which models it accepts and their engines. */
import type { Arg } from "../excel/args";
import { codedValueError } from "../excel/errors";
import { TRANSACTION_MODELS, transactionKinds, type TransactionModel } from "./engines";
import { parseModelRow, type ModelRow } from "./model-row";
import { modelLabel } from "../../engine/models/registry";

/** A transaction-model row and the engine that predicts with it. */
export function transactionModelOf(arg: Arg): { row: ModelRow; model: TransactionModel } {
  const row = parseModelRow(arg, transactionKinds());
  const model = TRANSACTION_MODELS[row.kind];
  if (!model) throw codedValueError({ code: "modelUnavailable", model: modelLabel(row.kind) });
  return { row, model };
}

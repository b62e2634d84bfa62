/**
 * `loyalty fit INPUT --engine duckdb`: the calibration summary of an order table read by DuckDB (out of
 * core), for the model fits. The purchase models take x, t_x and T, which the purchase days' customers and
 * days give exactly (whole days over the unit; to-engine.ts), and no spend. A spend model (Gamma-Gamma) takes the mean
 * value of the repeat days, a sum of amounts: DuckDB would add them in no fixed order, which changes the
 * last bits (on the CDNOW sample, 454 customers' means by up to 7e-16), so a spend model takes the
 * purchase days the report takes (each day's lines added in table order, to-engine.ts) and the engine's
 * own calibration summary: its input is the in-process one to the last bit.
 */
import { inputError } from "../../input-errors";
import { nothingToAnalyze } from "../../engine/analyze";
import type { CsvReadOptions } from "../../workbook/csv/table";
import { parseDay } from "../../engine/data/parse-date";
import type { OrderTable } from "../../engine/data/read-orders";
import { fitInputOfDays, type FitInput, type TransactionOptions } from "../fit-input";
import type { CliIO } from "../io";
import { asUserError } from "../../user-error";
import { readWithDuckDb } from "./engine-choice";
import type { TextReading } from "../reading-note";
import { customerSummaryFromDuckDb, orderTableFromDuckDb } from "./to-engine";
import type { PurchaseDays } from "../../engine/summary/purchase-days";

export async function fitInputWithDuckDb(
  file: string,
  options: TransactionOptions & { read: { csv?: CsvReadOptions }; spend?: boolean },
  io: CliIO,
  onRead?: (read: Pick<OrderTable, "quality" | "formats" | "testAccounts">) => void,
  onText?: (read: TextReading) => void,
): Promise<{ input: FitInput; source: string }> {
  const duck = await readWithDuckDb(file, options.read, io);
  try {
    const { read } = duck;
    if (duck.text) onText?.({ ...duck.text, source: duck.files.label });
    onRead?.({ quality: read.quality, formats: read.formats, testAccounts: read.testAccounts });
    if (read.quality.purchaseLines === 0) throw asUserError(nothingToAnalyze(read));
    if (options.spend) {
      const days = (await orderTableFromDuckDb(duck.db, read)).purchaseDays as PurchaseDays;
      return { input: fitInputOfDays(days, read.asOf, options, duck.files.label), source: duck.files.label };
    }
    let calibrationEnd: number | undefined;
    if (options.calibrationEnd !== undefined) {
      calibrationEnd = parseDay(options.calibrationEnd);
      if (!Number.isFinite(calibrationEnd)) {
        throw inputError("calibrationEndNotDate", { value: options.calibrationEnd });
      }
    }
    const summary = await customerSummaryFromDuckDb(duck.db, read, { calibrationEnd, unit: options.unit });
    if (summary.x.length === 0) {
      throw inputError("nobodyBeforeCalibration", { source: duck.files.label });
    }
    const input: FitInput = {
      kind: "transactions",
      unit: options.unit,
      x: summary.x,
      tx: summary.tx,
      T: summary.T,
      monetary: null,
      periods: null,
      weights: null,
      holdout: null,
    };
    return { input, source: duck.files.label };
  } finally {
    duck.close();
  }
}

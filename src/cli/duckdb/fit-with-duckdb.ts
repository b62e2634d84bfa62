/**
 * `loyalty fit INPUT --engine duckdb`: the calibration summary of an order table read by DuckDB (out of
 * core), computed in DuckDB by the customer-summary SQL, for the model fits.
 */
import { inputError } from "../../input-errors";
import { nothingToAnalyze } from "../../engine/analyze";
import type { CsvReadOptions } from "../../workbook/csv/table";
import { parseDay } from "../../engine/data/parse-date";
import type { OrderTable } from "../../engine/data/read-orders";
import type { FitInput, TransactionOptions } from "../fit-input";
import type { CliIO } from "../io";
import { asUserError } from "../../user-error";
import { readWithDuckDb } from "./engine-choice";
import type { TextReading } from "../reading-note";
import { customerSummaryFromDuckDb } from "./to-engine";

export async function fitInputWithDuckDb(
  file: string,
  options: TransactionOptions & { read: { csv?: CsvReadOptions } },
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
      monetary: summary.monetary,
      periods: null,
      weights: null,
      holdout: null,
    };
    return { input, source: duck.files.label };
  } finally {
    duck.close();
  }
}

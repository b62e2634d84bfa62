/**
 * The currency the report's money is shown in: the `currency` setting when it is set, else the one the
 * data names (a currency column, or the signs in the amount text: src/engine/data/currency.ts), else none.
 * Where it came from is kept, so that the sheets can say it.
 */
import { detectCurrency, type CurrencyDetection } from "../engine/data/currency";
import type { RawTable } from "../engine/data/table";

export type CurrencyOrigin = { kind: "setting" } | ({ kind: "data" } & CurrencyDetection);

export interface ReportCurrency {
  /** The symbol money formats show ("" for none). */
  symbol: string;
  origin: CurrencyOrigin;
}

/**
 * The setting wins; the data decides when the setting is blank: what a reader already found in it
 * (`found`: the DuckDB reader, which does not hold the cells), else the table's cells.
 */
export function reportCurrency(
  setting: string,
  table: RawTable,
  amountColumn: number | undefined,
  found?: CurrencyDetection,
): ReportCurrency {
  if (setting) return { symbol: setting, origin: { kind: "setting" } };
  const detected = found ?? detectCurrency(table, amountColumn);
  return { symbol: detected.currency?.symbol ?? "", origin: { kind: "data", ...detected } };
}

/**
 * `loyalty report INPUT --engine duckdb --out OUT.xlsx`: the report of an order table read by DuckDB
 * (out of core), written by the same builders as any other report.
 */
import path from "node:path";
import type { RawTable } from "../../engine/data/table";
import type { PartialReportConfig } from "../../report/config";
import { analysisConfigOf, resolveReportConfig } from "../../report/config";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import type { CliIO } from "../io";
import { readingNote } from "../reading-note";
import { runReport } from "../report-run";
import { csvReadOptions } from "../table-options";
import { readWithDuckDb } from "./engine-choice";
import { orderTableFromDuckDb } from "./to-engine";
import type { OrderTable } from "../../engine/data/read-orders";

export async function reportWithDuckDb(
  input: string,
  out: string,
  config: PartialReportConfig,
  options: { json?: boolean; started: number; campaigns?: RawTable; configLabel?: string },
  io: CliIO,
): Promise<void> {
  const read = analysisConfigOf(resolveReportConfig([config], options.configLabel)).read ?? {};
  const duck = await readWithDuckDb(input, { ...read, csv: csvReadOptions(config) }, io);
  let closed = false;
  const close = () => {
    if (!closed) duck.close();
    closed = true;
  };
  // The orders are handed to the engine when the build asks for them, so that the build holds the only
  // reference to them (and lets them go before the sheets are written).
  const handOver = async (): Promise<OrderTable> => {
    try {
      return await orderTableFromDuckDb(duck.db, duck.read);
    } finally {
      // DuckDB's memory (and its spill folder) is given back before the report is built and saved.
      close();
    }
  };
  try {
    await runReport(
      {
        workbook: XlsxWorkbook.create(path.basename(out)),
        out,
        orders: {
          read: handOver,
          source: duck.files.label,
          headers: duck.read.headers,
          currency: duck.read.currency,
        },
        campaigns: options.campaigns,
        config,
        configLabel: options.configLabel,
        json: options.json,
        started: options.started,
        read: () => duck.text && readingNote({ ...duck.text, source: duck.files.label }, config.language),
      },
      io,
    );
  } finally {
    close();
  }
}

/**
 * Which reader a command uses for its input: the in-process engine (every rule, every file type the
 * CLI knows, bounded by memory) or DuckDB (out of core: Parquet, globs, compressed and very large text
 * files). `--engine auto`, the default, takes DuckDB when only it can read the input (Parquet, a glob, a
 * .gz file) or the file is larger than AUTO_DUCKDB_BYTES, and says so.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ReadOrdersOptions } from "../../engine/data/read-orders";
import { roleLabel } from "../../engine/data/columns";
import { CLI_TEXTS } from "../../i18n/command-line";
import type { CliIO } from "../io";
import { orderFiles, formatOf, isGlob, type DuckDbCsvOptions, type OrderFiles } from "./order-files";
import type { CsvReadOptions } from "../../workbook/csv/table";
import { DELIMITER_CHARACTERS } from "../../sheet/text-formats";
import { textForDuckDb } from "./text-input";
import { readOrdersWithDuckDb, type DuckDbOrders } from "./read-orders-duckdb";
import { openDuckDb, type DuckDbSession } from "./session";

export type ReadEngine = "js" | "duckdb" | "auto";
export const READ_ENGINES: readonly ReadEngine[] = ["auto", "js", "duckdb"];

/** Text files above this size are read with DuckDB by `--engine auto` (the in-process reader holds the file in memory). */
export const AUTO_DUCKDB_BYTES = 200 * 2 ** 20;

/** Why `auto` takes DuckDB for this input, or null when the in-process reader is used. */
export function duckDbReason(input: string): string | null {
  const name = input.toLowerCase();
  if (isGlob(input)) return "it names several files";
  if (name.endsWith(".parquet")) return "it is a Parquet file";
  if (name.endsWith(".gz")) return "it is compressed";
  try {
    const bytes = statSync(input).size;
    if (bytes > AUTO_DUCKDB_BYTES) return `it is larger than ${AUTO_DUCKDB_BYTES / 2 ** 20} MB`;
  } catch {
    return null;
  }
  return null;
}

export function usesDuckDb(input: string, engine: ReadEngine, io: CliIO): boolean {
  if (engine === "duckdb") return true;
  if (engine === "js") return false;
  const reason = duckDbReason(input);
  if (reason && io.interactive)
    io.err(`Reading ${path.basename(input)} with DuckDB: ${reason} (--engine js reads it in process)`);
  return reason !== null;
}

export interface DuckDbRead {
  db: DuckDbSession;
  files: OrderFiles;
  read: DuckDbOrders;
  /** Closes DuckDB and removes its temporary database. */
  close(): void;
}

/**
 * How DuckDB reads a text input under the CLI's text options: one plain file as the in-process reader
 * would (its encoding and separator, through a UTF-8 copy when DuckDB cannot read it as it is:
 * text-input.ts); compressed files and globs as they are, with the separator given.
 */
async function duckDbCsvOptions(input: string, csv: CsvReadOptions, dir: string): Promise<DuckDbCsvOptions> {
  const header = csv.header !== "none";
  if (formatOf(input) !== "csv") return {};
  if (isGlob(input) || input.toLowerCase().endsWith(".gz") || !existsSync(input)) {
    const given =
      csv.delimiter && csv.delimiter !== "whitespace" ? DELIMITER_CHARACTERS[csv.delimiter] : undefined;
    return { header, ...(given ? { delimiter: given } : {}) };
  }
  const text = await textForDuckDb(input, csv, dir);
  return {
    header,
    delimiter: text.delimiter,
    ...(text.names ? { names: text.names } : {}),
    ...(text.copied ? { readFrom: text.file } : {}),
  };
}

/**
 * Removes the temporary folder when the command is stopped (Ctrl-C, or killed with SIGTERM) before it
 * closes DuckDB: a run over tens of millions of lines spills gigabytes there, which an interrupted run
 * would otherwise leave behind. Returns the function that stops watching.
 */
function removedWhenStopped(dir: string): () => void {
  const stop = (signal: NodeJS.Signals) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  };
}

/**
 * Opens a DuckDB database in memory whose overflow goes to a temporary folder (tables larger than its
 * memory limit spill to disk) and reads the orders into it with the engine's rules. The caller closes it.
 */
export async function readWithDuckDb(
  input: string,
  options: ReadOrdersOptions & { csv?: CsvReadOptions },
  io: CliIO,
): Promise<DuckDbRead> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "loyalty-duckdb-"));
  const unwatch = removedWhenStopped(dir);
  let db: DuckDbSession | undefined;
  const close = () => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    unwatch();
  };
  try {
    const files = orderFiles(input, await duckDbCsvOptions(input, options.csv ?? {}, dir));
    db = await openDuckDb({ tempDirectory: dir, memoryLimit: "768MB" });
    const read = await readOrdersWithDuckDb(db, files, {
      ...options,
      onProgress: io.interactive ? (message) => io.err(message) : undefined,
    });
    if (read.leftOut.length > 0) {
      const language = io.language ?? "en";
      const roles = read.leftOut.map((role) => roleLabel(role, language));
      io.err(CLI_TEXTS[language].duckDbLeavesOut(files.label, roles));
    }
    return { db, files, read, close };
  } catch (e) {
    close();
    throw e;
  }
}

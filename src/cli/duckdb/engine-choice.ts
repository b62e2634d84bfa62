/**
 * Which reader a command uses for its input: the in-process engine (every rule, every file type the
 * CLI knows, bounded by memory) or DuckDB (out of core: Parquet, globs, compressed and very large text
 * files). `--engine auto`, the default, takes DuckDB when only it can read the input (Parquet, a glob, a
 * .gz file) or the file is larger than AUTO_DUCKDB_BYTES, and says so.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ReadOrdersOptions } from "../../engine/data/read-orders";
import { counted } from "../../engine/text/counted";
import type { CliIO } from "../io";
import { orderFiles, isGlob, type CsvReadOptions, type OrderFiles } from "./order-files";
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
 * Opens a DuckDB database in memory whose overflow goes to a temporary folder (tables larger than its
 * memory limit spill to disk) and reads the orders into it with the engine's rules. The caller closes it.
 */
export async function readWithDuckDb(
  input: string,
  options: ReadOrdersOptions & { csv?: CsvReadOptions },
  io: CliIO,
): Promise<DuckDbRead> {
  const files = orderFiles(input, options.csv);
  const dir = mkdtempSync(path.join(os.tmpdir(), "loyalty-duckdb-"));
  const db = await openDuckDb({ tempDirectory: dir, memoryLimit: "768MB" });
  const close = () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const read = await readOrdersWithDuckDb(db, files, {
      ...options,
      onProgress: io.interactive ? (message) => io.err(message) : undefined,
    });
    if (read.leftOut.length > 0) {
      io.err(
        `${files.label}: the DuckDB engine leaves out ${counted(read.leftOut.length, "column")} ` +
          `(${read.leftOut.join(", ")}): only the in-process reader (--engine js) reads them`,
      );
    }
    return { db, files, read, close };
  } catch (e) {
    close();
    throw e;
  }
}

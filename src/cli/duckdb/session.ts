/**
 * DuckDB for the CLI, loaded only when a command asks for it (`--engine duckdb`, `loyalty sql --run`):
 * `@duckdb/node-api` is an optional dependency of about 70 MB with native binaries, never part of the
 * add-in bundle or the custom functions, and the rest of the CLI works without it.
 */
import { inputError } from "../../input-errors";
import type { DuckDBConnection } from "@duckdb/node-api";

export interface DuckDbSession {
  /** Runs statements that return nothing of interest. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its columns by name, each as JavaScript values (DATE → {days}). */
  columns(sql: string): Promise<Record<string, unknown[]>>;
  /**
   * Runs a query and calls `onChunk` with each chunk of its result, column by column, in order: numbers,
   * strings, bigints (64-bit integers), null, and DATE values as objects with `days` since 1970-01-01.
   */
  stream(sql: string, onChunk: (columns: unknown[][], rows: number) => void): Promise<void>;
  /**
   * The same for a query whose columns are all INTEGER or DOUBLE and never NULL: each chunk's columns as
   * typed arrays over DuckDB's own memory (valid only during the call). No JavaScript value is made per
   * cell, which for tens of millions of rows is most of the cost of `stream`.
   */
  streamNumbers(sql: string, onChunk: (columns: NumberColumn[], rows: number) => void): Promise<void>;
  /**
   * Appends rows to a table whose columns are VARCHAR, INTEGER or DOUBLE: strings are appended as text,
   * integers of an INTEGER column as integers, other numbers as doubles, null as NULL.
   */
  append(table: string, rows: readonly (readonly (string | number | null)[])[]): Promise<void>;
  /** How far the query running now is, in percent (DuckDB's estimate); -1 when none is running. */
  progress(): number;
  close(): void;
}

type DuckDbModule = typeof import("@duckdb/node-api");

export type NumberColumn = Int32Array | Float64Array;

/** A chunk's column as its typed array, refusing a column of another type (the caller's SQL is wrong). */
function numberColumn(vector: unknown, column: number): NumberColumn {
  const items = (vector as { items?: unknown }).items;
  // By tag, not instanceof: the module's arrays may come from another realm (Jest's vm context).
  const tag = Object.prototype.toString.call(items);
  if (tag === "[object Int32Array]" || tag === "[object Float64Array]") return items as NumberColumn;
  throw new Error(`streamNumbers: column ${column + 1} is not INTEGER or DOUBLE`);
}

async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return await import("@duckdb/node-api");
  } catch (e) {
    throw inputError("duckDbMissing", { reason: (e as Error).message.split("\n")[0] });
  }
}

/**
 * A DuckDB database in memory (or in the file `path`). With `memoryLimit` (e.g. "768MB") and
 * `tempDirectory`, what does not fit in the limit is written to that folder (which the caller removes):
 * an in-memory database is much faster than a file, and spills the same way.
 */
export async function openDuckDb(
  options: { path?: string; memoryLimit?: string; tempDirectory?: string; threads?: number } = {},
): Promise<DuckDbSession> {
  const duckdb = await loadDuckDb();
  const instance = await duckdb.DuckDBInstance.create(options.path ?? ":memory:", {
    ...(options.tempDirectory ? { temp_directory: options.tempDirectory } : {}),
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
    ...(options.threads ? { threads: String(options.threads) } : {}),
    // Row numbers are given in file order (row_number() OVER () on the scan), which needs insertion order.
    preserve_insertion_order: "true",
  });
  const connection: DuckDBConnection = await instance.connect();
  // Progress is tracked (for the CLI's progress line) but never printed by DuckDB itself.
  await connection.run("SET enable_progress_bar = true");
  await connection.run("SET enable_progress_bar_print = false");
  return {
    async run(sql) {
      await connection.run(sql);
    },
    async columns(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getColumnsObjectJS() as Record<string, unknown[]>;
    },
    async stream(sql, onChunk) {
      const result = await connection.stream(sql);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        onChunk(chunk.getColumns() as unknown[][], chunk.rowCount);
      }
    },
    async streamNumbers(sql, onChunk) {
      const result = await connection.stream(sql);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const columns: NumberColumn[] = [];
        for (let c = 0; c < chunk.columnCount; c++) columns.push(numberColumn(chunk.getColumnVector(c), c));
        onChunk(columns, chunk.rowCount);
      }
    },
    async append(table, rows) {
      const described = await connection.runAndReadAll(`DESCRIBE ${table}`);
      const types = (described.getColumnsObjectJS().column_type as string[]).map((t) => t.toUpperCase());
      const appender = await connection.createAppender(table);
      for (const row of rows) {
        row.forEach((value, i) => {
          if (value === null) appender.appendNull();
          else if (typeof value === "string") appender.appendVarchar(value);
          else if (types[i] === "INTEGER") appender.appendInteger(value);
          else appender.appendDouble(value);
        });
        appender.endRow();
      }
      appender.closeSync();
    },
    progress() {
      return connection.progress.percentage;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

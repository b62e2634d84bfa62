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
import { CLI_TEXTS, type DuckDbReadStep, type DuckDbReason } from "../../i18n/command-line";
import type { CliIO } from "../io";
import {
  orderFiles,
  formatOf,
  globFileNames,
  isGlob,
  type DuckDbCsvOptions,
  type OrderFileFormat,
  type OrderFiles,
  type QuoteScan,
} from "./order-files";
import type { CsvReadOptions } from "../../workbook/csv/table";
import {
  checkAlike,
  dataLinesOf,
  duckDbDelimiter,
  globbedFiles,
  inputFormat,
  textLayout,
  textProblemOf,
  utf8Copy,
  requotedCopy,
  QuotesNeedCopy,
  type TextLayout,
} from "./text-input";
import { readOrdersWithDuckDb, type DuckDbOrders } from "./read-orders-duckdb";
import { openDuckDb, type DuckDbSession } from "./session";
import { dropRaw } from "./raw-table";
import { progressOnStderr } from "./progress";
import { onStop } from "../stop-signals";
import { UserError } from "../../user-error";

export type ReadEngine = "js" | "duckdb" | "auto";
export const READ_ENGINES: readonly ReadEngine[] = ["auto", "js", "duckdb"];

/** The memory DuckDB may use before it spills to the session's temporary folder. */
const DUCKDB_MEMORY_LIMIT = "768MB";

/** Text files above this size are read with DuckDB by `--engine auto` (the in-process reader holds the file in memory). */
export const AUTO_DUCKDB_BYTES = 200 * 2 ** 20;

/** Why `auto` takes DuckDB for this input, or null when the in-process reader is used. */
export function duckDbReason(input: string): DuckDbReason | null {
  const name = input.toLowerCase();
  if (isGlob(input)) return "glob";
  if (name.endsWith(".parquet")) return "parquet";
  if (name.endsWith(".gz")) return "compressed";
  try {
    const bytes = statSync(input).size;
    if (bytes > AUTO_DUCKDB_BYTES) return "large";
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
    io.err(
      CLI_TEXTS[io.language ?? "en"].duckDbChosen(
        path.basename(input),
        CLI_TEXTS[io.language ?? "en"].duckDbReasons[reason](AUTO_DUCKDB_BYTES / 2 ** 20),
      ),
    );
  return reason !== null;
}

export interface DuckDbRead {
  db: DuckDbSession;
  files: OrderFiles;
  read: DuckDbOrders;
  /** How the (first) text file was read: encoding, separator, header row; undefined for Parquet. */
  text?: TextLayout;
  /** Closes DuckDB and removes its temporary database. */
  close(): void;
}

/**
 * The header row's names as DuckDB names its columns: as they are, but a blank one "column<i>" and one
 * equal to an earlier one but for case "<name>_1", "_2" ... (DuckDB ignores case), as its own reading of
 * a header names them.
 */
function duckDbColumnNames(headers: readonly string[]): string[] {
  const taken = new Set<string>();
  const repeats = new Map<string, number>();
  return headers.map((header, i) => {
    let name = header === "" ? `column${i}` : header;
    const base = name;
    while (taken.has(name.toLowerCase())) {
      const k = (repeats.get(base.toLowerCase()) ?? 0) + 1;
      repeats.set(base.toLowerCase(), k);
      name = `${base}_${k}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * How DuckDB reads a text input (one file, a .gz file or a glob of them) under the CLI's text options:
 * as the in-process reader would read each file (its encoding, separator and header row), through a
 * UTF-8 copy when DuckDB cannot read it as it is (text-input.ts). `notUtf8`: files DuckDB found not to be
 * UTF-8 past their first megabyte. Also returns how each file is read (the first one's for the reading
 * note) and the file names messages use.
 */
async function duckDbCsvOptions(
  input: string,
  csv: CsvReadOptions,
  dir: string,
  db: DuckDbSession,
  notUtf8: ReadonlySet<string>,
  format: OrderFileFormat | null,
  requote: ReadonlySet<string>,
): Promise<{
  options: DuckDbCsvOptions;
  text?: TextLayout;
  layouts: TextLayout[];
  names: string[];
  readFrom: string[];
}> {
  if (format !== "csv" || (!isGlob(input) && !existsSync(input)))
    return { options: {}, layouts: [], names: [], readFrom: [] };
  const files = isGlob(input) ? await globbedFiles(db, input) : [input];
  const glob = isGlob(input);
  const names = glob ? globFileNames(files) : [path.basename(input)];
  const layouts: TextLayout[] = [];
  for (const file of files) layouts.push(await textLayout(file, csv, notUtf8.has(file)));
  checkAlike(input, layouts);
  const readFrom: string[] = [];
  const quoteScan: QuoteScan[] = [];
  for (const [k, layout] of layouts.entries()) {
    const name = `${k + 1}-${path.basename(layout.file)}`;
    if (requote.has(layout.file)) {
      readFrom.push(await requotedCopy(layout, dir, name, names[k], csv));
      // The copy's lines end with "\n", every record where it was.
      layouts[k] = { ...layout, lineBreak: "\n", copied: true };
      continue;
    }
    readFrom.push(layout.copied ? await utf8Copy(layout, dir, name) : layout.file);
    if (layout.delimiter !== "whitespace") {
      quoteScan.push({ file: readFrom[k], delimiter: duckDbDelimiter(layout).charCodeAt(0) });
    }
  }
  const text = layouts[0];
  // One file's rows are numbered as it has them; a glob's rows by their file and their row there.
  const lines = glob ? undefined : dataLinesOf(text, readFrom[0]);
  const parts = !glob
    ? undefined
    : layouts.map((l, k) => ({
        name: names[k],
        readFrom: readFrom[k],
        firstRow: l.firstRow,
        lines: dataLinesOf(l, readFrom[k]),
      }));
  // Cells right of the table's columns are read (DuckDB refuses a row wider than it was told) and not kept.
  const width = Math.max(...layouts.map((l) => l.width));
  const extra = Array.from({ length: width - text.headers.length }, () => "");
  const columnNames = duckDbColumnNames([...text.headers, ...extra]);
  const options: DuckDbCsvOptions = {
    header: csv.header !== "none",
    delimiter: duckDbDelimiter(text),
    ...(text.delimiter === "whitespace" ? { unquoted: true } : {}),
    skip: text.skip,
    firstRow: text.firstRow,
    readFrom,
    names: columnNames,
    kept: text.headers.length,
    ...(lines ? { lines } : {}),
    ...(parts ? { parts } : {}),
    quoteScan,
  };
  return { options, text, layouts, names, readFrom };
}

/**
 * When DuckDB could not read text files: the in-process reader's error for the first row it cannot parse
 * in them (the same decision and message whatever DuckDB's words), or undefined (another failure).
 */
async function rowNotParsed(
  e: unknown,
  decided: { layouts: TextLayout[]; names: string[] },
  csv: CsvReadOptions,
): Promise<UserError | undefined> {
  if (!csvFailure(e)) return undefined;
  for (const [k, layout] of decided.layouts.entries()) {
    const problem = await textProblemOf(layout, decided.names[k], csv);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Whether DuckDB's CSV reader failed on the text. Our own errors (a column not found, ...) come after
 * DuckDB read the files; DuckDB's CSV reader raises what it cannot parse as an InvalidInputException (any
 * other type: memory, disk... is no row's fault).
 */
const csvFailure = (e: unknown) =>
  !(e instanceof UserError) && errorMessage(e).startsWith("Invalid Input Error:");

/** The file DuckDB found not to be UTF-8 (its error names it), or undefined for any other error. */
function fileNotUtf8(e: unknown): string | undefined {
  const message = errorMessage(e);
  if (!/Invalid unicode/i.test(message)) return undefined;
  return /^\s*file = (.+)$/m.exec(message)?.[1]?.trim();
}

/**
 * Whether DuckDB's parallel reader refused a quoted cell holding a line break: it cannot pad short rows
 * (null_padding, which the in-process reading of short rows needs) in a part of a file it reads in
 * parallel once it has met such a cell, whatever the file's size. DuckDB's CSV reader raises this one
 * failure, and no other, as a ParameterNotAllowedException (its CSVErrorHandler maps the error type
 * NULLPADDED_QUOTED_NEW_VALUE to it), which reaches us as the exception type heading its message, the one
 * part of a DuckDB error that is not prose: the decision rests on that type, not on the words.
 */
function needsSerialRead(e: unknown): boolean {
  return errorMessage(e).startsWith("Parameter Not Allowed Error:");
}

/** A DuckDB error's message, which starts with its exception type ("Invalid Input Error: ..."). */
function errorMessage(e: unknown): string {
  // Not `instanceof Error`: the native module's errors may come from another realm (Jest's vm context).
  return String((e as { message?: unknown } | undefined)?.message ?? "");
}

/**
 * Reads the orders into `db`. A file whose first megabyte is UTF-8 may hold other bytes further down,
 * which only DuckDB's reading finds: such a file is read again through a copy in the encoding the
 * in-process reader would use. A file whose quoted cells hold line breaks is read by one thread: at once
 * when the first megabyte shows one, else after DuckDB's parallel reader refused one (needsSerialRead).
 */
async function readOrdersAsInProcess(
  db: DuckDbSession,
  input: string,
  options: ReadOrdersOptions & { csv?: CsvReadOptions; materializedRows?: number },
  dir: string,
  onProgress: ((step: DuckDbReadStep, files: string) => void) | undefined,
): Promise<{ files: OrderFiles; read: DuckDbOrders; text?: TextLayout }> {
  const notUtf8 = new Set<string>();
  // Files read through a copy written from the in-process reading (a space before a quote).
  const requote = new Set<string>();
  let serial = false;
  // A file of another kind is refused by orderFiles, naming it; a glob's files say what they are.
  const format = isGlob(input) ? await inputFormat(db, input) : formatOf(input);
  for (;;) {
    const decided = await duckDbCsvOptions(input, options.csv ?? {}, dir, db, notUtf8, format, requote);
    // A quoted line break in a file's first megabyte: read by one thread at once, not after a failed pass.
    serial ||= decided.layouts.some((l) => l.quotedLineBreaks);
    const files = orderFiles(input, { ...decided.options, serial }, format);
    try {
      const read = await readOrdersWithDuckDb(db, files, { ...options, onProgress });
      // Title lines above a header-less file's lines, left out by both readers: said with the lines read.
      const titleRows = decided.layouts.flatMap((l, k) =>
        l.titleRows.map((r) => (files.single ? r : { ...r, file: decided.names[k] })),
      );
      if (titleRows.length > 0) read.quality.titleRows = titleRows;
      // The reading note says them too, each file's (decided.text is the first file's layout).
      return { files, read, text: decided.text && { ...decided.text, titleRows } };
    } catch (e) {
      const file = fileNotUtf8(e);
      const spaced = e instanceof QuotesNeedCopy ? decided.readFrom.indexOf(e.file) : -1;
      if (spaced >= 0) requote.add(decided.layouts[spaced].file);
      else if (!serial && needsSerialRead(e)) serial = true;
      else if (file === undefined || notUtf8.has(file)) {
        const problem = await rowNotParsed(e, decided, options.csv ?? {});
        if (problem) throw problem;
        // DuckDB refused text the in-process reader reads (a row wider than those of the first megabyte):
        // it reads copies written from the in-process reading instead.
        const unread = decided.layouts.filter((l) => l.delimiter !== "whitespace" && !requote.has(l.file));
        if (!csvFailure(e) || unread.length === 0) throw e;
        for (const l of unread) requote.add(l.file);
      } else notUtf8.add(file);
      await dropRaw(db);
    }
  }
}

/**
 * Opens a DuckDB database in memory whose overflow goes to a temporary folder (tables larger than its
 * memory limit spill to disk) and reads the orders into it with the engine's rules, saying its progress
 * on stderr when it is a terminal. The caller closes it.
 */
export async function readWithDuckDb(
  input: string,
  options: ReadOrdersOptions & { csv?: CsvReadOptions; materializedRows?: number },
  io: CliIO,
): Promise<DuckDbRead> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "loyalty-duckdb-"));
  // In the same synchronous step as the folder's making: a signal's handler runs between steps, not inside.
  const unwatch = onStop(() => rmSync(dir, { recursive: true, force: true }));
  let db: DuckDbSession | undefined;
  const close = () => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    unwatch();
  };
  try {
    // DuckDB's own limit, beside Node's few hundred MB. Not lower: at 512 MB the pass over 17 million
    // orders of 50 million lines once ran out of memory under load (blocks it could not evict).
    db = await openDuckDb({ tempDirectory: dir, memoryLimit: DUCKDB_MEMORY_LIMIT });
    const progress = io.interactive ? progressOnStderr(db, (line) => io.err(line)) : undefined;
    const { files, read, text } = await readOrdersAsInProcess(
      db,
      input,
      options,
      dir,
      progress && ((step, files) => progress.step(CLI_TEXTS[io.language ?? "en"].duckDbSteps[step](files))),
    ).finally(() => progress?.stop());
    if (read.leftOut.length > 0) {
      const language = io.language ?? "en";
      const roles = read.leftOut.map((role) => roleLabel(role, language));
      io.err(CLI_TEXTS[language].duckDbLeavesOut(files.label, roles));
    }
    return { db, files, read, text, close };
  } catch (e) {
    close();
    throw e;
  }
}

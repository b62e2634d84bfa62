/**
 * Which files DuckDB reads, and how: .parquet, .csv, .csv.gz, .tsv, .txt, and globs of them
 * (`orders/*.parquet`), given as one path or a glob. Text files are read with every column as text, so
 * that the engine's own parsers decide what an id, a date or an amount is (as they do for a file read in
 * process); Parquet columns keep their types.
 */
import { inputError } from "../../input-errors";
import { fileError } from "../../user-error";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { DataLines } from "./row-numbers";
import { quoted } from "./raw-columns";

export type OrderFileFormat = "parquet" | "csv";

export interface OrderFiles {
  /** The path or glob as given. */
  pattern: string;
  format: OrderFileFormat;
  /** A DuckDB table function reading them, e.g. read_parquet('orders/*.parquet'). */
  fromClause: string;
  /** The name messages use: the file name, or the glob. */
  label: string;
  /** One file (not a glob): rows are that file's rows. */
  single: boolean;
  /** The file's line of the first data row (2 below a header row). */
  firstRow: number;
  /** Where the data starts in the one text file read (to number its rows as the in-process reader does). */
  lines?: DataLines;
  /** A glob of text files: each file, to name a row by its file and its row there (glob-row-numbers.ts). */
  parts?: GlobPart[];
  /** Text files DuckDB reads whose cells may start with a space and a quote (searched as it loads them). */
  quoteScan?: QuoteScan[];
}

/** A file DuckDB reads with CSV's quoting, to search for a space before a quote (text-input.ts). */
export interface QuoteScan {
  file: string;
  /** The separator's byte. */
  delimiter: number;
}

/** One text file of a glob: its name in messages, the file DuckDB reads for it, where its data starts. */
export interface GlobPart {
  name: string;
  readFrom: string;
  firstRow: number;
  lines: DataLines;
}

/** How messages name a glob's files: by file name, or by the path listed when two share a name. */
export function globFileNames(files: readonly string[]): string[] {
  const names = files.map((f) => path.basename(f));
  return new Set(names).size === names.length ? names : [...files];
}

/** The column a glob's copy in DuckDB holds each row's file in (the file DuckDB read), not one of the file's. */
export const FILE_COLUMN = "ll_file";

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export const isGlob = (pattern: string) => /[*?[]/.test(pattern);

export function formatOf(pattern: string): OrderFileFormat | null {
  const name = pattern.toLowerCase();
  if (name.endsWith(".parquet")) return "parquet";
  if ([".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz"].some((ext) => name.endsWith(ext)))
    return "csv";
  return null;
}

export interface DuckDbCsvOptions {
  /** false: the first line is data (default: it is the header). */
  header?: boolean;
  /** The field separator (default: DuckDB's sniffer decides). */
  delimiter?: string;
  /**
   * The columns' names (a file without a header row; or the header's texts as the in-process reader trims
   * them), all read as text. Given, DuckDB sniffs nothing: the in-process reading of the first megabyte
   * has decided the separator, the header row and the columns, and a sniffer would only fail where the
   * in-process reader reads (a first order line shorter than the header, under a title left out).
   */
  names?: string[];
  /** How many of `names` the in-process table has (the rest, cells right of its header, are left out). */
  kept?: number;
  /** Lines above the header row (a title, a blank line), skipped. */
  skip?: number;
  /** The file's row of the first data row (default: 2, or 1 without a header row). */
  firstRow?: number;
  /** The files DuckDB reads instead of `pattern`: a glob's files, or UTF-8 copies (see text-input.ts). */
  readFrom?: string[];
  /** Where the data starts in the one file read (row-numbers.ts). */
  lines?: DataLines;
  /** A glob's files. */
  parts?: GlobPart[];
  /** The files to search for a space before a quote. */
  quoteScan?: QuoteScan[];
  /**
   * A copy of aligned columns, whose quotes are characters like any other (the in-process reader splits
   * such lines on blanks). Every other text file is read as the in-process reader reads it: a cell may be
   * quoted ("..."), a quote inside it doubled (""), and a quote that breaks that rule is an error (strict).
   */
  unquoted?: boolean;
  /**
   * Read by one thread: DuckDB's parallel reader refuses quoted cells holding line breaks beside
   * `null_padding` (which short rows need), so such a file is read again this way.
   */
  serial?: boolean;
}

export function orderFiles(
  pattern: string,
  csv: DuckDbCsvOptions = {},
  format = formatOf(pattern),
): OrderFiles {
  if (!format) {
    throw inputError("duckDbFileType", { file: path.basename(pattern) });
  }
  if (!isGlob(pattern)) {
    if (!existsSync(pattern)) throw fileError({ code: "fileMissing", file: pattern });
    if (!statSync(pattern).isFile()) throw inputError("notAFile", { file: pattern });
  }
  const source = csv.readFrom ? `[${csv.readFrom.map(sqlString).join(", ")}]` : sqlString(pattern);
  const options = [
    "all_varchar = true",
    `header = ${csv.header === false ? "false" : "true"}`,
    ...(csv.delimiter ? [`delim = ${sqlString(csv.delimiter)}`] : []),
    ...(csv.names
      ? [
          `columns = {${csv.names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(", ")}}`,
          "auto_detect = false",
        ]
      : []),
    ...(csv.skip ? [`skip = ${csv.skip}`] : []),
    csv.unquoted ? "quote = '', escape = ''" : "quote = '\"', escape = '\"'",
    "strict_mode = true",
    "null_padding = true",
    ...(csv.serial ? ["parallel = false"] : []),
  ];
  const single = !isGlob(pattern);
  // A glob's rows say which file they come from (each is named by its file and its row there).
  const fileColumn = single ? "" : `, filename = ${sqlString(FILE_COLUMN)}`;
  const csvClause = `read_csv(${source}, ${options.join(", ")}${fileColumn})`;
  const kept = csv.names?.slice(0, csv.kept);
  const fromClause =
    format === "parquet"
      ? `read_parquet(${source}${fileColumn})`
      : kept && kept.length < (csv.names?.length ?? 0)
        ? `(SELECT ${[...kept, ...(single ? [] : [FILE_COLUMN])].map(quoted).join(", ")} FROM ${csvClause})`
        : csvClause;
  const label = single ? path.basename(pattern) : pattern;
  // A file without a header row starts with data on its first line.
  const firstRow = csv.firstRow ?? (csv.header === false ? 1 : 2);
  return {
    pattern,
    format,
    fromClause,
    label,
    single,
    firstRow,
    ...(csv.lines ? { lines: csv.lines } : {}),
    ...(csv.parts ? { parts: csv.parts } : {}),
    ...(csv.quoteScan?.length ? { quoteScan: csv.quoteScan } : {}),
  };
}

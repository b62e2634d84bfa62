/**
 * The file's rows as DuckDB's relation ll_raw (always aliased r): its columns as the file has them, and
 * `rowid`, the data row (0-based, across the files of a glob in their order), which every message and
 * example names.
 *
 * - Parquet is read IN PLACE: ll_raw is a view over read_parquet, its rowid the row's number in its file
 *   plus the rows of the files before it (from the files' metadata). Each pass reads only the columns it
 *   needs, straight from the compressed file: a copy of 50 million lines would outgrow DuckDB's memory
 *   and be written to disk and read back on every pass.
 * - Text files are parsed once into a Parquet file in the session's temporary folder (rows in file order,
 *   every column as text, LZ4 without dictionaries: the cheapest to write), then read as above: parsing the
 *   text again on every pass would cost more than the copy, DuckDB's reader of text gives no row numbers,
 *   and a table of 50 million lines would outgrow DuckDB's memory and spill on every pass.
 */
import path from "node:path";
import type { DuckDbSession } from "./session";
import { FILE_COLUMN, type OrderFiles } from "./order-files";
import { quoted } from "./raw-columns";
import { quoteAfterSpace, QuotesNeedCopy } from "./text-input";

export interface RawRelation {
  /** The file's column names, in order. */
  headers: string[];
  /** Each column's DuckDB type (VARCHAR for every column of a text file). */
  types: string[];
  /** A glob's files as DuckDB read them (their paths), in order, with how many rows DuckDB read in each. */
  files?: { file: string; rows: number }[];
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Names read_parquet adds to a row when asked: a file holding such a column is copied instead. */
const ADDED_COLUMNS = ["rowid", "file_row_number", "filename"];

/** The Parquet files of the pattern in DuckDB's order (read_parquet's), with how many rows each holds. */
async function parquetFiles(db: DuckDbSession, files: OrderFiles): Promise<{ file: string; rows: number }[]> {
  const listed = files.single
    ? { file: [files.pattern] }
    : await db.columns(`SELECT file FROM glob(${sqlString(files.pattern)}) ORDER BY file`);
  const names = listed.file as string[];
  const counts = await db.columns(
    `SELECT file_name, num_rows FROM parquet_file_metadata([${names.map(sqlString).join(", ")}])`,
  );
  const rowsOf = new Map((counts.file_name as string[]).map((f, k) => [f, Number(counts.num_rows[k])]));
  return names.map((file) => ({ file, rows: rowsOf.get(file) ?? 0 }));
}

/** The view ll_raw over Parquet files (in order, with their row counts), rowid numbering their rows across them. */
async function parquetView(
  db: DuckDbSession,
  headers: string[],
  parts: { file: string; rows: number }[],
): Promise<void> {
  // Each file's first row's number across the files: the rows of the files before it.
  let before = 0;
  const offsets = parts.map((p) => {
    const offset = before;
    before += p.rows;
    return `WHEN ${sqlString(p.file)} THEN ${offset}`;
  });
  const list = `[${parts.map((p) => sqlString(p.file)).join(", ")}]`;
  const rowid =
    parts.length === 1 ? "file_row_number" : `file_row_number + CASE filename ${offsets.join(" ")} END`;
  await db.run(`CREATE VIEW ll_raw AS
    SELECT ${headers.map(quoted).join(", ")}, ${rowid} AS rowid
    FROM read_parquet(${list}, file_row_number = true${parts.length === 1 ? "" : ", filename = true"})`);
}

/** The session's folder for what spills (set by engine-choice.ts), or undefined. */
export async function temporaryFolder(db: DuckDbSession): Promise<string | undefined> {
  const setting = await db.columns("SELECT current_setting('temp_directory') AS dir");
  const dir = setting.dir[0];
  return typeof dir === "string" && dir !== "" && dir !== ".tmp" ? dir : undefined;
}

/** Creates ll_raw for the files and describes it. */
export async function loadRaw(db: DuckDbSession, files: OrderFiles): Promise<RawRelation> {
  const clash = (headers: string[]) => headers.some((h) => ADDED_COLUMNS.includes(h.toLowerCase()));
  if (files.format === "parquet") {
    const [headers, types] = fileColumns(await db.columns(`DESCRIBE SELECT * FROM ${files.fromClause}`));
    if (!clash(headers)) {
      const parts = await parquetFiles(db, files);
      await parquetView(db, headers, parts);
      return { headers, types, ...(files.single ? {} : { files: parts }) };
    }
  }
  const folder = files.format === "csv" ? await temporaryFolder(db) : undefined;
  if (folder !== undefined) {
    const copy = path.join(folder, "ll_raw.parquet");
    // The files are searched for a space before a quote while DuckDB parses them (the search is native).
    const searched = spaceBeforeQuote(files);
    searched.catch(() => undefined);
    await db.run(`COPY (SELECT * FROM ${files.fromClause}) TO ${sqlString(copy)}
      (FORMAT parquet, COMPRESSION lz4_raw, DICTIONARY_SIZE_LIMIT 0)`);
    const found = await searched;
    if (found !== undefined) throw new QuotesNeedCopy(found);
    const described = await db.columns(`DESCRIBE SELECT * FROM read_parquet(${sqlString(copy)})`);
    const [headers, types] = fileColumns(described);
    if (!clash(headers)) {
      const all = (described.column_name as string[]).filter((h) => !clash([h]));
      await parquetView(db, all, [{ file: copy, rows: 0 }]);
      return { headers, types, ...(files.single ? {} : { files: await globParts(db) }) };
    }
  }
  // A table created from the scan keeps the file's order: its rowid is the data row (0-based).
  await db.run(`CREATE TABLE ll_raw AS SELECT * FROM ${files.fromClause}`);
  if (folder === undefined && files.format === "csv") {
    const found = await spaceBeforeQuote(files);
    if (found !== undefined) throw new QuotesNeedCopy(found);
  }
  const [headers, types] = fileColumns(await db.columns("DESCRIBE ll_raw"));
  if (files.single) return { headers, types };
  return { headers, types, files: await globParts(db) };
}

/** The first file DuckDB reads whose cells may start with a space and a quote (quoteAfterSpace), if any. */
async function spaceBeforeQuote(files: OrderFiles): Promise<string | undefined> {
  for (const { file, delimiter } of files.quoteScan ?? []) {
    if (await quoteAfterSpace(file, delimiter)) return file;
  }
  return undefined;
}

/** Drops ll_raw, a view or a table (to read the files again another way). */
export async function dropRaw(db: DuckDbSession): Promise<void> {
  const views = await db.columns("SELECT view_name FROM duckdb_views() WHERE view_name = 'll_raw'");
  await db.run(views.view_name.length > 0 ? "DROP VIEW ll_raw" : "DROP TABLE IF EXISTS ll_raw");
}

/** A glob's copy holds each row's file: how many rows each file gave, in the files' order. */
async function globParts(db: DuckDbSession): Promise<{ file: string; rows: number }[]> {
  const counted = await db.columns(
    `SELECT ${FILE_COLUMN} AS file, COUNT(*) AS n FROM ll_raw GROUP BY ${FILE_COLUMN} ORDER BY MIN(rowid)`,
  );
  return (counted.file as string[]).map((file, k) => ({ file, rows: Number(counted.n[k]) }));
}

/** The file's columns and their types, from DESCRIBE: the column naming a glob's file left out. */
function fileColumns(described: Record<string, unknown[]>): [string[], string[]] {
  const names = described.column_name as string[];
  const keep = names.map((name) => name !== FILE_COLUMN);
  return [names.filter((_, k) => keep[k]), (described.column_type as string[]).filter((_, k) => keep[k])];
}

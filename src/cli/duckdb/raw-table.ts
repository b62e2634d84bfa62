/**
 * The file's rows as DuckDB's relation ll_raw (always aliased r): its columns as the file has them, and
 * `rowid`, the data row (0-based, across the files of a glob in their order), which every message and
 * example names.
 *
 * - Parquet is read IN PLACE: ll_raw is a view over read_parquet, its rowid the row's number in its file
 *   plus the rows of the files before it (from the files' metadata). Each pass reads only the columns it
 *   needs, straight from the compressed file: a copy of 50 million lines would outgrow DuckDB's memory
 *   and be written to disk and read back on every pass.
 * - Text files are copied once into a table (its rowid the row in file order): parsing the text again on
 *   every pass would cost more than the copy.
 */
import type { DuckDbSession } from "./session";
import { FILE_COLUMN, type OrderFiles } from "./order-files";
import { quoted } from "./raw-columns";

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

/** Creates ll_raw for the files and describes it. */
export async function loadRaw(db: DuckDbSession, files: OrderFiles): Promise<RawRelation> {
  if (files.format === "parquet") {
    const described = await db.columns(`DESCRIBE SELECT * FROM ${files.fromClause}`);
    const [headers, types] = fileColumns(described);
    if (!headers.some((h) => ADDED_COLUMNS.includes(h.toLowerCase()))) {
      const parts = await parquetFiles(db, files);
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
      return { headers, types, ...(files.single ? {} : { files: parts }) };
    }
  }
  // A table created from the scan keeps the file's order: its rowid is the data row (0-based).
  await db.run(`CREATE TABLE ll_raw AS SELECT * FROM ${files.fromClause}`);
  const [headers, types] = fileColumns(await db.columns("DESCRIBE ll_raw"));
  if (files.single) return { headers, types };
  // A glob's table holds each row's file: how many rows each file gave, in the files' order.
  const counted = await db.columns(
    `SELECT ${FILE_COLUMN} AS file, COUNT(*) AS n FROM ll_raw GROUP BY ${FILE_COLUMN} ORDER BY MIN(rowid)`,
  );
  const rows = (counted.file as string[]).map((file, k) => ({ file, rows: Number(counted.n[k]) }));
  return { headers, types, files: rows };
}

/** The file's columns and their types, from DESCRIBE: the column naming a glob's file left out. */
function fileColumns(described: Record<string, unknown[]>): [string[], string[]] {
  const names = described.column_name as string[];
  const keep = names.map((name) => name !== FILE_COLUMN);
  return [names.filter((_, k) => keep[k]), (described.column_type as string[]).filter((_, k) => keep[k])];
}

/**
 * The blank rows at the edges of Parquet files: rows whose every cell is blank (NULL, or text of spaces)
 * above a file's first filled row or below its last. The in-process reader leaves such rows out of a
 * sheet's or a text file's table (its first row is the first filled one, its last the last filled one),
 * so a Parquet file is read alike: alone, its table starts at its first filled row; in a glob, each
 * file's leading and trailing blank rows are no rows of the glob either (glob-row-numbers.ts), as they
 * are no rows of that file read alone.
 *
 * Reading every row to find them would cost a pass over the files (50 million lines: seconds). A file's
 * row-group statistics say at once whether its first or last row group may hold a blank row at all: one
 * whose column has no NULL and no text starting with a blank cannot. Only the edges of the files they
 * leave in doubt are read, a window of rows that grows until a filled row is met.
 */
import type { DuckDbSession } from "./session";
import { rawBlank } from "./raw-columns";

/** A Parquet file and how many rows it holds. */
export interface ParquetFile {
  file: string;
  rows: number;
}

/** Blank rows of a file above its first filled row and below its last (an all-blank file: all above). */
export interface BlankEdges {
  above: number;
  below: number;
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Rows read first at an edge in doubt; doubled until a filled row is met. */
const FIRST_WINDOW = 1024;

/** Which edges of each file may hold a blank row, by its first and last row groups' statistics. */
async function edgesInDoubt(
  db: DuckDbSession,
  files: readonly ParquetFile[],
  headers: readonly string[],
  types: readonly string[],
): Promise<{ first: boolean; last: boolean }[]> {
  const list = `[${files.map((f) => sqlString(f.file)).join(", ")}]`;
  const meta =
    await db.columns(`SELECT file_name, row_group_id, path_in_schema, stats_null_count, stats_min_value
    FROM parquet_metadata(${list})`);
  const typeOf = new Map(headers.map((h, k) => [h, types[k]]));
  // Row groups (file and id) with a column that has no blank cell: none of their rows is blank.
  const filled = new Set<string>();
  const lastGroup = new Map<string, number>();
  meta.file_name.forEach((name, k) => {
    const file = String(name);
    const group = Number(meta.row_group_id[k]);
    lastGroup.set(file, Math.max(lastGroup.get(file) ?? 0, group));
    const type = typeOf.get(String(meta.path_in_schema[k]));
    if (type === undefined || meta.stats_null_count[k] === null || Number(meta.stats_null_count[k]) > 0)
      return;
    const min = meta.stats_min_value[k];
    // A text's least value that starts above a space: no text of the column is empty or blank.
    const noBlankText = type !== "VARCHAR" || (typeof min === "string" && min.charCodeAt(0) > 0x20);
    if (noBlankText) filled.add(`${file}\u0000${group}`);
  });
  return files.map(({ file, rows }) => ({
    first: rows > 0 && !filled.has(`${file}\u00000`),
    last: rows > 0 && !filled.has(`${file}\u0000${lastGroup.get(file) ?? 0}`),
  }));
}

/** A file's first and last filled rows within `window` rows of its start and of its end (null: none). */
async function filledWithin(
  db: DuckDbSession,
  file: ParquetFile,
  blank: string,
  window: number,
): Promise<{ first: number | null; last: number | null }> {
  const tail = file.rows - window;
  // Only the rows of the two windows are read: DuckDB skips row groups by file_row_number.
  const found = await db.columns(`SELECT
      MIN(file_row_number) FILTER (WHERE file_row_number < ${window}) AS first,
      MAX(file_row_number) FILTER (WHERE file_row_number >= ${tail}) AS last
    FROM read_parquet(${sqlString(file.file)}, file_row_number = true) r
    WHERE (file_row_number < ${window} OR file_row_number >= ${tail}) AND NOT (${blank})`);
  const at = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return { first: at(found.first[0]), last: at(found.last[0]) };
}

/**
 * Each file's blank rows above its first filled row and below its last, in the files' order. `headers`
 * and `types` are the files' columns as DuckDB reads them (a glob's files share them).
 */
export async function parquetBlankEdges(
  db: DuckDbSession,
  files: readonly ParquetFile[],
  headers: readonly string[],
  types: readonly string[],
): Promise<BlankEdges[]> {
  // A file with a column of that name cannot be asked for its row numbers: its rows are taken as they are.
  if (files.length === 0 || headers.some((h) => h.toLowerCase() === "file_row_number"))
    return files.map(() => ({ above: 0, below: 0 }));
  const doubt = await edgesInDoubt(db, files, headers, types);
  const blank = headers.map((h, k) => rawBlank(h, types[k])).join(" AND ");
  const edges: BlankEdges[] = [];
  for (const [k, file] of files.entries()) {
    if (!doubt[k].first && !doubt[k].last) {
      edges.push({ above: 0, below: 0 });
      continue;
    }
    let window = FIRST_WINDOW;
    let seen = await filledWithin(db, file, blank, window);
    // No filled row in a window: that edge's run is longer than it (once a window holds the whole file,
    // none means every row is blank).
    while ((seen.first === null || seen.last === null) && window < file.rows) {
      window *= 2;
      seen = await filledWithin(db, file, blank, window);
    }
    if (seen.first === null || seen.last === null) edges.push({ above: file.rows, below: 0 });
    else
      edges.push({
        above: doubt[k].first ? seen.first : 0,
        below: doubt[k].last ? file.rows - 1 - seen.last : 0,
      });
  }
  return edges;
}

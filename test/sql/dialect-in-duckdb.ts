/**
 * Running the BigQuery, Snowflake and Spark SQL of `loyalty sql` in DuckDB, so that the numbers of each
 * dialect's query are checked against the engine and not only its text against a golden file. DuckDB
 * accepts most of each query as it is (CTEs, CASE, window functions, DATE '…' literals, CAST, STRING);
 * where a dialect differs, the difference is bridged in one of two small, mechanical ways, each with the
 * dialect's documented meaning:
 *
 * Functions and types DuckDB lacks, defined in the session (the query text unchanged):
 * - BigQuery: the type FLOAT64 (= DOUBLE); REGEXP_CONTAINS(text, pattern) (a match anywhere, as DuckDB's
 *   regexp_matches).
 * - Snowflake: REGEXP_LIKE(text, pattern) (the whole text must match, as DuckDB's regexp_full_match).
 * - Spark: DATEDIFF(end, start) (days from start to end).
 *
 * Syntax DuckDB's parser does not take, rewritten in the text:
 * - BigQuery and Spark: `name` quoting → "name".
 * - BigQuery: raw strings r'…' → '…' (the patterns hold no backslash); DATE_DIFF(a, b, DAY) → DuckDB's
 *   DATE_DIFF('day', b, a) (days from b to a: BigQuery's DAY is a keyword, not an argument).
 * - Snowflake: DATEDIFF(day, a, b) → DATEDIFF('day', a, b) (the part as a keyword).
 * - Spark: (x RLIKE 'p') → regexp_matches(x, 'p') (a match anywhere; DuckDB has no RLIKE operator).
 *
 * Not checked this way: that each warehouse accepts these constructs as written (the golden files are
 * reviewed against each dialect's reference for that), and each engine's own typing and rounding of
 * doubles (DuckDB computes them all).
 */
import type { DuckDbSession } from "../../src/cli/duckdb/session";
import type { SqlDialect } from "../../src/sql/dialects";

/** The definitions each dialect needs in a DuckDB session. */
const DEFINITIONS: Record<SqlDialect, string[]> = {
  duckdb: [],
  postgres: [],
  bigquery: [
    "CREATE TYPE FLOAT64 AS DOUBLE",
    "CREATE MACRO regexp_contains(text, pattern) AS regexp_matches(text, pattern)",
  ],
  snowflake: ["CREATE MACRO regexp_like(text, pattern) AS regexp_full_match(text, pattern)"],
  spark: ["CREATE MACRO datediff(end_date, start_date) AS date_diff('day', start_date, end_date)"],
};

/** An argument without commas or parentheses (a column or a DATE literal, as the query writes them). */
const ARG = "([^,()]+)";

/** Backtick-quoted names as double-quoted ones (`a``b` → "a`b"). */
const doubleQuoted = (sql: string) =>
  sql.replace(/`((?:[^`]|``)*)`/g, (_, name: string) => `"${name.replace(/``/g, "`").replace(/"/g, '""')}"`);

/** The text rewrites of each dialect (see above). */
const REWRITES: Record<SqlDialect, (sql: string) => string> = {
  duckdb: (sql) => sql,
  postgres: (sql) => sql,
  bigquery: (sql) =>
    doubleQuoted(sql)
      .replace(/\br'([^'\\]*)'/g, "'$1'")
      .replace(new RegExp(`DATE_DIFF\\(${ARG}, ${ARG}, DAY\\)`, "g"), "DATE_DIFF('day', $2, $1)"),
  snowflake: (sql) => sql.replace(/DATEDIFF\(day, /g, "DATEDIFF('day', "),
  spark: (sql) => doubleQuoted(sql).replace(/\(([\w.]+) RLIKE ('[^']*')\)/g, "regexp_matches($1, $2)"),
};

/** What a rewrite must leave none of: the dialect's own syntax. */
const LEFT_OVER: Record<SqlDialect, RegExp | undefined> = {
  duckdb: undefined,
  postgres: undefined,
  bigquery: /`|\br'|, DAY\)/,
  snowflake: /DATEDIFF\(day/,
  spark: /`|RLIKE/,
};

/** The dialect's query as DuckDB runs it; throws when a construct was left untranslated. */
export function dialectInDuckDb(dialect: SqlDialect, sql: string): string {
  const translated = REWRITES[dialect](sql);
  const left = LEFT_OVER[dialect]?.exec(translated);
  if (left) throw new Error(`${dialect}: "${left[0]}" left untranslated`);
  return translated;
}

/** Defines in `db` the functions and types the dialect has and DuckDB lacks. */
export async function defineDialect(db: DuckDbSession, dialect: SqlDialect): Promise<void> {
  for (const statement of DEFINITIONS[dialect]) await db.run(statement);
}

/**
 * The SQL dialects `loyalty sql` writes for: the few places where DuckDB, PostgreSQL, BigQuery,
 * Snowflake and Spark SQL differ for the customer-summary query. Everything else in the query is
 * standard SQL that all five accept (CTEs, CASE, window functions, DATE '…' literals, CAST).
 */
export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "snowflake" | "spark";

export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "snowflake", "spark"];

export interface DialectRules {
  /** A column or table name quoted as this dialect quotes identifiers. */
  identifier(name: string): string;
  /** Whole days from `from` to `to` (both DATE expressions), as an integer. */
  daysBetween(from: string, to: string): string;
  /** The text type (ids are compared as text). */
  text: string;
  /** The double-precision type (money and durations). */
  double: string;
  /** Whether the text `text` matches the regular expression `pattern` (anchored with ^ and $). */
  matches(text: string, pattern: string): string;
}

/** Quotes each dot-separated part of a name ("sales.orders" → "sales"."orders"). */
function quoteParts(name: string, open: string, close: string): string {
  return name
    .split(".")
    .map((part) => open + part.split(close).join(close + close) + close)
    .join(".");
}

const doubleQuoted = (name: string) => quoteParts(name, '"', '"');
const backQuoted = (name: string) => quoteParts(name, "`", "`");

export const DIALECTS: Readonly<Record<SqlDialect, DialectRules>> = {
  duckdb: {
    identifier: doubleQuoted,
    daysBetween: (from, to) => `DATE_DIFF('day', ${from}, ${to})`,
    text: "VARCHAR",
    double: "DOUBLE",
    matches: (text, pattern) => `regexp_matches(${text}, '${pattern}')`,
  },
  postgres: {
    identifier: doubleQuoted,
    // date − date is an integer number of days in PostgreSQL.
    daysBetween: (from, to) => `(${to} - ${from})`,
    text: "TEXT",
    double: "DOUBLE PRECISION",
    matches: (text, pattern) => `(${text} ~ '${pattern}')`,
  },
  bigquery: {
    identifier: backQuoted,
    daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
    text: "STRING",
    double: "FLOAT64",
    matches: (text, pattern) => `REGEXP_CONTAINS(${text}, r'${pattern}')`,
  },
  snowflake: {
    identifier: doubleQuoted,
    daysBetween: (from, to) => `DATEDIFF(day, ${from}, ${to})`,
    text: "VARCHAR",
    double: "DOUBLE",
    matches: (text, pattern) => `REGEXP_LIKE(${text}, '${pattern}')`,
  },
  spark: {
    identifier: backQuoted,
    daysBetween: (from, to) => `DATEDIFF(${to}, ${from})`,
    text: "STRING",
    double: "DOUBLE",
    matches: (text, pattern) => `(${text} RLIKE '${pattern}')`,
  },
};

export function isSqlDialect(text: string): text is SqlDialect {
  return (SQL_DIALECTS as readonly string[]).includes(text);
}

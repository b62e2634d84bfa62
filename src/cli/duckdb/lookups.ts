/**
 * The engine's parsers and judgements applied once per distinct value of a column that DuckDB holds: DuckDB
 * lists the distinct values, the engine parses or judges them, and the results go back to DuckDB as lookup
 * tables (raw VARCHAR, v0, v1 ...), so there is one implementation of what an id, a date, an amount, a
 * cancelled status or a test account is.
 */
import { isLongId, type TestAccountFound } from "../../engine/data/read-orders";
import type { CellValue } from "../../engine/data/table";
import {
  compileTestAccountRules,
  DEFAULT_TEST_ACCOUNT_RULES,
  numericIdSpace,
  type IdContext,
  type TestAccountRule,
} from "../../engine/data/test-accounts";
import type { DuckDbSession } from "./session";
import { quoted, rawText } from "./raw-columns";

/** A DuckDB value as the cell a worksheet or CSV reader would give (text, number, or blank). */
export function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  return String(value);
}

/** The distinct non-null values of a column as text, in order of first appearance, with where and how often. */
export interface DistinctValues {
  raws: string[];
  /** The data row (0-based) where each first appears. */
  firstRows: number[];
  /** Rows holding each. */
  counts: number[];
}

export async function distinctValues(db: DuckDbSession, column: string): Promise<DistinctValues> {
  const result = await db.columns(
    `SELECT ${rawText(column)} AS raw, MIN(r.rowid) AS first_row, COUNT(*) AS n FROM ll_raw r
     WHERE r.${quoted(column)} IS NOT NULL GROUP BY raw ORDER BY first_row`,
  );
  return {
    raws: result.raw as string[],
    firstRows: result.first_row.map(Number),
    counts: result.n.map(Number),
  };
}

/** Lookup table `name`(raw VARCHAR, v0, v1 ...) of `raws`, each parsed in JavaScript by `parse`. */
export async function lookupTable(
  db: DuckDbSession,
  name: string,
  raws: readonly string[],
  valueTypes: readonly string[],
  parse: (raw: string) => (string | number | null)[],
): Promise<void> {
  const columns = valueTypes.map((type, i) => `v${i} ${type}`);
  await db.run(`CREATE TABLE ${name} (raw VARCHAR, ${columns.join(", ")})`);
  await db.append(
    name,
    raws.map((raw) => [raw, ...parse(raw)]),
  );
}

/** The same, of the distinct values of `column` (in no particular order). */
export async function lookup(
  db: DuckDbSession,
  name: string,
  column: string,
  valueTypes: readonly string[],
  parse: (raw: string) => (string | number | null)[],
): Promise<void> {
  const distinct = await db.columns(
    `SELECT DISTINCT ${rawText(column)} AS raw FROM ll_raw r WHERE r.${quoted(column)} IS NOT NULL`,
  );
  await lookupTable(db, name, distinct.raw as string[], valueTypes, parse);
}

/** What the test-account rules and the long-id check found among the customers, in table order. */
export interface JudgedCustomers {
  testAccounts: TestAccountFound[];
  /** Customers (not test accounts) whose id is too long to be a member number: first row and length. */
  longIds: { row: number; length: number }[];
}

/**
 * The engine's test-account rules, judged once per id knowing the whole table as the engine knows it
 * (row-values.ts): the numeric id space and each id's share of the lines. Sets ll_ids.v1 to the rule; ids
 * are read from ll_ids.v0 (the parsed id of each raw cell).
 */
export async function judgeCustomers(
  db: DuckDbSession,
  idColumn: string,
  testAccounts: readonly TestAccountRule[] = DEFAULT_TEST_ACCOUNT_RULES,
): Promise<JudgedCustomers> {
  const rules = compileTestAccountRules(testAccounts);
  const counts = await db.columns(`SELECT i.v0 AS id, COUNT(*) AS lines, MIN(r.rowid) AS first_row
    FROM ll_raw r JOIN ll_ids i ON i.raw = ${rawText(idColumn)} WHERE i.v0 IS NOT NULL
    GROUP BY i.v0 ORDER BY first_row`);
  const ids = counts.id as string[];
  const lines = counts.lines.map(Number);
  const firstRows = counts.first_row.map(Number);
  const total = lines.reduce((a, b) => a + b, 0);
  const share = new Map(ids.map((id, k) => [id, total === 0 ? 0 : lines[k] / total]));
  const context: IdContext = {
    isDenseNumeric: numericIdSpace(ids),
    shareOfLines: (id) => share.get(id) ?? 0,
    customers: ids.length,
  };
  const judged: JudgedCustomers = { testAccounts: [], longIds: [] };
  ids.forEach((id, k) => {
    const rule = rules.match(id, context);
    if (rule) judged.testAccounts.push({ id, rule: rule.name, ruleZh: rule.nameZh, lines: lines[k] });
    else if (isLongId(id)) judged.longIds.push({ row: firstRows[k], length: id.length });
  });
  await db.run("CREATE TABLE ll_test_accounts (id VARCHAR, rule VARCHAR)");
  await db.append(
    "ll_test_accounts",
    judged.testAccounts.map((t) => [t.id, t.rule]),
  );
  await db.run("UPDATE ll_ids SET v1 = t.rule FROM ll_test_accounts t WHERE ll_ids.v0 = t.id");
  return judged;
}

/**
 * Member details (birthday, join date, points, tier, name, phone, e-mail, store, channel) of an order file read with
 * DuckDB, by the engine's rules (src/engine/data/member-details.ts): for each customer the last readable
 * non-blank value in table order, test accounts left out; unreadable birthdays, join dates and points
 * are counted as `badMemberDetail`, the line itself still used. Values are parsed by the engine's
 * parsers, once per distinct value.
 */
import { NO_DAY } from "../../engine/data/days";
import type { DetectedColumns } from "../../engine/data/columns";
import type { MemberDetails } from "../../engine/data/orders";
import { explainAmount, parseAmount, type AmountParseOptions } from "../../engine/data/parse-amount";
import { explainDate, parseDay, type DateParseOptions } from "../../engine/data/parse-date";
import { parseId } from "../../engine/data/parse-id";
import type { CellValue } from "../../engine/data/table";
import type { DuckDbSession } from "./session";
import { rawBlank, rawText } from "./raw-columns";

/** An unreadable member detail, as the data-quality report shows it. */
export interface BadDetail {
  column: number;
  row: number;
  cell: CellValue;
  note: string;
}

export interface DuckDbMemberDetails {
  details: MemberDetails;
  badCount: number;
  /** The first examples, in the order the engine meets them (column by column, then by row). */
  badExamples: BadDetail[];
}

type NumericRole = "birthday" | "joinDate" | "points";
type TextRole = "tier" | "name" | "phone" | "email" | "store" | "channel";

/** Rows of customers whose details count: an id, and not a test account. */
const MEMBER_ROWS = "c.customer IS NOT NULL AND c.reason IS DISTINCT FROM 'testAccount'";

export interface MemberDetailOptions {
  dates?: DateParseOptions;
  amounts?: AmountParseOptions;
  perReason: number;
  /** Builds a lookup table of the distinct values of a column, parsed in JavaScript. */
  lookup(
    name: string,
    column: string,
    type: string,
    parse: (raw: string) => string | number | null,
  ): Promise<void>;
}

/** Values per kept customer (table ll_customers, in order of first appearance) of an aggregate over member rows. */
async function perKeptCustomer(
  db: DuckDbSession,
  value: string,
  from: string,
  where: string,
): Promise<unknown[]> {
  const result = await db.columns(`SELECT v.value FROM ll_customers k LEFT JOIN (
      SELECT c.customer, arg_max(${value}, c.ll_row) AS value FROM ${from} WHERE ${where} GROUP BY c.customer
    ) v USING (customer) ORDER BY k.customer`);
  return result.value;
}

/** Where a member column's values come from: the member rows joined to the file and to its lookup table. */
const memberRows = (lookupName: string, header: string, join: "JOIN" | "LEFT JOIN") =>
  `ll_rows c JOIN ll_raw r ON r.rowid = c.ll_row ${join} ${lookupName} m ON m.raw = ${rawText(header)}`;

/** A birthday, join date or points column: each kept customer's last readable value; the unreadable ones found. */
async function numericDetail(
  db: DuckDbSession,
  role: NumericRole,
  index: number,
  header: string,
  options: MemberDetailOptions,
  found: { badCount: number; badExamples: BadDetail[] },
): Promise<Float64Array> {
  const isDay = role !== "points";
  const parse = isDay
    ? (cell: CellValue) => parseDay(cell, options.dates)
    : (cell: CellValue) => parseAmount(cell, options.amounts);
  const explain = isDay
    ? (cell: CellValue) => explainDate(cell, options.dates)
    : (cell: CellValue) => explainAmount(cell, options.amounts);
  const lookupName = `ll_member_${role}`;
  await options.lookup(lookupName, header, isDay ? "INTEGER" : "DOUBLE", (raw) => {
    const value = parse(raw);
    return Number.isNaN(value) ? null : value;
  });
  const from = memberRows(lookupName, header, "LEFT JOIN");
  const bad = `${MEMBER_ROWS} AND NOT ${rawBlank(header)} AND m.v0 IS NULL`;
  const badRows = await db.columns(
    `SELECT COUNT(*) OVER () AS n, c.ll_row, ${rawText(header)} AS cell FROM ${from} WHERE ${bad} ORDER BY c.ll_row LIMIT ${options.perReason}`,
  );
  if (badRows.ll_row.length > 0) {
    found.badCount += Number(badRows.n[0]);
    badRows.ll_row.forEach((row, k) => {
      if (found.badExamples.length >= options.perReason) return;
      const cell = badRows.cell[k] as string | null;
      found.badExamples.push({ column: index, row: Number(row), cell, note: `${role}: ${explain(cell)}` });
    });
  }
  const values = await perKeptCustomer(db, "m.v0", from, `${MEMBER_ROWS} AND m.v0 IS NOT NULL`);
  const missing = isDay ? NO_DAY : NaN;
  return Float64Array.from(values, (v) => (v === null || v === undefined ? missing : Number(v)));
}

/** A text detail (tier, name, phone ...): each kept customer's last non-blank value, "" for none. */
async function textDetail(
  db: DuckDbSession,
  role: TextRole,
  header: string,
  options: MemberDetailOptions,
): Promise<string[]> {
  const lookupName = `ll_member_${role}`;
  await options.lookup(lookupName, header, "VARCHAR", (raw) => {
    const value = parseId(raw);
    return value === "" ? null : value;
  });
  const from = memberRows(lookupName, header, "JOIN");
  const values = await perKeptCustomer(db, "m.v0", from, `${MEMBER_ROWS} AND m.v0 IS NOT NULL`);
  return values.map((v) => (v === null || v === undefined ? "" : String(v)));
}

export async function memberDetailsWithDuckDb(
  db: DuckDbSession,
  headers: string[],
  columns: DetectedColumns,
  options: MemberDetailOptions,
): Promise<DuckDbMemberDetails> {
  const found = { badCount: 0, badExamples: [] as BadDetail[] };
  const numeric = async (role: NumericRole): Promise<Float64Array | null> => {
    const index = columns.mapping[role];
    return index === undefined ? null : numericDetail(db, role, index, headers[index], options, found);
  };
  const textual = async (role: TextRole): Promise<string[] | null> => {
    const index = columns.mapping[role];
    return index === undefined ? null : textDetail(db, role, headers[index], options);
  };
  const birthday = await numeric("birthday");
  const joinDay = await numeric("joinDate");
  const points = await numeric("points");
  const details: MemberDetails = {
    birthday: birthday ? Int32Array.from(birthday) : null,
    joinDay: joinDay ? Int32Array.from(joinDay) : null,
    tier: await textual("tier"),
    points,
    name: await textual("name"),
    phone: await textual("phone"),
    email: await textual("email"),
    store: await textual("store"),
    channel: await textual("channel"),
  };
  return { details, badCount: found.badCount, badExamples: found.badExamples };
}

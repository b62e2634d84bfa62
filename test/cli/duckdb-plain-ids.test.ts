/**
 * The order ids the DuckDB reader reads in SQL (src/cli/duckdb/plain-ids.ts) against the engine: every id
 * the SQL calls plain is one that parseId returns unchanged, with the invoice kind invoiceKind gives it,
 * on random text made of the characters that matter (blanks of several scripts, digits, "C", ".", "0").
 */
import fc from "fast-check";
import { openDuckDb } from "../../src/cli/duckdb/session";
import { isCancellationInvoiceSql, isNumericInvoiceSql, plainIdSql } from "../../src/cli/duckdb/plain-ids";
import { parseId } from "../../src/engine/data/parse-id";
import {
  CANCELLATION_INVOICE_ID,
  invoiceKind,
  NUMERIC_INVOICE_ID,
} from "../../src/engine/data/cancellations";

const CHARACTERS = [
  "C",
  "c",
  "0",
  "1",
  "9",
  ".",
  "-",
  "O",
  " ",
  "\t",
  "\n",
  "\u00a0",
  "\u3000",
  "\ufeff",
  "\u2003",
  "号",
  "😀",
  "~",
  "\u007f",
];

/** Each text's SQL verdict: [plain, cancellation invoice, numeric invoice]. */
async function sqlVerdicts(texts: readonly string[]): Promise<[boolean, boolean, boolean][]> {
  const db = await openDuckDb();
  try {
    await db.run("CREATE TABLE t (k INTEGER, raw VARCHAR)");
    await db.append(
      "t",
      texts.map((raw, k) => [k, raw]),
    );
    const result = await db.columns(
      `SELECT ${plainIdSql("raw")} AS plain,
         CASE WHEN ${plainIdSql("raw")} THEN ${isCancellationInvoiceSql("raw")} END AS c,
         CASE WHEN ${plainIdSql("raw")} THEN ${isNumericInvoiceSql("raw")} END AS n
       FROM t ORDER BY k`,
    );
    return texts.map((_, k) => [result.plain[k] === true, result.c[k] === true, result.n[k] === true]);
  } finally {
    db.close();
  }
}

it("an id the SQL reads as plain is parsed and classed by it as the engine does", async () => {
  const texts = fc.sample(
    fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 7 }).map((chars) => chars.join("")),
    { numRuns: 4000, seed: 23 },
  );
  const known = ["O123", "536365", "C536379", " 42", "42 ", "42.0", "42.5", "A1.0", "", "号1", "1\u3000"];
  const all = [...known, ...texts];
  const verdicts = await sqlVerdicts(all);
  const wrong = all.filter((raw, k) => {
    const [plain, c, n] = verdicts[k];
    if (!plain) return false;
    const kind = invoiceKind(raw);
    return (
      parseId(raw) !== raw || c !== (kind === CANCELLATION_INVOICE_ID) || n !== (kind === NUMERIC_INVOICE_ID)
    );
  });
  expect(wrong).toEqual([]);
  // The SQL is of use: the usual ids are plain, and those the engine changes are not.
  expect(verdicts.slice(0, known.length).map(([plain]) => plain)).toEqual([
    true,
    true,
    true,
    false,
    false,
    false,
    true,
    true,
    false,
    false,
    false,
  ]);
  expect(verdicts.slice(0, 3).map(([, c, n]) => [c, n])).toEqual([
    [false, false],
    [false, true],
    [true, false],
  ]);
  // A fair share of the random texts is plain, so the comparison above is not vacuous.
  expect(verdicts.filter(([plain]) => plain).length).toBeGreaterThan(400);
});

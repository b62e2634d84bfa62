/**
 * What every command that reads orders says about the rules that changed or left out lines: the
 * one-line test-account summary on stderr ("left out 3 lines of 2 customers as test accounts ..."), and how
 * amounts, dates and numbers were read.
 */
import type { AmountRule } from "../engine/data/columns";
import type { Formats, TestAccountFound } from "../engine/data/read-orders";
import { counted } from "../engine/text/counted";

/** Ids listed in the one-line summary; the rest are counted. */
const LISTED_IDS = 10;

/** The one-line summary of the test accounts left out, or undefined when there were none. */
export function testAccountLine(found: readonly TestAccountFound[]): string | undefined {
  if (found.length === 0) return undefined;
  const lines = found.reduce((sum, f) => sum + f.lines, 0);
  const rules = [...new Set(found.map((f) => f.rule))].join("; ");
  const ids = found.slice(0, LISTED_IDS).map((f) => f.id);
  const more = found.length > LISTED_IDS ? ` and ${found.length - LISTED_IDS} more` : "";
  return (
    `left out ${counted(lines, "line")} of ${counted(found.length, "customer")} as test accounts ` +
    `(rule: ${rules}): ${ids.join(", ")}${more}; --keep-test-accounts keeps them`
  );
}

const AMOUNT_RULES: Record<AmountRule, string> = {
  amount: "the amount column",
  "quantity × price": "quantity × unit price",
  "quantity × price − discount": "quantity × unit price − discount",
};

/** How the lines were read: the amount rule, order totals, the date order and decimal separator. */
export function readRulesLine(rules: {
  amountRule: AmountRule;
  orderTotals: boolean;
  formats: Formats;
}): string {
  const { formats } = rules;
  const parts = [`amounts from ${AMOUNT_RULES[rules.amountRule]}`];
  if (rules.orderTotals) parts.push("the order total repeated on its lines counted once per order");
  const order = { ymd: "year first", dmy: "day first", mdy: "month first" }[formats.dayOrder];
  parts.push(
    formats.dayOrderFrom
      ? `dates ${order} (as "${formats.dayOrderFrom}" proves; --date-order to change)`
      : `dates ${order}`,
  );
  const separator = formats.decimalComma ? "decimal comma" : "decimal point";
  parts.push(formats.decimalCommaFrom ? `${separator} (as "${formats.decimalCommaFrom}" proves)` : separator);
  return `Lines: ${parts.join("; ")}`;
}

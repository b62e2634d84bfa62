/**
 * What every command that reads orders says about the rules that changed or left out lines: the
 * one-line test-account summary on stderr ("left out 3 lines of 2 customers as test accounts ..."), and how
 * amounts, dates and numbers were read, in the language of --lang (src/engine/text/reading.ts).
 */
import type { TestAccountFound } from "../engine/data/read-orders";
import type { Language } from "../engine/text/language";
import { READING_TEXTS, readRulesParts, type ReadRules } from "../engine/text/reading";

/** Ids listed in the one-line summary; the rest are counted. */
const LISTED_IDS = 10;

/** The one-line summary of the test accounts left out, or undefined when there were none. */
export function testAccountLine(
  found: readonly TestAccountFound[],
  language: Language = "en",
): string | undefined {
  if (found.length === 0) return undefined;
  const texts = READING_TEXTS[language];
  const lines = found.reduce((sum, f) => sum + f.lines, 0);
  const rules = [...new Set(found.map((f) => (language === "zh-CN" ? f.ruleZh : f.rule)))];
  const ids = found.slice(0, LISTED_IDS).map((f) => f.id);
  return texts.testAccounts(
    lines,
    found.length,
    rules.join(texts.ruleSeparator),
    ids.join(texts.listSeparator),
    Math.max(0, found.length - LISTED_IDS),
  );
}

/** How the lines were read: the amount rule, order totals, the date order and decimal separator. */
export function readRulesLine(rules: ReadRules, language: Language = "en"): string {
  return READING_TEXTS[language].lines(readRulesParts(rules, language, true));
}

/**
 * Rules that flag ids of test or junk accounts ("test01", "00000", "123456"). The rule set is data: the
 * caller may extend or replace `DEFAULT_TEST_ACCOUNT_RULES`, e.g. from a settings sheet.
 */
import { DataError } from "./errors";

export interface TestAccountRule {
  /** Short name shown in the data-quality report. */
  name: string;
  nameZh: string;
  /** Regular expression source, tested against the whole id (as text). */
  idPattern?: string;
  /** Regular expression flags, e.g. "i". */
  flags?: string;
  /** Exact ids, compared as text. */
  ids?: readonly string[];
}

export const DEFAULT_TEST_ACCOUNT_RULES: readonly TestAccountRule[] = [
  {
    name: "test word in the id",
    nameZh: "编号含测试字样",
    idPattern: "(^|[^a-z])(test|testing|demo|dummy|sample|fake)([^a-z]|$)|测试|演示",
    flags: "i",
  },
  { name: "one digit repeated", nameZh: "同一数字重复", idPattern: "^(\\d)\\1{4,}$" },
  { name: "counting sequence", nameZh: "顺序数字", idPattern: "^123456(7(89?)?)?$" },
];

/** A compiled rule set: `match(id)` gives the name of the first rule that flags the id, or undefined. */
export interface TestAccountMatcher {
  match(id: string): TestAccountRule | undefined;
}

export function compileTestAccountRules(rules: readonly TestAccountRule[]): TestAccountMatcher {
  const compiled = rules.map((rule, i) => {
    let pattern: RegExp | undefined;
    if (rule.idPattern !== undefined) {
      try {
        pattern = new RegExp(rule.idPattern, rule.flags);
      } catch (e) {
        throw new DataError(`test-account rule ${i + 1} ("${rule.name}"): ${(e as Error).message}`);
      }
    }
    const ids = rule.ids ? new Set(rule.ids) : undefined;
    if (!pattern && !ids)
      throw new DataError(`test-account rule ${i + 1} ("${rule.name}") has no idPattern or ids`);
    return { rule, pattern, ids };
  });
  return {
    match(id: string): TestAccountRule | undefined {
      for (const { rule, pattern, ids } of compiled) {
        if (ids?.has(id) || pattern?.test(id)) return rule;
      }
      return undefined;
    },
  };
}

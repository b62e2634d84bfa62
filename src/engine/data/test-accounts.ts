/**
 * Rules that flag ids of test or junk accounts ("test01", "00000", "guest", a till's walk-in account). The
 * rule set is data: the caller may extend or replace `DEFAULT_TEST_ACCOUNT_RULES`, e.g. from a settings
 * sheet. The defaults never remove a plausible real customer: a repeated-digit or counting id ("11111",
 * "123456") inside a dense run of numeric ids is a member number like its neighbours (CDNOW numbers its
 * 23,570 customers 1..23570, and 11111 and 22222 are real customers).
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
  /** Exact ids, compared as text without regard to case. */
  ids?: readonly string[];
  /** The rule does not apply to a numeric id inside a dense run of numeric ids (see `numericIdSpace`). */
  unlessDenseNumeric?: boolean;
  /**
   * An id with more than this share of the table's lines (0.2 = 20 %), in a table of at least
   * `MIN_CUSTOMERS_FOR_VOLUME` customers: a till's walk-in or staff account, not one customer.
   */
  minShareOfLines?: number;
}

export const DEFAULT_TEST_ACCOUNT_RULES: readonly TestAccountRule[] = [
  {
    name: "test word in the id",
    nameZh: "编号含测试字样",
    idPattern: "(^|[^a-z])(test|testing|demo|dummy|sample|fake)([^a-z]|$)|测试|演示",
    flags: "i",
  },
  {
    name: "placeholder id",
    nameZh: "占位编号",
    ids: [
      "-1", "-", "--", "n/a", "na", "#n/a", "null", "none", "nil", "guest", "unknown", "anonymous", "walk-in",
      "walkin", "cash", "cash customer", "no id", "散客", "游客", "匿名", "无", "未知", "临时客户",
    ], // prettier-ignore
  },
  { name: "zeros only", nameZh: "全为零", idPattern: "^0+$" },
  {
    name: "one digit repeated, outside the numbered customers",
    nameZh: "同一数字重复（不在连续编号内）",
    idPattern: "^(\\d)\\1{4,}$",
    unlessDenseNumeric: true,
  },
  {
    name: "counting sequence, outside the numbered customers",
    nameZh: "顺序数字（不在连续编号内）",
    idPattern: "^123456(7(89?)?)?$",
    unlessDenseNumeric: true,
  },
  {
    name: "absurd volume (over 20 % of all lines)",
    nameZh: "交易量异常（超过全部行的 20%）",
    minShareOfLines: 0.2,
  },
];

/** Below this many customers no id is flagged for its volume: in a small table one customer may be most. */
export const MIN_CUSTOMERS_FOR_VOLUME = 20;

/** What the rules may know about the whole table when they judge one id. */
export interface IdContext {
  /** Whether a numeric id lies inside a dense run of the table's numeric ids. */
  isDenseNumeric(id: string): boolean;
  /** The id's share of the table's lines with an id (0..1). */
  shareOfLines(id: string): number;
  /** Customers in the table. */
  customers: number;
}

/** A compiled rule set: `match(id, context)` gives the first rule that flags the id, or undefined. */
export interface TestAccountMatcher {
  match(id: string, context?: IdContext): TestAccountRule | undefined;
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
    const ids = rule.ids ? new Set(rule.ids.map((id) => id.toLowerCase())) : undefined;
    if (!pattern && !ids && rule.minShareOfLines === undefined)
      throw new DataError(
        `test-account rule ${i + 1} ("${rule.name}") has no idPattern, ids or minShareOfLines`,
      );
    return { rule, pattern, ids };
  });
  return {
    match(id: string, context?: IdContext): TestAccountRule | undefined {
      for (const { rule, pattern, ids } of compiled) {
        let hit = Boolean(ids?.has(id.toLowerCase()) || pattern?.test(id));
        if (!hit && rule.minShareOfLines !== undefined && context) {
          hit =
            context.customers >= MIN_CUSTOMERS_FOR_VOLUME && context.shareOfLines(id) > rule.minShareOfLines;
        }
        if (hit && rule.unlessDenseNumeric && context?.isDenseNumeric(id)) hit = false;
        if (hit) return rule;
      }
      return undefined;
    },
  };
}

/** Numeric ids this long or longer are phone or card numbers, not a numbered sequence. */
const MAX_SEQUENCE_DIGITS = 12;
/** A run of numeric ids is dense when at least this share of the numbers in its span is used. */
const DENSE_SHARE = 0.05;
/** Fewer numeric ids than this say nothing about the id space. */
const MIN_NUMERIC_IDS = 20;

/**
 * Whether numeric ids sit in a dense numbered space: the span from the smallest to the largest numeric id,
 * when at least 5 % of its numbers are ids (CDNOW's sample: 2,357 of 1..23570). A repeated-digit id in
 * that span is a member number like the others.
 */
export function numericIdSpace(ids: readonly string[]): (id: string) => boolean {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const id of ids) {
    if (!isSequenceNumber(id)) continue;
    const n = Number(id);
    if (n < min) min = n;
    if (n > max) max = n;
    count++;
  }
  const dense = count >= MIN_NUMERIC_IDS && count / (max - min + 1) >= DENSE_SHARE;
  return (id) => dense && isSequenceNumber(id) && Number(id) >= min && Number(id) <= max;
}

function isSequenceNumber(id: string): boolean {
  return id.length > 0 && id.length < MAX_SEQUENCE_DIGITS && /^\d+$/.test(id);
}

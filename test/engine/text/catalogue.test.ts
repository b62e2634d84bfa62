/**
 * The catalogue has every key in both languages: the same keys, the same kinds of value (a text, a list of
 * the same length, a function of the same number of arguments), no empty text; and the Chinese texts are
 * Chinese (no English word outside the few kept as they are: RFM, R/F/M, P(alive)'s letters, VIP, ..., and
 * what a user types as it is written: settings, flags, quoted names).
 */
import { CATALOGUE } from "../../../src/engine/text/catalogue";
import { latinWordsOf } from "../../helpers/kept-latin-words";

/** Arguments that are not numbers, by the path of the text function that takes them. */
const ARGUMENTS: Record<string, unknown[][]> = {
  ".benefitCost.why": [[["回测基线只有 12 个月的历史"]]],
  ".benefitCost.backtestPartNote": [true, false].map((existing) => [existing, 826808, 643156]),
  ".benefitCost.reasons.newMembers": [
    [{ existing: { projected: 2, actual: 1, error: 1 }, joined: { projected: 1, actual: 2, error: -0.5 } }],
  ],
  ".benefitCost.sheet.keyResults.chooseOne": [[["基准", "保守", "进取"]]],
  ".benefitCost.sheet.money": (["setting", "column", "amounts", "none"] as const).map((from) => [
    { symbol: "¥", from, column: "D", header: "币种", others: [{ symbol: "$", rows: 8 }] },
  ]),
  // A cell range (A1:AN200) is an address, the same in Chinese Excel: not a word of the text.
  ".benefitCost.sheet.intro": [["〔区域〕"]],
  ".tiers.intro": [true, false].map((rolling) => [
    {
      asOf: "2024-12-31",
      previous: "2023-12-31",
      next: "2025-12-31",
      rolling,
      months: 12,
      every: 12,
      grace: 1,
    },
  ]),
  ".alerts.metric": [
    "rhythmRatio",
    "daysSinceLast",
    "medianIntervalDays",
    "spendChange",
    "spendRecent",
    "spendPrior",
  ].map((metric) => [metric, 90]),
  ".thisWeek.reason.anniversary": [
    [3, "12-31", 0, "membership"],
    [3, "12-31", 2, "firstPurchase"],
  ],
  ".thisWeek.reason.tierDrop": [["铂金", "2025-01-30", "¥500", 2]],
  ".customers.modelBlank": [["BG/NBD 拟合失败。"]],
  ".reading.testAccounts": [
    [3, 2, "占位编号", "11111、22222", 0],
    [30, 12, "占位编号", "散客", 2],
  ],
  ".reading.read": [
    ["订单.csv", "gbk", true, "逗号"],
    ["订单.csv", "gbk", false, "分号"],
  ],
  ".reading.lines": [[["金额取自金额列", "小数点为句点"]]],
  ".reading.provenDates": [
    ["日期按日在前读取", "25/12/2023", true],
    ["日期按日在前读取", "25/12/2023", false],
  ],
  ".reading.provenSeparator": [["小数点为逗号", "12,34"]],
  ".model.intro": [
    ["2024-12-31", "week"],
    ["2024-12-31", "day"],
  ],
  ".model.timeUnit": [["week"], ["month"]],
  ".model.meaning": [["week"], ["day"]],
  ".model.purchasesPer": [["week"], ["day"]],
  ".model.dropOutRatePer": [["week"], ["month"]],
  ".keyDates.missing": [
    [true, false],
    [false, true],
    [false, false],
  ],
};

type Entry = [path: string, en: unknown, zh: unknown];

function walk(en: unknown, zh: unknown, path: string, out: Entry[]): void {
  if (en !== null && typeof en === "object" && !Array.isArray(en)) {
    const keys = new Set([...Object.keys(en), ...Object.keys((zh ?? {}) as object)]);
    for (const k of keys)
      walk((en as Record<string, unknown>)[k], (zh as Record<string, unknown>)?.[k], `${path}.${k}`, out);
    return;
  }
  out.push([path, en, zh]);
}

const entries: Entry[] = [];
walk(CATALOGUE.en, CATALOGUE["zh-CN"], "", entries);

/** Every text in a value: a text, a list of texts, cells with a value and a note. */
function textsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(textsIn);
  return [String(value)];
}

/** What a text function says: with the arguments above, else with numbers (2 and 3: plural and singular 1). */
function samples(path: string, fn: (...args: never[]) => unknown): string[] {
  const calls = ARGUMENTS[path] ?? [1, 3].map((n) => Array.from({ length: fn.length }, () => n));
  return calls.map((args) => {
    return textsIn((fn as (...a: unknown[]) => unknown)(...args)).join(" ");
  });
}

describe("the message catalogue", () => {
  it("has every key in both languages, with the same kind of value", () => {
    expect(entries.length).toBeGreaterThan(200);
    const problems = entries.flatMap(([path, en, zh]) => {
      if (zh === undefined) return [`${path}: missing in zh-CN`];
      if (en === undefined) return [`${path}: missing in en`];
      if (typeof en !== typeof zh) return [`${path}: ${typeof en} in en, ${typeof zh} in zh-CN`];
      if (Array.isArray(en) && (!Array.isArray(zh) || en.length !== zh.length))
        return [`${path}: lists differ`];
      if (typeof en === "function" && en.length !== (zh as () => unknown).length)
        return [`${path}: arguments differ`];
      if (typeof en === "string" && (en.trim() === "" || (zh as string).trim() === ""))
        return [`${path}: empty`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it("says the Chinese texts in Chinese", () => {
    const english = entries.flatMap(([path, , zh]) => {
      const texts =
        typeof zh === "function"
          ? samples(path, zh as (...args: never[]) => unknown)
          : Array.isArray(zh)
            ? zh.map(String)
            : typeof zh === "string"
              ? [zh]
              : [];
      return texts.flatMap((text) => latinWordsOf(text).map((w) => `${path}: ${w}`));
    });
    expect(english).toEqual([]);
  });
});

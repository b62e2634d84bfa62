/**
 * The engine's notes on a cell and its shown values, said in Chinese on the Data quality sheet and in the
 * pane: every note the readers write (parse-date, parse-amount, read-orders, member details) has Chinese
 * words, and what is the user's (a rule they named, the cell's text) is kept.
 */
import { explainAmount } from "../../../src/engine/data/parse-amount";
import { DAY_ORDER_UNKNOWN, explainDate } from "../../../src/engine/data/parse-date";
import { DEFAULT_TEST_ACCOUNT_RULES } from "../../../src/engine/data/test-accounts";
import { qualityNote, qualityValue } from "../../../src/engine/text/data-quality";
import { latinWordsOf } from "../../helpers/kept-latin-words";

const cells = [
  "",
  { error: "#N/A" },
  true,
  1e12,
  new Date(NaN),
  "03/04/2024",
  "2024-02-30",
  "abc",
  "1.234,5",
];

describe("the engine's notes in Chinese", () => {
  it("says every reader's note in Chinese", () => {
    const notes = [
      ...cells.map((c) => explainDate(c)),
      ...cells.map((c) => explainAmount(c)),
      ...cells.map((c) => `quantity: ${explainAmount(c)}`),
      ...cells.map((c) => `birthday: ${explainDate(c)}`),
      ...DEFAULT_TEST_ACCOUNT_RULES.map((r) => `rule: ${r.name}`),
      "after 2024-12-31",
      "counted on the order's first line",
      "cancellation invoice",
      "order status",
      "a return of the same order or day nets it to ≤ 0",
      "300 characters",
      "40,000 characters; cut to 32,767 where a sheet shows it",
    ];
    const english = notes.flatMap((n) =>
      // Excel's own words: its name, its error values, TRUE and FALSE.
      latinWordsOf(qualityNote(n, "zh-CN").replace(/#[A-Z/0!?]+/g, ""))
        .filter((w) => !["Excel", "TRUE", "FALSE"].includes(w))
        .map((w) => `${n} -> ${qualityNote(n, "zh-CN")}: ${w}`),
    );
    expect(english).toEqual([]);
    expect(qualityNote(DAY_ORDER_UNKNOWN, "zh-CN")).toContain("日/月顺序");
    expect(qualityNote("rule: test word in the id", "zh-CN")).toBe("规则：编号含测试字样");
    expect(qualityNote("quantity: not a number", "zh-CN")).toBe("数量：不是数字");
  });

  it("keeps English notes and the user's own words as they are", () => {
    expect(qualityNote("not a date", "en")).toBe("not a date");
    expect(qualityNote("rule: our staff cards", "zh-CN")).toBe("规则：our staff cards");
    expect(qualityValue("(blank)", "zh-CN")).toBe("（空）");
    expect(qualityValue("N/A", "zh-CN")).toBe("N/A");
    expect(qualityValue("ABC… (1,048,576 characters)", "zh-CN")).toBe("ABC…（共 1,048,576 个字符）");
  });
});

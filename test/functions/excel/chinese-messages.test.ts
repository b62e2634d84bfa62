/**
 * Every message a LOYALTY function can show, said in Chinese: one call per error code (for #NUM!, which
 * Excel shows bare, the reason the diagnostics log keeps), made as in Excel whose display language is
 * Chinese. Each message must hold no English word outside the names Excel keeps (parameters, cells,
 * function and model names, the models' symbols) and must differ from the English one. A code added to the
 * catalogue without a call here fails, and no error can be raised without a code (ExcelError takes one).
 */
import { quality, summary } from "../../../src/functions/catalogue/customers";
import { lift } from "../../../src/functions/catalogue/campaigns";
import { bgbb, gammaGamma } from "../../../src/functions/catalogue/models";
import { expected, pAlive, probPurchases } from "../../../src/functions/catalogue/predictions";
import { pareto, rfm, rfmScore } from "../../../src/functions/catalogue/rfm";
import { tier } from "../../../src/functions/catalogue/tiers";
import { avgValue, ltv } from "../../../src/functions/catalogue/value";
import { excelCall } from "../../../src/functions/excel/guard";
import { bgnbd } from "../../../src/functions/catalogue/models";
import { recentDiagnostics } from "../../../src/functions/excel/diagnostics";
import { CATALOGUE } from "../../../src/i18n/catalogue";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../../helpers/kept-latin-words";
import { column, errorIn, excelErrorValue, inOffice } from "../excel-values";
import { cdnowColumns } from "../cdnow-ranges";

const BG = [["BG/NBD", 0.243, 4.414, 0.793, 2.426]];
const PNBD = [["Pareto/NBD", 0.5534, 10.5802, 0.6061, 11.6562]];
const GG = [["Gamma-Gamma", 6.25, 3.74, 15.44]];

/** Names Excel shows as they are, and the models' symbols: taken out before looking for English words. */
const EXCEL_NAMES = [
  "LOYALTY.BGNBD",
  "LOYALTY.TEST",
  "min_purchases",
  "participants",
  "cut_points",
  "customers",
  "thresholds",
  "frequency",
  "purchases",
  "retention",
  "monetary",
  "recency",
  "amounts",
  "values",
  "model",
  "dates",
  "names",
  "start",
  "bins",
  "unit",
  "headers",
  "gg_model",
  "periods",
  // The values a choice takes, an error value, the parameters of a model row, as they are typed.
  "day",
  "week",
  "month",
  "#N/A",
  "alpha",
  "beta",
  "gamma",
  "delta",
];
const SYMBOLS = new Set([...KEPT_FRONT_END_WORDS, "x", "T", "n", "t", "P", "X"]);

function englishIn(message: string): string[] {
  return latinWordsOf(
    EXCEL_NAMES.reduce((m, n) => m.split(n).join(""), message),
    SYMBOLS,
  );
}

const orders = () => [column("A", "B"), column("2024-01-05", "2024-02-01"), column(10, 20)] as const;

/** For each code, a call whose result shows it (in its first cell unless `cell` says otherwise). */
const CALLS: Record<string, (() => unknown[][])[]> = {
  empty: [() => pareto([[]])],
  computed: [() => excelCall("LOYALTY.TEST", () => NaN)],
  notConverged: [() => bgnbd(column(0, 0, 0), column(0, 0, 0), column(10, 10, 10))],
  perpetuity: [() => ltv([[10]], [[2]], [[1]], [[0.3]], [[0]])],
  notVector: [
    () =>
      pareto([
        [1, 2],
        [3, 4],
      ]),
  ],
  notSingle: [() => rfm(column(1), column(1), column(1), [[5, 6]])],
  blank: [() => rfm(column(1, ""), column(1, 2), column(1, 2))],
  notNumber: [() => rfm(column(1, "x"), column(1, 2), column(1, 2))],
  numberRule: [() => rfm(column(1, 2), column(1, 2), column(1, 2), 11)],
  notBoolean: [() => pareto(column(1, 2), null as never, "maybe")],
  notChoice: [() => summary(...orders(), null, "year")],
  notDate: [() => summary(...orders(), "someday")],
  holdsError: [() => rfm(column(1, excelErrorValue("#N/A")), column(1, 2), column(1, 2))],
  refusedLine: [() => summary(column("A", "B"), column("2024-01-05", "2024-02-30"), column(10, 20))],
  nothingToReturn: [() => excelCall("LOYALTY.TEST", () => [])],
  rangeSizes: [() => rfm(column(1, 2), column(1, 2, 3), column(1, 2))],
  rangeDirections: [() => rfm(column(1, 2), [[1, 2]], column(1, 2))],
  orderColumnSizes: [() => summary(column("A", "B"), column("2024-01-05", "2024-02-01"), column(10, 20, 30))],
  notModelRow: [() => pAlive([["x"]], [[1]], [[1]], [[2]])],
  modelRows: [() => pAlive([...BG, ...BG], [[1]], [[1]], [[2]])],
  wrongModel: [() => pAlive(GG, [[1]], [[1]], [[2]])],
  modelCellNotNumber: [() => pAlive([["BG/NBD", "a", 1, 1, 1]], [[1]], [[1]], [[2]])],
  modelParamCount: [() => pAlive([["BG/NBD", 1, 2]], [[1]], [[1]], [[2]])],
  modelParamNotPositive: [() => pAlive([["BG/NBD", -1, 1, 1, 1]], [[1]], [[1]], [[2]])],
  inputRule: [
    () => pAlive(BG, [[1]], [[50]], [[40]]),
    () => pAlive(BG, [[2]], [[0]], [[40]]),
    () => rfmScore(column(1), column(3, 1)),
    () => gammaGamma(column(0, 0), column(0, 0)),
    () => ltv([[10]], [[2]], [[1.2]], [[0.3]], [[0.1]]),
    () => bgbb(column(7), column(2), column(6)),
    () => bgbb(column(2), column(0), column(6)),
    () => avgValue([["Gamma-Gamma", 6.25, 0.5, 15.44]], [[0]], [[0]]),
  ],
  noCustomers: [() => rfm(column(""), column(""), column(""))],
  noNumbers: [() => rfmScore(column(1), column(""))],
  notName: [() => tier(column(100), column(50), [[true, "会员"]])],
  tooFewTiers: [() => tier(column(100), column(50), [["金卡"]])],
  minimumCount: [() => tier(column(100), [[50, 20]], [["金卡", "会员"]])],
  needsPurchases: [() => tier(column(100), [[50]], [["金卡", "会员"]], null as never, [[2]])],
  tierRules: [() => tier(column(100), [[50, 80]], [["金卡", "银卡", "会员"]])],
  noStart: [() => lift(...orders(), column("A"), "")],
  noParticipants: [() => lift(...orders(), column(""), "2024-01-10")],
  partialHistory: [() => expected(BG, [[1]], column(1))],
  bgnbdOnly: [() => probPurchases(PNBD, [[1]], [[1]])],
};

/**
 * Codes no call can show: a fault of ours (internal, unshowable: guard.test.ts makes them), and a model
 * the registry names without an engine (every model has one in this version).
 */
const UNREACHABLE = ["internal", "unshowable", "modelUnavailable"];

/**
 * The message of the error in a result's first cell: what Excel shows with #VALUE! and #N/A, and for #NUM!
 * (which Excel shows bare) the reason the diagnostics log keeps, in the function's language too.
 */
function messageOf(result: unknown[][]): { code?: string; message?: string } {
  const shown = errorIn(result);
  if (shown?.code !== "#NUM!") return { ...shown };
  return { code: shown.code, message: recentDiagnostics("#NUM!")[0]?.message };
}

describe("every message of the functions in Chinese", () => {
  it("has a call for every code of the catalogue", () => {
    const codes = Object.keys(CATALOGUE.en.functions.messages).filter((c) => !UNREACHABLE.includes(c));
    expect(Object.keys(CALLS).sort()).toEqual(codes.sort());
  });

  for (const [code, calls] of Object.entries(CALLS))
    it(`says ${code} in Chinese`, () => {
      for (const call of calls) {
        const zh = messageOf(inOffice("zh-CN", call));
        const en = messageOf(call());
        expect(zh.message).toBeTruthy();
        expect(zh.code).toBe(en.code);
        expect({ message: zh.message, english: englishIn(zh.message ?? "") }).toEqual({
          message: zh.message,
          english: [],
        });
        expect(zh.message).not.toBe(en.message);
      }
    });
});

describe("the words of the functions' results in Chinese", () => {
  /** Every text cell of a result, with the ids and values the user typed taken out. */
  const textsOf = (result: unknown[][], typed: string[]) =>
    result
      .flat()
      .filter((v): v is string => typeof v === "string")
      .flatMap((t) => englishIn(typed.reduce((m, w) => m.split(w).join(""), t)).map((w) => `${t}: ${w}`));

  it("SUMMARY's and PARETO's header rows, a fit's label row and TIER's lapsed tier", () => {
    const [customers, dates, amounts] = orders();
    const headed = inOffice("zh-CN", () => summary(customers, dates, amounts, null, "month", true));
    expect(headed[0]).toEqual([
      "客户",
      "首次购买",
      "最近购买",
      "订单数",
      "x（重复购买天数）",
      "t_x（月）",
      "T（月）",
      "距最近购买天数",
      "消费总额",
      "重复购买平均金额",
    ]);
    expect(summary(customers, dates, amounts, null, "month", true)[0][5]).toBe("t_x (months)");
    expect(inOffice("zh-CN", () => pareto(column(5, 3, 1), null as never, true))[0]).toEqual([
      "前百分比",
      "客户数",
      "价值",
      "价值占比",
    ]);
    const cdnow = cdnowColumns();
    const labelled = inOffice("zh-CN", () => gammaGamma(cdnow.x, cdnow.zbar, null, true));
    expect(labelled[0]).toEqual(["模型", "p", "q", "v", "对数似然"]);
    // The label row above the model row does not stop a prediction reading it.
    expect(typeof avgValue(labelled, [[2]], [[10]])[0][0]).toBe("number");
    const tiers = inOffice("zh-CN", () => tier(column(900, 100), [[500]], [["金卡", "会员"]], column(3, 0)));
    expect(tiers).toEqual([["金卡"], ["流失会员"]]);
  });

  it("QUALITY's table: the Data quality sheet's words, places as the messages say them", () => {
    const q = inOffice("zh-CN", () =>
      quality(
        column("A", "A", "B", ""),
        column("2024-01-05", "2024-01-05", "2024-02-01", ""),
        column(10, 10, -4, ""),
      ),
    );
    expect(q[0]).toEqual(["原因", "数量", "处理方式", "金额", "首个示例"]);
    expect(q[1]).toEqual(["读取行数", 4, "", "", ""]);
    expect(textsOf(q, ["A", "B"])).toEqual([]);
    expect(q.map((row) => row[0])).toContain("退款（负金额）（行）");
  });
});

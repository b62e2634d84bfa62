/**
 * The custom functions' errors in Chinese: in the language of a function's [language] argument, else in
 * Office's display language (the language Excel shows the functions' help in); English outside Office and
 * for an English display. Cell addresses, parameter names and Excel's error values stay as Excel shows them.
 */
import { rfm, rfmSegment } from "../../../src/functions/catalogue/rfm";
import { summary } from "../../../src/functions/catalogue/customers";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../../helpers/kept-latin-words";
import { at, column, errorIn, inOffice } from "../excel-values";

/** Parameter names and cells are Excel's: taken out before looking for English words. */
function englishIn(message: string, names: string[]): string[] {
  return latinWordsOf(
    names.reduce((m, n) => m.split(n).join(""), message),
    KEPT_FRONT_END_WORDS,
  );
}

describe("the functions' errors in Chinese", () => {
  it("follow the [language] argument: a score off the scale, an unknown scheme", () => {
    const r = rfmSegment(column(5, 6), column(5, 5), column(5, 5), null, null, "zh");
    expect(errorIn(r, 1)).toEqual({ code: "#VALUE!", message: "r 的第 2 行 不能大于 5，而不是 6" });
    const scheme = errorIn(rfmSegment([[5]], [[5]], [[5]], "rfm12", null, "中文"));
    expect(scheme).toEqual({
      code: "#VALUE!",
      message: 'scheme："rfm12" 不是可选值之一（rfm11、rfm8）',
    });
  });

  it("follow Office's display language where there is no [language] argument", () => {
    const shown = inOffice("zh-CN", () =>
      errorIn(rfm(column(1, "x"), column(1, 2), column(1, 2), null, at("S!H2:H3"))),
    );
    expect(shown?.code).toBe("#VALUE!");
    expect(shown?.message).toBe('recency（单元格 S!H3）："x" 不是数字');
    const blank = inOffice("zh-TW", () => errorIn(rfm(column(1, ""), column(1, 2), column(1, 2), null)));
    expect(blank?.message).toBe("recency 的第 2 行 为空；这里需要一个数字");
    expect(englishIn(blank!.message, ["recency"])).toEqual([]);
    const bins = inOffice("zh-CN", () => errorIn(rfm(column(1, 2), column(1, 2), column(1, 2), 11)));
    expect(bins?.message).toBe("bins 不能大于 10，而不是 11");
  });

  it("say an order line that cannot be read (an unreadable date) in Chinese, naming its place", () => {
    const dates = column("2024-01-05", "2024-02-30");
    const call = () => errorIn(summary(column("A1", "A2"), dates, column(10, 20)));
    const shown = inOffice("zh-CN", call);
    expect(shown?.code).toBe("#VALUE!");
    expect(shown?.message).toBe('dates 的第 2 行："2024-02-30" 不是日期（日历中没有这一天）');
    expect(englishIn(shown!.message, ["dates"])).toEqual([]);
    expect(call()?.message).toBe('dates, row 2: "2024-02-30" is not a date (no such day in the calendar)');
  });

  it('stay English for an English display language, the [language] argument "en", and outside Office', () => {
    expect(errorIn(rfm(column(1, 2), column(1, 2), column(1, 2), 11))?.message).toBe(
      "bins must be at most 10, not 11",
    );
    const en = inOffice("en-US", () => errorIn(rfm(column(1, 2), column(1, 2), column(1, 2), 11)));
    expect(en?.message).toBe("bins must be at most 10, not 11");
    const chosen = inOffice("zh-CN", () =>
      rfmSegment(column(5, 6), column(5, 5), column(5, 5), null, null, "en"),
    );
    expect(errorIn(chosen, 1)?.message).toBe("r, row 2 must be at most 5, not 6");
  });
});

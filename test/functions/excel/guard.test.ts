import { clearDiagnostics, recentDiagnostics } from "../../../src/functions/excel/diagnostics";
import { codedNumError, codedValueError } from "../../../src/functions/excel/errors";
import { excelCall, excelCallIn } from "../../../src/functions/excel/guard";
import { errorIn } from "../excel-values";
import { DataError } from "../../../src/engine/data/errors";
import { ModelInputError } from "../../../src/engine/models/data";
import { InputRuleError } from "../../../src/engine/text/model-inputs";

describe("the boundary every function goes through", () => {
  beforeEach(() => clearDiagnostics());

  it("turns any thrown error into one error value, never an exception, saying when it is ours", () => {
    const r = excelCall("LOYALTY.TEST", () => {
      throw new TypeError("Cannot read properties of undefined");
    });
    expect(errorIn(r)).toEqual({
      code: "#VALUE!",
      message:
        "LOYALTY.TEST failed: a fault of Loyalty Lens, not of your data; please report it " +
        "(technical detail: Cannot read properties of undefined)",
    });
    expect(errorIn(excelCall("LOYALTY.TEST", () => JSON.parse("{")))?.message).toMatch(
      /^LOYALTY.TEST failed: a fault of Loyalty Lens, not of your data; please report it \(technical detail: /,
    );
    expect(
      errorIn(
        excelCall("LOYALTY.TEST", () => {
          throw "a string";
        }),
      ),
    ).toEqual({
      code: "#VALUE!",
      message:
        "LOYALTY.TEST failed: a fault of Loyalty Lens, not of your data; please report it (technical detail: a string)",
    });
    expect(errorIn(excelCall("LOYALTY.TEST", () => [[{ some: "object" }]]))?.message).toBe(
      "LOYALTY.TEST gave a result Excel cannot show: a fault of Loyalty Lens, not of your data; please report it",
    );
  });

  it("says a fault of ours in the function's language, the JavaScript error's text kept as technical detail", () => {
    const r = excelCallIn("zh-CN", "LOYALTY.TEST", () => {
      throw new TypeError("Cannot read properties of undefined");
    });
    expect(errorIn(r)?.message).toBe(
      "LOYALTY.TEST 出错：这是 Loyalty Lens 的问题，不是您数据的问题；请报告此问题" +
        "（技术信息：Cannot read properties of undefined）",
    );
    expect(errorIn(excelCallIn("zh-CN", "LOYALTY.TEST", () => [[{ some: "object" }]]))?.message).toBe(
      "LOYALTY.TEST 得出了 Excel 无法显示的结果：这是 Loyalty Lens 的问题，不是您数据的问题；请报告此问题",
    );
  });

  it("says input the engine refused with its code in the function's language", () => {
    const refusals = [
      new InputRuleError({ rule: "positiveT", T: -1 }),
      new ModelInputError({
        row: 2,
        field: "T",
        problem: { rule: "positiveT", T: -1 },
        message: "expected T > 0, got -1",
      }),
    ];
    for (const refused of refusals) {
      const thrown = () => {
        throw refused;
      };
      expect(errorIn(excelCall("LOYALTY.X", thrown))?.code).toBe("#VALUE!");
      expect(errorIn(excelCall("LOYALTY.X", thrown))?.message).toContain("expected T > 0, got -1");
      expect(errorIn(excelCallIn("zh-CN", "LOYALTY.X", thrown))?.message).toContain("T 应大于 0，而不是 -1");
    }
    const data = new DataError("Orders: no usable order lines", undefined, {
      code: "summaryNoCustomers",
      source: "Orders",
    });
    const thrown = () => {
      throw data;
    };
    expect(errorIn(excelCall("LOYALTY.X", thrown))).toEqual({ code: "#VALUE!", message: data.message });
    expect(errorIn(excelCallIn("zh-CN", "LOYALTY.X", thrown))?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("says an engine error without a code as a fault of ours: the functions check what a user can get wrong first", () => {
    for (const name of ["RangeError", "DataError", "ModelInputError"]) {
      const unchecked = Object.assign(new Error(`bins must be a whole number (${name})`), { name });
      const thrown = () => {
        throw unchecked;
      };
      expect(errorIn(excelCallIn("zh-CN", "LOYALTY.X", thrown))).toEqual({
        code: "#VALUE!",
        message:
          "LOYALTY.X 出错：这是 Loyalty Lens 的问题，不是您数据的问题；请报告此问题" +
          `（技术信息：bins must be a whole number (${name})）`,
      });
    }
  });

  it("keeps the reason of a #NUM! for the pane, since Excel shows no message with it", () => {
    const r = excelCall("LOYALTY.BGNBD", () => {
      throw codedNumError({
        code: "notConverged",
        model: "BG/NBD",
        reason: "gradient 3e-2 after 200 iterations",
      });
    });
    expect(errorIn(r)).toEqual({ code: "#NUM!", message: "" });
    expect(recentDiagnostics("#NUM!")[0]).toMatchObject({
      fn: "LOYALTY.BGNBD",
      message: "the BG/NBD fit did not converge: gradient 3e-2 after 200 iterations",
    });
  });

  it("makes every cell of a result safe: NaN and Infinity are #NUM!, null is blank, rows are padded", () => {
    const r = excelCall("LOYALTY.TEST", () => [
      [1, NaN],
      [Infinity],
      [null, "a"],
      [codedValueError({ code: "noNumbers", name: "rates" })],
    ]);
    expect(r[0][0]).toBe(1);
    expect(errorIn(r, 0, 1)?.code).toBe("#NUM!");
    expect(errorIn(r, 1, 0)?.code).toBe("#NUM!");
    expect(r[1][1]).toBe("");
    expect(r[2]).toEqual(["", "a"]);
    expect(errorIn(r, 3, 0)).toEqual({ code: "#VALUE!", message: "rates holds no numbers" });
    expect(r.every((row) => row.length === 2)).toBe(true);
  });

  it("returns a single value as a 1 × 1 array, and never an empty array (Excel would show #CALC!)", () => {
    expect(excelCall("LOYALTY.TEST", () => 3)).toEqual([[3]]);
    expect(errorIn(excelCall("LOYALTY.TEST", () => []))?.code).toBe("#N/A");
  });

  it("cuts messages to the length Excel shows", () => {
    const r = excelCall("LOYALTY.TEST", () => {
      throw codedValueError({ code: "empty", name: "x".repeat(400) });
    });
    expect(errorIn(r)!.message.length).toBe(255);
  });
});

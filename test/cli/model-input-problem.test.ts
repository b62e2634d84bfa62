/**
 * Why a model refused its input, as `loyalty fit` says it: from the rule the engine names (a row's field,
 * the penalizer, the spend values), in Chinese words under --lang zh-CN, not the engine's English.
 */
import { fitGammaGamma } from "../../src/engine/models/gammagamma";
import { fitBgnbd } from "../../src/engine/models/bgnbd";
import { ModelInputError } from "../../src/engine/models/data";
import { modelInputProblem } from "../../src/cli/fit-input";
import { InputRuleError } from "../../src/engine/text/model-inputs";
import { latinWordsOf } from "../helpers/kept-latin-words";

/** The problem of what `run` throws. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputRuleError);
    return modelInputProblem(e as InputRuleError);
  }
  throw new Error("the engine took the input");
}

const SYMBOLS = new Set(["x", "t_x", "T", "q"]);

it("says each rule the engine names in Chinese, with the row it is about", () => {
  const row = refusal(() => fitGammaGamma({ x: [2, 1, 3], monetary: [10, 12, Number.NaN] }));
  expect(row).toEqual({
    en: "row 3: the monetary value is not a number",
    "zh-CN": "第 3 行：平均消费金额不是数字",
  });
  const penalizer = refusal(() => fitBgnbd({ x: [1, 0], tx: [3, 0], T: [10, 8] }, { penalizer: -1 }));
  expect(penalizer["zh-CN"]).toBe("惩罚系数应不小于 0，而不是 -1");
  const customer = modelInputProblem(
    new ModelInputError({ row: 4, field: "t_x", problem: { rule: "txWithinT", tx: 9, T: 7 }, message: "x" }),
  );
  expect(customer["zh-CN"]).toBe("第 5 行：t_x 应满足 0 ≤ t_x ≤ T（7），而不是 9");
  for (const p of [row, penalizer, customer]) expect(latinWordsOf(p["zh-CN"], SYMBOLS)).toEqual([]);
});

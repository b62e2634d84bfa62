import { argsOf } from "../../../src/functions/excel/args";
import { modelKindOf, modelLabels, modelRow, parseModelRow } from "../../../src/functions/models/model-row";
import { excelErrorValue } from "../excel-values";

const model = (value: unknown) => argsOf(["model"], [value])["model"];

describe("the model row of SPEC §3", () => {
  it("writes the model's name, its parameters and the log-likelihood", () => {
    expect(modelRow("bgnbd", [0.2426, 4.414, 0.793, 2.426], -9582.43)).toEqual([
      "BG/NBD",
      0.2426,
      4.414,
      0.793,
      2.426,
      -9582.43,
    ]);
    expect(modelLabels("gg")).toEqual(["model", "p", "q", "v", "log-likelihood"]);
  });

  it("reads a fitted row back and knows which model it is", () => {
    const row = parseModelRow(model([modelRow("pnbd", [0.55, 10.58, 0.61, 11.66], -9595)]), ["pnbd"]);
    expect(row).toEqual({
      kind: "pnbd",
      params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.66 },
      values: [0.55, 10.58, 0.61, 11.66],
      logLikelihood: -9595,
    });
  });

  it("reads a row typed by hand: other spellings, text numbers, no log-likelihood, trailing blanks", () => {
    const row = parseModelRow(model([["bg nbd", "0.243", 4.414, 0.793, 2.426, "", ""]]), ["bgnbd"]);
    expect(row.kind).toBe("bgnbd");
    expect(row.values).toEqual([0.243, 4.414, 0.793, 2.426]);
    expect(row.logLikelihood).toBeUndefined();
    expect(modelKindOf("Pareto-NBD")).toBe("pnbd");
    expect(modelKindOf("GG")).toBe("gg");
  });

  it("finds the model row below a label row", () => {
    const row = parseModelRow(
      model([modelLabels("bgbb"), modelRow("bgbb", [1.2, 0.75, 0.66, 2.78], -33225)]),
      ["bgbb"],
    );
    expect(row.params.delta).toBe(2.78);
  });

  it("says what is wrong with a row that is not a model row", () => {
    expect(() => parseModelRow(model([[1, 2, 3]]), ["bgnbd", "pnbd"])).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message:
          "model must be a model row such as LOYALTY.BGNBD returns (its first cell names the model: BG/NBD or " +
          "Pareto/NBD); its first cell is 1",
      }),
    );
    expect(() => parseModelRow(model([modelRow("gg", [6.25, 3.74, 15.44], -4055)]), ["bgnbd"])).toThrow(
      "model is a Gamma-Gamma model; this function needs BG/NBD",
    );
    expect(() => parseModelRow(model([["BG/NBD", 1, 2, 3]]), ["bgnbd"])).toThrow(
      "model: a BG/NBD row holds 4 parameters (r, alpha, a, b) and optionally the log-likelihood; found 3 numbers",
    );
    expect(() => parseModelRow(model([["BG/NBD", 1, -2, 3, 4]]), ["bgnbd"])).toThrow(
      "model: BG/NBD parameter alpha must be positive, not -2",
    );
    expect(() => parseModelRow(model([["BG/NBD", 1, "two", 3, 4]]), ["bgnbd"])).toThrow(
      'model, cell 3: "two" is not a number',
    );
    expect(() =>
      parseModelRow(
        model([
          ["BG/NBD", 1, 2, 3, 4],
          ["BG/NBD", 1, 2, 3, 4],
        ]),
        ["bgnbd"],
      ),
    ).toThrow("model holds 2 model rows; give one");
    expect(() => parseModelRow(model([["BG/NBD", excelErrorValue("#NUM!")]]), ["bgnbd"])).toThrow(
      expect.objectContaining({ code: "#NUM!", message: "model holds #NUM!" }),
    );
  });
});

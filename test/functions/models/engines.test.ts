import { TRANSACTION_MODELS } from "../../../src/functions/models/engines";
import { MODEL_ROWS, type ModelKind } from "../../../src/functions/models/model-row";
import { readTestDataCsv } from "../../helpers/test-data";
import { cdnowColumns } from "../cdnow-ranges";

describe("the engines behind model rows", () => {
  it("name their parameters as the model rows do, in the same order", () => {
    const c = cdnowColumns();
    const first = (col: unknown[][]) => col.map((r) => r[0] as number);
    const cdnow = { x: first(c.x), tx: first(c.tx), T: first(c.T) };
    const donations = readTestDataCsv("donations.csv")
      .slice(1)
      .map((r) => r.map(Number));
    const opportunities = {
      x: donations.map((r) => r[0]),
      tx: donations.map((r) => r[1]),
      T: donations.map((r) => r[2]),
      weights: donations.map((r) => r[3]),
    };
    const kinds = Object.keys(TRANSACTION_MODELS) as ModelKind[];
    expect(kinds).toEqual(expect.arrayContaining(["bgnbd", "pnbd", "mbgnbd", "bgbb"]));
    for (const kind of kinds) {
      const data = kind === "bgbb" ? opportunities : cdnow;
      expect([kind, TRANSACTION_MODELS[kind]!.fit(data, {}).names]).toEqual([kind, MODEL_ROWS[kind].params]);
    }
  });
});

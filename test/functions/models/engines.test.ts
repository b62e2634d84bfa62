import { TRANSACTION_MODELS } from "../../../src/functions/models/engines";
import { MODEL_ROWS, type ModelKind } from "../../../src/functions/models/model-row";
import { cdnowColumns } from "../cdnow-ranges";

describe("the engines behind model rows", () => {
  it("name their parameters as the model rows do, in the same order", () => {
    const c = cdnowColumns();
    const data = {
      x: c.x.map((r) => r[0] as number),
      tx: c.tx.map((r) => r[0] as number),
      T: c.T.map((r) => r[0] as number),
    };
    const kinds = Object.keys(TRANSACTION_MODELS) as ModelKind[];
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    for (const kind of kinds)
      expect([kind, TRANSACTION_MODELS[kind]!.fit(data, {}).names]).toEqual([kind, MODEL_ROWS[kind].params]);
  });
});

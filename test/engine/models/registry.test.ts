/**
 * The model registry: every model fits through the one interface to its published estimates, names its
 * parameters as the model rows do, and is found by every spelling of its name.
 */
import {
  MODEL_NAMES,
  TRANSACTION_MODEL_NAMES,
  modelNamed,
  modelSpec,
  type ModelName,
} from "../../../src/engine/models/registry";
import { TRANSACTION_MODELS } from "../../../src/functions/models/engines";
import { cdnowSummary, donations } from "./cdnow-inputs";

// Published estimates: BG/NBD and Gamma-Gamma on the CDNOW sample (Fader, Hardie & Lee 2005; lifetimes'
// docs), Pareto/NBD (BTYD walkthrough), MBG/NBD (lifetimes), BG/BB on the donations (Fader, Hardie &
// Shang 2010). Relative tolerance per model: the published figures' own precision.
const PUBLISHED: Record<ModelName, { values: number[]; tolerance: number }> = {
  bgnbd: { values: [0.2426, 4.4136, 0.7929, 2.4259], tolerance: 5e-4 },
  // β lies on a flat ridge (standard error about half its value): 0.11 %, as paretonbd.test.ts explains.
  pnbd: { values: [0.5533971, 10.5801985, 0.6060625, 11.6562237], tolerance: 1.1e-3 },
  mbgnbd: { values: [0.5248377256, 6.182988479, 0.8913562809, 1.614000026], tolerance: 2e-3 },
  gg: { values: [6.25, 3.74, 15.44], tolerance: 3e-3 },
  bgbb: { values: [1.203507, 0.7497667, 0.6567568, 2.783887], tolerance: 2e-4 },
};

describe("the model registry", () => {
  const cdnow = cdnowSummary(true);
  const opportunities = donations();

  function fitOf(name: ModelName) {
    const spec = modelSpec(name);
    switch (spec.family) {
      case "transaction":
        return spec.fit({ x: cdnow.x, tx: cdnow.tx, T: cdnow.T });
      case "opportunity":
        return spec.fit(opportunities);
      case "spend": {
        const keep = cdnow.x.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
        return spec.fit({ x: keep.map((i) => cdnow.x[i]), monetary: keep.map((i) => cdnow.zbar[i]) });
      }
    }
  }

  it.each(MODEL_NAMES)("fits %s through the one interface to its published estimates", (name) => {
    const fit = fitOf(name);
    const spec = modelSpec(name);
    expect(fit.model).toBe(name);
    expect(fit.names).toEqual(spec.params);
    expect(fit.converged).toBe(true);
    const { values, tolerance } = PUBLISHED[name];
    fit.values.forEach((v, i) => expect(Math.abs(v / values[i] - 1)).toBeLessThan(tolerance));
  });

  it("finds each model by its label, its key and its aliases, without case or punctuation", () => {
    for (const name of MODEL_NAMES) {
      const spec = modelSpec(name);
      for (const spelling of [spec.label, name, ...spec.aliases, spec.label.toLowerCase()])
        expect([spelling, modelNamed(spelling)]).toEqual([spelling, name]);
      expect(spec.description.en).toContain(spec.label);
      expect(spec.description["zh-CN"]).toContain(spec.label);
    }
    expect(modelNamed("Pareto-NBD")).toBe("pnbd");
    expect(modelNamed("NBD")).toBeUndefined();
  });

  it("gives the custom functions an engine for every purchase model and none for the spend model", () => {
    expect(TRANSACTION_MODEL_NAMES).toEqual(["bgnbd", "pnbd", "mbgnbd"]);
    expect(Object.keys(TRANSACTION_MODELS).sort()).toEqual(["bgbb", "bgnbd", "mbgnbd", "pnbd"]);
  });

  it("simulates each purchase model from its own story with the seed given", () => {
    for (const name of TRANSACTION_MODEL_NAMES) {
      const spec = modelSpec(name);
      if (spec.family !== "transaction") throw new Error("not a purchase model");
      const params = Object.fromEntries(spec.params.map((p, i) => [p, PUBLISHED[name].values[i]]));
      const T = new Float64Array(2000).fill(39);
      const a = spec.simulate(params, T, { seed: 7 });
      const b = spec.simulate(params, T, { seed: 7 });
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      // The mean of x is E[X(39)] of the model: within 4 standard errors of the sample mean.
      const mean = a.x.reduce((s, v) => s + v, 0) / T.length;
      const sd = Math.sqrt(a.x.reduce((s, v) => s + (v - mean) ** 2, 0) / (T.length - 1));
      expect(Math.abs(mean - spec.expectedPurchases(params, 39))).toBeLessThan(
        (4 * sd) / Math.sqrt(T.length),
      );
    }
  });
});

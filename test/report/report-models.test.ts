/** Which fits the report uses: a fit that ran with nothing wrong with it, never one with a problem. */
import type { FitResult } from "../../src/engine/models/types";
import { usableFit } from "../../src/report/report-models";

const FIT: FitResult = {
  model: "bgnbd",
  names: ["r", "alpha", "a", "b"],
  values: [0.24, 4.41, 0.79, 2.43],
  standardErrors: null,
  hessianCondition: Infinity,
  logLikelihood: -9582.43,
  customers: 2357,
  distinctRows: 1000,
  converged: true,
  iterations: 30,
  evaluations: 40,
  stop: { code: "gradient", gradient: 1e-10, tolerance: 1e-9, iterations: 30 },
  reason: "converged",
  penalizer: 0,
};

describe("usableFit", () => {
  it("gives the fit when it ran and has no problem", () => {
    expect(usableFit({ fit: FIT, problem: null })).toBe(FIT);
  });

  it("gives nothing for a fit with a problem, or none at all", () => {
    expect(usableFit({ fit: FIT, problem: "did not converge" })).toBeNull();
    expect(usableFit({ fit: null, problem: "too few customers" })).toBeNull();
  });
});

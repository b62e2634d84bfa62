/**
 * Parameter recovery: 100,000 customers simulated from known parameters, fitted back; every estimate
 * within 3 % of the truth. Observation windows of 100-200 periods give each fit enough information
 * (standard errors of 0.5-2 %) for 3 % to be a real check of the likelihood, not luck.
 */
import { fitBgbb } from "../../../src/engine/models/bgbb";
import { fitBgnbd } from "../../../src/engine/models/bgnbd";
import { fitGammaGamma } from "../../../src/engine/models/gammagamma";
import { fitMbgnbd } from "../../../src/engine/models/mbgnbd";
import { fitParetoNbd } from "../../../src/engine/models/paretonbd";
import {
  simulateBgbb,
  simulateBgnbd,
  simulateGammaGamma,
  simulateMbgnbd,
  simulateParetoNbd,
} from "../../../src/engine/models/simulate";
import type { FitResult } from "../../../src/engine/models/types";

const CUSTOMERS = 100_000;
const T = Float64Array.from({ length: CUSTOMERS }, (_, i) => 100 + (i % 101));

function expectRecovered(fit: FitResult, truth: Record<string, number>): void {
  expect(fit.converged).toBe(true);
  expect(fit.customers).toBe(CUSTOMERS);
  fit.names.forEach((name, i) => {
    const error = Math.abs(fit.values[i] / truth[name] - 1);
    if (!(error < 0.03))
      throw new Error(`${name} = ${fit.values[i]} is ${(error * 100).toFixed(2)} % from ${truth[name]}`);
  });
}

describe("parameter recovery from 100,000 simulated customers", () => {
  it("BG/NBD", () => {
    const truth = { r: 3, alpha: 10, a: 2, b: 10 };
    expectRecovered(fitBgnbd(simulateBgnbd(truth, T, { seed: 11 })), truth);
  });

  it("MBG/NBD", () => {
    const truth = { r: 3, alpha: 10, a: 2, b: 10 };
    expectRecovered(fitMbgnbd(simulateMbgnbd(truth, T, { seed: 12 })), truth);
  });

  it("Pareto/NBD", () => {
    const truth = { r: 2, alpha: 10, s: 2, beta: 60 };
    expectRecovered(fitParetoNbd(simulateParetoNbd(truth, T, { seed: 13 })), truth);
  });

  it("Gamma-Gamma", () => {
    const truth = { p: 2, q: 8, v: 30 };
    const x = Float64Array.from({ length: CUSTOMERS }, (_, i) => 1 + (i % 10));
    expectRecovered(fitGammaGamma({ x, monetary: simulateGammaGamma(truth, x, { seed: 14 }) }), truth);
  });

  it("BG/BB", () => {
    const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    const sim = simulateBgbb(truth, new Float64Array(CUSTOMERS).fill(20), { seed: 15 });
    expectRecovered(fitBgbb(sim), truth);
  });

  it("the simulators are reproducible from their seed", () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.4 };
    const a = simulateBgnbd(truth, T.subarray(0, 1000), { seed: 5 });
    const b = simulateBgnbd(truth, T.subarray(0, 1000), { seed: 5 });
    const c = simulateBgnbd(truth, T.subarray(0, 1000), { seed: 6 });
    expect(Array.from(a.tx)).toEqual(Array.from(b.tx));
    expect(Array.from(a.tx)).not.toEqual(Array.from(c.tx));
  });
});

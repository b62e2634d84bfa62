/**
 * Customer by customer against lifetimes (test/data/cdnow_sample_lifetimes_predictions.csv; its README
 * section says how the file was made): P(alive) and E[X(52) | x, t_x, T] of BG/NBD, MBG/NBD and
 * Pareto/NBD, the Gamma-Gamma expected spend per purchase and the 12-month BG/NBD + Gamma-Gamma CLV, for
 * all 2,357 customers of the CDNOW sample.
 *
 * 1. At lifetimes' own parameters the formulas must agree. The README prints those parameters to 10
 *    significant digits (Pareto/NBD's α and β to 9), so a prediction can move by its sensitivity to that
 *    last digit: measured, at most 4e-10 relative for BG/NBD, MBG/NBD, Gamma-Gamma and CLV, and 2.6e-9 for
 *    Pareto/NBD (customer 1901, x = 21: a relative change of α by 5e-9, half its last printed digit,
 *    moves its P(alive) by up to 4.5e-8). The tolerances below are those bounds, not slack.
 * 2. With our own fits (on the same 2,357 rows), the predictions differ by what the parameters differ
 *    by. BG/NBD and MBG/NBD: both optimisers reach the same maximum to about 1e-6 of each parameter
 *    (measured prediction gap 1.4e-6 and 4.7e-6), tolerance 2e-5. Pareto/NBD: lifetimes' Nelder–Mead
 *    stops with tolerance 1e-4 on a flat ridge in β (β 11.6666 against our 11.6679, 1.1e-4 relative,
 *    our log-likelihood the higher), which moves P(alive) by up to 1.0e-4: tolerance 3e-4, and the test
 *    checks that ours is the higher likelihood. Gamma-Gamma: both reach the maximum to 1e-8 (measured
 *    1.7e-9), tolerance 1e-7.
 */
import { predictCustomers } from "../../../src/engine/models/clv";
import { fitBgnbd } from "../../../src/engine/models/bgnbd";
import { fitMbgnbd } from "../../../src/engine/models/mbgnbd";
import { fitParetoNbd } from "../../../src/engine/models/paretonbd";
import {
  fitGammaGamma,
  gammaGammaExpectedValue,
  type GammaGammaParams,
} from "../../../src/engine/models/gammagamma";
import { namedParams, type Params } from "../../../src/engine/models/model-spec";
import { transactionModelSpec, type TransactionModelName } from "../../../src/engine/models/registry";
import type { FitResult, RfmData } from "../../../src/engine/models/types";
import { readTestDataCsv } from "../../helpers/test-data";

const [header, ...lines] = readTestDataCsv("cdnow_sample_lifetimes_predictions.csv");
const column = (name: string): number[] => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`cdnow_sample_lifetimes_predictions.csv has no column ${name}`);
  return lines.map((cells) => Number(cells[i]));
};

const x = column("x");
const data: RfmData = { x, tx: column("t_x"), T: column("T") };
const zbar = column("zbar");
const ids = column("ID");

/** The parameters lifetimes reached (test/data/README.md). */
const LIFETIMES = {
  bgnbd: { r: 0.2425929283, alpha: 4.413532265, a: 0.7928859664, b: 2.425752383 },
  mbgnbd: { r: 0.5248377256, alpha: 6.182988479, a: 0.8913562809, b: 1.614000026 },
  pnbd: { r: 0.5532836492, alpha: 10.5777349, s: 0.6061735458, beta: 11.6666349 },
  gg: { p: 6.248802496, q: 3.744588461, v: 15.44774806 },
};

/** lifetimes' customer_lifetime_value(time=12, discount_rate=0.01, freq='W'): 12 steps of 4.345 weeks. */
const LIFETIMES_CLV = { periods: 12, periodLength: 4.345, discountRate: 0.01 };

/** The largest relative difference and the customer it is at, for a readable failure. */
function largestGap(ours: ArrayLike<number>, theirs: number[]): { gap: number; customer: number } {
  let gap = 0;
  let customer = 0;
  theirs.forEach((t, i) => {
    const d = Math.abs(ours[i] - t) / Math.abs(t);
    if (!(d <= gap)) {
      gap = d;
      customer = ids[i];
    }
  });
  return { gap, customer };
}

function expectAgreement(ours: ArrayLike<number>, file: string, tolerance: number): void {
  const theirs = column(file);
  expect(ours.length).toBe(theirs.length);
  expect(theirs.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  const { gap, customer } = largestGap(ours, theirs);
  if (!(gap <= tolerance)) {
    throw new Error(`${file}: customer ${customer} differs by ${gap.toExponential(2)} > ${tolerance}`);
  }
}

const TRANSACTION_MODELS: TransactionModelName[] = ["bgnbd", "mbgnbd", "pnbd"];

function spendOf(params: Params): GammaGammaParams {
  return { p: params.p, q: params.q, v: params.v };
}

function checkAll(
  params: Record<TransactionModelName | "gg", Params>,
  tolerance: Record<TransactionModelName | "gg" | "clv", number>,
): void {
  for (const model of TRANSACTION_MODELS) {
    const predicted = predictCustomers({ model, params: params[model] }, data, 52);
    expectAgreement(predicted.probabilityAlive, `${model}_palive`, tolerance[model]);
    expectAgreement(predicted.expectedPurchases, `${model}_expected_52`, tolerance[model]);
  }
  const spend = spendOf(params.gg);
  // Every row, x = 0 included (their expected value is the population mean p·v/(q − 1)).
  const value = x.map((xi, i) => gammaGammaExpectedValue(spend, xi, zbar[i]));
  expectAgreement(value, "gg_expected_value", tolerance.gg);
  const clv = predictCustomers({ model: "bgnbd", params: params.bgnbd }, data, 0, {
    spend,
    monetary: zbar,
    options: LIFETIMES_CLV,
  }).clv;
  expectAgreement(clv as Float64Array, "bgnbd_gg_clv_12m", tolerance.clv);
}

describe("per-customer predictions against lifetimes on the CDNOW sample (2,357 customers)", () => {
  it("holds every customer of the summary, with its inputs", () => {
    expect(lines).toHaveLength(2357);
    expect(x.reduce((s, v) => s + v, 0)).toBe(2457);
  });

  it("agrees at lifetimes' parameters to the precision those parameters are printed with", () => {
    checkAll(LIFETIMES, { bgnbd: 1e-9, mbgnbd: 1e-9, pnbd: 1e-8, gg: 1e-9, clv: 1e-9 });
  });

  describe("with our own fits", () => {
    const fits: Record<TransactionModelName, FitResult> = {
      bgnbd: fitBgnbd(data),
      mbgnbd: fitMbgnbd(data),
      pnbd: fitParetoNbd(data),
    };
    const repeaters = x.flatMap((xi, i) => (xi > 0 ? [i] : []));
    const gg = fitGammaGamma({
      x: repeaters.map((i) => x[i]),
      monetary: repeaters.map((i) => zbar[i]),
    });

    it("converge, at a likelihood at least as high as at lifetimes' parameters", () => {
      for (const model of TRANSACTION_MODELS) {
        const fit = fits[model];
        expect(fit.converged).toBe(true);
        const theirs = transactionModelSpec(model)
          .logLikelihoods(LIFETIMES[model], data)
          .reduce((s, v) => s + v, 0);
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(theirs - 1e-6);
      }
      expect(gg.converged).toBe(true);
    });

    it("agree to what the fitted parameters differ by", () => {
      const params = {
        bgnbd: namedParams(fits.bgnbd.names, fits.bgnbd.values),
        mbgnbd: namedParams(fits.mbgnbd.names, fits.mbgnbd.values),
        pnbd: namedParams(fits.pnbd.names, fits.pnbd.values),
        gg: namedParams(gg.names, gg.values),
      };
      checkAll(params, { bgnbd: 2e-5, mbgnbd: 2e-5, pnbd: 3e-4, gg: 1e-7, clv: 2e-5 });
    });
  });
});

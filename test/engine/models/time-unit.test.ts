/**
 * The time unit does not change what the models predict: t_x and T in days are 7 times their value in
 * weeks (both exact, from whole days), the likelihoods are the same function of the data once α (and β)
 * are scaled by 7, and the starting values scale with the data. So the fits in days and in weeks give
 * the same r, a, b (s), α and β 7 times larger, and the same P(alive) and expected purchases over the
 * same span of days, on the CDNOW sample read from its transactions. The Model sheet says so instead of
 * offering a choice of unit that would change nothing.
 */
import { dayFromYmd } from "../../../src/engine/data/days";
import { predictCustomers } from "../../../src/engine/models/clv";
import { transactionModelSpec, TRANSACTION_MODEL_NAMES } from "../../../src/engine/models/registry";
import { transactionModelOf } from "../../../src/engine/models/transaction-model";
import { calibrationInputs, summarizeCustomers } from "../../../src/engine/summary/customer-summary";
import { cdnowFromTransactions } from "./cdnow-inputs";

const { days } = cdnowFromTransactions();
const inUnit = (unit: "day" | "week") => {
  const inputs = calibrationInputs(summarizeCustomers(days, { asOf: dayFromYmd(1998, 6, 30), unit }));
  return { x: inputs.x, tx: inputs.tX, T: inputs.T };
};
const byDay = inUnit("day");
const byWeek = inUnit("week");

function largestRelativeGap(a: Float64Array, b: Float64Array): number {
  let gap = 0;
  for (let i = 0; i < a.length; i++)
    gap = Math.max(gap, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-12));
  return gap;
}

describe("fits in days and in weeks", () => {
  it("read the same customers, with t_x and T in days 7 times those in weeks", () => {
    expect(byDay.x).toEqual(byWeek.x);
    byDay.T.forEach((t, i) => expect(t).toBeCloseTo(7 * byWeek.T[i], 9));
  });

  it.each(TRANSACTION_MODEL_NAMES)(
    "%s: same shape parameters, time scales 7 times larger, same predictions",
    (name) => {
      const spec = transactionModelSpec(name);
      const day = spec.fit(byDay);
      const week = spec.fit(byWeek);
      expect(day.converged && week.converged).toBe(true);
      expect(day.names).toEqual(week.names);
      day.names.forEach((param, i) => {
        const scale = param === "alpha" || param === "beta" ? 7 : 1;
        // The optimum is known to about 1e-6 of each parameter (the gradient tolerance), in either unit.
        expect(Math.abs(day.values[i] / (scale * week.values[i]) - 1)).toBeLessThan(1e-5);
      });
      // The likelihood is a density in the x purchase times: a day is 1/7 of a week, so each purchase
      // lowers the log-likelihood in days by ln 7, a constant that changes no choice between models.
      const purchases = byWeek.x.reduce((s, x) => s + x, 0);
      expect(week.logLikelihood - day.logLikelihood).toBeCloseTo(purchases * Math.log(7), 3);
      const horizonDays = 90;
      const pDay = predictCustomers(transactionModelOf(day), byDay, horizonDays);
      const pWeek = predictCustomers(transactionModelOf(week), byWeek, horizonDays / 7);
      expect(largestRelativeGap(pDay.probabilityAlive, pWeek.probabilityAlive)).toBeLessThan(1e-5);
      expect(largestRelativeGap(pDay.expectedPurchases, pWeek.expectedPurchases)).toBeLessThan(1e-5);
    },
  );
});

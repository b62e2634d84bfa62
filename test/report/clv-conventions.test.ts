/**
 * One CLV convention (src/engine/models/clv-conventions.ts): the predicted value the report puts on its
 * sheets equals LOYALTY.CLV with its defaults (no horizon, rate, margin or period length given) for the
 * same customer, on the CDNOW sample with the report's default settings. The report's fits are passed
 * to the function as the model rows the fit functions return.
 */
import { dayFromYmd } from "../../src/engine/data/days";
import { CLV_DEFAULTS, monthIn, monthlyRate } from "../../src/engine/models/clv-conventions";
import { calibrationInputs, summarizeCustomers } from "../../src/engine/summary/customer-summary";
import { clv } from "../../src/functions/catalogue/value";
import { modelRow } from "../../src/functions/models/model-row";
import { resolveReportConfig } from "../../src/report/config";
import { fitReportModels, usableFit } from "../../src/report/report-models";
import { cdnowFromTransactions } from "../engine/models/cdnow-inputs";

describe("the report's CLV and LOYALTY.CLV's defaults", () => {
  const { days } = cdnowFromTransactions();
  const summary = summarizeCustomers(days, { asOf: dayFromYmd(1998, 6, 30), unit: "week" });
  const config = resolveReportConfig([]);
  const models = fitReportModels(days, summary, config);
  const inputs = calibrationInputs(summary);

  it("are one convention: 12 months of 365.25/12 days, 10 % a year as its monthly rate, margin 1", () => {
    expect(config.model.clvMonths).toBe(12);
    expect(config.model.annualDiscountRate).toBe(0.1);
    expect(config.model.margin).toBe(1);
    expect(CLV_DEFAULTS).toEqual({ months: 12, annualDiscountRate: 0.1, margin: 1 });
    expect(monthIn("week")).toBeCloseTo(30.4375 / 7, 14);
    expect(monthIn("day")).toBe(30.4375);
    expect(monthIn("month")).toBe(1);
    // (1 + d)^12 = 1.1: twelve monthly steps discount as much as one year at 10 %.
    expect(Math.pow(1 + monthlyRate(0.1), 12)).toBeCloseTo(1.1, 14);
  });

  it("give the same value for the same customer", () => {
    const transaction = usableFit(models.transaction);
    const spend = usableFit(models.spend);
    expect(transaction && spend && models.clv).toBeTruthy();
    if (!transaction || !spend || !models.clv) return;
    const model = [modelRow(transaction.model, transaction.values, transaction.logLikelihood)];
    const gg = [modelRow("gg", spend.values, spend.logLikelihood)];
    // A one-time buyer, a few repeaters and the most frequent buyer.
    const most = inputs.x.indexOf(Math.max(...inputs.x));
    const picks = [0, 1, 2, 9, 99, 1515, most].filter((i) => i < inputs.x.length);
    const col = (a: Float64Array) => picks.map((i) => [a[i]]);
    // Excel passes null for the arguments left out.
    const fromFunction = clv(
      model,
      gg,
      col(inputs.x),
      col(inputs.tX),
      col(inputs.T),
      col(inputs.monetary),
      null,
      null,
      null,
      null,
    );
    picks.forEach((i, k) => {
      const report = models.clv![inputs.customer[i]];
      expect(report).toBeGreaterThan(0);
      expect(Math.abs((fromFunction[k][0] as number) / report - 1)).toBeLessThan(1e-12);
    });
    expect(picks.some((i) => inputs.x[i] === 0)).toBe(true);
  });
});

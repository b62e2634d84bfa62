/**
 * The split of a history into a calibration period and a holdout, one rule for the report's model check
 * and `loyalty fit`: the models are fitted on the customers' purchases up to the calibration end and asked
 * to predict their repeat purchases after it, up to the as-of date.
 */
import { calibrationInputs, summarizeCustomers, type CalibrationInputs } from "./customer-summary";
import type { PurchaseDays } from "./purchase-days";
import { DAYS_PER_UNIT, type TimeUnit } from "./time-unit";

/** Shortest holdout of the automatic split: 8 weeks. */
const MIN_HOLDOUT_DAYS = 56;

/**
 * The automatic holdout: the last quarter of the observed span, at least 8 weeks, in whole time units
 * of `unitDays` days.
 */
export function defaultHoldoutDays(historyDays: number, unitDays: number): number {
  const days = Math.max(historyDays / 4, MIN_HOLDOUT_DAYS);
  return Math.round(Math.ceil(days / unitDays - 1e-9) * unitDays);
}

/** Days from the base's first purchase (up to `asOf`) to `asOf`; NaN when nobody bought by then. */
export function historyDays(days: PurchaseDays, asOf: number): number {
  let first = Infinity;
  for (let c = 0; c < days.customerIds.length; c++) {
    const d = days.day[days.start[c]];
    if (days.start[c] < days.start[c + 1] && d < first && d <= asOf) first = d;
  }
  return Number.isFinite(first) ? asOf - first : NaN;
}

/** The calibration end of the automatic holdout (`defaultHoldoutDays` before `asOf`). */
export function automaticCalibrationEnd(days: PurchaseDays, asOf: number, unit: TimeUnit): number {
  return asOf - defaultHoldoutDays(historyDays(days, asOf), DAYS_PER_UNIT[unit]);
}

/** Every customer's calibration summary up to `calibrationEnd`, with their repeat purchases after it. */
export function calibrationSplit(
  days: PurchaseDays,
  split: { asOf: number; unit: TimeUnit; calibrationEnd: number },
): CalibrationInputs {
  const { asOf, unit, calibrationEnd } = split;
  return calibrationInputs(summarizeCustomers(days, { asOf, unit, calibrationEnd, observationEnd: asOf }));
}

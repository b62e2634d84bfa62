/**
 * Where everything is on the Benefit cost sheet, from the number of tiers k and of periods T. The model
 * keeps to a FIXED footprint, A1:AN200, whatever k and T are, and says so at the top of the sheet: what a
 * user adds below row 200 or right of column AN is never touched by a refresh.
 *
 * Columns: A labels, B values or units, C "now" (period 0), D.. periods 1..T (at most 36: D..AM), then
 * the Total of each line (at most AN).
 */
import { inputError } from "../../input-errors";
import { columnName } from "../../sheet/a1";
import { MAX_PERIODS_ON_SHEET, PROGRAMME_FIELDS, SCENARIO_ROWS, TIER_FIELDS } from "./fields";

export const BENEFIT_COST_FOOTPRINT = "A1:AN200";
export const FOOTPRINT_LAST_ROW = 200;
export const NOW_COL = 3;
export const FIRST_PERIOD_COL = 4;
/** Column widths in characters (A labels, B values, then the periods). */
export const COLUMN_WIDTHS: readonly number[] = [46, 14, ...new Array<number>(38).fill(12)];
/** Key results and charts: the rows the charts cover beside the key results. */
export const KEY_RESULT_LINES = 17;
/** Column of the sensitivity helper, right of the grid (redemption rates and 6 participation rates). */
const SENSITIVITY_HELPER_COL = 10;
/** Rows of the growth causes in the reconciliation. */
const GROWTH_CAUSE_LINES = 5;
/** Rows of the side-by-side comparison (revenue, cost, margin after benefits, net effect, ROI). */
export const COMPARISON_LINES = 5;
/** Rows of the totals by year (revenue, benefit cost, incremental margin, net effect, ROI). */
const YEAR_LINES = 5;

export interface BenefitCostLayout {
  k: number;
  T: number;
  checks: number;
  reconciliationTitle: number;
  /** Header row of the reconciliation table (Total, then the tiers), two lines. */
  reconciliationHeader: number;
  actual: number;
  backtest: number;
  backtestError: number;
  /** The backtest error of the customers of a year before, then of the year's new customers. */
  backtestExisting: number;
  backtestJoined: number;
  next: number;
  growth: number;
  /** First of the GROWTH_CAUSES rows. */
  causes: number;
  verdict: number;
  /** Why the backtest may miss its target (empty when it does not). */
  verdictWhy: number;
  windowNote: number;
  keyTitle: number;
  scenario: number;
  keyFirst: number;
  comparisonTitle: number;
  comparisonHeader: number;
  /** First of the COMPARISON_LINES rows. */
  comparisonFirst: number;
  /** The alternative's two input rows (top tier cost ×, top tier lift ×). */
  alternativeFirst: number;
  programmeTitle: number;
  programmeFirst: number;
  /** Text input: where the spend lift comes from. */
  liftSource: number;
  tierTitle: number;
  /** Header rows: the second line of a two-line header (the first is on the row above). */
  tierHeader: number;
  tierFirst: number;
  tierTotal: number;
  scenarioTitle: number;
  scenarioHeader: number;
  scenarioFirst: number;
  baselineTitle: number;
  baselineInfo: number;
  baselineHeader: number;
  baselineFirst: number;
  observedTitle: number;
  observedHeader: number;
  observedFirst: number;
  observedNew: number;
  /** The used migration sits right of the observed one, from this column. */
  migrationCol: number;
  migrationTitle: number;
  migrationHeader: number;
  migrationFirst: number;
  /** The drivers sit right of the tier assumptions, on their rows, from this column. */
  driversCol: number;
  driversTitle: number;
  driversHeader: number;
  driversFirst: number;
  projectionTitle: number;
  periodHeader: number;
  periodEnds: number;
  /** Year of the horizon each period ends in (written when the horizon is longer than a year). */
  yearRow: number;
  seasonalIndex: number;
  /** Section label rows and the rows of each projection line. */
  membersLabel: number;
  /** First of the K state rows (tiers, then lapsed). */
  members: number;
  membersInTiers: number;
  newMembers: number;
  revenueLabel: number;
  revenueBase: number;
  revenueLift: number;
  revenue: number;
  costLabel: number;
  costDiscount: number;
  costPoints: number;
  costBirthday: number;
  costService: number;
  costActivities: number;
  costFixed: number;
  costProgramme: number;
  costTotal: number;
  costPerMember: number;
  costShareOfRevenue: number;
  resultLabel: number;
  marginBeforeBenefits: number;
  marginAfterBenefits: number;
  incrementalMargin: number;
  netEffect: number;
  roi: number;
  cumulativeCost: number;
  cumulativeNetEffect: number;
  cumulativeRoi: number;
  payback: number;
  discountFactor: number;
  discountedNetEffect: number;
  pointsLabel: number;
  /** First of the k rows of points earned, and of points outstanding. */
  pointsEarned: number;
  pointsOutstanding: number;
  pointsLiability: number;
  /** Totals by year: title, header and the YEAR_LINES rows (0 when the horizon is a year or less). */
  yearsTitle: number;
  yearsFirst: number;
  tierCostTitle: number;
  tierCostHeader: number;
  tierCostFirst: number;
  tierCostTotal: number;
  sensitivityTitle: number;
  /** The sensitivity helper sits right of the grid, from this column. */
  sensitivityHelperCol: number;
  sensitivityHelperHeader: number;
  sensitivityHelperFirst: number;
  gridHeader: number;
  gridFirst: number;
  lastRow: number;
}

/** Column of period t (t = 0: now). */
export function periodColumn(t: number): number {
  return NOW_COL + t;
}

/** Column of the Total of the projection lines: right of the last period. */
export function totalColumn(T: number): number {
  return periodColumn(T) + 1;
}

/** "D12:O12": a projection line over periods 1..T. */
export function periodsRange(row: number, T: number): string {
  return `${columnName(FIRST_PERIOD_COL)}${row}:${columnName(periodColumn(T))}${row}`;
}

export function benefitCostLayout(
  k: number,
  T: number,
  gridRows: number,
  multiYear: boolean,
): BenefitCostLayout {
  if (!(T >= 1 && T <= MAX_PERIODS_ON_SHEET)) {
    throw new RangeError(`the sheet holds 1 to ${MAX_PERIODS_ON_SHEET} periods`);
  }
  const K = k + 1;
  const at = { k, T } as BenefitCostLayout;
  let row = 0;
  const next = (rows = 1) => {
    const first = row + 1;
    row += rows;
    return first;
  };
  const gap = () => next();
  // A table under a title row has a two-line header: its first line, then the header row the layout
  // records (the second line), then `rows` rows. Returns [header row, first row].
  const twoLineHeader = (rows: number): [number, number] => {
    next();
    return [next(), next(rows)];
  };
  // One row each, in this order.
  const lines = (...keys: Exclude<keyof BenefitCostLayout, "k" | "T">[]) => {
    for (const key of keys) at[key] = next();
  };
  next(3); // title, subtitle, note
  at.checks = next();
  gap();
  at.reconciliationTitle = next();
  next();
  lines("reconciliationHeader", "actual", "backtest", "backtestError", "backtestExisting", "backtestJoined");
  lines("next", "growth");
  at.causes = next(GROWTH_CAUSE_LINES);
  lines("verdict", "verdictWhy", "windowNote");
  gap();
  lines("keyTitle", "scenario");
  at.keyFirst = next(KEY_RESULT_LINES);
  gap();
  at.comparisonTitle = next();
  [at.comparisonHeader, at.comparisonFirst] = twoLineHeader(COMPARISON_LINES);
  at.alternativeFirst = next(2);
  gap();
  at.programmeTitle = next();
  at.programmeFirst = next(PROGRAMME_FIELDS.length);
  at.liftSource = next();
  gap();
  at.tierTitle = next();
  [at.tierHeader, at.tierFirst] = twoLineHeader(k);
  at.tierTotal = next();
  // The drivers beside the tier assumptions: the rows are the footprint's scarce resource.
  at.driversCol = 2 + TIER_FIELDS.length + 1;
  [at.driversTitle, at.driversHeader, at.driversFirst] = [at.tierTitle, at.tierHeader, at.tierFirst];
  gap();
  at.scenarioTitle = next();
  [at.scenarioHeader, at.scenarioFirst] = twoLineHeader(SCENARIO_ROWS.length);
  gap();
  at.baselineTitle = next();
  at.baselineInfo = next(3);
  [at.baselineHeader, at.baselineFirst] = twoLineHeader(K);
  gap();
  at.observedTitle = next();
  [at.observedHeader, at.observedFirst] = twoLineHeader(K);
  at.observedNew = next();
  gap();
  at.migrationCol = K + 4;
  [at.migrationTitle, at.migrationHeader, at.migrationFirst] = [
    at.observedTitle,
    at.observedHeader,
    at.observedFirst,
  ];
  gap();
  lines("projectionTitle", "periodHeader", "periodEnds", "yearRow", "seasonalIndex", "membersLabel");
  at.members = next(K);
  lines("membersInTiers", "newMembers");
  lines("revenueLabel", "revenueBase", "revenueLift", "revenue");
  lines("costLabel", "costDiscount", "costPoints", "costBirthday", "costService", "costActivities");
  lines("costFixed", "costProgramme", "costTotal", "costPerMember", "costShareOfRevenue");
  lines("resultLabel", "marginBeforeBenefits", "marginAfterBenefits", "incrementalMargin", "netEffect");
  lines("roi", "cumulativeCost", "cumulativeNetEffect", "cumulativeRoi", "payback");
  lines("discountFactor", "discountedNetEffect");
  at.pointsLabel = next();
  at.pointsEarned = next(k);
  at.pointsOutstanding = next(k);
  at.pointsLiability = next();
  gap();
  if (multiYear) {
    at.yearsTitle = next();
    at.yearsFirst = next(YEAR_LINES + 1) + 1;
    gap();
  } else {
    at.yearsTitle = 0;
    at.yearsFirst = 0;
  }
  at.tierCostTitle = next();
  [at.tierCostHeader, at.tierCostFirst] = twoLineHeader(k);
  at.tierCostTotal = next();
  gap();
  at.sensitivityTitle = next();
  at.gridHeader = next();
  at.gridFirst = next(Math.max(gridRows, k));
  at.sensitivityHelperCol = SENSITIVITY_HELPER_COL;
  [at.sensitivityHelperHeader, at.sensitivityHelperFirst] = [at.gridHeader, at.gridFirst];
  if (row > FOOTPRINT_LAST_ROW) {
    // A tier program may have any number of tiers: too many for the sheet is the user's to change.
    throw inputError("benefitCostTooManyTiers", { lastRow: FOOTPRINT_LAST_ROW, tiers: k, rows: row });
  }
  at.lastRow = row;
  return at;
}

/**
 * Where everything is on the Benefit cost sheet, from the number of tiers k and of periods T. The model
 * keeps to a FIXED footprint, A1:AN200, whatever k and T are, and says so at the top of the sheet: what a
 * user adds below row 200 or right of column AN is never touched by a refresh.
 *
 * Columns: A labels, B values or units, C "now" (period 0), D.. periods 1..T (at most 36: D..AM).
 */
import { MAX_PERIODS } from "../../engine/projection/assumptions";
import { UserError } from "../../user-error";
import { columnName } from "../../sheet/a1";
import { PROGRAMME_FIELDS, SCENARIO_ROWS } from "./fields";

export const BENEFIT_COST_FOOTPRINT = "A1:AN200";
export const FOOTPRINT_LAST_ROW = 200;
export const NOW_COL = 3;
export const FIRST_PERIOD_COL = 4;
/** Column widths in characters (A labels, B values, then the periods). */
export const COLUMN_WIDTHS: readonly number[] = [46, 14, ...new Array<number>(38).fill(12)];
/** Key results and charts: the rows the charts cover beside the key results. */
export const KEY_RESULT_LINES = 13;

export interface BenefitCostLayout {
  k: number;
  T: number;
  checks: number;
  keyTitle: number;
  scenario: number;
  keyFirst: number;
  programmeTitle: number;
  programmeFirst: number;
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
  migrationTitle: number;
  migrationHeader: number;
  migrationFirst: number;
  driversTitle: number;
  driversHeader: number;
  driversFirst: number;
  projectionTitle: number;
  periodHeader: number;
  periodEnds: number;
  /** Section label rows and the rows of each projection line. */
  membersLabel: number;
  /** First of the K state rows (tiers, then lapsed). */
  members: number;
  membersInTiers: number;
  newMembers: number;
  costScale: number;
  revenueLabel: number;
  revenueBase: number;
  revenueLift: number;
  revenue: number;
  costLabel: number;
  costPoints: number;
  costBirthday: number;
  costService: number;
  costActivities: number;
  costFixed: number;
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
  discountFactor: number;
  discountedNetEffect: number;
  pointsLabel: number;
  /** First of the k rows of points earned, and of points outstanding. */
  pointsEarned: number;
  pointsOutstanding: number;
  pointsLiability: number;
  sensitivityTitle: number;
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

/** "D12:O12": a projection line over periods 1..T. */
export function periodsRange(row: number, T: number): string {
  return `${columnName(FIRST_PERIOD_COL)}${row}:${columnName(periodColumn(T))}${row}`;
}

export function benefitCostLayout(k: number, T: number, gridRows: number): BenefitCostLayout {
  if (!(T >= 1 && T <= MAX_PERIODS)) throw new RangeError(`the sheet holds 1 to ${MAX_PERIODS} periods`);
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
  lines("keyTitle", "scenario");
  at.keyFirst = next(KEY_RESULT_LINES);
  gap();
  at.programmeTitle = next();
  at.programmeFirst = next(PROGRAMME_FIELDS.length);
  gap();
  at.tierTitle = next();
  [at.tierHeader, at.tierFirst] = twoLineHeader(k);
  at.tierTotal = next();
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
  at.migrationTitle = next();
  [at.migrationHeader, at.migrationFirst] = twoLineHeader(K);
  gap();
  at.driversTitle = next();
  [at.driversHeader, at.driversFirst] = twoLineHeader(k);
  gap();
  lines("projectionTitle", "periodHeader", "periodEnds", "membersLabel");
  at.members = next(K);
  lines("membersInTiers", "newMembers", "costScale");
  lines("revenueLabel", "revenueBase", "revenueLift", "revenue");
  lines("costLabel", "costPoints", "costBirthday", "costService", "costActivities", "costFixed", "costTotal");
  lines("costPerMember", "costShareOfRevenue");
  lines("resultLabel", "marginBeforeBenefits", "marginAfterBenefits", "incrementalMargin", "netEffect");
  lines("roi", "cumulativeCost", "cumulativeNetEffect", "cumulativeRoi");
  lines("discountFactor", "discountedNetEffect");
  at.pointsLabel = next();
  at.pointsEarned = next(k);
  at.pointsOutstanding = next(k);
  at.pointsLiability = next();
  gap();
  at.sensitivityTitle = next();
  [at.sensitivityHelperHeader, at.sensitivityHelperFirst] = twoLineHeader(k);
  gap();
  at.gridHeader = next();
  at.gridFirst = next(gridRows);
  if (row > FOOTPRINT_LAST_ROW) {
    // A tier program may have any number of tiers: too many for the sheet is the user's to change.
    throw new UserError(
      `the Benefit cost sheet holds the model in rows 1 to ${FOOTPRINT_LAST_ROW}: ${k} tiers need ${row} ` +
        'rows; use fewer tiers, or leave "benefit-cost" out of the sheets the report builds',
    );
  }
  at.lastRow = row;
  return at;
}

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
/** Columns of the baseline's table of chain states: state, members now, average, actual revenue, spend. */
const BASELINE_COLUMNS = 5;
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
  /** Title row of the baseline, and of the two migration matrices beside its table. */
  baselineTitle: number;
  /** As-of date, period length and periods projected, side by side. */
  baselineInfo: number;
  /** The table of the chain's states (tiers' new members, their established ones, lapsed): its header. */
  baselineHeader: number;
  baselineFirst: number;
  /** The entry split of the new members, under the observed migration. */
  observedNew: number;
  /** The observed migration sits right of the baseline's columns, on its rows, from this column. */
  observedCol: number;
  /** The used migration (inputs) sits right of the observed one, on the same rows, from this column. */
  migrationCol: number;
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
  /** First of the 2k + 1 chain state rows (the tiers' new members, their established ones, lapsed). */
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

/** Rows handed out from the top of the sheet, one block after the other. */
class RowCursor {
  row = 0;

  constructor(private readonly at: BenefitCostLayout) {}

  /** The first of the next `rows` rows. */
  next(rows = 1): number {
    const first = this.row + 1;
    this.row += rows;
    return first;
  }

  gap(): void {
    this.next();
  }

  /**
   * A table under a title row has a two-line header: its first line, then the header row the layout
   * records (the second line), then `rows` rows. Returns [header row, first row].
   */
  twoLineHeader(rows: number): [number, number] {
    this.next();
    return [this.next(), this.next(rows)];
  }

  /** One row each, in this order. */
  lines(...keys: Exclude<keyof BenefitCostLayout, "k" | "T">[]): void {
    for (const key of keys) this.at[key] = this.next();
  }
}

/** Title, checks, the reconciliation, the key results and the programmes side by side. */
function topRows(c: RowCursor, at: BenefitCostLayout): void {
  c.next(3); // title, subtitle, note
  at.checks = c.next();
  c.gap();
  at.reconciliationTitle = c.next();
  c.next();
  c.lines(
    "reconciliationHeader",
    "actual",
    "backtest",
    "backtestError",
    "backtestExisting",
    "backtestJoined",
  );
  c.lines("next", "growth");
  at.causes = c.next(GROWTH_CAUSE_LINES);
  c.lines("verdict", "verdictWhy", "windowNote");
  c.gap();
  c.lines("keyTitle", "scenario");
  at.keyFirst = c.next(KEY_RESULT_LINES);
  c.gap();
  at.comparisonTitle = c.next();
  [at.comparisonHeader, at.comparisonFirst] = c.twoLineHeader(COMPARISON_LINES);
  at.alternativeFirst = c.next(2);
  c.gap();
}

/** The programme and tier assumptions (the drivers beside them), the scenarios, the baseline. */
function assumptionRows(c: RowCursor, at: BenefitCostLayout, k: number): void {
  at.programmeTitle = c.next();
  at.programmeFirst = c.next(PROGRAMME_FIELDS.length);
  at.liftSource = c.next();
  c.gap();
  at.tierTitle = c.next();
  [at.tierHeader, at.tierFirst] = c.twoLineHeader(k);
  at.tierTotal = c.next();
  // The drivers beside the tier assumptions, right of the tier fields and the points outstanding per
  // tier: the rows are the footprint's scarce resource.
  at.driversCol = 2 + TIER_FIELDS.length + 2;
  [at.driversTitle, at.driversHeader, at.driversFirst] = [at.tierTitle, at.tierHeader, at.tierFirst];
  c.gap();
  at.scenarioTitle = c.next();
  [at.scenarioHeader, at.scenarioFirst] = c.twoLineHeader(SCENARIO_ROWS.length);
  c.gap();
  const S = 2 * k + 1;
  at.baselineTitle = c.next();
  at.baselineInfo = c.next();
  [at.baselineHeader, at.baselineFirst] = c.twoLineHeader(S);
  at.observedNew = c.next();
  at.observedCol = BASELINE_COLUMNS + 1;
  at.migrationCol = at.observedCol + S + 2;
  c.gap();
}

/** The projection: one row per line, the members block one row per chain state. */
function projectionRows(c: RowCursor, at: BenefitCostLayout, k: number): void {
  c.lines("projectionTitle", "periodHeader", "periodEnds", "yearRow", "seasonalIndex", "membersLabel");
  at.members = c.next(2 * k + 1);
  c.lines("membersInTiers", "newMembers");
  c.lines("revenueLabel", "revenueBase", "revenueLift", "revenue");
  c.lines("costLabel", "costDiscount", "costPoints", "costBirthday", "costService", "costActivities");
  c.lines("costFixed", "costProgramme", "costTotal", "costPerMember", "costShareOfRevenue");
  c.lines("resultLabel", "marginBeforeBenefits", "marginAfterBenefits", "incrementalMargin", "netEffect");
  c.lines("roi", "cumulativeCost", "cumulativeNetEffect", "cumulativeRoi", "payback");
  c.lines("discountFactor", "discountedNetEffect");
  at.pointsLabel = c.next();
  at.pointsEarned = c.next(k);
  at.pointsOutstanding = c.next(k);
  at.pointsLiability = c.next();
  c.gap();
}

/** Totals by year (when the horizon is longer than a year), the cost per tier, the sensitivity table. */
function closingRows(c: RowCursor, at: BenefitCostLayout, k: number, gridRows: number, multiYear: boolean) {
  if (multiYear) {
    at.yearsTitle = c.next();
    at.yearsFirst = c.next(YEAR_LINES + 1) + 1;
    c.gap();
  } else {
    at.yearsTitle = 0;
    at.yearsFirst = 0;
  }
  at.tierCostTitle = c.next();
  [at.tierCostHeader, at.tierCostFirst] = c.twoLineHeader(k);
  at.tierCostTotal = c.next();
  c.gap();
  at.sensitivityTitle = c.next();
  at.gridHeader = c.next();
  at.gridFirst = c.next(Math.max(gridRows, k));
  at.sensitivityHelperCol = SENSITIVITY_HELPER_COL;
  [at.sensitivityHelperHeader, at.sensitivityHelperFirst] = [at.gridHeader, at.gridFirst];
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
  const at = { k, T } as BenefitCostLayout;
  const c = new RowCursor(at);
  topRows(c, at);
  assumptionRows(c, at, k);
  projectionRows(c, at, k);
  closingRows(c, at, k, gridRows, multiYear);
  if (c.row > FOOTPRINT_LAST_ROW) {
    // A tier program may have any number of tiers: too many for the sheet is the user's to change.
    throw inputError("benefitCostTooManyTiers", { lastRow: FOOTPRINT_LAST_ROW, tiers: k, rows: c.row });
  }
  at.lastRow = c.row;
  return at;
}

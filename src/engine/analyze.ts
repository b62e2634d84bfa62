/**
 * The whole descriptive analysis of an order table in one call, as the report builders, the CLI and the
 * benchmark run it: read and clean the table, merge purchase days, summarize customers, score RFM and
 * assign segments and value bands, evaluate tiers, compute monthly KPIs and cohorts, purchase rhythm and
 * alerts, and upcoming key dates. Every step is also available on its own.
 */
import { DataError } from "./data/errors";
import { readOrderTable, type OrderTable, type ReadOrdersOptions } from "./data/read-orders";
import { accountedRows, needsDayOrder } from "./data/quality";
import { sourceOf, type RawTable } from "./data/table";
import { purchaseDaysOf, type PurchaseDays } from "./summary/purchase-days";
import { summarizeCustomers, type CustomerSummary } from "./summary/customer-summary";
import type { TimeUnit } from "./summary/time-unit";
import { monthlyKpis, type MonthlyKpis } from "./summary/kpis";
import { cohortRetention, type CohortRetention } from "./summary/cohorts";
import { scoreRfm, type RfmOptions, type RfmScores } from "./rfm/rfm-scores";
import {
  FOUR_VALUE_CLASSES,
  ONE_EIGHT_ONE,
  RFM_11_SEGMENTS,
  type RfmSegmentScheme,
  type ValueBandScheme,
} from "./rfm/segment-schemes";
import { assignRfmSegments, assignValueBands, type SegmentAssignment } from "./rfm/segments";
import { DEFAULT_TIER_PROGRAM, type TierProgram } from "./tiers/program";
import { evaluateTiers, type TierEvaluation } from "./tiers/evaluate";
import { purchaseRhythm, type PurchaseRhythm } from "./alerts/rhythm";
import { DEFAULT_ALERT_RULES, evaluateAlerts, type AlertList, type AlertRule } from "./alerts/rules";
import { realFirstPurchases, upcomingKeyDates, type KeyDate } from "./keydates/key-dates";
import { counted } from "./text/counted";

export interface AnalysisConfig {
  read?: ReadOrdersOptions;
  /** Time unit of t_x and T (default "week"). */
  unit?: TimeUnit;
  /** End of the calibration period for the models (day number); default the as-of date. */
  calibrationEnd?: number;
  rfm?: RfmOptions;
  /** Default: the 11-segment scheme. */
  segmentScheme?: RfmSegmentScheme;
  /** Value-band schemes applied to net spend. Default: 1-8-1 and the four value classes. */
  valueBands?: readonly ValueBandScheme[];
  /** Default: Platinum / Gold / Silver / Member with thresholds from the data, rolling 12 months. */
  tiers?: TierProgram;
  churnWindowDays?: number;
  alertRules?: readonly AlertRule[];
  /** Days compared by the spend alerts (default 90). */
  spendWindowDays?: number;
  /** Days ahead for key dates (default 30). */
  keyDateDays?: number;
}

export interface Analysis {
  /**
   * "orders" when the analysis was made from order lines; "summary" when from a customer summary (one row
   * per customer, analyze-summary.ts): then `days` holds no purchase day, `table` no order line, and what
   * needs them (KPIs, cohorts, purchase rhythm, alerts, key dates, the tiers at the previous review) is
   * empty; the report says so instead of showing those parts.
   */
  basis: "orders" | "summary";
  table: OrderTable;
  asOf: number;
  days: PurchaseDays;
  summary: CustomerSummary;
  rfm: RfmScores;
  segments: SegmentAssignment;
  valueBands: { scheme: ValueBandScheme; assignment: SegmentAssignment }[];
  tiers: TierEvaluation;
  kpis: MonthlyKpis;
  cohorts: CohortRetention;
  rhythm: PurchaseRhythm;
  alerts: AlertList;
  keyDates: KeyDate[];
}

/** One line on why a table gave nothing to analyze, naming the most frequent problem and a first place. */
export function nothingToAnalyze(table: Pick<OrderTable, "quality">): DataError {
  const { quality } = table;
  const worst = [...quality.findings]
    .filter((f) => f.unit === "rows" && f.action === "dropped" && f.count > 0)
    .sort((a, b) => b.count - a.count)[0];
  const first = worst?.examples[0];
  const detail = worst
    ? `; most rows: ${worst.label.toLowerCase()} (${worst.count}), first at ${first?.where}` +
      (first?.note ? `: ${first.note}` : "")
    : "";
  return new DataError(
    `${quality.source}: no usable order lines among ${counted(quality.rowsRead, "row")}${detail}`,
    needsDayOrder(quality) ? "dayOrder" : undefined,
    {
      code: "noUsableLines",
      ...sourceOf(quality),
      rows: quality.rowsRead,
      ...(worst && first
        ? {
            worst: {
              reason: worst.reason,
              count: worst.count,
              where: first.where,
              at: {
                ...quality.place,
                row: first.row,
                column: first.column,
                ...(first.header && { header: first.header }),
              },
              note: first.note,
            },
          }
        : {}),
    },
  );
}

export function analyzeOrders(raw: RawTable, config: AnalysisConfig = {}): Analysis {
  return analyzeOrderTable(readOrderTable(raw, config.read), config);
}

/**
 * The analysis of an order table already read (`readOrderTable`), for callers that report the reading
 * and the analysis as separate steps or analyze one table under several configurations. `config.read`
 * is not used here.
 */
export function analyzeOrderTable(table: OrderTable, config: AnalysisConfig = {}): Analysis {
  if (table.orders.customerIds.length === 0) throw nothingToAnalyze(table);
  if (accountedRows(table.quality) !== table.quality.rowsRead) {
    throw new Error("internal: the data-quality report does not account for every row");
  }
  const { asOf } = table;
  const days = table.purchaseDays ?? purchaseDaysOf(table.orders);
  const summary = summarizeCustomers(days, {
    asOf,
    unit: config.unit,
    calibrationEnd: config.calibrationEnd,
  });
  const tiers = evaluateTiers(days, config.tiers ?? DEFAULT_TIER_PROGRAM, asOf);
  const derived = customerAnalysis(days, summary, tiers, asOf, config);
  const keyDates = upcomingKeyDates(
    {
      birthday: table.members.birthday,
      joinDay: table.members.joinDay,
      firstDay: realFirstPurchases(summary.firstDay),
    },
    asOf,
    { days: config.keyDateDays, levels: tiers.current },
  );
  return { basis: "orders", table, asOf, days, summary, tiers, ...derived, keyDates };
}

/** What every analysis derives alike from its customers' summary, purchase days and tiers. */
type CustomerAnalysis = Pick<
  Analysis,
  "rfm" | "segments" | "valueBands" | "kpis" | "cohorts" | "rhythm" | "alerts"
>;

/**
 * RFM scores and segments, value bands, monthly KPIs, cohorts, purchase rhythm and alerts: the same
 * steps on order lines and on a customer summary (analyze-summary.ts), whose purchase days are empty.
 */
export function customerAnalysis(
  days: PurchaseDays,
  summary: CustomerSummary,
  tiers: TierEvaluation,
  asOf: number,
  config: AnalysisConfig,
): CustomerAnalysis {
  const rfm = scoreRfm(summary, config.rfm);
  const rhythm = purchaseRhythm(days, asOf, { spendWindowDays: config.spendWindowDays });
  return {
    rfm,
    segments: assignRfmSegments(rfm, config.segmentScheme ?? RFM_11_SEGMENTS),
    valueBands: (config.valueBands ?? [ONE_EIGHT_ONE, FOUR_VALUE_CLASSES]).map((scheme) => ({
      scheme,
      assignment: assignValueBands(summary.spend, scheme),
    })),
    kpis: monthlyKpis(days, { asOf, churnWindowDays: config.churnWindowDays }),
    cohorts: cohortRetention(days, asOf),
    rhythm,
    alerts: evaluateAlerts(rhythm, config.alertRules ?? DEFAULT_ALERT_RULES, tiers),
  };
}

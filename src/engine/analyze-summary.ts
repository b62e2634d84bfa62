/**
 * The analysis of a customer summary (one row per customer, read by read-summary-table.ts) instead of
 * order lines: the customer summary itself, RFM scores and segments, value bands and the tiers held now
 * (from the spend and purchase days of the tier window) are the same numbers as `analyzeOrderTable` gives
 * on the order lines the summary was made from. What needs the purchase days themselves (monthly KPIs,
 * cohorts, purchase rhythm and alerts, key dates, the tiers at the previous review) is left empty, and
 * `basis: "summary"` says so to the report.
 */
import { customerAnalysis, type Analysis, type AnalysisConfig } from "./analyze";
import type { DetectedColumns } from "./data/columns";
import type { OrderTable } from "./data/read-orders";
import type { CustomerSummaryTable } from "./summary/read-summary-table";
import { noOrderLines, type PurchaseDays } from "./summary/purchase-days";
import { SUMMARY_TIER_WINDOW_MONTHS } from "./summary/summary-columns";
import { DEFAULT_TIER_PROGRAM } from "./tiers/program";
import { evaluateTiersOnWindow } from "./tiers/evaluate";
import { DataError } from "./data/errors";
import { sourceOf } from "./data/table";

/** Purchase days of `ids` with no day in them: what a summary knows of the days themselves. */
function noPurchaseDays(ids: readonly string[]): PurchaseDays {
  const n = ids.length;
  return {
    customerIds: ids,
    start: new Int32Array(n + 1),
    day: new Int32Array(0),
    value: new Float64Array(0),
    orders: new Int32Array(0),
    refunds: {
      customerStart: new Int32Array(n + 1),
      day: new Int32Array(0),
      amount: new Float64Array(0),
      sourceRow: new Int32Array(0),
    },
  };
}

/** An order table of the summary's customers without a line: its quality report is the summary's reading. */
function lineLessTable(read: CustomerSummaryTable): OrderTable {
  const ids = read.summary.customerIds;
  const columns: DetectedColumns = { mapping: {}, origin: {}, missing: [] };
  return {
    orders: noOrderLines(ids, noPurchaseDays(ids).refunds),
    members: {
      birthday: null,
      joinDay: null,
      tier: null,
      points: null,
      name: null,
      phone: null,
      email: null,
      store: null,
      channel: null,
    },
    quality: read.quality,
    columns,
    asOf: read.summary.asOf,
    customersWithoutPurchase: [],
    testAccounts: [],
    formats: { dayOrder: "ymd", decimalComma: false },
  };
}

export function analyzeCustomerSummary(read: CustomerSummaryTable, config: AnalysisConfig = {}): Analysis {
  const { summary } = read;
  if (summary.customerIds.length === 0) {
    throw new DataError(`${read.quality.source}: the customer summary has no customer row`, undefined, {
      code: "summaryNoCustomers",
      ...sourceOf(read.quality),
    });
  }
  if (config.unit !== undefined && config.unit !== summary.unit) {
    throw new DataError(
      `${read.quality.source}: the summary was read in ${summary.unit}s but the report's time unit is ${config.unit}`,
      undefined,
      { code: "summaryUnit", ...sourceOf(read.quality), unit: summary.unit, reportUnit: config.unit },
    );
  }
  const { asOf } = summary;
  const days = noPurchaseDays(summary.customerIds);
  const tiers = evaluateTiersOnWindow(
    read.window,
    SUMMARY_TIER_WINDOW_MONTHS,
    config.tiers ?? DEFAULT_TIER_PROGRAM,
    asOf,
  );
  const derived = customerAnalysis(days, summary, tiers, asOf, config);
  return {
    basis: "summary",
    table: lineLessTable(read),
    asOf,
    days,
    summary,
    tiers,
    ...derived,
    keyDates: [],
  };
}

/**
 * The summary a report build returns: the headline numbers (for the CLI's output and --json, and the task
 * pane's result card), the sheets written, and warnings that point at the cells concerned.
 */
import { modelLabel } from "../engine/models/registry";
import { diagnosisText, type FitClass } from "../engine/models/diagnose";
import type { Analysis } from "../engine/analyze";
import { formatDay } from "../engine/data/days";
import {
  needsDayOrder,
  type DataQualityReport,
  type QualityAction,
  type QualityExample,
  type QualityReason,
} from "../engine/data/quality";
import type { CellPlace, TablePlace, TitleRow } from "../engine/data/table";
import type { WriteSheetResult } from "../sheet/port";
import type { AmountRule } from "../engine/data/columns";
import type { Formats, TestAccountFound } from "../engine/data/read-orders";
import type { ProjectionTotals } from "../engine/projection/project";
import type { BenefitCostSheet } from "./benefit-cost/builder";
import type { ModelProblem, ReportModels } from "./report-models";
import type { ContactList } from "./contact-list";
import type { UserErrorDetail } from "../user-error";
import { counted } from "../engine/text/counted";

/** A cell range a warning is about: select it to see the problem. */
export interface WarningPlace {
  sheet: string;
  range: string;
}

export interface ReportWarning {
  message: string;
  /** Absent when the place is not in a workbook (a CSV file: the message names the row and column). */
  where?: WarningPlace;
  /**
   * What it is about, so a display can show it beside that (in its own words and language): a finding with
   * its count, what was done and its first place (`where` in English, `at` as parts), or a renamed sheet.
   */
  about?:
    | {
        finding: QualityReason;
        count?: number;
        action?: QualityAction;
        first?: { where: string; at: CellPlace; note?: string };
      }
    | { renamedSheet: string };
  /**
   * The message as a code and values, for a display in another language (a model that was not used, a
   * typed assumption not kept).
   */
  detail?: ModelProblem | Extract<UserErrorDetail, { code: "assumptionNotKept" }>;
}

export interface ReportSummary {
  /** Where the orders came from. */
  source: string;
  /** "orders", or "summary" when the report was built from a customer summary (no order lines). */
  basis: "orders" | "summary";
  asOf: string;
  customers: number;
  /** Distinct orders (lines sharing an order id on a day count once). */
  orders: number;
  orderLines: number;
  /** Net spend of all customers (purchases minus refunds). */
  revenue: number;
  segments: { key: string; name: string; customers: number }[];
  tiers: { key: string; name: string; customers: number; previous: number }[];
  /** Members with at least one alert. */
  alerts: number;
  /** Who to contact this week: the first few with their reasons and value at risk, and where the list is. */
  contacts: ContactList;
  dataQuality: {
    rowsRead: number;
    purchaseLines: number;
    /** Findings that occurred, by reason. */
    findings: { reason: string; label: string; count: number; unit: string; action: string }[];
    /** Some dates were not read because the day/month order is not set (03/04/2024): set it to read them. */
    needsDayOrder: boolean;
    /** How amounts were found ("amount", "quantity × price"...) and whether they were order totals per line. */
    amountRule: AmountRule;
    orderTotals: boolean;
    /** The date order and decimal separator used, and the value that proved each when inferred. */
    formats: Formats;
    /** The customers left out as test accounts, with the rule and their lines. */
    testAccounts: TestAccountFound[];
    /**
     * Title rows above a header-less table, left out of it (none: absent), with the table's place to say
     * them (engine/text/reading.ts titleRowsSentences).
     */
    titleRows?: { rows: TitleRow[]; source: string; place?: TablePlace };
  };
  /**
   * The purchase model the report uses (chosen on the holdout or forced), its diagnosis and why; `name`
   * is null when none is fit to use.
   */
  model: {
    name: string | null;
    fitted: boolean;
    problem: string | null;
    fitClass: FitClass | null;
    reasons: string[];
    why: string;
    candidates: {
      model: string;
      fitClass: FitClass;
      holdoutError: number | null;
      totalError: number | null;
      meanAbsoluteError: number | null;
      bic: number | null;
    }[];
  } | null;
  sheets: { kind: string; sheetName: string; replaced: boolean; renamed: boolean; keptInputs: string[] }[];
  /** Generated sheets that got another name because a user sheet had theirs. */
  renamedSheets: { kind: string; requested: string; actual: string }[];
  warnings: ReportWarning[];
  seconds: number;
  /**
   * Totals of the benefit-cost projection as the Benefit cost sheet computes them (with the assumptions
   * edited on the sheet); null when the report does not build that sheet.
   */
  projection: ProjectionTotals | null;
}

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** A finding's first example as a place, in English words and as parts. */
function firstPlace(quality: DataQualityReport, e: QualityExample) {
  const at: CellPlace = {
    ...(quality.place ?? { file: quality.source }),
    ...(e.file === undefined ? {} : { file: e.file }),
    row: e.row,
    column: e.column,
    header: e.header,
  };
  return { where: e.where, at, ...(e.note === undefined ? {} : { note: e.note }) };
}

/** Warnings for the data-quality findings that left rows out or changed them, pointing at the first case. */
export function qualityWarnings(analysis: Analysis, sourceSheet: string | undefined): ReportWarning[] {
  const out: ReportWarning[] = [];
  for (const f of analysis.table.quality.findings) {
    if (f.count === 0 || f.reason === "zeroAmount" || f.reason === "memberDetailsOnly") continue;
    const first: QualityExample | undefined = f.examples[0];
    const what = `${counted(f.count, f.unit === "customers" ? "customer" : "row")}: ${f.label.toLowerCase()} (${f.action})`;
    const warning: ReportWarning = {
      // The note says why and, where a setting reads the value, which ("--decimal-comma ... reads it").
      message: first ? `${what}; first at ${first.where}${first.note ? `: ${first.note}` : ""}` : what,
      about: {
        finding: f.reason,
        count: f.count,
        action: f.action,
        ...(first ? { first: firstPlace(analysis.table.quality, first) } : {}),
      },
    };
    if (first && sourceSheet) warning.where = { sheet: sourceSheet, range: `${first.column}${first.row}` };
    out.push(warning);
  }
  return out;
}

/** What the summary says of the analysis and the models, made before the sheets are written. */
export type AnalysisSummary = Omit<ReportSummary, "sheets" | "renamedSheets" | "warnings" | "seconds">;

/**
 * The summary's figures of the analysis and the models: made before the first sheet is written, so that
 * the analysis (at a million customers half a GB) is not kept while the sheets are written and saved.
 */
export function summarizeAnalysis(
  analysis: Analysis,
  models: ReportModels | null,
  contacts: ContactList,
  benefitCost?: BenefitCostSheet,
): AnalysisSummary {
  const { summary, segments, tiers, table } = analysis;
  const segmentCounts = new Int32Array(segments.segments.length);
  for (const g of segments.segment) segmentCounts[g]++;
  let orders = 0;
  let revenue = 0;
  for (let c = 0; c < summary.customerIds.length; c++) {
    orders += summary.orders[c];
    revenue += summary.spend[c];
  }
  return {
    source: table.quality.source,
    basis: analysis.basis,
    asOf: formatDay(analysis.asOf),
    customers: summary.customerIds.length,
    orders,
    orderLines: table.quality.purchaseLines,
    revenue: Math.round(revenue * 100) / 100,
    segments: segments.segments.map((s, g) => ({ key: s.key, name: s.name, customers: segmentCounts[g] })),
    tiers: tiers.categories.map((t, level) => ({
      key: t.key,
      name: t.name,
      customers: tiers.counts[level],
      previous: tiers.previousCounts[level],
    })),
    alerts: new Set(analysis.alerts.customer).size,
    contacts,
    dataQuality: {
      rowsRead: table.quality.rowsRead,
      purchaseLines: table.quality.purchaseLines,
      findings: table.quality.findings
        .filter((f) => f.count > 0)
        .map((f) => ({ reason: f.reason, label: f.label, count: f.count, unit: f.unit, action: f.action })),
      needsDayOrder: needsDayOrder(table.quality),
      amountRule: table.quality.amountRule,
      orderTotals: table.quality.orderTotals,
      formats: table.formats,
      testAccounts: table.testAccounts,
      ...(table.quality.titleRows
        ? {
            titleRows: {
              rows: table.quality.titleRows,
              source: table.quality.source,
              ...(table.quality.place ? { place: table.quality.place } : {}),
            },
          }
        : {}),
    },
    model: models
      ? {
          name: models.choice.chosen ? modelLabel(models.choice.chosen) : null,
          fitted: models.choice.chosen !== null,
          problem: models.transaction.problem ?? models.spend.problem,
          fitClass: models.transaction.diagnosis?.fitClass ?? null,
          reasons: (models.transaction.diagnosis?.reasons ?? []).map((r) => diagnosisText(r, "en")),
          why: models.choice.why.en,
          candidates: models.choice.candidates.map((c) => ({
            model: modelLabel(c.model),
            fitClass: c.diagnosis.fitClass,
            holdoutError: finite(c.binnedError),
            totalError: finite(c.totalError),
            meanAbsoluteError: finite(c.meanAbsoluteError),
            bic: finite(c.bic),
          })),
        }
      : null,
    projection: benefitCost ? benefitCost.projection.totals : null,
  };
}

/** The whole summary: the analysis's, with the sheets written, the warnings and the build's seconds. */
export function summarize(
  analysis: AnalysisSummary,
  written: WriteSheetResult[],
  warnings: ReportWarning[],
  seconds: number,
): ReportSummary {
  const { projection, ...figures } = analysis;
  return {
    ...figures,
    sheets: written.map((w) => ({
      kind: w.kind,
      sheetName: w.sheetName,
      replaced: w.replaced,
      renamed: w.renamed,
      keptInputs: w.keptInputs,
    })),
    renamedSheets: written
      .filter((w) => w.renamed)
      .map((w) => ({ kind: w.kind, requested: w.requestedName, actual: w.sheetName })),
    warnings,
    seconds: Math.round(seconds * 1000) / 1000,
    projection,
  };
}

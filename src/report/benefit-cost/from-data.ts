/**
 * The Benefit cost sheet for analysed orders and the input cells of the sheet already in the workbook: the
 * baseline is made from the data again (so a refresh updates it) with the number and length of periods
 * the user set, and every assumption the user edited replaces its default (so a refresh keeps the finance
 * work, and the engine's values match what the spreadsheet recalculates).
 */
import type { Analysis } from "../../engine/analyze";
import { defaultAssumptions, type ProjectionAssumptions } from "../../engine/projection/assumptions";
import { projectionBaseline } from "../../engine/projection/baseline";
import { reconcile } from "../../engine/projection/reconciliation";
import type { Workbook } from "../../sheet/port";
import { BENEFIT_COST_KIND, benefitCostSheet, type BenefitCostSheet } from "./builder";
import { assumptionsWithInputs, benefitCostSettings, type SheetInput } from "./inputs";
import { inputCells } from "../../sheet/sheet-model-cells";
import type { Language } from "../../engine/text/language";
import type { ReportCurrency } from "../report-currency";

export interface BenefitCostData {
  analysis: Pick<Analysis, "days" | "tiers" | "table">;
  /** The input cells of the existing sheet (Workbook.readInputs), empty for a first build. */
  inputs: readonly SheetInput[];
  /** Name of the existing sheet, for messages about its cells. */
  sheetName: string;
  /** Where the data came from, for the subtitle. */
  source?: string;
  /** The currency of the money and where it came from (absent: none). */
  currency?: ReportCurrency;
  /**
   * A lift measured on a campaign (LL Campaigns) to use as every tier's spend lift, with the words that say
   * where it came from. It replaces the DEFAULT lift only: a lift the user typed on the sheet is kept.
   */
  measuredLift?: MeasuredLift;
  /** Language of the sheet's words (default English). */
  language?: Language;
}

export interface MeasuredLift {
  value: number;
  source: string;
}

export function benefitCostSheetFromData(data: BenefitCostData): BenefitCostSheet {
  const { analysis, inputs, sheetName } = data;
  const settings = benefitCostSettings(inputs, sheetName);
  const baseline = projectionBaseline(analysis.days, analysis.tiers, {
    periodMonths: settings.periodMonths,
    points: analysis.table.members.points,
  });
  const language = data.language ?? "en";
  const defaults = withMeasuredLift(defaultAssumptions(baseline, settings.periods), data.measuredLift);
  const assumptions = assumptionsWithInputs(defaults, baseline, inputs, sheetName);
  const reconciliation = reconcile(analysis.days, analysis.tiers.program, baseline);
  const sheet = benefitCostSheet({
    baseline,
    assumptions,
    source: data.source,
    reconciliation,
    currency: data.currency?.symbol,
    currencyOrigin: data.currency?.origin,
    liftSource: data.measuredLift?.source,
    language,
  });
  return { ...sheet, unusedEdits: unusedEdits(inputs, sheet) };
}

/** Every tier's default spend lift set to the measured one (a negative lift counts as none). */
function withMeasuredLift(
  defaults: ProjectionAssumptions,
  measured: MeasuredLift | undefined,
): ProjectionAssumptions {
  if (!measured) return defaults;
  const spendLift = Math.max(0, measured.value);
  return { ...defaults, tiers: defaults.tiers.map((t) => ({ ...t, spendLift })) };
}

/**
 * Values the user typed into input cells the rebuilt sheet no longer has (a tier that is gone, the cost
 * growth coefficient that costs per tier replaced): a refresh cannot keep them, so the report says so.
 */
function unusedEdits(inputs: readonly SheetInput[], sheet: BenefitCostSheet): SheetInput[] {
  const keys = new Set(inputCells(sheet.model).keys());
  const typed = (v: SheetInput["value"]) => v !== null && v !== undefined && v !== "";
  return inputs.filter((input) => input.edited && typed(input.value) && !keys.has(input.key));
}

/**
 * The sheet for a workbook: the input cells of its Benefit cost sheet (if it has one) read and applied.
 * Throws a UserError naming the cell when an edited assumption is not usable.
 */
export async function benefitCostSheetForWorkbook(
  workbook: Pick<Workbook, "listGeneratedSheets" | "readInputs">,
  analysis: BenefitCostData["analysis"],
  source?: string,
  currency?: ReportCurrency,
  measuredLift?: MeasuredLift,
  language?: Language,
): Promise<BenefitCostSheet> {
  const existing = (await workbook.listGeneratedSheets()).find((s) => s.kind === BENEFIT_COST_KIND);
  const inputs = existing ? await workbook.readInputs(BENEFIT_COST_KIND) : [];
  return benefitCostSheetFromData({
    analysis,
    inputs,
    sheetName: existing?.sheetName ?? "",
    source,
    currency,
    measuredLift,
    language,
  });
}

/**
 * The BENEFIT COST sheet: a finance model of live Excel formulas. Assumptions are input cells (orange,
 * named ranges, kept on refresh); the baseline from the data is written as values; the projection, the
 * key results and the sensitivity table are formulas that compute exactly what src/engine/projection
 * computes (see the formulas there). Only functions of Excel 2016 and LibreOffice, none volatile: SUM,
 * SUMPRODUCT, SUMIF, INDEX, MATCH, MIN, MAX, IF, ABS, AND, ISNUMBER, TEXT, NPV.
 *
 * The builder also returns, for every formula cell, the value the engine gives it: written as the cached
 * result (readers that do not recalculate show it) and compared by the tests with LibreOffice's own
 * recalculation of the file.
 */
import { runProjection, type Projection } from "../../engine/projection/project";
import { sensitivityGrid, type SensitivityGrid } from "../../engine/projection/sensitivity";
import { SHEET_NAMES, type SheetKind } from "../sheet-kinds";
import type { NumberFormat, SheetModel } from "../../sheet/sheet-model";
import {
  baselineSection,
  observedMigrationSection,
  programmeSection,
  scenarioSection,
  tierSection,
  usedMigrationSection,
} from "./assumption-sections";
import type { Expected } from "./grid";
import { BENEFIT_COST_FOOTPRINT, benefitCostLayout, COLUMN_WIDTHS, type BenefitCostLayout } from "./layout";
import { driversSection, projectionSection, tierCostSection, yearsSection } from "./projection-section";
import { comparisonSection, reconciliationSection } from "./reconciliation-section";
import { FORMATS, moneyFormats } from "./fields";
import {
  benefitCostCharts,
  checksSection,
  keyResultsSection,
  sensitivitySection,
  titleSection,
} from "./result-sections";
import { BenefitCostWriter, type BenefitCostSheetInput } from "./writer";
import type { SheetInput } from "./inputs";

export type { BenefitCostSheetInput } from "./writer";

export const BENEFIT_COST_KIND = "benefit-cost" satisfies SheetKind;
export const BENEFIT_COST_SHEET_NAME = SHEET_NAMES[BENEFIT_COST_KIND];

export interface BenefitCostSheet {
  model: SheetModel;
  /** The baseline and the assumptions the sheet was built with. */
  input: BenefitCostSheetInput;
  projection: Projection;
  sensitivity: SensitivityGrid;
  layout: BenefitCostLayout;
  /** Address -> the value the engine gives the formula there. */
  expected: Map<string, Expected>;
  /** Input cells the user edited on the sheet being refreshed that this sheet no longer has. */
  unusedEdits?: readonly SheetInput[];
}

/** The Benefit cost sheet for a baseline and assumptions (runs the engine's projection for the values). */
/** The placeholder money formats, each with its currency version. */
function moneyFormatsFor(currency: string): Map<NumberFormat, NumberFormat> {
  const formats = moneyFormats(currency);
  return new Map<NumberFormat, NumberFormat>([
    [FORMATS.money, formats.money],
    [FORMATS.money2, formats.money2],
  ]);
}

export function benefitCostSheet(input: BenefitCostSheetInput): BenefitCostSheet {
  const projection = runProjection(input.baseline, input.assumptions);
  const sensitivity = sensitivityGrid(input.baseline, input.assumptions);
  const layout = benefitCostLayout(
    input.baseline.tierCount,
    input.assumptions.periods,
    input.assumptions.sensitivity.redemptionRates.length,
    projection.years.length > 1,
  );
  const w = new BenefitCostWriter(input, projection, sensitivity, layout);
  for (const section of [
    titleSection,
    checksSection,
    reconciliationSection,
    keyResultsSection,
    comparisonSection,
    programmeSection,
    tierSection,
    scenarioSection,
    baselineSection,
    observedMigrationSection,
    usedMigrationSection,
    driversSection,
    projectionSection,
    yearsSection,
    tierCostSection,
    sensitivitySection,
  ]) {
    section(w);
  }
  w.grid.replaceFormats(moneyFormatsFor(input.currency ?? ""));
  const model: SheetModel = {
    kind: BENEFIT_COST_KIND,
    name: BENEFIT_COST_SHEET_NAME,
    blocks: [w.grid.block()],
    columnWidths: [...COLUMN_WIDTHS],
    freeze: { rows: 0, cols: 1 },
    conditionalFormats: w.conditionalFormats,
    charts: benefitCostCharts(w),
    names: w.names,
    validations: w.validations,
    tabColor: "#70AD47",
    showGridLines: false,
    print: { orientation: "landscape", fitToWidth: true },
    footprint: BENEFIT_COST_FOOTPRINT,
  };
  return { model, input, projection, sensitivity, layout, expected: w.grid.expected };
}

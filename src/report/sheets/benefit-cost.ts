/** The Benefit cost sheet of the report: the finance model of live formulas (src/report/benefit-cost). */
import { benefitCostSheetFromData } from "../benefit-cost/from-data";
import type { ReportData } from "../report-data";
import type { SheetModel } from "../../sheet/sheet-model";

export function buildBenefitCostSheet(data: ReportData): SheetModel {
  const sheet =
    data.benefitCost ??
    benefitCostSheetFromData({
      analysis: data.analysis,
      inputs: [],
      sheetName: "",
      source: data.source,
      currency: data.currency ?? { symbol: data.config.currency, origin: { kind: "setting" } },
      language: data.config.language,
    });
  return sheet.model;
}

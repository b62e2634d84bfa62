/**
 * The Benefit cost sheet's spend lift taken from a measured campaign, with one setting:
 * `campaigns.liftForBenefitCost` names the campaign (as on LL Campaigns). The lift cell's source then
 * says which campaign, its lift and interval, and where to see them.
 */
import type { MeasuredLift } from "./benefit-cost/from-data";
import type { ReportConfig } from "./config";
import type { ReportCampaigns } from "./report-campaigns";
import { inputError } from "../input-errors";

const pct = (v: number) => `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)} %`;

/** Undefined when the setting names no campaign; a UserError when it names one that was not measured. */
export function measuredLiftFor(
  campaigns: ReportCampaigns | null,
  config: ReportConfig,
): MeasuredLift | undefined {
  const wanted = config.campaigns.liftForBenefitCost;
  if (wanted === null) return undefined;
  const measures = campaigns?.measures ?? [];
  const m = measures.find((x) => x.campaign.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (!m) {
    throw inputError("liftCampaignUnknown", { campaign: wanted, known: measures.map((x) => x.campaign) });
  }
  if (!Number.isFinite(m.lift.estimate)) {
    throw inputError("liftNotMeasured", { campaign: m.campaign });
  }
  const interval = `95 %: ${pct(m.lift.low)} to ${pct(m.lift.high)}`;
  const zh = config.language === "zh-CN";
  const source = zh
    ? `实测：活动“${m.campaign}”提升 ${pct(m.lift.estimate)}（${interval}${m.measurable ? "" : "，包含 0"}），见“活动效果”表` +
      (m.lift.estimate < 0 ? "；负值按 0 计" : "")
    : `measured: campaign "${m.campaign}", ${pct(m.lift.estimate)} (${interval}${m.measurable ? "" : ", includes 0"}), ` +
      "see LL Campaigns" +
      (m.lift.estimate < 0 ? "; a negative lift counts as 0" : "");
  return { value: m.lift.estimate, source };
}

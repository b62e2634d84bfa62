/**
 * The next category to offer a member, as words for a suggested action ("offer Skincare", "推荐：护肤"):
 * the one definition the Customers and This week sheets share (engine/preferences/preferences.ts picks it).
 */
import type { Language } from "../engine/text/language";
import type { ReportData } from "./report-data";

/** "" when the report has no preferences or nothing to offer this member. */
export function nextOfferText(
  data: Pick<ReportData, "preferences">,
  customer: number,
  language: Language,
): string {
  const prefs = data.preferences;
  const k = prefs ? prefs.next.category[customer] : -1;
  if (!prefs || k < 0) return "";
  const name = prefs.members.categories[k];
  return language === "zh-CN" ? `推荐：${name}` : `offer ${name}`;
}

/**
 * The sheets a full report writes, in the order it writes them, named as the user sees them. Written out
 * here on purpose, not derived from src/report/sheet-kinds.ts: a renamed or reordered sheet is a change
 * users see, and the tests of a full report (CLI report and demo, buildReport) should fail for it.
 */
export const REPORT_SHEETS: readonly string[] = [
  "LL Customers",
  "LL Segments",
  "LL Tiers",
  "LL KPIs",
  "LL Alerts",
  "LL Key dates",
  "LL Preferences",
  "LL Campaigns",
  "LL Model",
  "LL Benefit cost",
  "LL Data quality",
];

/**
 * The generated sheets of the report: their kind (the identity the workbook finds them by), the visible
 * name (the workbook adds the "LL " prefix) and the words a user may type for them in `--sheets`.
 */
export const SHEET_KINDS = [
  "customers",
  "segments",
  "tiers",
  "kpis",
  "alerts",
  "key-dates",
  "preferences",
  "campaigns",
  "model",
  "benefit-cost",
  "data-quality",
] as const;

export type SheetKind = (typeof SHEET_KINDS)[number];

export const SHEET_NAMES: Readonly<Record<SheetKind, string>> = {
  customers: "Customers",
  segments: "Segments",
  tiers: "Tiers",
  kpis: "KPIs",
  alerts: "Alerts",
  "key-dates": "Key dates",
  preferences: "Preferences",
  campaigns: "Campaigns",
  model: "Model",
  "benefit-cost": "Benefit cost",
  "data-quality": "Data quality",
};

/** "Key dates", "key_dates", "KeyDates" and "key-dates" all name the same sheet. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The kind a user means by `text` (a kind or a sheet name, with or without the "LL " prefix). */
export function sheetKindOf(text: string): SheetKind | undefined {
  const wanted = squash(text.replace(/^LL\s+/i, ""));
  return SHEET_KINDS.find((k) => squash(k) === wanted || squash(SHEET_NAMES[k]) === wanted);
}

export function isSheetKind(text: string): text is SheetKind {
  return (SHEET_KINDS as readonly string[]).includes(text);
}

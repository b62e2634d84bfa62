/**
 * Keys of the input cells of the generated sheets: the stable names by which a rebuild finds a user's
 * edits (see CellSpec.input), whatever row the cell is on this time.
 */
export const TIER_INPUTS = {
  minSpend: (tierKey: string) => `tiers.${tierKey}.minSpend`,
  minPurchaseDays: (tierKey: string) => `tiers.${tierKey}.minPurchaseDays`,
  upgradeWithin: "tiers.upgradeWithin",
};

export const ALERT_INPUTS = {
  threshold: (ruleKey: string, condition: number) => `alerts.${ruleKey}.${condition}`,
  spendWindowDays: "alerts.spendWindowDays",
};

export type HolidayField = "date" | "name" | "nameZh";

export const KEY_DATE_INPUTS = {
  days: "keyDates.days",
  /** Row `slot` of the holiday table: the settings' holidays first, then FREE_HOLIDAY_ROWS empty rows. */
  holiday: (slot: number, field: HolidayField) => `keyDates.holidays.${slot}.${field}`,
};

/** Empty rows of the holiday table on the Key dates sheet, below the holidays of the settings. */
export const FREE_HOLIDAY_ROWS = 10;

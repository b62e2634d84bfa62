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

export const KEY_DATE_INPUTS = { days: "keyDates.days" };

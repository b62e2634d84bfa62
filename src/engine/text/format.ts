/**
 * Numbers and dates inside sentences, the same in both languages: thousands separators as en-US writes
 * them (Chinese business text writes 1,234 too) and ISO dates (2024-12-31), which a reader of either
 * language reads without doubt. Cells carry numbers and dates as values with a number format instead.
 */
export function whole(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function decimal(n: number, digits: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "12.3 %" (en) or "12.3%" (zh-CN writes no space), "n/a" / "无" when not a number. */
export function percent(share: number, digits: number, language: "en" | "zh-CN"): string {
  if (!Number.isFinite(share)) return language === "zh-CN" ? "无" : "n/a";
  return `${(share * 100).toFixed(digits)}${language === "zh-CN" ? "%" : " %"}`;
}

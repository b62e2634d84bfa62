/** Numbers and lists as the notes and titles of report sheets say them (English, en-US digits). */

/** "1,234" with thousands separators (en-US), for notes and titles. */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/**
 * The end of a note over a list cut at `shown` of `total` entries: " (the first 100 are listed)", or ""
 * when all are shown. `which` says which entries, "#" standing for their count ("# closest").
 */
export function listedNote(shown: number, total: number, which = "first #"): string {
  if (shown >= total) return "";
  return ` (the ${which.replace("#", count(shown))} ${shown === 1 ? "is" : "are"} listed)`;
}

/** "12.3 %" for notes. */
export function percentText(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(digits)} %` : "n/a";
}

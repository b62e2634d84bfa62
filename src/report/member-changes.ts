/**
 * What changed since the workbook's previous build, and the member state the next build compares with.
 * The state is kept in the veryHidden member state sheet (MEMBER_STATE_SHEET_NAME), one member a row:
 *
 *   row 1:  A = STATE_TITLE, B = STATE_FORMAT, C = the build's as-of date (YYYY-MM-DD)
 *   row 2+: A = the member's key, B = tier key, C = status (0 none, 1 at risk, 2 lost), D = last purchase
 *
 * The key is a 53-bit hash of the customer id, not the id: ids may be phone numbers or e-mails, and the
 * state sheet travels with the file even when the sheets show contacts masked. Two of 150,000 members share
 * a key with a chance of about one in a million; they would then be compared with each other.
 *
 * Plain text cells, so Excel reformats nothing. A state that is not ours or cannot be read counts as no
 * previous build (the sheets then say there is nothing to compare with).
 */
import { EXCEL_SERIALS } from "../sheet/serial-dates";
import { callReasons } from "../engine/followup/call-list";
import {
  compareSnapshots,
  memberStatuses,
  type MemberChanges,
  type MemberSnapshot,
} from "../engine/followup/changes";
import { formatDay, NO_DAY } from "../engine/data/days";
import { parseDay } from "../engine/data/parse-date";
import type { CellValue } from "../engine/data/table";
import type { ReportData } from "./report-data";
import { callInputsOf } from "./sheets/this-week";

export const STATE_TITLE =
  "Loyalty Lens member state. Do not edit: the next build compares with it to say what changed.";
const STATE_FORMAT = "format 1";

/** Every member's tier, status and last purchase as this build sees them. */
export function memberSnapshotOf(data: ReportData): MemberSnapshot {
  const { analysis } = data;
  const { tiers, summary } = analysis;
  const { reasons } = callReasons(callInputsOf(data));
  const members = summary.customerIds.length;
  return {
    asOf: analysis.asOf,
    ids: summary.customerIds.map(memberKey),
    tiers: Array.from(tiers.current, (level) => tiers.categories[level]?.key ?? ""),
    status: memberStatuses(members, (c) => tiers.current[c] === tiers.lapsedLevel, reasons),
    lastDay: summary.lastDay,
  };
}

/** cyrb53 (a public-domain 53-bit string hash), in base 36: the member's key in the state sheet. */
export function memberKey(id: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

const BASE36_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A whole number below 2^53 in base 36, as `n.toString(36)` writes it: V8's toString(36) of a double was
 * most of memberKey's time (1.4 s of a million members); divisions of whole numbers this small are exact.
 */
function base36(n: number): string {
  let text = "";
  do {
    const digit = n % 36;
    text = BASE36_DIGITS[digit] + text;
    n = (n - digit) / 36;
  } while (n > 0);
  return text;
}

const STATE_DATES = { serials: EXCEL_SERIALS };

export function encodeMemberState(snapshot: MemberSnapshot): string[][] {
  const rows: string[][] = [[STATE_TITLE, STATE_FORMAT, formatDay(snapshot.asOf)]];
  // One text per distinct day, shared by the rows (a million members buy on a thousand days or so).
  const dayTexts = new Map<number, string>();
  const dayText = (day: number) => {
    let text = dayTexts.get(day);
    if (text === undefined) dayTexts.set(day, (text = day === NO_DAY ? "" : formatDay(day)));
    return text;
  };
  for (let c = 0; c < snapshot.ids.length; c++) {
    rows.push([snapshot.ids[c], snapshot.tiers[c], String(snapshot.status[c]), dayText(snapshot.lastDay[c])]);
  }
  return rows;
}

/** The snapshot in the rows of the member state sheet; undefined when there is none or it is not ours. */
export function decodeMemberState(rows: CellValue[][] | undefined): MemberSnapshot | undefined {
  if (!rows || rows.length === 0) return undefined;
  const [title, format, asOfText] = rows[0];
  // Dates are written as text; Excel may have turned them into dates (serials) when the sheet was written.
  const asOf = parseDay(asOfText ?? null, STATE_DATES);
  if (title !== STATE_TITLE || format !== STATE_FORMAT || Number.isNaN(asOf)) return undefined;
  const body = rows.slice(1).filter((r) => r[0] !== null && r[0] !== undefined && r[0] !== "");
  const text = (v: CellValue) => (v === null || v === undefined ? "" : String(v));
  return {
    asOf,
    ids: body.map((r) => text(r[0])),
    tiers: body.map((r) => text(r[1])),
    status: body.map((r) => Number(r[2]) || 0),
    lastDay: body.map((r) => {
      const day = parseDay(r[3] ?? null, STATE_DATES);
      return Number.isNaN(day) ? NO_DAY : day;
    }),
  };
}

/** The changes since `previous` (null: a first build), as the sheets say them. */
export function memberChangesOf(
  data: ReportData,
  previous: MemberSnapshot | undefined,
  now: MemberSnapshot,
): MemberChanges | null {
  if (!previous) return null;
  const levels = new Map(data.analysis.tiers.categories.map((c, level) => [c.key, level]));
  return compareSnapshots(previous, now, (key) => levels.get(key));
}

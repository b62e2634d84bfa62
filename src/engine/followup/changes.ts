/**
 * WHAT CHANGED SINCE THE LAST BUILD: each build keeps a snapshot of every member (tier, whether at risk or
 * lost, last purchase day); the next build compares its own with it and lists
 *   newAtRisk  at risk now, and not at risk (nor lost) before, or not a customer before;
 *   cameBack   at risk or lost before, and bought since: their last purchase is later than it was;
 *   tierUp / tierDown  a tier now above or below the one before (lapsed is the level below the base tier).
 *
 * At risk: a reason to call that says the member is slipping away (call-list.ts): a tier minimum missed
 * within 30 days unless they buy, a regular twice their usual gap past the last purchase, a top spender
 * silent for 60 days. Lost: lapsed, no purchase in the tier window (and no tier kept by grace).
 */
import type { CallReason, CallReasonKind } from "./call-list";

/** The call reasons that mean the member is slipping away (a birthday does not). */
export const RISK_REASONS: readonly CallReasonKind[] = ["tierDrop", "overdueRegular", "silentTopSpender"];

export const MEMBER_STATUS = { none: 0, atRisk: 1, lost: 2 } as const;
export type MemberStatus = (typeof MEMBER_STATUS)[keyof typeof MEMBER_STATUS];

export interface MemberSnapshot {
  /** The as-of day of the build. */
  asOf: number;
  ids: readonly string[];
  /** Each member's tier key ("gold", "lapsed"). */
  tiers: readonly string[];
  status: ArrayLike<number>;
  /** Last purchase day (a day number). */
  lastDay: ArrayLike<number>;
}

export type ChangeKind = "newAtRisk" | "cameBack" | "tierUp" | "tierDown";

export const CHANGE_KINDS: readonly ChangeKind[] = ["newAtRisk", "cameBack", "tierUp", "tierDown"];

export interface MemberChange {
  kind: ChangeKind;
  /** Index of the member in the snapshot of now. */
  member: number;
  /** Tier key before (for every kind; "" for a member new since). */
  tierBefore: string;
  /** Status before. */
  statusBefore: MemberStatus | null;
}

export interface MemberChanges {
  previousAsOf: number;
  /** Members in both snapshots. */
  compared: number;
  /** Members now who were not in the previous snapshot. */
  newMembers: number;
  counts: Record<ChangeKind, number>;
  /** Every change, in CHANGE_KINDS order, then member order (a member may have two: came back and up). */
  changes: MemberChange[];
}

/** Each member's status: lost when lapsed, at risk with a slipping-away reason, else none. */
export function memberStatuses(
  members: number,
  lapsed: (member: number) => boolean,
  reasons: ReadonlyMap<number, readonly CallReason[]>,
): Uint8Array {
  const status = new Uint8Array(members);
  for (const [c, list] of reasons) {
    if (list.some((r) => RISK_REASONS.includes(r.kind))) status[c] = MEMBER_STATUS.atRisk;
  }
  for (let c = 0; c < members; c++) if (lapsed(c)) status[c] = MEMBER_STATUS.lost;
  return status;
}

/**
 * The changes from `before` to `now`. `levelOf` gives a tier key's level now (0 = the top tier, lapsed
 * last); a key the tier rules no longer have gives no tier move.
 */
export function compareSnapshots(
  before: MemberSnapshot,
  now: MemberSnapshot,
  levelOf: (tierKey: string) => number | undefined,
): MemberChanges {
  const index = new Map<string, number>();
  before.ids.forEach((id, k) => index.set(id, k));
  const byKind: Record<ChangeKind, MemberChange[]> = {
    newAtRisk: [],
    cameBack: [],
    tierUp: [],
    tierDown: [],
  };
  let compared = 0;
  for (let c = 0; c < now.ids.length; c++) {
    const k = index.get(now.ids[c]);
    const statusNow = now.status[c];
    if (k === undefined) {
      if (statusNow === MEMBER_STATUS.atRisk)
        byKind.newAtRisk.push({ kind: "newAtRisk", member: c, tierBefore: "", statusBefore: null });
      continue;
    }
    compared++;
    const was = before.status[k] as MemberStatus;
    const change = (kind: ChangeKind) =>
      byKind[kind].push({ kind, member: c, tierBefore: before.tiers[k], statusBefore: was });
    if (statusNow === MEMBER_STATUS.atRisk && was === MEMBER_STATUS.none) change("newAtRisk");
    if (was !== MEMBER_STATUS.none && now.lastDay[c] > before.lastDay[k]) change("cameBack");
    const from = levelOf(before.tiers[k]);
    const to = levelOf(now.tiers[c]);
    if (from !== undefined && to !== undefined && from !== to) change(to < from ? "tierUp" : "tierDown");
  }
  return {
    previousAsOf: before.asOf,
    compared,
    newMembers: now.ids.length - compared,
    counts: {
      newAtRisk: byKind.newAtRisk.length,
      cameBack: byKind.cameBack.length,
      tierUp: byKind.tierUp.length,
      tierDown: byKind.tierDown.length,
    },
    changes: CHANGE_KINDS.flatMap((kind) => byKind[kind]),
  };
}

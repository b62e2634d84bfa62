/**
 * A campaign history for a generated order table (generate-orders.ts), with its effect planted in the
 * orders, so the demo's Campaigns sheet has something true to find:
 *
 * - "Double points month" (2024-03-01, 8 weeks): members who bought more often were more likely to join
 *   (self-selection), and it raised their spend by 15 % during those weeks;
 * - "Birthday gift" (2024-09-01, 4 weeks): a random tenth of the members, no effect at all.
 *
 * Participants' amounts in the window are multiplied in place (only those lines change); the table lists
 * member id, campaign, start and end dates and the cost per member. Its own random stream: the same seed
 * gives the same campaigns on every machine.
 */
import { dayFromYmd, formatDay } from "../data/days";
import { parseAmount } from "../data/parse-amount";
import { parseDay } from "../data/parse-date";
import { parseId } from "../data/parse-id";
import type { CellValue, RawTable } from "../data/table";
import { Random } from "../math/random";

export interface SampleCampaign {
  name: string;
  nameZh: string;
  start: number;
  weeks: number;
  /** Spend multiplier − 1 for participants during the campaign. */
  effect: number;
  /** "active": odds rising with the member's number of lines; "random": a share of all members. */
  selection: "active" | "random";
  share: number;
  cost: number;
}

export const SAMPLE_CAMPAIGNS: readonly SampleCampaign[] = [
  {
    name: "Double points month",
    nameZh: "双倍积分月",
    start: dayFromYmd(2024, 3, 1),
    weeks: 8,
    effect: 0.15,
    selection: "active",
    share: 0.3,
    cost: 3,
  },
  {
    name: "Birthday gift",
    nameZh: "生日礼",
    start: dayFromYmd(2024, 9, 1),
    weeks: 4,
    effect: 0,
    selection: "random",
    share: 0.1,
    cost: 8,
  },
];

export const CAMPAIGN_HEADERS = {
  en: ["Member ID", "Campaign", "Start date", "End date", "Cost"],
  zh: ["会员编号", "活动名称", "开始日期", "结束日期", "成本"],
} as const;

/**
 * Plants the campaigns in `orders` (columns `member`, `date`, `amount` by index) and returns the campaign
 * table. Amount cells keep their type (text with two decimals, or numbers).
 */
export function plantSampleCampaigns(
  orders: RawTable,
  columns: { member: number; date: number; amount: number },
  options: { seed: number; language?: "en" | "zh"; campaigns?: readonly SampleCampaign[] },
): RawTable {
  const rng = new Random(options.seed ^ 0xca3a16);
  const ids = orders.columns[columns.member];
  const dates = orders.columns[columns.date];
  const amounts = orders.columns[columns.amount];
  const linesOf = new Map<string, number>();
  for (const cell of ids) {
    const id = parseId(cell);
    if (id !== "" && !id.startsWith("TEST")) linesOf.set(id, (linesOf.get(id) ?? 0) + 1);
  }
  const members = [...linesOf.keys()];
  const byLines = [...members].sort((a, b) => (linesOf.get(a) ?? 0) - (linesOf.get(b) ?? 0));
  const rank = new Map(byLines.map((id, i) => [id, i / byLines.length]));
  const rows: CellValue[][] = [];
  for (const campaign of options.campaigns ?? SAMPLE_CAMPAIGNS) {
    const end = campaign.start + 7 * campaign.weeks - 1;
    const chosen = new Set<string>();
    for (const id of members) {
      const p =
        campaign.selection === "random"
          ? campaign.share
          : Math.min(0.95, campaign.share * 3 * (rank.get(id) ?? 0) ** 2);
      if (rng.uniform() < p) chosen.add(id);
    }
    for (const id of chosen) {
      const name = options.language === "zh" ? campaign.nameZh : campaign.name;
      rows.push([id, name, formatDay(campaign.start), formatDay(end), campaign.cost.toFixed(2)]);
    }
    if (campaign.effect === 0) continue;
    for (let row = 0; row < ids.length; row++) {
      if (!chosen.has(parseId(ids[row]))) continue;
      const day = parseDay(dates[row]);
      if (!(day >= campaign.start && day <= end)) continue;
      const amount = parseAmount(amounts[row]);
      if (!Number.isFinite(amount) || amount <= 0) continue;
      const lifted = Math.round(amount * (1 + campaign.effect) * 100) / 100;
      amounts[row] = typeof amounts[row] === "number" ? lifted : lifted.toFixed(2);
    }
  }
  const headers = [...CAMPAIGN_HEADERS[options.language ?? "en"]];
  return {
    source: "Campaigns",
    headers,
    columns: headers.map((_, c) => rows.map((r) => r[c])),
    firstRow: 2,
  };
}

/**
 * Seeded generators of member histories with PLANTED effects, for proving the preference and campaign
 * analyses: the truth is known because it was put there.
 *
 * - `generateCampaignHistory`: members buying at their own steady rate (Poisson purchase days, log-normal
 *   amounts) for two years; one campaign starts on `start`, its participants chosen either at random or
 *   among the more active members (selection bias: they bought more before the start, and would have
 *   bought more after it without any campaign). During `effectWeeks` weeks from the start every amount a
 *   participant spends is multiplied by 1 + `effect`. Self-selection is on the member's own steady rate,
 *   as engaged members are the ones who sign up, not on chance ups and downs of their last weeks. The campaign table lists who took part.
 * - `generateTasteHistory`: members each with a planted favourite category (a share `loyalty` of their
 *   lines), a planted pair (members whose favourite is Skincare also buy Makeup) and a planted rule for
 *   the next category to offer (the big spenders, a third of the members and all of the top tier, buy
 *   Wine & spirits; the others almost never).
 */
import { dayFromYmd, formatDay } from "../data/days";
import type { CellValue, RawTable } from "../data/table";
import { Random } from "../math/random";
import { CATEGORY_WEIGHTS, pickCategory, SAMPLE_CATEGORIES } from "./categories";

export interface CampaignHistoryOptions {
  customers?: number;
  seed?: number;
  /** Spend multiplier − 1 for participants during the effect (default 0.15: +15 %). */
  effect?: number;
  /** Weeks the effect lasts from the start (default 8). */
  effectWeeks?: number;
  /** "active": the more active members are more likely to take part (default); "random": a coin. */
  selection?: "active" | "random";
  /** Campaign start (default 2024-06-03). */
  start?: number;
}

export interface PlantedHistory {
  orders: RawTable;
  /** Who took part in what: Member ID, Campaign, Start date, End date, Cost. */
  campaigns: RawTable;
  /** The planted truth. */
  truth: {
    participants: string[];
    effect: number;
    start: number;
    end: number;
    /** Each member's weekly purchase rate and mean amount. */
    rate: Float64Array;
    meanAmount: Float64Array;
  };
}

const HISTORY_DAYS = 730;

function memberId(i: number): string {
  return `M${String(i + 1).padStart(6, "0")}`;
}

/** Purchase days of one member at `perWeek` purchases a week between two days (Poisson process). */
function purchaseDays(rng: Random, perWeek: number, first: number, last: number): number[] {
  const days: number[] = [];
  let t = first + rng.exponential(perWeek / 7);
  while (t <= last + 1) {
    const day = Math.floor(t);
    if (day <= last && days[days.length - 1] !== day) days.push(day);
    t += rng.exponential(perWeek / 7);
  }
  return days;
}

export function generateCampaignHistory(options: CampaignHistoryOptions = {}): PlantedHistory {
  const n = options.customers ?? 4000;
  const rng = new Random(options.seed ?? 1);
  const effect = options.effect ?? 0.15;
  const start = options.start ?? dayFromYmd(2024, 6, 3);
  const end = start + 7 * (options.effectWeeks ?? 8) - 1;
  const first = start - HISTORY_DAYS;
  const last = end + 28;
  const rate = new Float64Array(n);
  const meanAmount = new Float64Array(n);
  const history: number[][] = [];
  for (let i = 0; i < n; i++) {
    rate[i] = rng.gamma(1.5, 1.5 / 0.35); // mean 0.35 purchase days a week
    meanAmount[i] = Math.exp(Math.log(50) + 0.5 * rng.normal());
    history.push(purchaseDays(rng, rate[i], first, last));
  }
  // Participation: by a coin, or self-selected: the odds rise steeply with the member's own purchase rate
  // (engaged members join), so participants bought more before the start and would have after it anyway.
  const byRate = Array.from(rate, (_, i) => i).sort((a, b) => rate[a] - rate[b]);
  const rateRank = new Float64Array(n);
  byRate.forEach((i, rank) => (rateRank[i] = rank / n));
  const participates = Array.from(rate, (_, i) =>
    options.selection === "random" ? rng.uniform() < 0.25 : rng.uniform() < 0.03 + 0.6 * rateRank[i] ** 2,
  );
  const rows: CellValue[][] = [];
  history.forEach((days, i) => {
    for (const day of days) {
      const lifted = participates[i] && day >= start && day <= end;
      const amount = meanAmount[i] * Math.exp(0.4 * rng.normal() - 0.08) * (lifted ? 1 + effect : 1);
      rows.push([memberId(i), formatDay(day), (Math.round(amount * 100) / 100).toFixed(2)]);
    }
  });
  rows.sort((a, b) => (a[1] as string).localeCompare(b[1] as string));
  const participants = participates.flatMap((p, i) => (p ? [memberId(i)] : []));
  const campaignRows = participants.map((id) => [
    id,
    "Summer double points",
    formatDay(start),
    formatDay(end),
    "2.50",
  ]);
  return {
    orders: columnsOf("Orders", ["Member ID", "Order Date", "Amount"], rows),
    campaigns: columnsOf(
      "Campaigns",
      ["Member ID", "Campaign", "Start date", "End date", "Cost"],
      campaignRows,
    ),
    truth: { participants, effect, start, end, rate, meanAmount },
  };
}

function columnsOf(source: string, headers: string[], rows: CellValue[][]): RawTable {
  return { source, headers, columns: headers.map((_, c) => rows.map((r) => r[c])), firstRow: 2 };
}

export interface TasteHistoryOptions {
  customers?: number;
  seed?: number;
  /** Share of a member's lines in their favourite category (default 0.8). */
  loyalty?: number;
}

export interface TasteHistory {
  orders: RawTable;
  truth: {
    /** Favourite category (English name) per member id. */
    favourite: Map<string, string>;
    /** The category the top spenders buy and the others hardly ever. */
    topSpenderCategory: string;
    /** Members whose favourite is `pair[0]` also buy `pair[1]`. */
    pair: [string, string];
  };
}

export function generateTasteHistory(options: TasteHistoryOptions = {}): TasteHistory {
  const n = options.customers ?? 3000;
  const rng = new Random(options.seed ?? 1);
  const loyalty = options.loyalty ?? 0.8;
  const names = SAMPLE_CATEGORIES.map((c) => c.en);
  const wine = names.indexOf("Wine & spirits");
  const skincare = names.indexOf("Skincare");
  const makeup = names.indexOf("Makeup");
  // Wine and Makeup are the planted rules, not tastes: nobody has them as favourite, and they are out of the
  // spread; Skincare is bought by those whose favourite it is (so that its buyers are its lovers).
  const favouriteWeights = CATEGORY_WEIGHTS.map((w, k) => (k === wine || k === makeup ? 0 : w));
  const weights = favouriteWeights.map((w, k) => (k === skincare ? 0 : w));
  const last = dayFromYmd(2024, 12, 31);
  const first = last - 364;
  const favourite = new Map<string, string>();
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const id = memberId(i);
    const fav = pickCategory(rng, -1, 0, favouriteWeights);
    favourite.set(id, names[fav]);
    // A third of the members spend three times as much per purchase: they become the top tiers.
    const big = rng.uniform() < 1 / 3;
    const mean = (big ? 150 : 50) * Math.exp(0.3 * rng.normal());
    const days = purchaseDays(rng, rng.gamma(2, 2 / 0.25), first, last);
    for (const day of days) {
      const category = pickCategory(rng, fav, loyalty, weights);
      rows.push([id, formatDay(day), names[category], (mean * Math.exp(0.3 * rng.normal())).toFixed(2)]);
    }
    const extras: number[] = [];
    if (big && rng.uniform() < 0.8) extras.push(wine);
    if (!big && rng.uniform() < 0.03) extras.push(wine);
    if (fav === skincare && rng.uniform() < 0.7) extras.push(makeup);
    if (fav !== skincare && rng.uniform() < 0.05) extras.push(makeup);
    for (const category of extras) {
      // A small extra line on a purchase day: it does not change the favourite.
      const day = days.length > 0 ? days[Math.floor(rng.uniform() * days.length)] : last;
      rows.push([id, formatDay(day), names[category], (mean * 0.2).toFixed(2)]);
    }
  }
  rows.sort((a, b) => (a[1] as string).localeCompare(b[1] as string));
  return {
    orders: columnsOf("Orders", ["Member ID", "Order Date", "Category", "Amount"], rows),
    truth: { favourite, topSpenderCategory: names[wine], pair: [names[skincare], names[makeup]] },
  };
}

/**
 * Who took part in which campaign and when: read from a campaign table (member id, campaign, start date,
 * optional end date and cost, one row per member and campaign), or from a campaign column on the order
 * lines. Rows that cannot be used are counted by reason with their first row, never dropped silently.
 */
import { HEADER_VOCABULARY, normalizeHeader, type HeaderWords } from "../data/columns";
import { DataError } from "../data/errors";
import type { OrderLines } from "../data/orders";
import { isBlankCell, parseDay, type DateParseOptions } from "../data/parse-date";
import { parseAmount } from "../data/parse-amount";
import { parseId } from "../data/parse-id";
import { columnLabel, rowCount, sourceOf, type RawTable, type TablePlace } from "../data/table";

export interface Participation {
  customerId: string;
  campaign: string;
  /** Day numbers; `end` NaN when not given. */
  start: number;
  end: number;
  /** Cost of this member's part (NaN when not given). */
  cost: number;
}

export type CampaignColumn = "customerId" | "campaign" | "start" | "end" | "cost";
export const CAMPAIGN_COLUMNS: readonly CampaignColumn[] = ["customerId", "campaign", "start", "end", "cost"];
const REQUIRED: readonly CampaignColumn[] = ["customerId", "campaign", "start"];

export const CAMPAIGN_COLUMN_LABELS: Readonly<Record<CampaignColumn, { en: string; zh: string }>> = {
  customerId: { en: "member id", zh: "会员编号" },
  campaign: { en: "campaign", zh: "活动" },
  start: { en: "start date", zh: "开始日期" },
  end: { en: "end date", zh: "结束日期" },
  cost: { en: "cost", zh: "成本" },
};

const WORDS: Readonly<Record<CampaignColumn, HeaderWords>> = {
  customerId: HEADER_VOCABULARY.customerId,
  campaign: {
    exact: [...HEADER_VOCABULARY.campaign.exact, "benefit", "name", "权益", "权益名称", "名称"],
    contains: [...HEADER_VOCABULARY.campaign.contains, "benefit", "权益"],
  },
  start: {
    exact: ["start", "startdate", "startday", "from", "begin", "begindate", "date", "joined", "sentdate",
      "开始", "开始日期", "开始时间", "活动开始", "参与日期", "参加日期", "领取日期", "发放日期", "日期"],
    contains: ["start", "begin", "开始", "参与", "参加", "发放", "领取"],
  },
  end: {
    exact: ["end", "enddate", "endday", "to", "until", "finish", "结束", "结束日期", "结束时间", "活动结束", "截止日期"],
    contains: ["end", "until", "结束", "截止"],
  },
  cost: {
    exact: ["cost", "costs", "benefitcost", "campaigncost", "costpermember", "成本", "费用", "活动成本", "权益成本", "花费"],
    contains: ["cost", "成本", "费用"],
  },
}; // prettier-ignore

/** Column per role: header text, column letter or 0-based index, as the order columns are given. */
export type CampaignColumnOverrides = Partial<Record<CampaignColumn, string | number>>;

/** Finds the columns of a campaign table (given ones first, then exact header words, then contained ones). */
export function detectCampaignColumns(
  table: RawTable,
  overrides: CampaignColumnOverrides = {},
): Partial<Record<CampaignColumn, number>> {
  const mapping: Partial<Record<CampaignColumn, number>> = {};
  const taken = new Set<number>();
  const headers = table.headers.map((h) => normalizeHeader(h ?? ""));
  for (const role of CAMPAIGN_COLUMNS) {
    const given = overrides[role];
    if (given === undefined) continue;
    const column =
      typeof given === "number"
        ? given
        : headers.indexOf(normalizeHeader(given)) >= 0
          ? headers.indexOf(normalizeHeader(given))
          : table.headers.findIndex(
              (_, c) => columnLabel(table, c).toUpperCase() === given.trim().toUpperCase(),
            );
    if (column < 0 || column >= table.headers.length) {
      throw new DataError(
        `${table.source}: no column "${given}" for the campaigns' ${CAMPAIGN_COLUMN_LABELS[role].en}; the headers are ` +
          table.headers.map((h) => `"${h}"`).join(", "),
        undefined,
        {
          code: "campaignNoSuchColumn",
          ...sourceOf(table),
          role,
          given: String(given),
          headers: [...table.headers],
        },
      );
    }
    mapping[role] = column;
    taken.add(column);
  }
  for (const pass of ["exact", "contains"] as const) {
    for (const role of CAMPAIGN_COLUMNS) {
      if (mapping[role] !== undefined) continue;
      const words = WORDS[role][pass];
      const column = headers.findIndex(
        (h, c) =>
          h !== "" &&
          !taken.has(c) &&
          (pass === "exact" ? words.includes(h) : words.some((w) => h.includes(w))),
      );
      if (column >= 0) {
        mapping[role] = column;
        taken.add(column);
      }
    }
  }
  const missing = REQUIRED.filter((role) => mapping[role] === undefined);
  if (missing.length > 0) {
    throw new DataError(
      `${table.source}: no ${missing.map((r) => CAMPAIGN_COLUMN_LABELS[r].en).join(", ")} column found among the ` +
        `headers ${table.headers.map((h) => `"${h}"`).join(", ")}; a campaign table needs the member id, the ` +
        `campaign and its start date (name the columns in the setting campaigns.columns)`,
      undefined,
      { code: "campaignMissingColumns", ...sourceOf(table), roles: missing, headers: [...table.headers] },
    );
  }
  return mapping;
}

export type ParticipationProblem =
  "blankId" | "blankCampaign" | "unreadableStart" | "unreadableEnd" | "endBeforeStart" | "badCost";

export const PARTICIPATION_PROBLEMS: Readonly<Record<ParticipationProblem, { en: string; zh: string; action: "dropped" | "field ignored" }>> = {
  blankId: { en: "blank member id", zh: "会员编号为空", action: "dropped" },
  blankCampaign: { en: "blank campaign", zh: "活动为空", action: "dropped" },
  unreadableStart: { en: "start date not readable", zh: "开始日期无法识别", action: "dropped" },
  unreadableEnd: { en: "end date not readable (row used without it)", zh: "结束日期无法识别（该行不用结束日期）", action: "field ignored" },
  endBeforeStart: { en: "end date before the start (row used without it)", zh: "结束日期早于开始日期（该行不用结束日期）", action: "field ignored" },
  badCost: { en: "cost not a number (row used without it)", zh: "成本不是数字（该行不用成本）", action: "field ignored" },
}; // prettier-ignore

export interface ParticipationTable {
  source: string;
  /** The same place as parts, when the reader knows them (to say it in the sheets' language). */
  place?: TablePlace;
  rows: Participation[];
  /** Rows not used (or used without a field), by reason: how many, and the first sheet row. */
  problems: { reason: ParticipationProblem; count: number; firstRow: number }[];
  /** True when read from a campaign column of the order lines. */
  fromOrderLines: boolean;
}

/** Reads a campaign table. Throws a DataError when a required column is missing. */
export function readParticipations(
  table: RawTable,
  options: { columns?: CampaignColumnOverrides; dates?: DateParseOptions } = {},
): ParticipationTable {
  const mapping = detectCampaignColumns(table, options.columns);
  const cells = (role: CampaignColumn) =>
    mapping[role] === undefined ? undefined : (table.columns[mapping[role]] ?? []);
  const ids = cells("customerId") ?? [];
  const names = cells("campaign") ?? [];
  const starts = cells("start") ?? [];
  const ends = cells("end");
  const costs = cells("cost");
  const counts = new Map<ParticipationProblem, { count: number; firstRow: number }>();
  const note = (reason: ParticipationProblem, row: number) => {
    const seen = counts.get(reason);
    if (seen) seen.count++;
    else counts.set(reason, { count: 1, firstRow: table.firstRow + row });
  };
  const rows: Participation[] = [];
  for (let row = 0; row < rowCount(table); row++) {
    const customerId = parseId(ids[row]);
    const campaign = parseId(names[row]);
    if (customerId === "" && campaign === "" && isBlankCell(starts[row])) continue;
    if (customerId === "") {
      note("blankId", row);
      continue;
    }
    if (campaign === "") {
      note("blankCampaign", row);
      continue;
    }
    const start = parseDay(starts[row], options.dates);
    if (!Number.isFinite(start)) {
      note("unreadableStart", row);
      continue;
    }
    let end = NaN;
    if (ends && !isBlankCell(ends[row])) {
      end = parseDay(ends[row], options.dates);
      if (!Number.isFinite(end)) note("unreadableEnd", row);
      else if (end < start) {
        note("endBeforeStart", row);
        end = NaN;
      }
    }
    let cost = NaN;
    if (costs && !isBlankCell(costs[row])) {
      cost = parseAmount(costs[row]);
      if (!Number.isFinite(cost)) note("badCost", row);
    }
    rows.push({ customerId, campaign, start, end, cost });
  }
  const problems = [...counts].map(([reason, c]) => ({ reason, ...c }));
  return { ...sourceOf(table), rows, problems, fromOrderLines: false };
}

/**
 * Participation seen on the order lines' campaign column: a member took part in a campaign from the first
 * day of a line of theirs marked with it; the campaign's window is from its first to its last marked day.
 * Only members who bought during the campaign are seen this way, which favours the campaign: the sheet
 * says so.
 */
export function participationsFromOrderLines(orders: OrderLines, source: string): ParticipationTable | null {
  const labels = orders.labels.campaign;
  if (!labels) return null;
  const span = labels.values.map(() => ({ first: Infinity, last: -Infinity }));
  const firstOf = new Map<number, number>();
  const k = labels.values.length;
  for (let i = 0; i < labels.index.length; i++) {
    const campaign = labels.index[i];
    if (campaign < 0) continue;
    const day = orders.day[i];
    span[campaign].first = Math.min(span[campaign].first, day);
    span[campaign].last = Math.max(span[campaign].last, day);
    const key = orders.customer[i] * k + campaign;
    if (!firstOf.has(key) || day < (firstOf.get(key) as number)) firstOf.set(key, day);
  }
  const rows: Participation[] = [];
  for (const [key] of firstOf) {
    const campaign = key % k;
    rows.push({
      customerId: orders.customerIds[Math.floor(key / k)],
      campaign: labels.values[campaign],
      start: span[campaign].first,
      end: span[campaign].last,
      cost: NaN,
    });
  }
  return { source, rows, problems: [], fromOrderLines: true };
}

/**
 * The Campaigns sheet (活动效果): for each campaign, what it did to the participants' spend against a
 * matched control (difference-in-differences, 95 % bootstrap interval), in words and in numbers, with
 * the naive comparison beside it, the incremental revenue and ROI, and the strata table every number
 * comes from. Without a campaign table it says how to give one.
 */
import type { CampaignMeasure, Interval } from "../../engine/campaigns/measure";
import { PARTICIPATION_PROBLEMS } from "../../engine/campaigns/participation";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import type { ReportCampaigns } from "../report-campaigns";
import { tierName, type ReportData } from "../report-data";
import { excelDate, round } from "./cell-values";
import { SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import type { Language } from "../../engine/text/language";
import { CAMPAIGN_TEXTS as TEXTS, signedPercent } from "../../engine/text/campaigns";
import { PLACE_TEXTS, placeText } from "../../engine/text/places";

const pct = signedPercent;
const verdict = (t: (typeof TEXTS)[Language], m: CampaignMeasure) =>
  t.verdict(m.matched, m.measurable, m.lift.estimate, m.lift.low, m.lift.high);

/** Most strata listed per campaign (the largest). */
const STRATA_ROWS = 200;

const unmatchedCount = (m: CampaignMeasure) =>
  m.unmatched.notInOrders + m.unmatched.noHistory + m.unmatched.windowNotOver + m.unmatched.noControl;

export function buildCampaignsSheet(data: ReportData): SheetModel {
  const language = data.config.language;
  const t = TEXTS[language];
  const layout = new SheetLayout().title(t.title);
  const campaigns = data.campaigns;
  if (!campaigns) {
    layout.note(t.none);
    return layout.finish({ kind: "campaigns", tabColor: "#70AD47" });
  }
  const money = moneyFormat(data.config.currency);
  layout.note(
    t.subtitle(
      placeText(PLACE_TEXTS[language], campaigns.participation.source, campaigns.participation.place),
      campaigns.participation.rows.length,
    ),
    t.method,
    t.assumption,
  );
  if (campaigns.participation.fromOrderLines) layout.note(t.fromLines);
  problemNotes(layout, campaigns, language);

  layout.section(t.summary);
  const header: Cell[] = t.headers.map((h, i) => {
    const note =
      i === 7
        ? t.notes.lift
        : i === 15
          ? t.notes.naive
          : i === 14
            ? t.notes.roi
            : i === 6
              ? t.notes.unmatched
              : "";
    return note ? { value: h, note } : h;
  });
  const summary = layout.table({
    header,
    rows: campaigns.measures.map((m) => [
      m.campaign,
      verdict(t, m),
      excelDate(m.firstStart),
      m.windowDays,
      m.participants,
      m.matched,
      unmatchedCount(m),
      round(m.lift.estimate, 4),
      round(m.lift.low, 4),
      round(m.lift.high, 4),
      round(m.spendPerMember.estimate, 2),
      round(m.purchaseDaysPerMember.estimate, 3),
      round(m.incrementalRevenue.estimate, 2),
      round(m.matchedCost, 2),
      round(m.roi.estimate, 4),
      round(m.naiveLift.estimate, 4),
    ]),
    formats: [
      "text",
      "text",
      "date",
      "integer",
      "integer",
      "integer",
      "integer",
      "percent1",
      "percent1",
      "percent1",
      money,
      { code: "0.00" },
      money,
      money,
      "percent1",
      "percent1",
    ],
    table: { name: "LL_Campaigns", style: "TableStyleMedium7" },
  });
  if (summary.count > 0) layout.gap();

  for (const m of campaigns.measures) campaignDetail(layout, data, m, language, money);
  return layout.finish({ kind: "campaigns", freeze: { rows: 1, cols: 1 }, tabColor: "#70AD47" });
}

function problemNotes(layout: SheetLayout, campaigns: ReportCampaigns, language: Language): void {
  const { problems, source } = campaigns.participation;
  if (problems.length === 0) return;
  const t = TEXTS[language];
  const lines = problems.map((p) => {
    const words = PARTICIPATION_PROBLEMS[p.reason];
    const reason = language === "en" ? words.en : words.zh;
    return language === "en"
      ? `${reason}: ${p.count.toLocaleString("en-US")} rows, first at ${source} row ${p.firstRow}`
      : `${reason}：${p.count.toLocaleString("en-US")} 行，首行为 ${source} 第 ${p.firstRow} 行`;
  });
  layout.note(t.problems, ...lines);
}

function intervalText(i: Interval, digits: number): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : "–");
  return `${f(i.estimate)} (${f(i.low)} … ${f(i.high)})`;
}

/** One campaign's block: its verdict, the facts its numbers come from, and its strata. */
function campaignDetail(
  layout: SheetLayout,
  data: ReportData,
  m: CampaignMeasure,
  language: Language,
  money: ReturnType<typeof moneyFormat>,
): void {
  const t = TEXTS[language];
  layout.section(t.detail(m.campaign), verdict(t, m));
  campaignFacts(layout, m, t, money);
  strataTable(layout, data, m, language, money);
  layout.gap();
}

/** Who was matched and who not (by reason), the four spends of the difference-in-differences, the effect. */
function campaignFacts(
  layout: SheetLayout,
  m: CampaignMeasure,
  t: (typeof TEXTS)[Language],
  money: ReturnType<typeof moneyFormat>,
): void {
  const f = t.facts;
  layout.facts(
    [
      [f.window, m.windowDays],
      [f.participants, m.participants],
      [f.matched, m.matched],
      [f.notInOrders, m.unmatched.notInOrders],
      [f.noHistory, m.unmatched.noHistory],
      [f.windowNotOver, m.unmatched.windowNotOver],
      [f.noControl, m.unmatched.noControl],
      [f.controls, m.controls],
      [f.pBefore, round(m.participantBefore, 2)],
      [f.pAfter, round(m.participantAfter, 2)],
      [f.cBefore, round(m.controlBefore, 2)],
      [f.cAfter, round(m.controlAfter, 2)],
      [f.effect, intervalText(m.spendPerMember, 2)],
      [f.naive, `${pct(m.naiveLift.estimate)} (${pct(m.naiveLift.low)} … ${pct(m.naiveLift.high)})`],
    ],
    [
      undefined,
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      money,
      money,
      money,
      money,
    ],
  );
}

/**
 * The strata every number comes from: at most STRATA_ROWS, the largest by participants (the sheet says
 * how many were left out), listed by start, tier, then R, F and spend band from the best.
 */
function strataTable(
  layout: SheetLayout,
  data: ReportData,
  m: CampaignMeasure,
  language: Language,
  money: ReturnType<typeof moneyFormat>,
): void {
  const t = TEXTS[language];
  layout.note(t.strata);
  const strata = [...m.strata].sort((a, b) => b.participants - a.participants).slice(0, STRATA_ROWS);
  strata.sort(
    (a, b) =>
      a.start - b.start || a.tierLevel - b.tierLevel || b.r - a.r || b.f - a.f || b.spendBand - a.spendBand,
  );
  if (m.strata.length > strata.length) layout.note(t.strataCut(strata.length, m.strata.length));
  layout.table({
    header: t.strataHeaders,
    rows: strata.map((s) => [
      excelDate(s.start),
      tierName(data.analysis, s.tierLevel, language),
      s.r,
      s.f,
      s.spendBand,
      s.participants,
      s.controls,
      round(s.participantBefore, 2),
      round(s.participantAfter, 2),
      round(s.controlBefore, 2),
      round(s.controlAfter, 2),
      round(s.participantAfter - s.participantBefore - (s.controlAfter - s.controlBefore), 2),
    ]),
    formats: [
      "date",
      null,
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      money,
      money,
      money,
      money,
      money,
    ],
  });
}

/**
 * The This week sheet (本周跟进): the call list a store manager works through this week. Per store, at
 * most `thisWeek.perStore` members with a reason to call (engine/followup/call-list.ts), the most value at
 * risk first; each with the reasons in words, the contact columns the orders have (name, phone, e-mail,
 * channel: contact-columns.ts), last purchase and amount, a suggested
 * action, and two columns the manager fills in: Done (a choice list) and Note, which Refresh keeps on the
 * member's row. A summary per store at the top.
 */
import { formatDay, NO_DAY } from "../../engine/data/days";
import {
  buildCallList,
  tierSlips,
  type CallListInputs,
  type CallReason,
  type CallList,
} from "../../engine/followup/call-list";
import { THIS_WEEK_TEXTS } from "../../engine/text/this-week";
import { whole } from "../../engine/text/format";
import type { Language } from "../../engine/text/language";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { nextOfferText } from "../next-offer";
import { tierName, valueAtRisk, type ReportData } from "../report-data";
import { chosenPredictions, fitProblemText } from "../report-models";
import { excelDate, round } from "./cell-values";
import { changeCounts, changeList } from "./changes";
import { contactColumns, contactDetails, idHeader, shownCustomerIds } from "../contact-columns";
import { SENTENCE_WIDTH, SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";

/** Days the list looks ahead. */
export const THIS_WEEK_DAYS = 7;

/**
 * The call list's inputs and the list, made once per build's data: the member state, the This week sheet
 * and the summary's contact list all read them, and at a million members each making costs a pass over
 * every customer's purchase days (the tier slips) and a second over their contacts.
 */
const callInputsMade = new WeakMap<ReportData, CallListInputs>();
const callListsMade = new WeakMap<ReportData, CallList>();

/** What the call list is made from, from the report data. */
export function callInputsOf(data: ReportData): CallListInputs {
  let inputs = callInputsMade.get(data);
  if (!inputs) callInputsMade.set(data, (inputs = makeCallInputs(data)));
  return inputs;
}

function makeCallInputs(data: ReportData): CallListInputs {
  const { analysis, models } = data;
  const { summary, rhythm, tiers } = analysis;
  return {
    asOf: analysis.asOf,
    days: analysis.days,
    spend: summary.spend,
    purchaseDays: summary.purchaseDays,
    firstDay: summary.firstDay,
    daysSinceLast: rhythm.daysSinceLast,
    medianIntervalDays: rhythm.medianIntervalDays,
    keyDates: analysis.keyDates.filter((k) => k.daysUntil <= THIS_WEEK_DAYS),
    slips: tierSlips(tiers, analysis.days),
    valueAtRisk: valueAtRisk(models),
    store: contactDetails(data).store,
  };
}

/** The call list of the report data. */
export function callListOf(data: ReportData): CallList {
  let list = callListsMade.get(data);
  if (!list) {
    list = buildCallList(callInputsOf(data), {
      perStore: data.config.thisWeek.perStore,
      horizonDays: THIS_WEEK_DAYS,
    });
    callListsMade.set(data, list);
  }
  return list;
}

/** "12-24": the month and day of an occasion (the year is this one or the next, obvious in a week). */
function monthDay(day: number): string {
  return formatDay(day).slice(5);
}

export function reasonText(data: ReportData, reason: CallReason, language: Language): string {
  const words = THIS_WEEK_TEXTS[language].reason;
  const money = (v: number) =>
    Number.isFinite(v) && v > 0 ? `${data.config.currency}${whole(Math.ceil(v))}` : null;
  switch (reason.kind) {
    case "birthday":
      return words.birthday(monthDay(reason.day), reason.daysUntil);
    case "anniversary":
      return words.anniversary(reason.years, monthDay(reason.day), reason.daysUntil, reason.of);
    case "tierDrop": {
      const visits = Number.isFinite(reason.purchaseDaysNeeded) && reason.purchaseDaysNeeded > 0;
      return words.tierDrop(
        tierName(data.analysis, reason.level, language),
        formatDay(reason.byDay),
        money(reason.spendNeeded),
        visits ? reason.purchaseDaysNeeded : null,
      );
    }
    case "overdueRegular":
      return words.overdueRegular(reason.daysSinceLast, reason.usualGapDays);
    case "silentTopSpender":
      return words.silentTopSpender(reason.daysSinceLast);
    case "secondPurchase":
      return words.secondPurchase(reason.daysSinceFirst, reason.windowDays);
  }
}

/** The amount of the customer's last purchase day. */
function lastAmount(data: ReportData, c: number): number | null {
  const { days } = data.analysis;
  const end = days.start[c + 1];
  return end > days.start[c] ? round(days.value[end - 1], 2) : null;
}

type ThisWeekTexts = (typeof THIS_WEEK_TEXTS)[Language];

/** Why there is no value at risk to rank by, in the sheet's language: the purchase or the spend model's problem. */
function whyNoValueAtRisk(data: ReportData, t: ThisWeekTexts): string {
  const { models, config } = data;
  const chosen = chosenPredictions(models);
  if (models && !chosen.available) return chosen.reason[config.language];
  return (models && fitProblemText(models.spend, config.language)) ?? t.noModelReason;
}

/** The title, and notes on how the list is ranked and what each reason means. */
function introduce(layout: SheetLayout, data: ReportData, list: CallList, hasStores: boolean): void {
  const { analysis, models, config } = data;
  const t = THIS_WEEK_TEXTS[config.language];
  layout.title(
    t.title,
    t.intro(formatDay(analysis.asOf), formatDay(analysis.asOf + THIS_WEEK_DAYS), list.perStore),
  );
  layout.note(
    list.rankedBy === "valueAtRisk"
      ? t.rankedByModel(models?.clvMonths ?? config.model.clvMonths)
      : t.rankedBySpend(whyNoValueAtRisk(data, t)),
    t.reasonsNote(
      Number.isFinite(list.secondPurchaseWindowDays)
        ? t.windowKnown(list.secondPurchaseWindowDays)
        : t.windowUnknown,
    ),
  );
  if (!hasStores) layout.note(t.noStoreColumn);
  layout.gap();
}

/** Per store: the candidates, the members listed, how many for each reason, and their value or spend. */
function storeTable(
  layout: SheetLayout,
  data: ReportData,
  list: CallList,
  storeName: (store: string) => string,
): void {
  const t = THIS_WEEK_TEXTS[data.config.language];
  const count = (entries: CallList["stores"][number]["entries"], kinds: CallReason["kind"][]) =>
    entries.filter((e) => e.reasons.some((r) => kinds.includes(r.kind))).length;
  layout.section(t.storesSection);
  const storeHeader = [...t.storeHeader];
  if (list.rankedBy !== "valueAtRisk") storeHeader[storeHeader.length - 1] = t.spendListed;
  layout.table({
    header: storeHeader,
    rows: list.stores.map((s) => [
      storeName(s.store),
      s.candidates,
      s.entries.length,
      count(s.entries, ["birthday", "anniversary"]),
      count(s.entries, ["tierDrop"]),
      count(s.entries, ["overdueRegular"]),
      count(s.entries, ["silentTopSpender"]),
      count(s.entries, ["secondPurchase"]),
      round(
        s.entries.reduce((sum, e) => sum + (Number.isFinite(e.rank) ? e.rank : 0), 0),
        2,
      ),
    ]),
    formats: [
      "text",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      moneyFormat(data.config.currency),
    ],
  });
  layout.gap();
}

/** The list's header: store, id, contact columns, then what the list says and what the manager writes. */
function callListHeader(data: ReportData, t: ThisWeekTexts, contactHeader: Cell[], byModel: boolean): Cell[] {
  const h = t.header;
  return [
    h.store,
    idHeader(data, h.customerId),
    ...contactHeader,
    h.tier,
    h.reason,
    h.lastPurchase,
    h.lastAmount,
    byModel ? h.valueAtRisk : h.netSpend,
    h.action,
    h.done,
    h.note,
  ];
}

/**
 * The members to contact, store by store, as a table whose Done and Note columns (the manager's) stay on
 * the member's row on every refresh; returns the table's header.
 */
function callListTable(
  layout: SheetLayout,
  data: ReportData,
  list: CallList,
  storeName: (store: string) => string,
): Cell[] {
  const { analysis, config } = data;
  const { language } = config;
  const t = THIS_WEEK_TEXTS[language];
  const money = moneyFormat(config.currency);
  const contacts = contactColumns(data, ["store"]);
  const ids = shownCustomerIds(data);
  layout.section(t.listSection, list.stores.length === 0 ? t.nobody : undefined);
  const h = t.header;
  const header = callListHeader(data, t, contacts.header, list.rankedBy === "valueAtRisk");
  const rows: Cell[][] = list.stores.flatMap((s) =>
    s.entries.map((e) => {
      const c = e.customer;
      const last = analysis.summary.lastDay[c];
      return [
        storeName(s.store),
        ids[c],
        ...contacts.cells(c),
        tierName(analysis, analysis.tiers.current[c], language),
        e.reasons.map((r) => reasonText(data, r, language)).join(t.separator),
        last === NO_DAY ? null : excelDate(last),
        lastAmount(data, c),
        round(e.rank, 2),
        [t.action[e.reasons[0].kind], nextOfferText(data, c, language)].filter(Boolean).join(t.separator),
        null,
        null,
      ];
    }),
  );
  const formats = header.map((cell) => {
    if (cell === h.lastPurchase) return "date" as const;
    if (cell === h.lastAmount || cell === h.valueAtRisk || cell === h.netSpend) return money;
    return "text" as const;
  });
  const placed = layout.table({
    header,
    rows,
    formats,
    // The reasons and actions are sentences: shown whole, so no reason to call is cut off.
    maxWidth: SENTENCE_WIDTH,
    table: {
      name: "LL_ThisWeek",
      style: "TableStyleMedium2",
      // What the manager writes stays on the member's row on every refresh, and comes back with them.
      carry: {
        key: h.customerId,
        userColumns: [h.done, h.note],
        keptNote: t.keptNote,
      },
    },
  });
  const doneColumn = header.indexOf(h.done);
  if (placed.count > 0) {
    layout.validate({
      type: "list",
      range: placed.column(doneColumn),
      values: [...t.doneChoices],
      prompt: t.doneHelp,
      error: t.doneHelp,
      allowBlank: true,
    });
  }
  return header;
}

export function buildThisWeekSheet(data: ReportData): SheetModel {
  const t = THIS_WEEK_TEXTS[data.config.language];
  const list = callListOf(data);
  const stores = contactDetails(data).store;
  const storeName = (store: string) => (store ? store : stores ? t.noStore : t.allStores);

  const layout = new SheetLayout();
  introduce(layout, data, list, Boolean(stores));
  storeTable(layout, data, list, storeName);
  changeCounts(layout, data, true);
  const header = callListTable(layout, data, list, storeName);
  if (data.memberChanges) {
    layout.gap();
    changeList(layout, data, data.memberChanges);
  }
  // The reason and action columns are as wide as their sentences (callListTable); Note and Done are the
  // manager's to fill.
  const h = t.header;
  const widths: (number | null)[] = header.map((cell) =>
    cell === h.note ? 30 : cell === h.done ? 12 : null,
  );
  return layout.finish({ kind: "this-week", tabColor: "#107C10", columnWidths: widths });
}

/**
 * The Key dates sheet: the holidays and shopping days of the coming weeks (with whom to invite and what
 * the store sold around them last year), then birthdays, first-purchase anniversaries and membership
 * anniversaries in the coming days for members of the top tiers, soonest first. The number of days ahead
 * is an input cell; the holiday calendar is the setting keyDates.holidays.
 */
import { contactColumns, idHeader, shownCustomerIds } from "../contact-columns";
import { formatDay } from "../../engine/data/days";
import { FIRST_PURCHASE_MARGIN_DAYS, firstOwnPurchaseDay } from "../../engine/keydates/key-dates";
import {
  holidayCalendar,
  holidayInvitees,
  LUNAR_TABLE_LAST_YEAR,
  upcomingHolidays,
} from "../../engine/keydates/holidays";
import type { SheetModel } from "../../sheet/sheet-model";
import { tierName, type ReportData } from "../report-data";
import { excelDate, round } from "./cell-values";
import { FREE_HOLIDAY_ROWS, KEY_DATE_INPUTS, type HolidayField } from "../input-keys";
import { SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import { localName } from "../../engine/text/bilingual";
import { KEY_DATE_TEXTS } from "../../engine/text/key-dates";

type Texts = (typeof KEY_DATE_TEXTS)["en"];

/** Days before and after last year's holiday whose sales are shown. */
const AROUND_DAYS = 7;
/** A customer who bought within this many days is active. */
const ACTIVE_DAYS = 365;

/**
 * The "Holidays and shopping days" block: nothing when keyDates.holidayDays is 0. Whom to invite is counted
 * as of today, the same for every holiday, so it is said once above the table.
 */
function holidaysBlock(
  layout: SheetLayout,
  data: ReportData,
  topTiers: number,
  topTierNames: string,
  t: Texts,
): void {
  const { analysis, config } = data;
  const window = config.keyDates.holidayDays;
  if (window === 0) return;
  const holidays = upcomingHolidays(holidayCalendar(config.keyDates.holidays), analysis.days, analysis.asOf, {
    days: window,
    aroundDays: AROUND_DAYS,
  });
  const invitees = holidayInvitees(analysis.summary.lastDay, analysis.asOf, {
    levels: analysis.tiers.current,
    topTiers,
    activeDays: ACTIVE_DAYS,
  });
  layout.section(
    t.holidaysSection,
    t.holidaysNote(holidays.length, formatDay(analysis.asOf), formatDay(analysis.asOf + window)),
  );
  layout.note(t.invitees(invitees.topTierMembers, topTierNames, invitees.activeCustomers, ACTIVE_DAYS));
  const h = t.holidayHeader;
  layout.table({
    header: [
      h.date,
      h.inDays,
      // A Chinese sheet names the holidays in Chinese only (the English name would be the one English left).
      ...(t.showBothNames ? [h.name, h.nameZh] : [h.nameZh]),
      { value: h.sales(AROUND_DAYS), note: h.salesNote(AROUND_DAYS) },
      { value: h.buyers, note: h.buyersNote },
    ],
    rows: holidays.map((day) => [
      excelDate(day.day),
      day.daysUntil,
      ...(t.showBothNames ? [day.name, day.nameZh] : [day.nameZh]),
      day.lastYear ? round(day.lastYear.sales, 2) : null,
      day.lastYear ? day.lastYear.buyers : null,
    ]),
    formats: [
      "date",
      "integer",
      ...(t.showBothNames ? (["text", "text"] as const) : (["text"] as const)),
      moneyFormat(config.currency),
      "integer",
    ],
    table: { name: "LL_Holidays", style: "TableStyleMedium7" },
  });
  layout.gap();
  holidayInputs(layout, data, t);
}

/**
 * The user's own holidays as input cells (name, Chinese name, date) in columns C to E: the holidays of the
 * settings, then empty rows. What the user types is kept and used by Refresh (report-inputs.ts).
 * Columns C and D are the Holiday and 节日 columns of the table above, wide enough for names; A and B
 * (dates, days) are too narrow for them.
 */
function holidayInputs(layout: SheetLayout, data: ReportData, t: Texts): void {
  const given = data.defaults.holidays;
  layout.section(t.yourHolidays);
  layout.note(t.yourHolidaysNote(LUNAR_TABLE_LAST_YEAR), t.yourHolidaysRefresh);
  const slots = Array.from({ length: given.length + FREE_HOLIDAY_ROWS }, (_, slot) => slot);
  const input = (slot: number, field: HolidayField) => ({
    value: given[slot]?.[field] ?? "",
    input: KEY_DATE_INPUTS.holiday(slot, field),
    format: "text" as const,
  });
  layout.table({
    col: 3,
    header: [...t.inputHeader],
    rows: slots.map((slot) => [input(slot, "name"), input(slot, "nameZh"), input(slot, "date")]),
  });
  layout.gap();
}

export function buildKeyDatesSheet(data: ReportData): SheetModel {
  const { analysis, config, defaults } = data;
  const { summary, tiers, table } = analysis;
  const language = config.language;
  const t = KEY_DATE_TEXTS[language];
  const money = moneyFormat(config.currency);
  const topTiers = tiers.categories.slice(0, config.keyDates.topTiers);
  const topTierNames = topTiers.map((tier) => localName(tier, language)).join(t.tierJoin);
  const wanted = (level: number | undefined) => level !== undefined && level < topTiers.length;
  const dates = analysis.keyDates.filter((k) => wanted(k.level));
  const shown = dates.slice(0, config.listLimit);
  const days = config.keyDates.days;

  const layout = new SheetLayout().title(
    t.title,
    t.intro(formatDay(analysis.asOf), formatDay(analysis.asOf + days), topTierNames),
  );
  const hasBirthday = table.members.birthday !== null;
  const hasJoinDate = table.members.joinDay !== null;
  if (!hasBirthday || !hasJoinDate) layout.note(t.missing(hasBirthday, hasJoinDate));
  layout.note(
    t.realFirstPurchase(FIRST_PURCHASE_MARGIN_DAYS, formatDay(firstOwnPurchaseDay(summary.firstDay))),
  );
  layout.gap();
  layout.facts([
    [t.daysAhead, { value: defaults.keyDateDays, input: KEY_DATE_INPUTS.days, format: "integer" }],
  ]);
  layout.validate({
    type: "whole",
    range: `B${layout.row - 1}`,
    min: 0,
    max: 366,
    prompt: t.daysPrompt,
    error: t.daysError,
  });
  layout.gap();
  holidaysBlock(layout, data, topTiers.length, topTierNames, t);
  layout.section(t.comingSection, t.comingNote(dates.length, shown.length));
  const h = t.header;
  const contacts = contactColumns(data);
  const ids = shownCustomerIds(data);
  layout.table({
    header: [
      h.date,
      h.inDays,
      h.occasion,
      idHeader(data, h.customerId),
      ...contacts.header,
      h.tier,
      { value: h.years, note: h.yearsNote },
      h.netSpend,
      h.lastPurchase,
    ],
    rows: shown.map((k) => [
      excelDate(k.day),
      k.daysUntil,
      t.occasions[k.kind],
      ids[k.customer],
      ...contacts.cells(k.customer),
      tierName(analysis, k.level ?? -1, language),
      k.years,
      round(summary.spend[k.customer], 2),
      excelDate(summary.lastDay[k.customer]),
    ]),
    formats: ["date", "integer", null, "text", ...contacts.formats, null, "integer", money, "date"],
    table: { name: "LL_KeyDates", style: "TableStyleMedium7" },
  });
  return layout.finish({
    kind: "key-dates",
    // Columns E and F (sales and buyers around last year's holidays, tier and years) fit their contents.
    columnWidths: [13, 9, 27, 14, ...contacts.header.map(() => null), null, null, 21, 13],
    tabColor: "#ED7D31",
  });
}

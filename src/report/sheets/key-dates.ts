/**
 * The Key dates sheet: the holidays and shopping days of the coming weeks (with whom to invite and what
 * the store sold around them last year), then birthdays, first-purchase anniversaries and membership
 * anniversaries in the coming days for members of the top tiers, soonest first. The number of days ahead
 * is an input cell; the holiday calendar is the setting keyDates.holidays.
 */
import { formatDay } from "../../engine/data/days";
import type { KeyDateKind } from "../../engine/keydates/key-dates";
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
import { listedNote } from "./note-text";
import { moneyFormat } from "./number-formats";
import { counted } from "../../engine/text/counted";

const OCCASIONS: Record<KeyDateKind, string> = {
  birthday: "Birthday",
  firstPurchaseAnniversary: "First purchase anniversary",
  membershipAnniversary: "Membership anniversary",
};

/** Days before and after last year's holiday whose sales are shown. */
const AROUND_DAYS = 7;
/** A customer who bought within this many days is active. */
const ACTIVE_DAYS = 365;

/**
 * The "Holidays and shopping days" block: nothing when keyDates.holidayDays is 0. Whom to invite is counted
 * as of today, the same for every holiday, so it is said once above the table.
 */
function holidaysBlock(layout: SheetLayout, data: ReportData, topTiers: number, topTierNames: string): void {
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
    "Holidays and shopping days",
    `${counted(holidays.length, "holiday")} from ${formatDay(analysis.asOf)} to ${formatDay(analysis.asOf + window)}.`,
  );
  layout.note(
    `${counted(invitees.topTierMembers, `${topTierNames} member`)} and ` +
      `${counted(invitees.activeCustomers, "active customer")} (bought in the last ${ACTIVE_DAYS} days) to invite.`,
  );
  layout.table({
    header: [
      "Date",
      "In days",
      "Holiday",
      "节日",
      {
        value: `Sales ±${AROUND_DAYS} days last year`,
        note:
          `Sales from ${AROUND_DAYS} days before to ${AROUND_DAYS} days after the same holiday last year ` +
          "(refunds not taken off); blank when the data does not cover those days or the calendar has no " +
          "date for it last year",
      },
      { value: "Buyers then", note: "Customers who bought in those days" },
    ],
    rows: holidays.map((h) => [
      excelDate(h.day),
      h.daysUntil,
      h.name,
      h.nameZh,
      h.lastYear ? round(h.lastYear.sales, 2) : null,
      h.lastYear ? h.lastYear.buyers : null,
    ]),
    formats: ["date", "integer", "text", "text", moneyFormat(config.currency), "integer"],
    table: { name: "LL_Holidays", style: "TableStyleMedium7" },
  });
  layout.gap();
  holidayInputs(layout, data);
}

/**
 * The user's own holidays as input cells (name, Chinese name, date) in columns C to E: the holidays of the
 * settings, then empty rows. What the user types is kept and used by Refresh (report-inputs.ts).
 * Columns C and D are the Holiday and 节日 columns of the table above, wide enough for names; A and B
 * (dates, days) are too narrow for them.
 */
function holidayInputs(layout: SheetLayout, data: ReportData): void {
  const given = data.defaults.holidays;
  layout.section("Your holidays");
  layout.note(
    "A name and a date: MM-DD (every year) or YYYY-MM-DD (that year only, e.g. lunar festivals after " +
      `${LUNAR_TABLE_LAST_YEAR}).`,
    "Refresh adds them to the calendar; the name of a built-in holiday moves its date. Clear the cells to undo.",
  );
  const slots = Array.from({ length: given.length + FREE_HOLIDAY_ROWS }, (_, slot) => slot);
  const input = (slot: number, field: HolidayField) => ({
    value: given[slot]?.[field] ?? "",
    input: KEY_DATE_INPUTS.holiday(slot, field),
    format: "text" as const,
  });
  layout.table({
    col: 3,
    header: ["Holiday", "节日", "Date"],
    rows: slots.map((slot) => [input(slot, "name"), input(slot, "nameZh"), input(slot, "date")]),
  });
  layout.gap();
}

export function buildKeyDatesSheet(data: ReportData): SheetModel {
  const { analysis, config, defaults } = data;
  const { summary, tiers, table } = analysis;
  const money = moneyFormat(config.currency);
  const topTiers = tiers.categories.slice(0, config.keyDates.topTiers);
  const topTierNames = topTiers.map((t) => t.name).join(" and ");
  const wanted = (level: number | undefined) => level !== undefined && level < topTiers.length;
  const dates = analysis.keyDates.filter((k) => wanted(k.level));
  const shown = dates.slice(0, config.listLimit);
  const days = config.keyDates.days;

  const layout = new SheetLayout().title(
    "Key dates",
    `Occasions from ${formatDay(analysis.asOf)} to ${formatDay(analysis.asOf + days)} for ` +
      `${topTierNames} members: a reason to get in touch.`,
  );
  const missing = [table.members.birthday ? "" : "birthday", table.members.joinDay ? "" : "join date"].filter(
    Boolean,
  );
  if (missing.length > 0) {
    layout.note(
      `The data has no ${missing.join(" or ")} column, so only ${table.members.birthday ? "birthdays and " : ""}` +
        "purchase anniversaries are listed; add the column and map it to see them.",
    );
  }
  layout.gap();
  layout.facts([
    ["Days ahead", { value: defaults.keyDateDays, input: KEY_DATE_INPUTS.days, format: "integer" }],
  ]);
  layout.validate({
    type: "whole",
    range: `B${layout.row - 1}`,
    min: 0,
    max: 366,
    prompt: "Days ahead to list, 0 to 366",
    error: "Type a whole number from 0 to 366",
  });
  layout.gap();
  holidaysBlock(layout, data, topTiers.length, topTierNames);
  layout.section(
    "Coming occasions",
    counted(dates.length, "occasion") + `${listedNote(shown.length, dates.length)}.`,
  );
  layout.table({
    header: [
      "Date",
      "In days",
      "Occasion",
      "Customer ID",
      "Tier",
      {
        value: "Years",
        note: "Age reached on a birthday; years since the first purchase or joining otherwise",
      },
      "Net spend",
      "Last purchase",
    ],
    rows: shown.map((k) => [
      excelDate(k.day),
      k.daysUntil,
      OCCASIONS[k.kind],
      summary.customerIds[k.customer],
      tierName(analysis, k.level ?? -1),
      k.years,
      round(summary.spend[k.customer], 2),
      excelDate(summary.lastDay[k.customer]),
    ]),
    formats: ["date", "integer", null, "text", null, "integer", money, "date"],
    table: { name: "LL_KeyDates", style: "TableStyleMedium7" },
  });
  return layout.finish({
    kind: "key-dates",
    // Columns E and F (sales and buyers around last year's holidays, tier and years) fit their contents.
    columnWidths: [13, 9, 27, 14, null, null, 21, 13],
    tabColor: "#ED7D31",
  });
}

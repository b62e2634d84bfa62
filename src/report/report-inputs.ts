/**
 * The cells a user may edit on the generated sheets (tier minimums on Tiers, alert thresholds on Alerts,
 * days ahead and the holiday table on Key dates): read from the workbook BEFORE the engine runs, so that a rebuild both keeps the
 * user's values (the workbook does that) and computes with them (this does). An edited cell that holds no
 * usable value stops the build with a message naming the sheet and the cell; a cleared cell means "use
 * the default".
 */
import { dayFromExcelSerial } from "../sheet/serial-dates";
import { parseAmount } from "../engine/data/parse-amount";
import { isCellError, type CellValue } from "../engine/data/table";
import { dayFromDate, formatDay } from "../engine/data/days";
import { parseHolidayDate, type HolidayEntry } from "../engine/keydates/holidays";
import { checkTierProgram, type TierProgram, type TierRule } from "../engine/tiers/program";
import { UserError } from "../user-error";
import { tierProblemText } from "../engine/text/rule-problems";
import type { Workbook } from "../sheet/port";
import type { ReportConfig } from "./config";
import { ALERT_INPUTS, FREE_HOLIDAY_ROWS, KEY_DATE_INPUTS, TIER_INPUTS } from "./input-keys";
import type { SheetKind } from "./sheet-kinds";

/** A value a user typed into an input cell, and where. */
export interface InputEdit {
  key: string;
  sheetName: string;
  address: string;
  value: CellValue;
}

/** The sheets whose input cells feed the engine. */
const SHEETS_WITH_INPUTS: readonly SheetKind[] = ["tiers", "alerts", "key-dates"];

/** Edited input cells of the generated sheets, by key (cleared cells are left out: they mean the default). */
export async function readInputEdits(workbook: Workbook): Promise<Map<string, InputEdit>> {
  const edits = new Map<string, InputEdit>();
  const generated = await workbook.listGeneratedSheets();
  for (const sheet of generated) {
    if (!SHEETS_WITH_INPUTS.includes(sheet.kind as SheetKind)) continue;
    for (const input of await workbook.readInputs(sheet.kind)) {
      const blank = input.value === null || input.value === undefined || input.value === "";
      if (!input.edited || blank) continue;
      edits.set(input.key, {
        key: input.key,
        sheetName: sheet.sheetName,
        address: input.address,
        value: input.value,
      });
    }
  }
  return edits;
}

interface Range {
  min: number;
  max?: number;
  integer?: boolean;
}

function describeCell(edit: InputEdit, what: string): string {
  return `sheet ${edit.sheetName}, cell ${edit.address} (${what})`;
}

/** The sheet and cell of an edit, for an error's detail. */
function cellOf(edit: InputEdit): { sheet: string; cell: string } {
  return { sheet: edit.sheetName, cell: edit.address };
}

/** A number typed into a cell: a number, or text such as "1,200" or "40%". */
function cellNumber(v: CellValue): number {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return NaN;
  const t = v.trim();
  return t.endsWith("%") ? parseAmount(t.slice(0, -1)) / 100 : parseAmount(t);
}

/** What a cell shows, for messages: its text, a date as YYYY-MM-DD, or the error. */
function shownValue(v: CellValue): string {
  return isCellError(v) ? v.error : JSON.stringify(v instanceof Date ? v.toISOString().slice(0, 10) : v);
}

/** The number in an edited cell, or a UserError saying what to type. */
function numberFrom(edit: InputEdit, what: string, range: Range): number {
  const v = edit.value;
  const shown = shownValue(v);
  const n = cellNumber(v);
  const ok =
    Number.isFinite(n) &&
    n >= range.min &&
    (range.max === undefined || n <= range.max) &&
    (!range.integer || Number.isInteger(n));
  if (ok) return n;
  const wanted = `${range.integer ? "a whole number" : "a number"} ${range.max === undefined ? `of at least ${range.min}` : `from ${range.min} to ${range.max}`}`;
  throw new UserError(
    `${describeCell(edit, what)}: ${shown} is not ${wanted}; type one, or clear the cell to use the default`,
    undefined,
    {
      code: "editedCell",
      ...cellOf(edit),
      what,
      value: shown,
      min: range.min,
      ...(range.max === undefined ? {} : { max: range.max }),
      integer: range.integer === true,
    },
  );
}

/** The holiday date typed into a cell: "MM-DD" or "YYYY-MM-DD" text, or a date Excel made of it. */
function holidayDateFrom(edit: InputEdit): string {
  const v = edit.value;
  const text =
    v instanceof Date
      ? formatDay(dayFromDate(v))
      : typeof v === "number"
        ? formatDay(dayFromExcelSerial(v))
        : typeof v === "string"
          ? v.trim()
          : "";
  if (parseHolidayDate(text)) return text;
  throw new UserError(
    `${describeCell(edit, "holiday date")}: ${shownValue(v)} is not a date; type MM-DD (every year) or ` +
      "YYYY-MM-DD (that year only), or clear the cell",
    undefined,
    { code: "holidayNotDate", ...cellOf(edit), value: shownValue(v) },
  );
}

function holidayNameFrom(edit: InputEdit): string {
  if (typeof edit.value === "string" && edit.value.trim().length <= 100) return edit.value.trim();
  throw new UserError(
    `${describeCell(edit, "holiday name")}: type a name of at most 100 characters`,
    undefined,
    { code: "holidayNameTooLong", ...cellOf(edit) },
  );
}

/**
 * The holidays of the settings with the rows the user edited in the holiday table on the Key dates
 * sheet: an edited cell replaces that field of the settings' holiday in its row, or fills a free row.
 */
function editedHolidays(given: readonly HolidayEntry[], edits: Map<string, InputEdit>): HolidayEntry[] {
  const out: HolidayEntry[] = [];
  for (let slot = 0; slot < given.length + FREE_HOLIDAY_ROWS; slot++) {
    const [date, name, nameZh] = (["date", "name", "nameZh"] as const).map((field) =>
      edits.get(KEY_DATE_INPUTS.holiday(slot, field)),
    );
    const before = given[slot];
    if (!date && !name && !nameZh) {
      if (before) out.push(before);
      continue;
    }
    const entry = {
      date: date ? holidayDateFrom(date) : before?.date,
      name: name ? holidayNameFrom(name) : before?.name,
      nameZh: nameZh ? holidayNameFrom(nameZh) : before?.nameZh,
    };
    const typed = (name ?? nameZh ?? date) as InputEdit;
    if (!entry.date) {
      throw new UserError(
        `${describeCell(typed, "holiday name")}: ${shownValue(typed.value)} has no date in its row; type one ` +
          "as MM-DD (every year) or YYYY-MM-DD (that year only)",
        undefined,
        { code: "holidayWithoutDate", ...cellOf(typed), value: shownValue(typed.value) },
      );
    }
    const label = entry.name || entry.nameZh;
    if (!label) {
      throw new UserError(
        `${describeCell(typed, "holiday date")}: ${entry.date} has no name in its row; type one`,
        undefined,
        { code: "holidayWithoutName", ...cellOf(typed), date: entry.date },
      );
    }
    out.push(
      entry.nameZh
        ? { date: entry.date, name: label, nameZh: entry.nameZh }
        : { date: entry.date, name: label },
    );
  }
  return out;
}

/** The settings with the user's alert thresholds, spend window, upgrade margin, key-date days and holidays. */
export function withEditedSettings(config: ReportConfig, edits: Map<string, InputEdit>): ReportConfig {
  const edit = (key: string) => edits.get(key);
  const rules = config.alerts.rules.map((rule) => ({
    ...rule,
    when: rule.when.map((condition, i) => {
      const e = edit(ALERT_INPUTS.threshold(rule.key, i));
      return e
        ? { ...condition, value: numberFrom(e, `threshold of "${rule.name}"`, { min: -1e12 }) }
        : condition;
    }),
  }));
  const window = edit(ALERT_INPUTS.spendWindowDays);
  const days = edit(KEY_DATE_INPUTS.days);
  const within = edit(TIER_INPUTS.upgradeWithin);
  return {
    ...config,
    alerts: {
      rules,
      spendWindowDays: window
        ? numberFrom(window, "days of spend compared", { min: 1, max: 3660, integer: true })
        : config.alerts.spendWindowDays,
    },
    keyDates: {
      ...config.keyDates,
      days: days ? numberFrom(days, "days ahead", { min: 0, max: 366, integer: true }) : config.keyDates.days,
      holidays: editedHolidays(config.keyDates.holidays, edits),
    },
    tiers: {
      ...config.tiers,
      upgradeWithin: within
        ? numberFrom(within, "upgrade candidates within", { min: 0, max: 1 })
        : config.tiers.upgradeWithin,
    },
  };
}

/**
 * The tier program with the user's minimums in place of the defaults (`defaults` has every threshold
 * explicit), or undefined when no minimum was edited.
 */
export function withEditedTiers(
  defaults: TierProgram,
  edits: Map<string, InputEdit>,
): TierProgram | undefined {
  let edited = false;
  let sheet = "";
  const tiers = defaults.tiers.map((rule, level): TierRule => {
    if (level === defaults.tiers.length - 1) return rule;
    const out: TierRule = { ...rule };
    const spend = edits.get(TIER_INPUTS.minSpend(rule.key));
    const days = edits.get(TIER_INPUTS.minPurchaseDays(rule.key));
    if (spend) out.minSpend = numberFrom(spend, `${rule.name} minimum net spend`, { min: 0 });
    if (days)
      out.minPurchaseDays = numberFrom(days, `${rule.name} minimum purchase days`, { min: 0, integer: true });
    if (spend || days) {
      edited = true;
      sheet = (spend ?? days)?.sheetName ?? sheet;
    }
    return out;
  });
  if (!edited) return undefined;
  const program = { ...defaults, tiers };
  const problems = checkTierProgram(program);
  if (problems.length > 0) {
    const english = problems.map((p) => tierProblemText("en", p)).join("; ");
    throw new UserError(`sheet ${sheet}: the tier minimums do not fit together: ${english}`, undefined, {
      code: "tierMinimumsOnSheet",
      sheet,
      problems,
    });
  }
  return program;
}

/**
 * The options every command that reads an order table takes, so `loyalty report` and `loyalty fit` read a
 * file alike: a flag per column role (--customer, --date, --amount, --order, --quantity, --price, --status,
 * --store, ...), a header-less file's columns (--no-header --columns id,date,quantity,amount), how a text
 * file is read (--delimiter, --encoding), number and date formats (--decimal-comma, --date-order), and the
 * rules on lines (--line-amounts, --keep-test-accounts, --mask-contacts). They become one layer of report
 * settings, checked like a settings file.
 */
import { SETTING_TEXTS } from "../report/setting-texts";
import { inputError } from "../input-errors";
import { Option, type Command } from "commander";
import { COLUMN_ROLES, roleLabel, type ColumnOverrides, type ColumnRole } from "../engine/data/columns";
import type { Language } from "../engine/text/language";
import { HELP_TEXTS } from "../i18n/command-help";
import { DAY_ORDERS } from "../engine/data/parse-date";
import { checkConfigLayer, type PartialReportConfig } from "../report/config";
import { deepMerge } from "../report/config-checks";
import { delimiterNamed, encodingNamed } from "../sheet/text-formats";
import type { CsvReadOptions } from "../workbook/csv/table";

/** The flag of each role: --customer, --order, --join-date, --price ... */
export function roleFlag(role: ColumnRole): string {
  if (role === "customerId") return "customer";
  if (role === "orderId") return "order";
  return role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Commander's property of a flag ("join-date" -> "joinDate"). */
const propertyOf = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Names a header-less file's columns may be given by in --columns, besides the role flags. */
const COLUMN_ALIASES: Record<string, ColumnRole> = {
  id: "customerId",
  customer: "customerId",
  customerid: "customerId",
  member: "customerId",
  order: "orderId",
  orderid: "orderId",
  invoice: "orderId",
  qty: "quantity",
  total: "amount",
  value: "amount",
  unitprice: "price",
};

/** Words in --columns for a column to leave out. */
const SKIP = new Set(["", "-", "_", "skip", "none"]);

export interface TableFlags {
  header?: boolean;
  columns?: string;
  delimiter?: string;
  encoding?: string;
  decimalComma?: boolean;
  dateOrder?: string;
  lineAmounts?: string;
  keepTestAccounts?: boolean;
  maskContacts?: boolean;
  [role: string]: unknown;
}

/** The table options, described in `language` (the help's). */
export function addTableOptions(command: Command, language: Language): Command {
  const h = HELP_TEXTS[language].table;
  for (const role of COLUMN_ROLES) {
    command.option(`--${roleFlag(role)} <column>`, h.roleColumn(roleLabel(role, language)));
  }
  return command
    .option("--no-header", h.header)
    .option("--columns <list>", h.columns)
    .option("--delimiter <d>", h.delimiter)
    .option("--encoding <name>", h.encoding)
    .option("--decimal-comma", h.decimalComma)
    .option("--no-decimal-comma", h.noDecimalComma)
    .addOption(new Option("--date-order <order>", h.dateOrder).choices([...DAY_ORDERS, "auto"]))
    .addOption(new Option("--line-amounts <kind>", h.lineAmounts).choices(["auto", "perLine", "orderTotal"]))
    .option("--keep-test-accounts", h.keepTestAccounts)
    .addOption(maskContactsOption(language));
}

/** `--mask-contacts`, for every command that writes a workbook (saved in it, so a refresh keeps it). */
export function maskContactsOption(language: Language): Option {
  return new Option("--mask-contacts", HELP_TEXTS[language].table.maskContacts);
}

/** The roles named by --columns, as column indexes. */
function columnsFromList(list: string): ColumnOverrides {
  const overrides: ColumnOverrides = {};
  list.split(",").forEach((word, index) => {
    const key = word
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, "");
    if (SKIP.has(word.trim().toLowerCase())) return;
    const role =
      COLUMN_ALIASES[key] ??
      COLUMN_ROLES.find((r) => r.toLowerCase() === key || roleFlag(r).replace(/-/g, "") === key);
    if (!role) {
      throw inputError("columnsUnknownRole", {
        word: word.trim(),
        index: index + 1,
        roles: COLUMN_ROLES.map(roleFlag),
      });
    }
    if (overrides[role] !== undefined) throw inputError("columnsTwice", { role: roleFlag(role) });
    overrides[role] = index;
  });
  return overrides;
}

/** The table options as one checked layer of report settings. */
export function tableConfigLayer(flags: TableFlags): PartialReportConfig {
  const raw: Record<string, unknown> = {};
  const columns: ColumnOverrides = flags.columns ? columnsFromList(flags.columns) : {};
  for (const role of COLUMN_ROLES) {
    const given = flags[propertyOf(roleFlag(role))];
    if (typeof given === "string") columns[role] = /^\d+$/.test(given.trim()) ? Number(given) - 1 : given;
  }
  if (Object.keys(columns).length > 0) raw.columns = columns;
  const source: Record<string, unknown> = {};
  if (flags.header === false) source.header = "none";
  if (flags.delimiter !== undefined) {
    const delimiter = delimiterNamed(flags.delimiter);
    if (!delimiter) throw inputError("badDelimiter", { value: flags.delimiter });
    source.delimiter = delimiter;
  }
  if (flags.encoding !== undefined) {
    const encoding = encodingNamed(flags.encoding);
    if (!encoding) {
      throw inputError("badEncoding", { value: flags.encoding });
    }
    source.encoding = encoding;
  }
  if (Object.keys(source).length > 0) raw.source = source;
  if (flags.decimalComma !== undefined) raw.decimalComma = flags.decimalComma;
  if (flags.dateOrder !== undefined) raw.dayOrder = flags.dateOrder;
  if (flags.lineAmounts !== undefined) raw.lineAmounts = flags.lineAmounts;
  if (flags.keepTestAccounts) raw.keepTestAccounts = true;
  if (flags.maskContacts) raw.maskContacts = true;
  return checkConfigLayer(raw, {
    en: SETTING_TEXTS.en.commandLine,
    "zh-CN": SETTING_TEXTS["zh-CN"].commandLine,
  });
}

/** Layers the command line over settings read elsewhere (a --config file, a workbook's stored settings). */
export function withTableFlags(config: PartialReportConfig, flags: TableFlags): PartialReportConfig {
  return deepMerge(config, tableConfigLayer(flags));
}

/** How a text file is read under these settings. */
export function csvReadOptions(config: PartialReportConfig): CsvReadOptions {
  const source = config.source ?? {};
  const options: CsvReadOptions = { header: source.header ?? "auto" };
  if (source.delimiter) options.delimiter = source.delimiter;
  if (source.encoding) options.encoding = source.encoding;
  return options;
}

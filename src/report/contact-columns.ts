/**
 * The contact and context of a member as every sheet that lists members shows them beside the customer id
 * (LL Customers, LL Alerts, LL This week, LL Key dates, the tier lists): name, phone, e-mail, store and
 * channel, those the orders have, so that a manager can act on the list. With `maskContacts` on, phones
 * and e-mails are masked here, once (engine/data/mask-contacts.ts), and so are customer ids that are
 * phone numbers or e-mails: no sheet shows a contact any other way.
 */
import { maskEmail, maskPhone } from "../engine/data/mask-contacts";
import { CONTACT_TEXTS } from "../engine/text/contacts";
import type { Cell, NumberFormat } from "../sheet/sheet-model";
import type { ReportData } from "./report-data";

/** The member details shown as contact columns, in the order they are shown. */
export const CONTACT_ROLES = ["name", "phone", "email", "store", "channel"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** The contact details of each customer (as the data gives them, phones and e-mails masked when set). */
export type ContactDetails = Readonly<Record<ContactRole, readonly string[] | null>>;

const MASKS: Partial<Record<ContactRole, (text: string) => string>> = { phone: maskPhone, email: maskEmail };

/** Per analysis, the details and ids as shown, with whether they were masked (a build may ask often). */
const detailsCache = new WeakMap<ReportData["analysis"], { masked: boolean; details: ContactDetails }>();
const idsCache = new WeakMap<ReportData["analysis"], readonly string[]>();

function masks(data: ReportData): boolean {
  return data.config.maskContacts;
}

/** The contact details of the report's customers, masked when the settings say so. */
export function contactDetails(data: ReportData): ContactDetails {
  const masked = masks(data);
  const cached = detailsCache.get(data.analysis);
  if (cached?.masked === masked) return cached.details;
  const members = data.analysis.table.members;
  const details = Object.fromEntries(
    CONTACT_ROLES.map((role) => {
      const values = members[role];
      const mask = masked ? MASKS[role] : undefined;
      return [role, values && mask ? values.map(mask) : values];
    }),
  ) as Record<ContactRole, readonly string[] | null>;
  detailsCache.set(data.analysis, { masked, details });
  return details;
}

/** The contact role whose column also serves as the customer id (shops that key members by phone), if any. */
export function idContactRole(data: ReportData): "phone" | "email" | undefined {
  const { mapping } = data.analysis.table.columns;
  if (mapping.customerId === undefined) return undefined;
  if (mapping.customerId === mapping.phone) return "phone";
  if (mapping.customerId === mapping.email) return "email";
  return undefined;
}

/**
 * The customer ids as the sheets show them: as read, or, when the ids are phone numbers or e-mails and
 * contacts are masked, masked like them. Ids that look the same once masked are numbered " #1", " #2" in
 * the order of the ids themselves, so every row still names one member (and Refresh finds its row).
 */
export function shownCustomerIds(data: ReportData): readonly string[] {
  const ids = data.analysis.summary.customerIds;
  const role = idContactRole(data);
  if (!masks(data) || !role) return ids;
  const cached = idsCache.get(data.analysis);
  if (cached) return cached;
  const mask = MASKS[role] as (text: string) => string;
  const masked = ids.map(mask);
  const holders = new Map<string, number[]>();
  masked.forEach((m, c) => {
    const list = holders.get(m);
    if (list) list.push(c);
    else holders.set(m, [c]);
  });
  for (const [m, list] of holders) {
    if (list.length < 2) continue;
    list.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    list.forEach((c, k) => (masked[c] = `${m} #${k + 1}`));
  }
  idsCache.set(data.analysis, masked);
  return masked;
}

/**
 * A value of the order table as a sheet may quote it (the Data quality sheet's examples): masked when it is
 * in the phone or e-mail column (or the id column, when that is one of them) and contacts are masked.
 */
export function quotedValue(data: ReportData, columnLetter: string, value: string): string {
  if (!masks(data)) return value;
  const { mapping } = data.analysis.table.columns;
  for (const role of ["phone", "email"] as const) {
    const column = mapping[role];
    if (column === undefined || data.columnLetters[column] !== columnLetter) continue;
    return (MASKS[role] as (text: string) => string)(value);
  }
  return value;
}

/** Header cells, formats and the cells of a member, for the contact columns a sheet shows. */
export interface ContactColumns {
  header: Cell[];
  formats: NumberFormat[];
  cells: (customer: number) => Cell[];
}

/**
 * The contact columns the orders have (all but `omit`: the This week sheet groups by store already), in
 * the report's language. A contact column that is the customer id column is not shown twice.
 */
export function contactColumns(data: ReportData, omit: readonly ContactRole[] = []): ContactColumns {
  const t = CONTACT_TEXTS[data.config.language];
  const details = contactDetails(data);
  const idRole = idContactRole(data);
  const masked = masks(data);
  const roles = CONTACT_ROLES.filter((r) => details[r] !== null && !omit.includes(r) && r !== idRole);
  const noteOf = (role: ContactRole): string => {
    if (masked && role === "phone") return t.masked;
    if (masked && role === "email") return t.maskedEmail;
    return role === "channel" ? t.channelNote : t.fromOrders;
  };
  return {
    header: roles.map((role) => ({ value: t[role], note: noteOf(role) })),
    formats: roles.map(() => "text"),
    cells: (c) => roles.map((role) => details[role]?.[c] ?? ""),
  };
}

/** The customer id header of a list: with a note saying the ids are masked when they are. */
export function idHeader(data: ReportData, header: string): Cell {
  return masks(data) && idContactRole(data)
    ? { value: header, note: CONTACT_TEXTS[data.config.language].maskedIds }
    : header;
}

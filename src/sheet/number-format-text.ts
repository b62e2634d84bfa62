/**
 * A number as Excel shows it under a number format code: the codes the sheet models use (#,##0,
 * #,##0.00, 0.0%, yyyy-mm-dd, yyyy-mm-dd hh:mm, "¥"#,##0.00;-"¥"#,##0.00, General, @ ...), so the browser
 * preview's grid shows what Excel would (dates as dates, not as serial numbers 45291). Not every code
 * Excel knows: colours, conditions, fractions and scientific notation are shown as General.
 */

const DATE_PART = /(?:^|[^"\\])[ymdhs]/i;

/** Removes quoted literals and escapes, to look at the code's own symbols. */
function symbols(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function isDateCode(section: string): boolean {
  return DATE_PART.test(symbols(section));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatDate(date: Date, code: string): string {
  const s = symbols(code);
  const out: string[] = [];
  // Tokens of date codes; "m" after an hour (or before seconds) is minutes.
  const tokens = s.match(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|AM\/PM|./gi) ?? [];
  tokens.forEach((token, i) => {
    const t = token.toLowerCase();
    const previous =
      tokens
        .slice(0, i)
        .reverse()
        .find((p) => /^[ymdhs]/i.test(p))
        ?.toLowerCase() ?? "";
    const next =
      tokens
        .slice(i + 1)
        .find((p) => /^[ymdhs]/i.test(p))
        ?.toLowerCase() ?? "";
    const minutes = (t === "m" || t === "mm") && (previous.startsWith("h") || next.startsWith("s"));
    if (t === "yyyy") out.push(String(date.getUTCFullYear()));
    else if (t === "yy") out.push(pad(date.getUTCFullYear() % 100));
    else if (minutes) out.push(t === "mm" ? pad(date.getUTCMinutes()) : String(date.getUTCMinutes()));
    else if (t === "mmmm") out.push(date.toLocaleString("en-US", { month: "long", timeZone: "UTC" }));
    else if (t === "mmm") out.push(date.toLocaleString("en-US", { month: "short", timeZone: "UTC" }));
    else if (t === "mm") out.push(pad(date.getUTCMonth() + 1));
    else if (t === "m") out.push(String(date.getUTCMonth() + 1));
    else if (t === "dd") out.push(pad(date.getUTCDate()));
    else if (t === "d") out.push(String(date.getUTCDate()));
    else if (t === "hh") out.push(pad(date.getUTCHours()));
    else if (t === "h") out.push(String(date.getUTCHours()));
    else if (t === "ss") out.push(pad(date.getUTCSeconds()));
    else if (t === "s") out.push(String(date.getUTCSeconds()));
    else out.push(token);
  });
  return out.join("");
}

/** General: at most 11 characters, as a cell of standard width shows a number (2/3 is 0.666666667). */
function general(value: number): string {
  const plain = String(value);
  if (plain.length <= 11 || Number.isInteger(value)) return plain;
  for (let digits = 10; digits > 1; digits--) {
    const text = String(Number(value.toPrecision(digits)));
    if (text.length <= 11) return text;
  }
  return value.toExponential(2);
}

function formatNumberSection(value: number, section: string): string {
  const bare = symbols(section);
  const percent = bare.includes("%");
  const shown = percent ? value * 100 : value;
  const digits = /0[.]([0#]+)/.exec(bare)?.[1].length ?? 0;
  const grouped = /[#0],[#0]/.test(bare);
  const number = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: grouped,
  }).format(shown);
  // Literal text around the number ("¥", " days") stays where the code has it.
  const first = section.search(/[#0?]/);
  const last = Math.max(section.lastIndexOf("#"), section.lastIndexOf("0"), section.lastIndexOf("?"));
  const literal = (part: string) =>
    part
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/[_*]./g, "");
  const before = first > 0 ? literal(section.slice(0, first)) : "";
  const after = last >= 0 ? literal(section.slice(last + 1)).replace(/^[.,]+/, "") : "";
  return `${before}${number}${after}`;
}

/** The text Excel shows for `value` under `code` (a date as a Date or a serial number). */
export function formatWithCode(value: number | Date, code: string | undefined): string {
  const sections = (code ?? "General").split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (value instanceof Date) {
    const dateSection = sections.find(isDateCode);
    if (dateSection) return formatDate(value, dateSection);
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (!Number.isFinite(value)) return String(value);
  const first = sections[0];
  if (first === "" || /^general$/i.test(first.trim()) || first.trim() === "@") return general(value);
  if (isDateCode(first)) return formatDate(excelSerialToDate(value), first);
  // Two sections: the second is for negatives (shown without the minus, which it writes itself).
  if (value < 0 && sections.length > 1 && sections[1] !== "") return formatNumberSection(-value, sections[1]);
  if (value === 0 && sections.length > 2 && sections[2] !== "") return formatNumberSection(0, sections[2]);
  return formatNumberSection(value, first);
}
import { excelSerialToDate } from "./serial-dates";

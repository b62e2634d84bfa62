/**
 * Customer and order ids from cells. An id is text: "00042" keeps its leading zeros, the number 42 becomes
 * "42" (never "42.0"), and text such as "42.0" (a number that went through a float column on its way to a
 * CSV) becomes "42". Surrounding blanks are removed. "" means the cell holds no id.
 */
import { isCellError, type CellValue } from "./table";
import { dayFromDate, formatDay } from "./days";

const FLOAT_INTEGER_TEXT = /^(\d+)\.0+$/;

/** Characters that String.prototype.trim removes, the common ones: controls, space, NBSP, ideographic space. */
function isBlankChar(code: number): boolean {
  return code <= 32 || code === 160 || code === 0x3000 || code === 0xfeff;
}

/** The id in a cell as text, or "" when the cell is blank or an error value. */
export function parseId(value: CellValue): string {
  if (typeof value === "string") {
    let s = value;
    const last = s.charCodeAt(s.length - 1);
    if (isBlankChar(s.charCodeAt(0)) || isBlankChar(last)) s = s.trim();
    if (last === 48 /* 0 */ && s.indexOf(".") > 0) {
      const m = FLOAT_INTEGER_TEXT.exec(s);
      if (m) return m[1];
    }
    return s;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    // Up to 1e21 String() writes integers in full; the float artefact ".0" never appears.
    return String(value);
  }
  if (value === null || value === undefined || isCellError(value)) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    const day = dayFromDate(value);
    return Number.isNaN(day) ? "" : formatDay(day);
  }
  return "";
}

/** The text of a cell as a person would read it in a message: "#N/A", "2024-05-12", "12.5", "(blank)". */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "(blank)";
  if (isCellError(value)) return value.error;
  if (typeof value === "string") return value.trim() === "" ? "(blank)" : value;
  return parseId(value);
}

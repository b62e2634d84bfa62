/**
 * Finding the order table in a workbook: every Excel table and every visible user sheet with data is a
 * candidate; each is scored by what its header row says (the engine's column detection, English and
 * Chinese headers), and the best is proposed; a customer summary (the headers `loyalty sql` gives it) is
 * offered too, after order tables as good. Only the first rows of each candidate are read.
 */
import { detectColumns, REQUIRED_ROLES, COLUMN_ROLES } from "../../engine/data/columns";
import { isCustomerSummaryHeaders } from "../../engine/summary/summary-columns";
import type { CellValue } from "../../engine/data/table";
import { parseRangeAddress, rangeAddress, type RangeBox } from "../../sheet/a1";
import type { TableSource, Workbook } from "../../sheet/port";
import { findHeaderRow, HEADER_SCAN_ROWS, isBlank } from "../../workbook/read-table";

export interface OrderSourceCandidate {
  /** Stable key for lists: "table:Orders" or "sheet:Orders". */
  key: string;
  kind: "table" | "sheet";
  source: TableSource;
  /** Table or sheet name. */
  name: string;
  sheet: string;
  /** A1 range of the table, or of the sheet's used range. */
  range: string;
  /** Data rows below the header (approximately, for sheets: blank rows included). */
  rows: number;
  headers: string[];
  /** Higher is more like an order table (see scoreHeaders). */
  score: number;
  /** No row of titles was found on the sheet: it is offered to be read without a header row. */
  noHeaderRow?: boolean;
  /** Its headers are a customer summary's (one row per customer, as `loyalty sql` makes it). */
  summary?: boolean;
}

/**
 * How much a header row looks like an order table: 10 points per required role (customer, date, amount)
 * the engine finds, 1 per optional role.
 */
export function scoreHeaders(headers: string[]): number {
  const { mapping } = detectColumns({ source: "", headers, columns: [], firstRow: 2 });
  let score = 0;
  for (const role of COLUMN_ROLES) {
    if (mapping[role] !== undefined) score += REQUIRED_ROLES.includes(role) ? 10 : 1;
  }
  return score;
}

/** Order tables with the three required columns score at least this. */
const COMPLETE = REQUIRED_ROLES.length * 10;

/**
 * The score of a table by its header. A customer summary scores just below an order table with the
 * required three columns: where the order lines are in the workbook too, they are proposed (they build
 * every sheet).
 */
function scored(headers: string[], bonus: number): { headers: string[]; score: number; summary?: true } {
  if (isCustomerSummaryHeaders(headers)) return { headers, score: COMPLETE - 1, summary: true };
  return { headers, score: scoreHeaders(headers) + bonus };
}

function headerTexts(cells: CellValue[]): string[] {
  let last = cells.length;
  while (last > 0 && isBlank(cells[last - 1])) last--;
  return cells.slice(0, last).map((v) => (isBlank(v) ? "" : v instanceof Date ? "" : String(v).trim()));
}

/** Candidates, best first (ties: tables before sheets, then more rows). */
export async function discoverSources(workbook: Workbook): Promise<OrderSourceCandidate[]> {
  const sheets = (await workbook.listSheets()).filter(
    (s) => s.visibility === "visible" && s.generatedKind === undefined && s.usedRange !== undefined,
  );
  const userSheets = new Set(sheets.map((s) => s.name));
  const tables = (await workbook.listTables()).filter((t) => userSheets.has(t.sheet));
  const candidates: OrderSourceCandidate[] = [];

  for (const t of tables) {
    const box = parseRangeAddress(t.range);
    const [header = []] = await workbook.readRange(
      t.sheet,
      rangeAddress({ ...box, bottom: box.top }, false, true),
    );
    // A table is a little more likely the orders than a sheet with the same header.
    candidates.push({
      key: `table:${t.name}`,
      kind: "table",
      source: { table: t.name },
      name: t.name,
      sheet: t.sheet,
      range: t.range,
      rows: box.bottom - box.top,
      ...scored(headerTexts(header), 0.5),
    });
  }

  for (const s of sheets) {
    const used = parseRangeAddress(s.usedRange as string);
    const top: RangeBox = {
      top: 1,
      left: 1,
      bottom: Math.min(used.bottom, HEADER_SCAN_ROWS),
      right: used.right,
    };
    const rows = await workbook.readRange(s.name, rangeAddress(top, false, true));
    const headerIndex = findHeaderRow(rows);
    const sheet = { key: `sheet:${s.name}`, kind: "sheet" as const, source: { sheet: s.name } };
    const place = { name: s.name, sheet: s.name, range: s.usedRange as string };
    if (headerIndex < 0) {
      // A header-less export (the CDNOW master): every row is data, its columns named by letter.
      const rowCount = used.bottom - used.top + 1;
      candidates.push({ ...sheet, ...place, rows: rowCount, headers: [], score: 0, noHeaderRow: true });
      continue;
    }
    // A sheet that is one table is offered as that table only.
    const headerRow = headerIndex + 1;
    if (tables.some((t) => t.sheet === s.name && parseRangeAddress(t.range).top === headerRow)) continue;
    candidates.push({
      ...sheet,
      ...place,
      rows: used.bottom - headerRow,
      ...scored(headerTexts(rows[headerIndex]), 0),
    });
  }
  return candidates.sort((a, b) => b.score - a.score || b.rows - a.rows);
}

/** The candidate to propose: the best one, if it has the three required columns or is a customer summary. */
export function proposedSource(candidates: OrderSourceCandidate[]): OrderSourceCandidate | undefined {
  const best = candidates[0];
  return best && (best.score >= COMPLETE || best.summary) ? best : undefined;
}

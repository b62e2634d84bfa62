/**
 * The currency of the data, from the data: a currency column (币种, Currency: "CNY", "RMB", "人民币",
 * "USD", "¥", ...) or the symbols and codes written in the amount text ("¥1,234.50", "USD 12", "12 €").
 * Each cell is read for a currency it names; the one named most often is the data's, and every other one
 * found is reported with its count (amounts in several currencies cannot be summed as one: the report says
 * so). The report's `currency` setting, when set, overrides all of this.
 *
 * "¥" alone is read as the yuan (CNY): the stores this tool is made for write it so; a Japanese export
 * would write JPY or 円.
 */
import { columnLabel, type CellValue, type RawTable } from "./table";

/** A currency the data can name: its ISO code and the symbol money formats show. */
export interface Currency {
  code: string;
  symbol: string;
}

/** The words and signs that name each currency, upper-cased; a cell names one when it holds one of them. */
const CURRENCIES: readonly (Currency & { names: readonly string[]; signs: readonly string[] })[] = [
  { code: "CNY", symbol: "¥", names: ["CNY", "RMB", "人民币", "元"], signs: ["¥", "￥", "元"] },
  { code: "USD", symbol: "$", names: ["USD", "US$", "美元"], signs: ["US$", "$"] },
  { code: "EUR", symbol: "€", names: ["EUR", "欧元"], signs: ["€"] },
  { code: "GBP", symbol: "£", names: ["GBP", "英镑"], signs: ["£"] },
  { code: "JPY", symbol: "JP¥", names: ["JPY", "日元", "円"], signs: ["円"] },
  { code: "HKD", symbol: "HK$", names: ["HKD", "HK$", "港币", "港元"], signs: ["HK$"] },
  { code: "TWD", symbol: "NT$", names: ["TWD", "NT$", "新台币"], signs: ["NT$"] },
  { code: "SGD", symbol: "S$", names: ["SGD", "S$", "新加坡元"], signs: ["S$"] },
  { code: "AUD", symbol: "A$", names: ["AUD", "A$", "澳元"], signs: ["A$"] },
  { code: "CAD", symbol: "C$", names: ["CAD", "C$", "加元"], signs: ["C$"] },
  { code: "CHF", symbol: "CHF ", names: ["CHF", "瑞士法郎"], signs: [] },
  { code: "KRW", symbol: "₩", names: ["KRW", "韩元"], signs: ["₩"] },
  { code: "INR", symbol: "₹", names: ["INR", "卢比"], signs: ["₹"] },
  { code: "MYR", symbol: "RM", names: ["MYR", "RM", "令吉"], signs: [] },
  { code: "THB", symbol: "฿", names: ["THB", "泰铢"], signs: ["฿"] },
];

/** Headers of a currency column, normalized as the column detection does (lower case, no blanks). */
const CURRENCY_HEADERS = [
  "currency",
  "currencycode",
  "curr",
  "ccy",
  "币种",
  "币别",
  "货币",
  "货币代码",
  "货币类型",
];

const normalize = (header: string) => header.toLowerCase().replace(/[\s_\-.()（）:：]/g, "");

/** The column whose header names a currency column, or −1. */
export function currencyColumnOf(headers: readonly string[]): number {
  return headers.findIndex((h) => CURRENCY_HEADERS.includes(normalize(String(h ?? ""))));
}

/** The currency a currency column's cell names ("CNY", "rmb", "人民币", "¥"), or null. */
export function currencyNamed(cell: CellValue): Currency | null {
  if (typeof cell !== "string") return null;
  const text = cell.trim().toUpperCase();
  if (!text) return null;
  const found = CURRENCIES.find((c) => c.names.includes(text) || c.signs.includes(text));
  return found ? { code: found.code, symbol: found.symbol } : null;
}

/** The currency an amount's text is written in ("¥1,234.50", "USD 12.00", "12 €"), or null. */
export function currencyInAmount(cell: CellValue): Currency | null {
  if (typeof cell !== "string" || !/\d/.test(cell)) return null;
  const text = cell.toUpperCase();
  // Codes and prefixed dollars first: "HK$12" is Hong Kong dollars, not US dollars.
  const byName = CURRENCIES.find((c) => c.names.some((n) => /^[A-Z$]+$/.test(n) && hasWord(text, n)));
  const found = byName ?? CURRENCIES.find((c) => c.signs.some((s) => text.includes(s)));
  return found ? { code: found.code, symbol: found.symbol } : null;
}

/** `word` in `text` not inside a longer run of letters ("USD 12" has USD; "AUDIT" has no AUD). */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text[i - 1] ?? " ";
    const after = text[i + word.length] ?? " ";
    if (!/[A-Z]/.test(before) && !/[A-Z]/.test(after)) return true;
  }
  return false;
}

/** Where the data's currency was read. */
export type CurrencySource =
  | { kind: "column"; column: string; header: string }
  | { kind: "amounts"; column: string; header: string }
  | { kind: "none" };

export interface CurrencyDetection {
  /** The currency named most often, or null when the data names none. */
  currency: Currency | null;
  /** Rows that named it. */
  rows: number;
  source: CurrencySource;
  /** Every other currency the data names, with its rows, most rows first. */
  others: (Currency & { rows: number })[];
}

/**
 * The cells of a column, each with the number of rows that hold it: a table's cells one by one, or (a
 * reader that counts distinct values, such as the DuckDB one) each distinct value once with its count.
 */
export type CountedCells = (column: number, visit: (cell: CellValue, rows: number) => void) => void;

/** Counts the currencies `read` finds in a column's cells; the most frequent first. */
function tally(cells: CountedCells, column: number, read: (cell: CellValue) => Currency | null) {
  const counts = new Map<string, Currency & { rows: number }>();
  cells(column, (cell, rows) => {
    const c = read(cell);
    if (!c) return;
    const entry = counts.get(c.code) ?? { ...c, rows: 0 };
    entry.rows += rows;
    counts.set(c.code, entry);
  });
  return [...counts.values()].sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
}

/**
 * The data's currency: from its currency column when it has one that names a currency, else from the
 * text of the amount column (`amountColumn`, the detected one), else none.
 */
export function detectCurrency(table: RawTable, amountColumn: number | undefined): CurrencyDetection {
  const cells: CountedCells = (column, visit) => {
    for (const cell of table.columns[column] ?? []) visit(cell, 1);
  };
  return detectCurrencyOf(table, cells, amountColumn);
}

/** `detectCurrency` on a table whose cells `cells` gives (only its headers and labels are read of `table`). */
export function detectCurrencyOf(
  table: RawTable,
  cells: CountedCells,
  amountColumn: number | undefined,
): CurrencyDetection {
  const where = (c: number) => ({
    column: columnLabel(table, c),
    header: String(table.headers[c] ?? ""),
  });
  const candidates: [CurrencySource["kind"], number, (cell: CellValue) => Currency | null][] = [];
  const currencyColumn = currencyColumnOf(table.headers);
  if (currencyColumn >= 0) candidates.push(["column", currencyColumn, currencyNamed]);
  if (amountColumn !== undefined && amountColumn >= 0)
    candidates.push(["amounts", amountColumn, currencyInAmount]);
  for (const [kind, column, read] of candidates) {
    const [first, ...others] = tally(cells, column, read);
    if (first) {
      const source = { kind, ...where(column) } as CurrencySource;
      return { currency: { code: first.code, symbol: first.symbol }, rows: first.rows, source, others };
    }
  }
  return { currency: null, rows: 0, source: { kind: "none" }, others: [] };
}

/**
 * Reading the cells of an order table into typed columns, one tight loop per column (much faster than one
 * loop over rows touching every column). Nothing is judged here: unreadable cells become NO_DAY, NaN or
 * −1, and read-orders.ts counts them.
 */
import type { CellValue, RawTable } from "./table";
import type { DetectedColumns } from "./columns";
import { isBlankCell, parseDay, type DateParseOptions } from "./parse-date";
import { amountFromPrice } from "./columns";
import { parseAmount, type AmountParseOptions } from "./parse-amount";
import { parseId } from "./parse-id";
import {
  compileTestAccountRules,
  DEFAULT_TEST_ACCOUNT_RULES,
  numericIdSpace,
  type IdContext,
  type TestAccountMatcher,
  type TestAccountRule,
} from "./test-accounts";
import { NO_DAY } from "./days";
import { LABEL_ROLES, type LabelRole } from "./orders";

/** What was read from each table row, indexed by table row. */
export interface RowValues {
  /** Customer per row in order of first appearance, −1 for a blank id. */
  customer: Int32Array;
  /** Day number per row, NO_DAY when the date cannot be read. */
  day: Int32Array;
  /** Amount per row (its amount column, else quantity × price − discount), NaN when it cannot be read. */
  amount: Float64Array;
  /** Quantity per row (NaN when blank), without a quantity column null. */
  quantity: Float64Array | null;
  /** Channel per row as an index into `channels` (−1 when blank), without a channel column null. */
  channel: Int32Array | null;
  channels: Dictionary;
  /** Per label role the table has a column for: an index per row into its dictionary (−1 when blank). */
  labels: Partial<Record<LabelRole, { index: Int32Array; dictionary: Dictionary }>>;
}

/** The customers of a table: ids in order of first appearance, their first row, and test-account rules. */
export interface Customers {
  ids: string[];
  firstRowOf: number[];
  testRuleOf: (TestAccountRule | undefined)[];
  /** Lines of each customer in the table. */
  lines: number[];
}

function readCustomers(cells: CellValue[], rows: number, out: Int32Array): Customers {
  const index = new Map<string, number>();
  const customers: Customers = { ids: [], firstRowOf: [], testRuleOf: [], lines: [] };
  for (let row = 0; row < rows; row++) {
    const id = parseId(cells[row]);
    if (id === "") {
      out[row] = -1;
      continue;
    }
    let c = index.get(id);
    if (c === undefined) {
      c = customers.ids.length;
      index.set(id, c);
      customers.ids.push(id);
      customers.firstRowOf.push(row);
      customers.lines.push(0);
    }
    customers.lines[c]++;
    out[row] = c;
  }
  return customers;
}

/** Applies the test-account rules to each customer once, knowing the whole table (id space, volumes). */
function flagTestAccounts(customers: Customers, rules: TestAccountMatcher): void {
  const { ids, lines } = customers;
  let total = 0;
  for (const n of lines) total += n;
  const indexOf = new Map<string, number>();
  ids.forEach((id, c) => indexOf.set(id, c));
  const context: IdContext = {
    isDenseNumeric: numericIdSpace(ids),
    shareOfLines: (id) => (total === 0 ? 0 : lines[indexOf.get(id) ?? -1] / total || 0),
    customers: ids.length,
  };
  customers.testRuleOf = ids.map((id) => rules.match(id, context));
}

function readDays(cells: CellValue[], rows: number, out: Int32Array, options?: DateParseOptions): void {
  for (let row = 0; row < rows; row++) {
    const day = parseDay(cells[row], options);
    out[row] = Number.isNaN(day) ? NO_DAY : day;
  }
}

function readAmounts(
  cells: CellValue[],
  rows: number,
  out: Float64Array,
  options?: AmountParseOptions,
): void {
  for (let row = 0; row < rows; row++) out[row] = parseAmount(cells[row], options);
}

/** Cents are kept exact: 6 × 2.55 is 15.3, not 15.299999999999999. */
export const AMOUNT_DIGITS = 1e6;

/**
 * A line's amount from its quantity, unit price and discount (0 when blank), rounded to AMOUNT_DIGITS.
 * The DuckDB reader computes it in SQL (src/cli/duckdb/rules-sql.ts); a test proves the two equal.
 */
export function lineAmount(quantity: number, price: number, discount: number): number {
  return Math.round((quantity * price - discount) * AMOUNT_DIGITS) / AMOUNT_DIGITS;
}

/** Quantity × unit price − discount (a blank discount is none) for each row, into `out`. */
function lineAmounts(
  quantity: Float64Array,
  priceCells: CellValue[],
  discountCells: CellValue[] | undefined,
  out: Float64Array,
  options?: AmountParseOptions,
): void {
  for (let row = 0; row < quantity.length; row++) {
    const price = parseAmount(priceCells[row], options);
    const discountCell = discountCells?.[row];
    const discount = isBlankCell(discountCell) ? 0 : parseAmount(discountCell, options);
    out[row] = lineAmount(quantity[row], price, discount);
  }
}

/** Reads the mapped columns of `rows` rows; test-account rules are applied to each distinct id once. */
export function readRowValues(
  table: RawTable,
  columns: DetectedColumns,
  rows: number,
  options: {
    dates?: DateParseOptions;
    amounts?: AmountParseOptions;
    testAccounts?: readonly TestAccountRule[];
  },
): { values: RowValues; customers: Customers } {
  const cellsOf = (column: number | undefined): CellValue[] | undefined =>
    column === undefined ? undefined : (table.columns[column] ?? []);
  const values: RowValues = {
    customer: new Int32Array(rows),
    day: new Int32Array(rows),
    amount: new Float64Array(rows),
    quantity: null,
    channel: null,
    channels: new Dictionary(),
    labels: {},
  };
  const testAccounts = compileTestAccountRules(options.testAccounts ?? DEFAULT_TEST_ACCOUNT_RULES);
  const { mapping } = columns;
  const customers = readCustomers(cellsOf(mapping.customerId) ?? [], rows, values.customer);
  flagTestAccounts(customers, testAccounts);
  readDays(cellsOf(mapping.date) ?? [], rows, values.day, options.dates);
  readAmounts(cellsOf(mapping.amount) ?? [], rows, values.amount, options.amounts);
  const quantityCells = cellsOf(mapping.quantity);
  if (quantityCells)
    readAmounts(quantityCells, rows, (values.quantity = new Float64Array(rows)), options.amounts);
  if (amountFromPrice(mapping) && values.quantity) {
    lineAmounts(
      values.quantity,
      cellsOf(mapping.price) ?? [],
      cellsOf(mapping.discount),
      values.amount,
      options.amounts,
    );
  }
  const channelCells = cellsOf(mapping.channel);
  if (channelCells) values.channel = readLabels(channelCells, rows, values.channels);
  for (const role of LABEL_ROLES) {
    const cells = cellsOf(mapping[role]);
    if (!cells) continue;
    const dictionary = new Dictionary();
    values.labels[role] = { index: readLabels(cells, rows, dictionary), dictionary };
  }
  return { values, customers };
}

/** A text column as indexes into `dictionary` (−1 for a blank cell); text is trimmed as ids are. */
function readLabels(cells: CellValue[], rows: number, dictionary: Dictionary): Int32Array {
  const out = new Int32Array(rows);
  for (let row = 0; row < rows; row++) out[row] = dictionary.indexOf(parseId(cells[row]));
  return out;
}

/** Text values numbered in order of first appearance; "" gets −1. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(text: string): number {
    if (text === "") return -1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(text, i);
      this.values.push(text);
    }
    return i;
  }
}

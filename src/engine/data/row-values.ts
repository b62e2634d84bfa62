/**
 * Reading the cells of an order table into typed columns, one tight loop per column (much faster than one
 * loop over rows touching every column). Nothing is judged here: unreadable cells become NO_DAY, NaN or
 * −1, and read-orders.ts counts them.
 */
import type { CellValue, RawTable } from "./table";
import type { DetectedColumns } from "./columns";
import { parseDay, type DateParseOptions } from "./parse-date";
import { parseAmount, type AmountParseOptions } from "./parse-amount";
import { parseId } from "./parse-id";
import {
  compileTestAccountRules,
  DEFAULT_TEST_ACCOUNT_RULES,
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
  /** Amount per row, NaN when it cannot be read. */
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
}

function readCustomers(
  cells: CellValue[],
  rows: number,
  out: Int32Array,
  rules: TestAccountMatcher,
): Customers {
  const index = new Map<string, number>();
  const customers: Customers = { ids: [], firstRowOf: [], testRuleOf: [] };
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
      customers.testRuleOf.push(rules.match(id));
    }
    out[row] = c;
  }
  return customers;
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
  const customers = readCustomers(cellsOf(mapping.customerId) ?? [], rows, values.customer, testAccounts);
  readDays(cellsOf(mapping.date) ?? [], rows, values.day, options.dates);
  readAmounts(cellsOf(mapping.amount) ?? [], rows, values.amount, options.amounts);
  const quantityCells = cellsOf(mapping.quantity);
  if (quantityCells) readAmounts(quantityCells, rows, (values.quantity = new Float64Array(rows)));
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

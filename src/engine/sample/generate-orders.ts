/**
 * A deterministic generator of order lines that look like a store's export: one row per order line with
 * order id, member id (text with leading zeros), order date and time, product, amount, quantity, channel,
 * birthday, join date, name, phone, home store, category and brand, in date order. The same options and seed give the same table on every platform.
 *
 * Skew as in real stores: the number of lines per customer is log-normal (a few customers buy very often,
 * most once or twice), heavy buyers start earlier and stay longer, each customer has their own typical
 * spend (log-normal) and a preferred channel. Optionally a share of rows is made dirty (blank ids,
 * impossible dates, text amounts, duplicates, refunds, test accounts) for data-quality demonstrations.
 */
import { dateFromDay, dayFromYmd, formatDay } from "../data/days";
import type { CellValue, RawTable } from "../data/table";
import { Random } from "../math/random";
import { CATEGORY_WEIGHTS, pickCategory, SAMPLE_CATEGORIES } from "./categories";

export interface GenerateOrdersOptions {
  /** Customers (default 1,000). */
  customers?: number;
  /** Order lines before any dirt is added (default 10 per customer; at least one per customer). */
  lines?: number;
  /** Seed of the random stream (default 1). */
  seed?: number;
  /** First and last possible order day, day numbers (default 2022-01-01 .. 2024-12-31). */
  firstDay?: number;
  lastDay?: number;
  /** Header language (default "en"). */
  headers?: "en" | "zh";
  /**
   * How cells are typed: "text" as a CSV file gives them (default), or "typed" as a workbook reader gives
   * them (amounts and quantities as numbers, dates as Date objects in UTC with the time of day).
   */
  cells?: "text" | "typed";
  /** Share of rows made dirty, 0..0.5 (default 0). */
  dirt?: number;
  /** Name of the table for messages (default "Orders"). */
  source?: string;
  /**
   * How long a customer stays active. "ownLength" (default): a share of the whole span of days, whenever
   * they join, as in a business that goes on after the data ends: the purchases that would fall after the
   * last day are not in the data (the plan is made for more lines, so that the table still has the lines
   * asked for). A customer who joins late buys at the same pace as one who joined early.
   * "untilDataEnd" (the samples before December 2026): a share of the time from their first purchase to
   * the last day, so that every customer's purchases fit in the data; a later joiner then buys faster
   * than an earlier one (about twice the spend per head in their first months for the last year's
   * joiners), which no real business shows and no model fitted on the years before can know. Kept to
   * measure that artefact (scripts/backtest-seeds.ts --until-data-end).
   */
  lifetimes?: "untilDataEnd" | "ownLength";
}

export const GENERATED_HEADERS = {
  en: [
    "Order ID",
    "Member ID",
    "Order Date",
    "Product",
    "Amount",
    "Quantity",
    "Channel",
    "Birthday",
    "Join Date",
    "Name",
    "Phone",
    "Store",
    "Category",
    "Brand",
  ],
  zh: [
    "订单编号",
    "会员编号",
    "下单时间",
    "商品编码",
    "实付金额",
    "数量",
    "渠道",
    "生日",
    "入会日期",
    "姓名",
    "手机号",
    "门店",
    "品类",
    "品牌",
  ],
} as const;

/** The stores of the sample chain: each member has a home store, written on each of their lines. */
const STORES = {
  en: ["Xuhui", "Jing'an", "Pudong", "Minhang"],
  zh: ["徐汇店", "静安店", "浦东店", "闵行店"],
};

/** Common Chinese surnames and given-name characters, with their pinyin for the English sample. */
const SURNAMES = [
  ["王", "Wang"], ["李", "Li"], ["张", "Zhang"], ["刘", "Liu"], ["陈", "Chen"], ["杨", "Yang"],
  ["黄", "Huang"], ["赵", "Zhao"], ["吴", "Wu"], ["周", "Zhou"], ["徐", "Xu"], ["孙", "Sun"],
] as const; // prettier-ignore
const GIVEN = [
  ["伟", "Wei"], ["芳", "Fang"], ["娜", "Na"], ["敏", "Min"], ["静", "Jing"], ["丽", "Li"], ["强", "Qiang"],
  ["磊", "Lei"], ["洋", "Yang"], ["艳", "Yan"], ["勇", "Yong"], ["军", "Jun"], ["杰", "Jie"], ["娟", "Juan"],
  ["涛", "Tao"], ["明", "Ming"], ["超", "Chao"], ["秀英", "Xiuying"], ["霞", "Xia"], ["平", "Ping"],
] as const; // prettier-ignore

const CHANNELS = {
  en: ["Store", "Online shop", "App", "Mini program"],
  zh: ["门店", "线上商城", "App", "微信小程序"],
};

/** Column positions in the generated table. */
const ORDER = 0;
const MEMBER = 1;
const DATE = 2;
const PRODUCT = 3;
const AMOUNT = 4;
const QUANTITY = 5;
const CHANNEL = 6;
const BIRTHDAY = 7;
const JOIN = 8;
const NAME = 9;
const PHONE = 10;
const STORE = 11;
const CATEGORY = 12;
const BRAND = 13;

/** Products in the catalogue; the lines of one order are different products. */
const PRODUCTS = 2000;

interface Customer {
  id: string;
  lines: number;
  meanSpend: number;
  channel: number;
  birthday: CellValue;
  joinDate: CellValue;
  name: string;
  phone: string;
  store: string;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function timeText(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
}

/** Splits `total` lines over customers by log-normal weights, every customer getting at least one. */
function linesPerCustomer(rng: Random, customers: number, total: number): Int32Array {
  const weights = Float64Array.from({ length: customers }, () => Math.exp(1.3 * rng.normal()));
  let sum = 0;
  for (const w of weights) sum += w;
  const extra = total - customers;
  const lines = Int32Array.from(weights, (w) => 1 + Math.floor((extra * w) / sum));
  let given = 0;
  for (const l of lines) given += l;
  while (given < total) {
    lines[Math.floor(rng.uniform() * customers)]++;
    given++;
  }
  return lines;
}

function makeCustomers(rng: Random, options: Required<GenerateOrdersOptions>): Customer[] {
  const lines = linesPerCustomer(rng, options.customers, options.lines);
  const width = Math.max(8, String(options.customers).length);
  const asText = options.cells === "text";
  const dateCell = (day: number): CellValue => (asText ? formatDay(day) : dateFromDay(day));
  return Array.from(lines, (count, i) => {
    const born = dayFromYmd(1955, 1, 1) + Math.floor(rng.uniform() * 50 * 365.25);
    return {
      id: pad(i + 1, width),
      lines: count,
      meanSpend: Math.exp(Math.log(60) + 0.55 * rng.normal()),
      channel: Math.floor(rng.uniform() * rng.uniform() * 4),
      birthday: rng.uniform() < 0.8 ? dateCell(born) : "",
      joinDate: "",
      name: "",
      phone: "",
      store: "",
    };
  });
}

/**
 * Names, phones and home stores from a stream of their own, so that adding them left every other value of
 * a seed's sample as it was. Phones are mobile numbers of the form 13x-0000-xxxx (not meant to be real).
 * Most members (85 %) give a phone; a few (5 %) no name.
 */
function addContacts(customers: Customer[], seed: number, language: "en" | "zh"): void {
  const rng = new Random(seed ^ 0x5eed);
  const stores = STORES[language];
  for (const c of customers) {
    const surname = SURNAMES[Math.floor(rng.uniform() * SURNAMES.length)];
    const given = GIVEN[Math.floor(rng.uniform() * GIVEN.length)];
    const named = rng.uniform() >= 0.05;
    c.name = !named ? "" : language === "zh" ? surname[0] + given[0] : `${given[1]} ${surname[1]}`;
    const phoned = rng.uniform() < 0.85;
    c.phone = phoned
      ? `13${Math.floor(rng.uniform() * 10)}0000${pad(Math.floor(rng.uniform() * 10000), 4)}`
      : "";
    // Stores of different sizes: the first is the flagship.
    c.store = stores[Math.min(stores.length - 1, Math.floor(rng.uniform() ** 1.4 * stores.length))];
  }
}

interface OrderPlan {
  customer: Int32Array;
  day: Int32Array;
  second: Int32Array;
  lines: Int32Array;
}

/** Orders of every customer: how many lines each has, on which day and at what time. */
function planOrders(
  rng: Random,
  customers: Customer[],
  firstDay: number,
  lastDay: number,
  lifetimes: "untilDataEnd" | "ownLength",
): OrderPlan {
  const customer: number[] = [];
  const day: number[] = [];
  const second: number[] = [];
  const lines: number[] = [];
  const span = lastDay - firstDay;
  customers.forEach((c, index) => {
    const sizes: number[] = [];
    for (let left = c.lines; left > 0;) {
      const u = rng.uniform();
      const size = Math.min(left, u < 0.08 ? 3 : u < 0.3 ? 2 : 1);
      sizes.push(size);
      left -= size;
    }
    // Heavy buyers start earlier and stay active longer.
    const first = firstDay + Math.floor(span * rng.uniform() ** (1 + Math.log1p(sizes.length) / 2));
    const life = 1 - (1 - rng.uniform()) ** (1 + 0.3 * (sizes.length - 1));
    const active = Math.floor((lifetimes === "ownLength" ? span : lastDay - first) * life);
    sizes.forEach((size, k) => {
      const orderDay = k === 0 ? first : first + Math.floor(rng.uniform() * (active + 1));
      const orderSecond = 8 * 3600 + Math.floor(rng.uniform() * 14 * 3600);
      if (orderDay > lastDay) return;
      customer.push(index);
      day.push(orderDay);
      second.push(orderSecond);
      lines.push(size);
    });
  });
  return {
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    second: Int32Array.from(second),
    lines: Int32Array.from(lines),
  };
}

/** Order indexes sorted by day and time (ties by index), as exports list them. */
function chronological(plan: OrderPlan, firstDay: number): Int32Array {
  const n = plan.day.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (n < 2 ** 21) {
    // Pack (seconds since firstDay, index) into one exact double and sort numbers: far faster.
    const keys = Float64Array.from(
      order,
      (i) => ((plan.day[i] - firstDay) * 86400 + plan.second[i]) * 2 ** 21 + i,
    );
    keys.sort();
    return Int32Array.from(keys, (k) => k % 2 ** 21);
  }
  return order.sort((a, b) => plan.day[a] - plan.day[b] || plan.second[a] - plan.second[b] || a - b);
}

/** Rows made dirty in place, or appended (duplicates, refunds), one kind after the other. */
function addDirt(rng: Random, columns: CellValue[][], share: number, asText: boolean): void {
  const rows = columns[0].length;
  const count = Math.round(rows * share);
  for (let k = 0; k < count; k++) {
    const row = Math.floor(rng.uniform() * rows);
    switch (k % 6) {
      case 0:
        columns[MEMBER][row] = "";
        break;
      case 1:
        columns[DATE][row] = "2023-02-30";
        break;
      case 2:
        columns[AMOUNT][row] = "N/A";
        break;
      case 3:
        for (const column of columns) column.push(column[row]);
        break;
      case 4: {
        for (const column of columns) column.push(column[row]);
        const amount = Number(columns[AMOUNT][row]);
        const refund = Number.isFinite(amount) ? -amount : -1;
        columns[AMOUNT][columns[AMOUNT].length - 1] = asText ? refund.toFixed(2) : refund;
        break;
      }
      default:
        columns[MEMBER][row] = `TEST${pad(k, 4)}`;
    }
  }
}

/** Customers and their orders from a fresh stream of the seed, `lines` lines planned. */
function planFor(o: Required<GenerateOrdersOptions>, lines: number) {
  const rng = new Random(o.seed);
  const customers = makeCustomers(rng, { ...o, lines });
  const plan = planOrders(rng, customers, o.firstDay, o.lastDay, o.lifetimes);
  return { rng, customers, plan };
}

const linesOf = (plan: OrderPlan) => plan.lines.reduce((a, b) => a + b, 0);

/**
 * The plan with the lines asked for. With own lifetimes, the purchases after the last day are left out
 * (about a fifth with the defaults), so the plan is made again for the lines asked for × asked / kept,
 * and the few lines still missing or over are added to or taken from orders picked at random (the days
 * of purchase, which the models see, are left as planned).
 */
function plannedOrders(o: Required<GenerateOrdersOptions>) {
  const first = planFor(o, o.lines);
  const kept = linesOf(first.plan);
  if (kept === o.lines) return first;
  const planned = planFor(o, Math.max(o.customers, Math.round((o.lines * o.lines) / kept)));
  const { rng, plan } = planned;
  const orders = plan.lines.length;
  // Lines can be taken only from orders of two lines or more: never below one line per order.
  const target = Math.max(o.lines, orders);
  for (let given = linesOf(plan); given !== target;) {
    const order = Math.floor(rng.uniform() * orders);
    if (given < target) {
      plan.lines[order]++;
      given++;
    } else if (plan.lines[order] > 1) {
      plan.lines[order]--;
      given--;
    }
  }
  return planned;
}

export function generateOrders(options: GenerateOrdersOptions = {}): RawTable {
  const o = withDefaults(options);
  const { rng, customers, plan } = plannedOrders(o);
  addContacts(customers, o.seed, o.headers);
  addJoinDates(rng, customers, plan, o);
  const columns = writeOrders(rng, customers, plan, o);
  if (o.dirt > 0) addDirt(rng, columns, o.dirt, o.cells === "text");
  return { source: o.source, headers: [...GENERATED_HEADERS[o.headers]], columns, firstRow: 2 };
}

function withDefaults(options: GenerateOrdersOptions): Required<GenerateOrdersOptions> {
  const customers = options.customers ?? 1000;
  return {
    customers,
    lines: Math.max(customers, options.lines ?? customers * 10),
    seed: options.seed ?? 1,
    firstDay: options.firstDay ?? dayFromYmd(2022, 1, 1),
    lastDay: options.lastDay ?? dayFromYmd(2024, 12, 31),
    headers: options.headers ?? "en",
    cells: options.cells ?? "text",
    dirt: Math.min(0.5, Math.max(0, options.dirt ?? 0)),
    source: options.source ?? "Orders",
    lifetimes: options.lifetimes ?? "ownLength",
  };
}

/**
 * Join dates: up to 60 days before a member's first order (one in ten gave none). Drawn from the main
 * stream after the plan, so the orders of a seed stay what they were.
 */
function addJoinDates(
  rng: Random,
  customers: Customer[],
  plan: OrderPlan,
  o: Required<GenerateOrdersOptions>,
): void {
  const joinedOn = new Map<number, number>();
  for (let i = 0; i < plan.day.length; i++) {
    if (!joinedOn.has(plan.customer[i])) joinedOn.set(plan.customer[i], plan.day[i]);
  }
  customers.forEach((c, i) => {
    if (rng.uniform() < 0.1) return;
    const join = (joinedOn.get(i) ?? o.firstDay) - Math.floor(rng.uniform() * 60);
    c.joinDate = o.cells === "text" ? formatDay(join) : dateFromDay(join);
  });
}

/** What each line of the table is written with: its columns, the random streams, the members' tastes. */
interface LineWriter {
  columns: CellValue[][];
  rng: Random;
  /** The stream of the categories, apart from `rng`. */
  tastes: Random;
  /** Per customer, the favourite category and how often they buy it (the planted tastes). */
  favourite: number[];
  loyalty: number[];
  products: string[];
  /** The products already on the order being written. */
  inOrder: number[];
  o: Required<GenerateOrdersOptions>;
}

/** The order cells every line of an order repeats. */
interface OrderCells {
  id: string;
  date: CellValue;
  channel: string;
}

/** The planned orders as the table's lines, in the order of their day and time. */
function writeOrders(
  rng: Random,
  customers: Customer[],
  plan: OrderPlan,
  o: Required<GenerateOrdersOptions>,
): CellValue[][] {
  // Tastes come from a stream of their own, so the other columns are what they were before categories.
  const tastes = new Random(o.seed ^ 0x7a57e5);
  const lineCount = linesOf(plan);
  const writer: LineWriter = {
    columns: GENERATED_HEADERS[o.headers].map(() => new Array<CellValue>(lineCount)),
    rng,
    tastes,
    favourite: customers.map(() => pickCategory(tastes, -1, 0, CATEGORY_WEIGHTS)),
    loyalty: customers.map(() => 0.4 + 0.45 * tastes.uniform()),
    products: Array.from({ length: PRODUCTS }, (_, i) => `P${pad(i + 1, 5)}`),
    inOrder: [],
    o,
  };
  const channels = CHANNELS[o.headers];
  let row = 0;
  for (const [sequence, index] of chronological(plan, o.firstDay).entries()) {
    const customer = plan.customer[index];
    const c = customers[customer];
    const second = plan.second[index];
    const order: OrderCells = {
      id: `SO${pad(sequence + 1, 9)}`,
      // Joined rather than concatenated: a flat string, as a CSV parser gives, not a rope of two parts.
      date:
        o.cells === "text"
          ? [formatDay(plan.day[index]), timeText(second)].join(" ")
          : new Date(dateFromDay(plan.day[index]).getTime() + second * 1000),
      channel: channels[rng.uniform() < 0.8 ? c.channel : Math.floor(rng.uniform() * channels.length)],
    };
    row = writeOrderLines(writer, customer, c, order, plan.lines[index], row);
  }
  return writer.columns;
}

/**
 * The `lines` lines of one order of customer `c` (number `customer`) from `row` on: different products,
 * each with its amount around the customer's typical spend, a quantity, and a category of their tastes.
 * Returns the row after them.
 */
function writeOrderLines(
  w: LineWriter,
  customer: number,
  c: Customer,
  order: OrderCells,
  lines: number,
  row: number,
): number {
  const { columns, rng, o } = w;
  const asText = o.cells === "text";
  w.inOrder.length = 0;
  for (let l = 0; l < lines; l++, row++) {
    let product: number;
    do product = Math.floor(rng.uniform() ** 1.5 * PRODUCTS);
    while (w.inOrder.includes(product));
    w.inOrder.push(product);
    const amount = Math.max(0.5, Math.round(c.meanSpend * Math.exp(0.6 * rng.normal()) * 100) / 100);
    const quantity = 1 + Math.floor(rng.uniform() ** 2 * 4);
    columns[ORDER][row] = order.id;
    columns[MEMBER][row] = c.id;
    columns[DATE][row] = order.date;
    columns[PRODUCT][row] = w.products[product];
    columns[AMOUNT][row] = asText ? amount.toFixed(2) : amount;
    columns[QUANTITY][row] = asText ? String(quantity) : quantity;
    columns[CHANNEL][row] = order.channel;
    columns[BIRTHDAY][row] = c.birthday;
    columns[JOIN][row] = c.joinDate;
    columns[NAME][row] = c.name;
    columns[PHONE][row] = c.phone;
    columns[STORE][row] = c.store;
    const taste = pickCategory(w.tastes, w.favourite[customer], w.loyalty[customer], CATEGORY_WEIGHTS);
    const category = SAMPLE_CATEGORIES[taste];
    columns[CATEGORY][row] = o.headers === "zh" ? category.zh : category.en;
    columns[BRAND][row] = category.brands[product % category.brands.length];
  }
  return row;
}

/**
 * What each order-export fixture of test/data (written by scripts/make-export-fixtures.ts) must give, worked
 * out BY HAND from its rows: each customer's net spend (the arithmetic of their lines written out), orders,
 * purchase days, first and last purchase. The totals are summed from these; nothing here comes from our
 * code's output.
 */
import type { ColumnRole } from "../../src/engine/data/columns";

export interface ExpectedCustomer {
  spend: number;
  orders: number;
  purchaseDays: number;
  first: string;
  last: string;
}

export interface ExpectedExport {
  /** The file in test/data. */
  file: string;
  /** What it mirrors, for the test names. */
  shape: string;
  /** Flags the CLI needs (a header-less file's columns); none for files that say what they hold. */
  flags: string[];
  /** A header-less file's columns in order, as the task pane's user maps them (the roles of --columns). */
  noHeaderRoles?: readonly ColumnRole[];
  asOf: string;
  customers: Record<string, ExpectedCustomer>;
  /** Customers whose first purchase is the last day (T = 0): listed by the report, left out of model fits. */
  firstBoughtOnLastDay: string[];
  /** Rules that removed or changed lines: finding reason → rows (customers for noPurchase). */
  findings: Record<string, number>;
}

const customer = (
  spend: number,
  orders: number,
  purchaseDays: number,
  first: string,
  last = first,
): ExpectedCustomer => ({ spend, orders, purchaseDays, first, last });

/** (a) UK retailer invoice lines: amount = Quantity × UnitPrice; C invoices and negative quantities are returns. */
const UK_RETAIL: ExpectedExport = {
  file: "export-uk-retail.csv",
  shape: "a UK retailer's invoice lines (quantity × unit price, C invoices, returns, blank ids)",
  flags: [],
  asOf: "2011-01-18",
  customers: {
    // 536365 (6 × 2.55 + 6 × 3.39; its third line repeats the first exactly and is a double export),
    // 536366 (6 × 1.85) on 1 Dec, 536391 (12 × 2.10) on 5 Jan.
    "17850": customer(6 * 2.55 + 6 * 3.39 + 6 * 1.85 + 12 * 2.1, 3, 2, "2010-12-01", "2011-01-05"),
    // Two invoices on 1 Dec: 32 × 1.69 and 6 × 4.25.
    "13047": customer(32 * 1.69 + 6 * 4.25, 2, 1, "2010-12-01"),
    // 536380 (24 × 1.45) and the discount C536379 (−1 × 27.50) on the same day: the day still nets > 0.
    "14527": customer(24 * 1.45 - 1 * 27.5, 1, 1, "2010-12-01"),
    // 536381 (4 × 4.95) less the cancellation C536383 (−1 × 4.65) the same day.
    "15311": customer(4 * 4.95 - 1 * 4.65, 1, 1, "2010-12-13"),
    // 536386 (36 × 4.95); 536387 (−2 × 5.95) is a return without a C, the next day: not a purchase day.
    "16029": customer(36 * 4.95 - 2 * 5.95, 1, 1, "2010-12-15"),
    // 536370 (20 × 1.25) on 2 Dec; on 7 Jan 536400 (24 × 3.75) is returned in full by C536401: netted out.
    "12583": customer(20 * 1.25 + 24 * 3.75 - 24 * 3.75, 1, 1, "2010-12-02"),
    // 12346 bought 74,215 jars and returned them the same day (net 0): no purchase, not a customer.
  },
  firstBoughtOnLastDay: [],
  findings: {
    blankId: 2, // 536384, 536385
    duplicateLine: 1, // the repeated 536365 line
    refund: 5, // C536379, C536383, 536387, C536401, C541433
    nettedOut: 2, // 536400, 541431
    noPurchase: 1, // 12346
  },
};

/** (b) A Chinese marketplace's order export (GBK): 实付金额 is the order's total, repeated on each item line. */
const MARKETPLACE: ExpectedExport = {
  file: "export-marketplace-gbk.csv",
  shape: "a Chinese marketplace order export in GBK (order total on each line, 已退款, 交易关闭)",
  flags: [],
  asOf: "2024-02-01",
  customers: {
    // T1001 (198.00 on both its lines, once) and T1008 (66.60 twice, once); T1003 已退款 is not revenue.
    小明123: customer(198.0 + 66.6, 2, 2, "2023-11-11", "2024-02-01"),
    // T1002 120.50 and T1006 310.00; T1005 (259.00 on two lines) 交易关闭.
    lily_88: customer(120.5 + 310.0, 2, 2, "2023-11-11", "2024-01-20"),
    // T1004: 356.00 on three lines, one order.
    张三丰: customer(356.0, 1, 1, "2023-12-12"),
    // 王小二's only order T1007 is 交易关闭: not a customer.
  },
  firstBoughtOnLastDay: [],
  findings: {
    repeatedOrderTotal: 5, // the later lines of T1001, T1004 (2), T1005, T1008
    cancelledOrder: 3, // T1003, the first line of T1005, T1007
    noPurchase: 1, // 王小二
  },
};

/** (c) Shopify's order export: Total on the order's first line only, the customer known by Email. */
const SHOPIFY: ExpectedExport = {
  file: "export-shopify.csv",
  shape: "a Shopify order export (Total on the first line of an order, blanks below)",
  flags: [],
  asOf: "2024-04-15",
  customers: {
    // #1001 Total 55.00 (2 × 15.00 + 20.00 + 5.00 shipping) and #1006 22.50; #1003 was refunded.
    "anna@example.com": customer(55.0 + 22.5, 2, 2, "2024-03-01", "2024-04-15"),
    "ben@example.com": customer(34.9, 1, 1, "2024-03-05"),
    // #1004 Total 108.00 (100.00 + 2 × 10.00 − 12.00 discount) and #1005 40.00, the same day.
    "chloe@example.com": customer(108.0 + 40.0, 2, 1, "2024-04-02"),
  },
  firstBoughtOnLastDay: [],
  findings: {
    repeatedOrderTotal: 3, // the second lines of #1001, #1004, #1005
    cancelledOrder: 1, // #1003 refunded
  },
};

/** (d) The CDNOW master's shape: no header; customer 111xx first bought on xx January 1997 for 10 + xx dollars. */
function cdnowCustomers(): Record<string, ExpectedCustomer> {
  const out: Record<string, ExpectedCustomer> = {};
  for (let k = 1; k <= 22; k++) {
    out[String(11100 + k)] = customer(10 + k, 1, 1, `1997-01-${String(k).padStart(2, "0")}`);
  }
  // 11105 came back on 1 March (9.99).
  out["11105"] = customer(15 + 9.99, 2, 2, "1997-01-05", "1997-03-01");
  // 11111 (a repeated-digit id among the numbered customers: a real one) bought twice on 15 February
  // (25.98 and 12.99: one purchase day, two transactions) and on 10 June (44.97).
  out["11111"] = customer(21 + 25.98 + 12.99 + 44.97, 4, 3, "1997-01-11", "1997-06-10");
  return out;
}

const CDNOW_MASTER_SHAPE: ExpectedExport = {
  file: "export-cdnow-master-shape.txt",
  shape: "the CDNOW master's shape (no header, whitespace, id 11111 among numbered customers)",
  flags: ["--no-header", "--columns", "id,date,quantity,amount"],
  noHeaderRoles: ["customerId", "date", "quantity", "amount"],
  asOf: "1997-06-10",
  customers: cdnowCustomers(),
  firstBoughtOnLastDay: [],
  findings: {},
};

/** (e) Latin-1: seven people, accents told apart. */
const LATIN1: ExpectedExport = {
  file: "export-latin1.csv",
  shape: "a Latin-1 file (Müller, Zoé/Zoè, René/Renè)",
  flags: [],
  asOf: "2024-03-01",
  customers: {
    Müller: customer(100.0 + 50.0, 2, 2, "2024-01-05", "2024-02-10"),
    Zoé: customer(20.0, 1, 1, "2024-01-06"),
    Zoè: customer(30.0, 1, 1, "2024-01-06"),
    René: customer(40.0, 1, 1, "2024-01-07"),
    François: customer(15.5, 1, 1, "2024-02-02"),
    Muller: customer(5.0, 1, 1, "2024-02-03"),
    Renè: customer(60.0, 1, 1, "2024-03-01"),
  },
  firstBoughtOnLastDay: ["Renè"],
  findings: {},
};

/** (f) `;` with decimal comma and `.` thousands. */
const EUROPEAN: ExpectedExport = {
  file: "export-european.csv",
  shape: "a European ; file (1.201 = 1201 beside 12.345,67)",
  flags: [],
  asOf: "2024-02-01",
  customers: {
    "DE-1001": customer(1201 + 12345.67, 2, 2, "2024-01-05", "2024-02-01"),
    // 0,99 bought, −0,50 returned on another day (a day of returns only is no purchase day).
    "DE-1002": customer(0.99 - 0.5, 1, 1, "2024-01-10"),
    // 250 and 1.000,01 on the same day: two orders, one purchase day.
    "DE-1003": customer(250 + 1000.01, 2, 1, "2024-01-11"),
  },
  firstBoughtOnLastDay: [],
  findings: { refund: 1 },
};

/** (g) Day first: 25/12/2011 proves it, so 03/04/2011 is 3 April and 12/09/2011 12 September. */
const DAY_FIRST: ExpectedExport = {
  file: "export-day-first.csv",
  shape: "a day-first file where 25/12/2011 proves the order",
  flags: [],
  asOf: "2011-12-25",
  customers: {
    A1: customer(10 + 20, 2, 2, "2011-04-03", "2011-09-12"),
    B2: customer(5 + 30, 2, 2, "2011-12-01", "2011-12-25"),
    C3: customer(7.5 + 2.5, 2, 1, "2011-06-05"),
  },
  firstBoughtOnLastDay: [],
  findings: {},
};

export const EXPECTED_EXPORTS: readonly ExpectedExport[] = [
  UK_RETAIL,
  MARKETPLACE,
  SHOPIFY,
  CDNOW_MASTER_SHAPE,
  LATIN1,
  EUROPEAN,
  DAY_FIRST,
];

/** Totals of a fixture, summed from its customers. */
export function totalsOf(e: ExpectedExport) {
  const list = Object.values(e.customers);
  return {
    customers: list.length,
    revenue: list.reduce((s, c) => s + c.spend, 0),
    orders: list.reduce((s, c) => s + c.orders, 0),
    purchaseDays: list.reduce((s, c) => s + c.purchaseDays, 0),
  };
}

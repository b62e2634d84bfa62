/**
 * A report with 150,000 customers: no per-customer array is spread into function arguments anywhere on
 * the way (a spread of more than about 110,000 values overflows the call stack: `RangeError: Maximum call
 * stack size exceeded`). Kept to the sheets that list every customer, on two lines per customer, so it
 * stays a summary-level test; `npm run bench -- 5M` runs the 5,000,000-line file end to end.
 */
import type { CellValue, RawTable } from "../../src/engine/data/table";
import { buildReport } from "../../src/report/build-report";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";

const CUSTOMERS = 150_000;

/** Customer i buys on day 1 + (i mod 300) of 2024 for 10 + (i mod 7), and again 30 days later for 20. */
function table(): RawTable {
  const ids: CellValue[] = [];
  const dates: CellValue[] = [];
  const amounts: CellValue[] = [];
  const start = Date.UTC(2024, 0, 1) / 86_400_000 + 25_569; // Excel serial of 2024-01-01
  for (let i = 0; i < CUSTOMERS; i++) {
    const first = start + (i % 300);
    ids.push(`M${100000 + i}`, `M${100000 + i}`);
    dates.push(first, first + 30);
    amounts.push(10 + (i % 7), 20);
  }
  return {
    source: "orders",
    headers: ["Member ID", "Date", "Amount"],
    columns: [ids, dates, amounts],
    firstRow: 2,
  };
}

it("builds the Customers sheet of 150,000 customers without overflowing the stack", async () => {
  const workbook = new MemoryWorkbook();
  const { summary } = await buildReport({
    workbook,
    orders: { table: table() },
    config: { sheets: ["customers", "data-quality"], asOf: "2024-12-31" },
  });
  expect(summary.customers).toBe(CUSTOMERS);
  const grid = await workbook.readRange("LL Customers");
  const ids = new Set(grid.map((row) => row[0]).filter((v) => typeof v === "string" && /^M\d+$/.test(v)));
  expect(ids.size).toBe(CUSTOMERS);
  // Net spend of all customers: each one's first amount (10..16 by i mod 7) plus 20, summed by hand.
  let expected = 0;
  for (let i = 0; i < CUSTOMERS; i++) expected += 10 + (i % 7) + 20;
  expect(summary.revenue).toBeCloseTo(expected, 2);
}, 600_000);

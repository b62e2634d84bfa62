/**
 * More customers than a worksheet holds (order files read with DuckDB): the Customers sheet lists the most
 * valuable that fit, ends within the grid and says so. The worksheet's 1,048,576 rows are replaced by a
 * grid of 60 rows given to the builder, so the test needs 200 customers, not a million.
 */
import type { CellValue, RawTable } from "../../src/engine/data/table";
import { buildReport } from "../../src/report/build-report";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { CUSTOMER_TEXTS } from "../../src/engine/text/customers";

const GRID_ROWS = 60;
const CUSTOMERS = 200;

jest.mock("../../src/report/sheets/customers", () => {
  const actual = jest.requireActual("../../src/report/sheets/customers");
  return {
    ...actual,
    buildCustomersSheet: (data: unknown) => actual.buildCustomersSheet(data, GRID_ROWS),
  };
});

/** Customer C<i> buys twice in 2024, for 100 + i each time: the higher i, the more valuable. */
function orders(): RawTable {
  const ids: CellValue[] = [];
  const dates: CellValue[] = [];
  const amounts: CellValue[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    ids.push(`C${i}`, `C${i}`);
    dates.push(`2024-0${1 + (i % 5)}-10`, `2024-0${1 + (i % 5)}-20`);
    amounts.push(100 + i, 100 + i);
  }
  return {
    source: "orders",
    headers: ["Member ID", "Date", "Amount"],
    columns: [ids, dates, amounts],
    firstRow: 2,
  };
}

it("lists the most valuable customers that fit the grid, within it, with a note", async () => {
  const workbook = new MemoryWorkbook();
  const { summary } = await buildReport({
    workbook,
    orders: { table: orders() },
    config: { sheets: ["customers"], asOf: "2024-12-31" },
  });
  expect(summary.customers).toBe(CUSTOMERS);
  const grid = await workbook.readRange("LL Customers");
  expect(grid.length).toBeLessThanOrEqual(GRID_ROWS);
  const listed = grid
    .map((row) => row[0])
    .filter((v): v is string => typeof v === "string" && /^C\d+$/.test(v));
  const shown = listed.length;
  expect(shown).toBeGreaterThan(30);
  expect(shown).toBeLessThan(GRID_ROWS);
  // The most valuable first: C199, C198, ... (spend 2 × (100 + i)).
  expect(listed).toEqual(Array.from({ length: shown }, (_, k) => `C${CUSTOMERS - 1 - k}`));
  const texts = grid.flat().filter((v): v is string => typeof v === "string");
  expect(texts).toContain(CUSTOMER_TEXTS.en.gridLimit(shown, CUSTOMERS));
});

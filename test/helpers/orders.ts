/** Small order tables for tests, typed as a person would list them: [customer, date, amount]. */
import type ExcelJS from "exceljs";
import { readOrderTable } from "../../src/engine/data/read-orders";
import type { RawTable } from "../../src/engine/data/table";
import { purchaseDaysOf, type PurchaseDays } from "../../src/engine/summary/purchase-days";

export type Line = [customer: string, date: string, amount: number];

export function orderTable(lines: Line[], source = "Orders"): RawTable {
  return {
    source,
    headers: ["Customer", "Date", "Amount"],
    columns: [lines.map((l) => l[0]), lines.map((l) => l[1]), lines.map((l) => l[2])],
    firstRow: 2,
    // Labelled as a sheet reader labels a table that starts in column A.
    columnLabels: ["A", "B", "C"],
  };
}

/** Purchase days of the lines (no test-account rules, so any id will do). */
export function purchaseDaysFromLines(lines: Line[]): PurchaseDays {
  return purchaseDaysOf(readOrderTable(orderTable(lines), { testAccounts: [] }).orders);
}

/** Adds a sheet "Orders" to `book` holding `table` as a user's export would: its headers, then its rows. */
export function addOrdersSheet(book: ExcelJS.Workbook, table: RawTable): ExcelJS.Worksheet {
  const orders = book.addWorksheet("Orders");
  orders.addRow(table.headers);
  for (let r = 0; r < table.columns[0].length; r++)
    orders.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue));
  return orders;
}

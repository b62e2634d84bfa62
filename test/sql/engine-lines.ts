/**
 * The clean order lines the engine kept from a raw table, written as the typed table a warehouse holds
 * (customer_id text, order_date DATE, amount, order_id), beside the engine's own customer summary of
 * them: the reference the SQL summaries are compared with.
 */
import { formatDay } from "../../src/engine/data/days";
import { readOrderTable, type ReadOrdersOptions } from "../../src/engine/data/read-orders";
import type { RawTable } from "../../src/engine/data/table";
import { summarizeCustomers, type CustomerSummary } from "../../src/engine/summary/customer-summary";
import { purchaseDaysOf } from "../../src/engine/summary/purchase-days";
import type { TimeUnit } from "../../src/engine/summary/time-unit";

export interface EngineLines {
  /** CSV text with the header customer_id,order_date,amount,order_id. */
  csv: string;
  lines: number;
  summary: CustomerSummary;
  asOf: number;
}

const csvField = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function engineLines(
  table: RawTable,
  read: ReadOrdersOptions,
  summary: { calibrationEnd?: number; unit?: TimeUnit },
): EngineLines {
  const read1 = readOrderTable(table, read);
  const { orders, columns } = read1;
  const orderColumn = columns.mapping.orderId;
  const orderIdOf = (row: number) => {
    if (orderColumn === undefined) return "";
    const v = table.columns[orderColumn][row];
    return v === null || v === undefined ? "" : String(v).trim();
  };
  const out = ["customer_id,order_date,amount,order_id"];
  const add = (customer: number, day: number, amount: number, row: number) =>
    out.push(
      [csvField(orders.customerIds[customer]), formatDay(day), String(amount), csvField(orderIdOf(row))].join(
        ",",
      ),
    );
  for (let c = 0; c < orders.customerIds.length; c++) {
    for (let i = orders.customerStart[c]; i < orders.customerStart[c + 1]; i++) {
      add(c, orders.day[i], orders.amount[i], orders.sourceRow[i]);
    }
    const r = orders.refunds;
    for (let i = r.customerStart[c]; i < r.customerStart[c + 1]; i++)
      add(c, r.day[i], r.amount[i], r.sourceRow[i]);
  }
  const days = purchaseDaysOf(orders);
  return {
    csv: out.join("\n") + "\n",
    lines: out.length - 1,
    asOf: read1.asOf,
    summary: summarizeCustomers(days, { asOf: read1.asOf, ...summary }),
  };
}

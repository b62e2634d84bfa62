/**
 * The Benefit cost sheet's money in the data's currency: read from the amount text or a currency column
 * when the `currency` setting is blank, the setting's when it is set; the subtitle says which, and every
 * money format of the sheet shows it.
 */
import type { CellValue, RawTable } from "../../../src/engine/data/table";
import { addMonths, dayFromYmd, formatDay } from "../../../src/engine/data/days";
import { buildReport } from "../../../src/report/build-report";
import type { PartialReportConfig } from "../../../src/report/config";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";

/** 30 members buying every month of 2023 and 2024; amounts written as `amount(n)`, currency column `cur`. */
function orders(amount: (n: number) => CellValue, currency?: (i: number) => string): RawTable {
  const rows: CellValue[][] = [];
  for (let m = 0; m < 24; m++) {
    for (let i = 0; i < 30; i++) {
      const day = formatDay(addMonths(dayFromYmd(2023, 1, 10), m) + (i % 15));
      rows.push([`M${i}`, day, amount(20 + 10 * (i % 7)), currency ? currency(rows.length) : ""]);
    }
  }
  const headers = ["Member", "Date", "Amount", currency ? "币种" : "Note"];
  return {
    source: "orders.csv",
    headers,
    columns: headers.map((_, c) => rows.map((r) => r[c])),
    firstRow: 2,
  };
}

async function benefitCost(table: RawTable, config: PartialReportConfig = {}) {
  const workbook = new MemoryWorkbook();
  await buildReport({ workbook, orders: { table }, config: { sheets: ["benefit-cost"], ...config } });
  const sheet = workbook.sheet(config.language === "zh-CN" ? "LL 权益成本" : "LL Benefit cost");
  const cells = [...sheet.cells.values()].flatMap((row) => [...row.values()]);
  // Money formats are the ones that show negatives in red ("#,##0;[Red]-#,##0"): counts and points do not.
  const money = cells.map((c) => c.numberFormat ?? "").filter((f) => f.includes("[Red]-"));
  return { subtitle: String(sheet.cells.get(2)?.get(1)?.value), money };
}

describe("the currency of the Benefit cost sheet", () => {
  it("is the one the amounts are written in when the setting is blank, in every money format", async () => {
    const { subtitle, money } = await benefitCost(orders((n) => `¥${n}.00`));
    expect(subtitle).toContain("Money is in ¥ (CNY, as the amounts of column C (Amount) are written)");
    expect(money.length).toBeGreaterThan(100);
    expect(money.filter((f) => !f.includes('"¥"'))).toEqual([]);
  });

  it("is the setting's when it is set, whatever the data says", async () => {
    const { subtitle, money } = await benefitCost(
      orders((n) => `¥${n}.00`),
      { currency: "$" },
    );
    expect(subtitle).toContain("Money is in $ (the currency setting)");
    expect(money.filter((f) => !f.includes('"$"'))).toEqual([]);
  });

  it("is read from a currency column, and the sheet counts the rows in another currency (in Chinese)", async () => {
    const table = orders(
      (n) => n,
      (row) => (row % 100 === 0 ? "USD" : "人民币"),
    );
    const { subtitle, money } = await benefitCost(table, { language: "zh-CN" });
    // 720 rows, rows 0, 100, ..., 700 in dollars.
    expect(subtitle).toContain("金额单位：¥（来自数据中的“币种”列；数据中还有其他货币（$ 8 行）");
    expect(money.filter((f) => !f.includes('"¥"'))).toEqual([]);
  });

  it("says the data names none when it does not", async () => {
    const { subtitle, money } = await benefitCost(orders((n) => n));
    expect(subtitle).toContain("Money is in the currency of the data (it names none");
    expect(money.filter((f) => f.includes('"'))).toEqual([]);
  });
});

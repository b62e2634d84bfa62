import fc from "fast-check";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import {
  accountedRows,
  findingOf,
  needsDayOrder,
  type QualityReason,
} from "../../../src/engine/data/quality";
import { dayFromYmd, formatDay, NO_DAY } from "../../../src/engine/data/days";
import type { CellValue, RawTable } from "../../../src/engine/data/table";
import { columnNames } from "../../../src/sheet/a1";
import { EXCEL_SERIALS } from "../../../src/sheet/serial-dates";

/** Rows as a person types them; the table is column-major like every reader's. */
function table(headers: string[], rows: CellValue[][], source = "Orders"): RawTable {
  // Labelled as a sheet reader labels its tables, so examples name cells as Excel does ("7C").
  const columns = headers.map((_, c) => rows.map((r) => r[c]));
  return { source, headers, columns, firstRow: 2, columnLabels: columnNames(headers.length) };
}

const HEADERS = ["Order ID", "Member ID", "Order Date", "Amount", "Birthday", "Note"];
const BAD_ROWS: CellValue[][] = [
  ["O1", "001", "2024-01-05", 100, "1990-05-12", ""], // sheet row 2
  ["O2", "001", "2024-02-10", "50.00", "", ""], // 3
  [null, "", "", "", "", ""], // 4: blank row
  ["O3", "", "2024-01-01", 10, "", ""], // 5: blank id
  ["O4", "test01", "2024-01-02", 10, "", ""], // 6: test account
  ["O5", "002", "2024-13-01", 20, "", ""], // 7: unreadable date
  ["O6", "002", "2024-01-03", "abc", "", ""], // 8: amount not a number
  ["O7", "002", "2024-03-01", 30, "", ""], // 9
  ["O8", "003", "2024-12-31", 40, "", ""], // 10: after the as-of date
  ["O2", "001", "2024-02-10", "50.00", "", ""], // 11: duplicate of row 3
  ["O9", "002", "2024-03-05", 0, "", ""], // 12: zero amount
  ["O10", "001", "2024-03-06", -20, "", ""], // 13: refund
  ["", "004", "", "", "1985-01-01", "registered only"], // 14: member details only
  ["O11", "002", "2024-03-07", 5, "not a day", ""], // 15: unreadable birthday
  ["O12", "005", "2024-01-01", "(15.00)", "", ""], // 16: refund of a customer with no purchase
];
const AS_OF = dayFromYmd(2024, 6, 30);

describe("readOrderTable on a table with every kind of bad row", () => {
  const result = readOrderTable(table(HEADERS, BAD_ROWS), { asOf: AS_OF });
  const finding = (reason: QualityReason) => findingOf(result.quality, reason);
  const rowsAndColumns = (reason: QualityReason) =>
    finding(reason).examples.map((e) => `${e.row}${e.column}`);

  it.each<[QualityReason, number, string[], string]>([
    ["blankRow", 1, ["4B"], "dropped"],
    ["blankId", 1, ["5B"], "dropped"],
    ["testAccount", 1, ["6B"], "dropped"],
    ["unparsableDate", 1, ["7C"], "dropped"],
    ["nonNumericAmount", 1, ["8D"], "dropped"],
    ["dateAfterAsOf", 1, ["10C"], "dropped"],
    ["duplicateLine", 1, ["11B"], "dropped"],
    ["zeroAmount", 1, ["12D"], "kept"],
    ["refund", 2, ["13D", "16D"], "reduces spend"],
    ["memberDetailsOnly", 1, ["14B"], "kept"],
    ["badMemberDetail", 1, ["15E"], "field ignored"],
    ["noPurchase", 3, ["10B", "14B", "16B"], "dropped"],
  ])("counts %s: %i with rows and columns %p, %s", (reason, count, places, action) => {
    expect(finding(reason).count).toBe(count);
    expect(rowsAndColumns(reason)).toEqual(places);
    expect(finding(reason).action).toBe(action);
  });

  it("names sheet, row, column and header in each example, and says why where it helps", () => {
    const [date] = finding("unparsableDate").examples;
    expect(date).toMatchObject({
      where: "Orders, row 7, column C (Order Date)",
      value: "2024-13-01",
      note: "no such day in the calendar",
    });
    expect(finding("testAccount").examples[0].note).toBe("rule: test word in the id");
    expect(finding("badMemberDetail").examples[0].note).toBe("birthday: not a date");
    expect(finding("dateAfterAsOf").examples[0].note).toBe("after 2024-06-30");
  });

  it("sums the money involved in refunds, duplicates and late lines", () => {
    expect(finding("refund").amount).toBe(-35);
    expect(finding("duplicateLine").amount).toBe(50);
    expect(finding("dateAfterAsOf").amount).toBe(40);
  });

  it("accounts for every row read", () => {
    expect(result.quality.rowsRead).toBe(BAD_ROWS.length);
    expect(result.quality.purchaseLines).toBe(5);
    expect(accountedRows(result.quality)).toBe(BAD_ROWS.length);
  });

  it("keeps the purchase lines grouped by customer and sorted by day", () => {
    const { orders } = result;
    expect(orders.customerIds).toEqual(["001", "002"]);
    expect(Array.from(orders.customerStart)).toEqual([0, 2, 5]);
    expect(Array.from(orders.day, formatDay)).toEqual([
      "2024-01-05",
      "2024-02-10",
      "2024-03-01",
      "2024-03-05",
      "2024-03-07",
    ]);
    expect(Array.from(orders.amount)).toEqual([100, 50, 30, 0, 5]);
    expect(Array.from(orders.sourceRow)).toEqual([0, 1, 7, 10, 13]);
    expect(Array.from(orders.newOrder)).toEqual([1, 1, 1, 1, 1]);
  });

  it("applies refunds to customers who bought, and lists the customers who did not", () => {
    const { refunds } = result.orders;
    expect(Array.from(refunds.customerStart)).toEqual([0, 1, 1]);
    expect(Array.from(refunds.amount)).toEqual([-20]);
    expect(result.customersWithoutPurchase).toEqual(["003", "004", "005"]);
  });

  it("keeps member details of the customers who bought", () => {
    expect(Array.from(result.members.birthday ?? [], (d) => (d === NO_DAY ? "" : formatDay(d)))).toEqual([
      "1990-05-12",
      "",
    ]);
    expect(result.members.tier).toBeNull();
  });
});

describe("readOrderTable options", () => {
  const rows: CellValue[][] = [
    ["A", "2024-01-01", 10],
    ["A", "2024-01-01", 10],
    ["A", "2024-01-02", 0],
    ["A", "2024-01-03", -5],
    ["B", "2024-01-04", 7],
  ];
  const t = table(["Customer", "Date", "Amount"], rows);

  it("takes the latest order date as the as-of date by default", () => {
    expect(formatDay(readOrderTable(t).asOf)).toBe("2024-01-04");
  });

  it("keeps duplicates, drops zero amounts and refunds when asked, and still counts them", () => {
    const r = readOrderTable(t, { duplicates: "keep", zeroAmounts: "drop", refunds: "drop" });
    expect(Array.from(r.orders.amount)).toEqual([10, 10, 7]);
    expect(r.orders.refunds.amount.length).toBe(0);
    expect(findingOf(r.quality, "duplicateLine")).toMatchObject({ count: 1, action: "kept" });
    expect(findingOf(r.quality, "zeroAmount")).toMatchObject({ count: 1, action: "dropped" });
    expect(findingOf(r.quality, "refund")).toMatchObject({ count: 1, action: "dropped" });
    expect(accountedRows(r.quality)).toBe(rows.length);
  });

  it("keeps identical lines by default when there is no order id (they can be two real purchases)", () => {
    const r = readOrderTable(t);
    expect(findingOf(r.quality, "duplicateLine")).toMatchObject({ count: 1, action: "kept" });
  });

  it("drops identical lines by default when they share an order id (a double export)", () => {
    const withIds = table(
      ["Order ID", "Customer", "Date", "Amount"],
      [
        ["O1", "A", "2024-01-02", 10],
        ["O1", "A", "2024-01-02", 10],
        ["O2", "A", "2024-01-03", 10],
      ],
    );
    const r = readOrderTable(withIds);
    expect(findingOf(r.quality, "duplicateLine")).toMatchObject({ count: 1, action: "dropped" });
    expect(Array.from(r.orders.amount)).toEqual([10, 10]);
  });

  it("uses the caller's test-account rules", () => {
    const r = readOrderTable(t, { testAccounts: [{ name: "B is staff", nameZh: "员工", ids: ["B"] }] });
    expect(r.orders.customerIds).toEqual(["A"]);
    expect(findingOf(r.quality, "testAccount").count).toBe(1);
  });

  it("reads day-first dates and decimal commas when told", () => {
    const eu = table(["Kunde", "Date", "Amount"], [["K1", "03/04/2024", "1.234,50"]]);
    const r = readOrderTable(eu, {
      columns: { customerId: "Kunde" },
      dates: { dayOrder: "dmy" },
      amounts: { decimalComma: true },
    });
    expect(formatDay(r.orders.day[0])).toBe("2024-04-03");
    expect(r.orders.amount[0]).toBe(1234.5);
  });

  it("says when dates were left unread for want of a day order: order dates or birthdays", () => {
    const headers = ["Customer", "Date", "Amount", "Birthday"];
    const orderDate = table(headers, [
      ["A", "2024-01-05", 1, ""],
      ["A", "03/04/2024", 2, ""],
    ]);
    const birthday = table(headers, [["A", "2024-01-05", 1, "12/05/1990"]]);
    const otherwise = table(headers, [
      ["A", "2024-01-05", 1, "1990-02-30"],
      ["A", "never", 2, ""],
    ]);
    expect(needsDayOrder(readOrderTable(orderDate).quality)).toBe(true);
    expect(needsDayOrder(readOrderTable(birthday).quality)).toBe(true);
    expect(needsDayOrder(readOrderTable(otherwise).quality)).toBe(false);
    expect(needsDayOrder(readOrderTable(orderDate, { dates: { dayOrder: "mdy" } }).quality)).toBe(false);
  });

  it("reads cells as Office.js and ExcelJS give them: serials, Date objects, numbers as ids", () => {
    const mixed = table(
      ["客户ID", "下单时间", "实付金额", "会员等级", "积分", "渠道", "数量"],
      [
        [1001, 45424.6, 99.5, "Gold", 1200, "门店", 2],
        ["1001", new Date(Date.UTC(2024, 4, 13, 9)), "¥1,000.00", "", "", "小程序", ""],
        [1002, "2024年5月14日", 12, "Member", "n/a", "", 1],
      ],
    );
    const r = readOrderTable(mixed, { dates: { serials: EXCEL_SERIALS } });
    expect(r.orders.customerIds).toEqual(["1001", "1002"]);
    expect(Array.from(r.orders.day, formatDay)).toEqual(["2024-05-12", "2024-05-13", "2024-05-14"]);
    expect(Array.from(r.orders.amount)).toEqual([99.5, 1000, 12]);
    expect(r.members.tier).toEqual(["Gold", "Member"]);
    expect(Array.from(r.members.points ?? [])).toEqual([1200, NaN]);
    expect(r.orders.channels).toEqual(["门店", "小程序"]);
    expect(Array.from(r.orders.channel ?? [])).toEqual([0, 1, -1]);
    expect(Array.from(r.orders.quantity ?? [])).toEqual([2, NaN, 1]);
    expect(findingOf(r.quality, "badMemberDetail").examples[0].where).toBe("Orders, row 4, column E (积分)");
  });

  it("throws a message naming the table when a required column is missing", () => {
    expect(() => readOrderTable(table(["Customer", "Amount"], []))).toThrow(
      'Orders: no order date column found among the headers "Customer", "Amount"',
    );
  });

  it("gives NaN as the as-of date when nothing is usable and none was given", () => {
    const r = readOrderTable(table(["Customer", "Date", "Amount"], [["A", "never", 1]]));
    expect(r.asOf).toBeNaN();
    expect(r.orders.customerIds).toEqual([]);
    expect(r.customersWithoutPurchase).toEqual(["A"]);
  });
});

describe("readOrderTable on arbitrary cells", () => {
  const cell = fc.oneof(
    fc.constantFrom<CellValue>(null, "", " ", "x", "2024-02-30", "-5", "0", "(3)", true, { error: "#N/A" }),
    fc.integer({ min: 1, max: 4 }).map((i) => `C${i}`),
    fc.integer({ min: 45000, max: 45010 }),
    fc.integer({ min: 1, max: 28 }).map((d) => `2024-01-${String(d).padStart(2, "0")}`),
    fc.double({ min: -50, max: 500, noNaN: true }),
  );
  const rows = fc.array(fc.tuple(cell, cell, cell), { maxLength: 60 });

  it("accounts for every row and keeps only valid purchase lines", () => {
    fc.assert(
      fc.property(rows, (data) => {
        const r = readOrderTable(table(["Customer", "Date", "Amount"], data), {
          asOf: dayFromYmd(2023, 3, 1),
        });
        expect(accountedRows(r.quality)).toBe(data.length);
        const { orders } = r;
        for (let c = 0; c < orders.customerIds.length; c++) {
          expect(orders.customerStart[c + 1]).toBeGreaterThan(orders.customerStart[c]);
          for (let i = orders.customerStart[c]; i < orders.customerStart[c + 1]; i++) {
            expect(orders.customer[i]).toBe(c);
            expect(orders.amount[i]).toBeGreaterThanOrEqual(0);
            expect(orders.day[i]).toBeLessThanOrEqual(r.asOf);
            if (i > orders.customerStart[c]) expect(orders.day[i]).toBeGreaterThanOrEqual(orders.day[i - 1]);
          }
        }
      }),
    );
  });
});

describe("readOrderTable with what was bought", () => {
  it("keeps each purchase line's category, brand and campaign, in line order, blanks as −1", () => {
    const read = readOrderTable(
      table(
        ["Member ID", "Order Date", "Amount", "Category", "Brand", "Campaign"],
        [
          ["001", "2024-01-05", 10, "Skincare", "Aurora", ""],
          ["002", "2024-01-06", 20, "Snacks", "", "Double points"],
          ["001", "2024-01-04", 30, "Snacks", "Crispy", "Double points"],
          ["001", "2024-01-07", -5, "Skincare", "Aurora", ""], // a refund: not a purchase line
          ["002", "2024-01-08", 15, "", "Aurora", ""],
        ],
      ),
    );
    const { labels } = read.orders;
    const text = (role: "category" | "brand" | "campaign") =>
      Array.from(labels[role]!.index, (i) => (i < 0 ? "" : labels[role]!.values[i]));
    // Customer 001's lines by day (Jan 4, Jan 5), then 002's (Jan 6, Jan 8).
    expect(text("category")).toEqual(["Snacks", "Skincare", "Snacks", ""]);
    expect(text("brand")).toEqual(["Crispy", "Aurora", "", "Aurora"]);
    expect(text("campaign")).toEqual(["Double points", "", "Double points", ""]);
    expect(labels.product).toBeUndefined();
  });
});

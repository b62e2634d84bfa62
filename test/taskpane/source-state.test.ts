import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { discoverSources } from "../../src/taskpane/source/discover";
import {
  currentMapping,
  currentTable,
  defaultAsOf,
  INITIAL_SOURCE_STATE,
  sourceReducer,
  sourceSettings,
  type SourceState,
  type StoredSourceSettings,
} from "../../src/taskpane/state/source-state";
import { storedStart } from "../../src/taskpane/state/stored-settings";
import { answered } from "./inspect-answers";
import { ORDERS, SALES } from "../workbook/contract";

/** The state once the proposed table is read, starting from stored settings when given. */
async function loaded(sheets = [ORDERS, SALES], stored?: StoredSourceSettings): Promise<SourceState> {
  const wb = MemoryWorkbook.withSheets(sheets);
  const start = stored
    ? sourceReducer(INITIAL_SOURCE_STATE, { type: "restore", settings: stored })
    : undefined;
  const state = sourceReducer(start ?? INITIAL_SOURCE_STATE, {
    type: "found",
    candidates: await discoverSources(wb),
  });
  const key = state.selected as string;
  const source = state.candidates.find((c) => c.key === key)?.source;
  return answered(state, key, await wb.readTable(source!));
}

describe("the Source step's state", () => {
  it("selects the proposed table and maps its columns", async () => {
    const state = await loaded();
    expect(state.searching).toBe(false);
    expect(state.selected).toBe("sheet:Orders");
    expect(currentMapping(state)?.missing).toEqual([]);
    expect(defaultAsOf(state)).toBe("2024-04-04");
  });

  it("writes every role into the settings of a build, null for the absent ones", async () => {
    const settings = sourceSettings(await loaded());
    expect(settings).toMatchObject({
      source: { sheet: "Orders" },
      columns: { customerId: "Customer ID", date: "Order date", amount: "Amount", birthday: null },
      asOf: null,
      timeUnit: "week",
      dayOrder: "ymd",
    });
  });

  it("reads text dates in the chosen order for the default as-of date, and passes the order on", async () => {
    const rows = [
      ["Customer ID", "Order date", "Amount"],
      ["A", "05/01/2024", 1],
      ["B", "02/06/2024", 2],
    ];
    const state = await loaded([{ name: "Orders", rows }]);
    // Every day is at most 12: the dates do not say, so nothing is proposed and the build will ask.
    expect(state.dayOrder).toBe("ymd");
    expect(state.dayOrderProposal).toBeUndefined();
    expect(defaultAsOf(state)).toBeUndefined();
    const dayFirst = sourceReducer(state, { type: "dayOrder", order: "dmy" });
    expect(defaultAsOf(dayFirst)).toBe("2024-06-02");
    expect(defaultAsOf(sourceReducer(state, { type: "dayOrder", order: "mdy" }))).toBe("2024-05-01");
    expect(sourceSettings(dayFirst)?.dayOrder).toBe("dmy");
  });

  describe("proposes the date order from the dates", () => {
    const orders = (dates: string[], name = "Orders") => ({
      name,
      rows: [["Customer ID", "Order date", "Amount"], ...dates.map((d, i) => [`C${i}`, d, i + 1])],
    });
    const DAY_FIRST = ["05/01/2024", "25/12/2023", "31/12/2024", "02/06/2024"];
    const MONTH_FIRST = ["05/01/2024", "12/25/2023", "02/06/2024"];

    it("day first when a day is above 12, naming the date that shows it", async () => {
      const state = await loaded([orders(DAY_FIRST)]);
      expect(state.dayOrder).toBe("dmy");
      expect(state.dayOrderProposal).toEqual({ order: "dmy", example: "25/12/2023" });
      expect(defaultAsOf(state)).toBe("2024-12-31");
      expect(sourceSettings(state)?.dayOrder).toBe("dmy");
    });

    it("month first when a month position holds a number above 12", async () => {
      const state = await loaded([orders(MONTH_FIRST)]);
      expect(state.dayOrder).toBe("mdy");
      expect(state.dayOrderProposal).toEqual({ order: "mdy", example: "12/25/2023" });
      expect(defaultAsOf(state)).toBe("2024-05-01");
    });

    it("nothing for ISO dates or Excel dates: year first, without a hint", async () => {
      for (const sheets of [[orders(["2024-01-05", "2023-12-25"])], [ORDERS, SALES]]) {
        const state = await loaded(sheets);
        expect(state.dayOrder).toBe("ymd");
        expect(state.dayOrderProposal).toBeUndefined();
      }
    });

    it("never over a saved order", async () => {
      const state = await loaded([orders(DAY_FIRST)], { dayOrder: "ymd" });
      expect(state.dayOrder).toBe("ymd");
      expect(state.dayOrderProposal).toBeUndefined();
      expect((await loaded([orders(DAY_FIRST)], { dayOrder: "mdy" })).dayOrder).toBe("mdy");
      // Settings saved before there was a date order hold none: then the dates propose one.
      const old = storedStart({ version: 1, timeUnit: "month" });
      expect(old.source?.dayOrder).toBeUndefined();
      expect((await loaded([orders(DAY_FIRST)], old.source)).dayOrder).toBe("dmy");
    });

    it("never over the user's choice, also for another table", async () => {
      const proposed = await loaded([orders(DAY_FIRST), orders(MONTH_FIRST, "More orders")]);
      const chosen = sourceReducer(proposed, { type: "dayOrder", order: "ymd" });
      expect(chosen.dayOrderProposal).toBeUndefined();
      const other = sourceReducer(chosen, { type: "select", key: "sheet:More orders" });
      const read = sourceReducer(other, {
        type: "read",
        key: "sheet:More orders",
        header: "auto",
        table: proposed.table!.data,
      });
      expect(read.dayOrder).toBe("ymd");
      expect(read.dayOrderProposal).toBeUndefined();
    });

    it("again when the date column is mapped to another column", async () => {
      const rows = [
        ["Customer ID", "Order date", "Amount", "Paid on"],
        ["A", "2024-01-05", 1, "06/01/2024"],
        ["B", "2024-12-24", 2, "27/12/2024"],
      ];
      const state = await loaded([{ name: "Orders", rows }]);
      expect(state.dayOrder).toBe("ymd");
      const paid = sourceReducer(state, { type: "map", role: "date", column: 3 });
      expect(currentMapping(paid)?.mapping.date).toBe(3);
      expect(paid.dayOrderProposal).toEqual({ order: "dmy", example: "27/12/2024" });
      const back = sourceReducer(paid, { type: "map", role: "date", column: 1 });
      expect(back.dayOrder).toBe("ymd");
      expect(back.dayOrderProposal).toBeUndefined();
    });
  });

  it("has no settings while a required column is unmapped", async () => {
    const state = sourceReducer(await loaded(), { type: "map", role: "amount", column: null });
    expect(currentMapping(state)?.missing).toEqual(["amount"]);
    expect(sourceSettings(state)).toBeUndefined();
  });

  it("forgets the table and the overrides when another source is chosen, and ignores a late read", async () => {
    const first = await loaded();
    const mapped = sourceReducer(first, { type: "map", role: "channel", column: 3 });
    const other = sourceReducer(mapped, { type: "select", key: "table:SalesTable" });
    expect(other.overrides).toEqual({});
    expect(currentMapping(other)).toBeUndefined();
    const late = sourceReducer(other, {
      type: "read",
      key: "sheet:Orders",
      header: "auto",
      table: first.table!.data,
    });
    expect(late).toBe(other);
  });

  it("keeps the choice on a new search when the source is still there", async () => {
    const state = sourceReducer(await loaded(), { type: "select", key: "table:SalesTable" });
    const again = sourceReducer(state, { type: "found", candidates: state.candidates });
    expect(again.selected).toBe("table:SalesTable");
  });

  it("starts from the settings a previous build stored", () => {
    const restored = sourceReducer(INITIAL_SOURCE_STATE, {
      type: "restore",
      settings: {
        source: { table: "Sales" },
        columns: { amount: "Net" },
        asOf: "2024-06-30",
        timeUnit: "month",
        dayOrder: "dmy",
      },
    });
    expect(restored).toMatchObject({
      selected: "table:Sales",
      overrides: { amount: "Net" },
      asOf: "2024-06-30",
      timeUnit: "month",
      dayOrder: "dmy",
    });
  });
});

describe("a sheet without a header row (the CDNOW master's shape)", () => {
  const DATA = [
    ["11101", "19970101", 1, 11],
    ["11102", "19970102", 2, 12],
    ["11101", "19970301", 1, 9.99],
  ];

  async function headerless(): Promise<{ wb: MemoryWorkbook; state: SourceState }> {
    const wb = MemoryWorkbook.withSheets([{ name: "cdnow", rows: DATA }]);
    const state = sourceReducer(INITIAL_SOURCE_STATE, {
      type: "found",
      candidates: await discoverSources(wb),
    });
    return { wb, state };
  }

  it("is offered, read with every row as data, and mapped by the user", async () => {
    const { wb, state } = await headerless();
    expect(state.candidates).toMatchObject([{ key: "sheet:cdnow", noHeaderRow: true, rows: 3 }]);
    expect(state.selected).toBe("sheet:cdnow");
    expect(state.header).toBe("none");
    const read = answered(state, "sheet:cdnow", await wb.readTable({ sheet: "cdnow" }, { header: "none" }));
    expect(currentTable(read)?.headers).toEqual(["Column A", "Column B", "Column C", "Column D"]);
    // Nothing to detect from: the user names each column's role.
    expect(currentMapping(read)?.missing).toEqual(["customerId", "date", "amount"]);
    expect(sourceSettings(read)).toBeUndefined();
    let mapped = read;
    for (const [role, column] of [
      ["customerId", 0],
      ["date", 1],
      ["quantity", 2],
      ["amount", 3],
    ] as const) {
      mapped = sourceReducer(mapped, { type: "map", role, column });
    }
    expect(defaultAsOf(mapped)).toBe("1997-03-01");
    expect(sourceSettings(mapped)).toMatchObject({
      source: { sheet: "cdnow" },
      header: "none",
      columns: { customerId: "Column A", date: "Column B", quantity: "Column C", amount: "Column D" },
    });
  });

  it("is read afresh when the user says it has a header after all, and a read for the other choice is dropped", async () => {
    const { wb, state } = await headerless();
    const table = await wb.readTable({ sheet: "cdnow" }, { header: "none" });
    const withHeader = sourceReducer(answered(state, "sheet:cdnow", table), {
      type: "header",
      header: "auto",
    });
    expect(withHeader.header).toBe("auto");
    expect(currentTable(withHeader)).toBeUndefined();
    expect(withHeader.overrides).toEqual({});
    const late = sourceReducer(withHeader, { type: "read", key: "sheet:cdnow", header: "none", table });
    expect(late).toBe(withHeader);
  });

  it("keeps the setting through the stored settings, so Refresh and the next session read it alike", () => {
    const stored = storedStart({
      version: 1,
      source: { sheet: "cdnow", header: "none" },
      columns: { customerId: "Column A", date: "Column B", amount: "Column D" },
    });
    expect(stored.source).toMatchObject({ source: { sheet: "cdnow" }, header: "none" });
    const restored = sourceReducer(INITIAL_SOURCE_STATE, { type: "restore", settings: stored.source! });
    expect(restored).toMatchObject({ selected: "sheet:cdnow", header: "none" });
  });
});

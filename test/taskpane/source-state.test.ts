import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { discoverSources } from "../../src/taskpane/source/discover";
import {
  currentMapping,
  defaultAsOf,
  INITIAL_SOURCE_STATE,
  sourceReducer,
  sourceSettings,
  type SourceState,
} from "../../src/taskpane/state/source-state";
import { ORDERS, SALES } from "../workbook/contract";

async function loaded(sheets = [ORDERS, SALES]): Promise<SourceState> {
  const wb = MemoryWorkbook.withSheets(sheets);
  let state = sourceReducer(INITIAL_SOURCE_STATE, { type: "found", candidates: await discoverSources(wb) });
  const key = state.selected as string;
  const source = state.candidates.find((c) => c.key === key)?.source;
  state = sourceReducer(state, { type: "read", key, table: await wb.readTable(source!) });
  return state;
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
    expect(state.dayOrder).toBe("ymd");
    expect(defaultAsOf(state)).toBeUndefined();
    const dayFirst = sourceReducer(state, { type: "dayOrder", order: "dmy" });
    expect(defaultAsOf(dayFirst)).toBe("2024-06-02");
    expect(defaultAsOf(sourceReducer(state, { type: "dayOrder", order: "mdy" }))).toBe("2024-05-01");
    expect(sourceSettings(dayFirst)?.dayOrder).toBe("dmy");
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
    const late = sourceReducer(other, { type: "read", key: "sheet:Orders", table: first.table!.data });
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

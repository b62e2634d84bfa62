import { DataError } from "../../src/engine/data/errors";
import {
  analysisConfigOf,
  checkConfigLayer,
  resolveReportConfig,
  storedConfig,
} from "../../src/report/config";
import { SHEET_KINDS } from "../../src/report/sheet-kinds";
import { STRINGS } from "../../src/i18n/pane";
import {
  buildConfigLayer,
  buildFormOf,
  buildFormReducer,
  formProblems,
  typedNumber,
  type BuildForm,
} from "../../src/taskpane/state/build-form";
import { INITIAL_RUN_STATE, progressText, runReducer } from "../../src/taskpane/state/run-state";
import {
  INITIAL_SOURCE_STATE,
  sourceReducer,
  type SourceSettings,
} from "../../src/taskpane/state/source-state";
import { storedStart } from "../../src/taskpane/state/stored-settings";
import { UserError } from "../../src/user-error";
import { paneMessageOf } from "../../src/taskpane/state/pane-message";
import { deserializeError, serializeError } from "../../src/taskpane/work/errors";
import type { JsonValue } from "../../src/sheet/port";

const SOURCE: SourceSettings = {
  source: { table: "OrderLines" },
  header: "auto",
  columns: { customerId: "Member ID", date: "Order Date", amount: "Amount", birthday: null },
  asOf: null,
  timeUnit: "week",
  dayOrder: "ymd",
};

const defaults = (): BuildForm => buildFormOf(resolveReportConfig([]));

describe("the Build form", () => {
  it("starts with every sheet and the thresholds of the sheets", () => {
    const form = defaults();
    expect(form.sheets).toEqual([...SHEET_KINDS]);
    expect(form.thresholds).toBe("sheets");
    expect(form.tiers.map((t) => t.key)).toEqual(["platinum", "gold", "silver", "member"]);
    expect(form.tiers[0].minSpend).toBe("");
  });

  it("masks contacts as the workbook's stored settings say, and the tick goes into the build's settings", () => {
    expect(defaults().maskContacts).toBe(false);
    const stored = buildFormOf(resolveReportConfig([checkConfigLayer({ maskContacts: true }, "stored")]));
    expect(stored.maskContacts).toBe(true);
    const ticked = buildFormReducer(defaults(), { type: "maskContacts", on: true });
    expect(buildConfigLayer(SOURCE, ticked, "en")?.maskContacts).toBe(true);
    const unticked = buildFormReducer(stored, { type: "maskContacts", on: false });
    expect(buildConfigLayer(SOURCE, unticked, "zh-CN")?.maskContacts).toBe(false);
  });

  it("keeps the chosen sheets in the report's order", () => {
    let form = buildFormReducer(defaults(), { type: "allSheets", on: false });
    form = buildFormReducer(form, { type: "sheet", kind: "tiers", on: true });
    form = buildFormReducer(form, { type: "sheet", kind: "customers", on: true });
    expect(form.sheets).toEqual(["customers", "tiers"]);
    expect(
      buildConfigLayer(SOURCE, buildFormReducer(form, { type: "allSheets", on: false }), "en"),
    ).toBeUndefined();
  });

  it("gives settings the build accepts: source, columns, unit, date order and sheets; no thresholds from the sheets", () => {
    const layer = buildConfigLayer(SOURCE, defaults(), "en");
    expect(layer).toMatchObject({
      source: { table: "OrderLines" },
      columns: SOURCE.columns,
      timeUnit: "week",
      dayOrder: "ymd",
    });
    expect(layer?.tiers).toBeUndefined();
    const config = resolveReportConfig([checkConfigLayer(layer, "pane")]);
    expect(config.source.table).toBe("OrderLines");
    expect(config.sheets).toEqual([...SHEET_KINDS]);
  });

  it("passes the chosen date order to the build, which stores it and gives it back to the Source step", () => {
    const layer = buildConfigLayer({ ...SOURCE, dayOrder: "dmy" }, defaults(), "en");
    const config = resolveReportConfig([checkConfigLayer(layer, "pane")]);
    expect(config.dayOrder).toBe("dmy");
    expect(analysisConfigOf(config).read?.dates).toMatchObject({ dayOrder: "dmy" });
    // Saved with the other settings (as the build saves them), and read back when the pane opens again.
    const start = storedStart(storedConfig(config) as JsonValue);
    expect(start.error).toBeUndefined();
    expect(start.source?.dayOrder).toBe("dmy");
    const restored = sourceReducer(INITIAL_SOURCE_STATE, { type: "restore", settings: start.source! });
    expect(restored.dayOrder).toBe("dmy");
    expect(sourceReducer(restored, { type: "dayOrder", order: "mdy" }).dayOrder).toBe("mdy");
  });

  it("turns thresholds typed here into tier minimums and alert values", () => {
    let form = buildFormReducer(defaults(), { type: "thresholds", from: "here" });
    form = buildFormReducer(form, { type: "tier", index: 0, field: "minSpend", value: "5,000" });
    form = buildFormReducer(form, { type: "tier", index: 1, field: "minSpend", value: "2000" });
    form = buildFormReducer(form, { type: "tier", index: 2, field: "minSpend", value: "800" });
    form = buildFormReducer(form, { type: "alert", index: 0, condition: 0, value: "3" });
    const config = resolveReportConfig([checkConfigLayer(buildConfigLayer(SOURCE, form, "en"), "pane")]);
    expect(config.tiers.tiers.map((t) => t.minSpend)).toEqual([5000, 2000, 800, undefined]);
    expect(config.alerts.rules[0].when[0]).toEqual({ metric: "rhythmRatio", op: ">", value: 3 });
  });

  it("marks a field that is not a number and holds the build back", () => {
    let form = buildFormReducer(defaults(), { type: "thresholds", from: "here" });
    form = buildFormReducer(form, { type: "tier", index: 1, field: "minPurchaseDays", value: "a lot" });
    form = buildFormReducer(form, { type: "alert", index: 1, condition: 0, value: "" });
    expect([...formProblems(form)]).toEqual([
      ["tier:1:minPurchaseDays", "a lot"],
      ["alert:1:0", ""],
    ]);
    expect(buildConfigLayer(SOURCE, form, "en")).toBeUndefined();
    // The same text does not matter while the thresholds come from the sheets.
    expect(formProblems(buildFormReducer(form, { type: "thresholds", from: "sheets" })).size).toBe(0);
  });

  it("reads numbers as people type them", () => {
    expect(typedNumber(" 1,200.50 ")).toBe(1200.5);
    expect(typedNumber("−0.5")).toBe(-0.5);
    expect(typedNumber("")).toBeUndefined();
    expect(typedNumber("abc")).toBeNaN();
  });
});

describe("settings stored by a previous build", () => {
  it("give the Source step its table, columns, date and unit, and the form its sheets", () => {
    const start = storedStart({
      version: 1,
      source: { table: "OrderLines", header: "auto" },
      columns: { amount: "Net" },
      asOf: "2024-06-30",
      timeUnit: "month",
      dayOrder: "mdy",
      sheets: ["tiers", "customers"],
    });
    expect(start.error).toBeUndefined();
    expect(start.source).toMatchObject({
      source: { table: "OrderLines" },
      columns: { amount: "Net" },
      asOf: "2024-06-30",
      timeUnit: "month",
      dayOrder: "mdy",
    });
    expect(buildFormOf(start.config).sheets).toEqual(["tiers", "customers"]);
  });

  it("give the defaults and the error when they are damaged", () => {
    const start = storedStart({ timeUnit: "fortnight" });
    expect(start.error).toBeInstanceOf(UserError);
    expect(String(start.error)).toMatch(/stored in the workbook.*timeUnit/);
    expect(start.config.timeUnit).toBe("week");
    const order = storedStart({ dayOrder: "dym" });
    expect(String(order.error)).toMatch(/"dayOrder" must be one of/);
    expect(order.config.dayOrder).toBe("auto");
    expect(storedStart(undefined)).toEqual({ config: resolveReportConfig([]) });
  });
});

describe("a run", () => {
  it("names the step in the pane's language, and which sheet of how many", () => {
    const progress = {
      step: "writing" as const,
      message: "",
      fraction: 0.8,
      sheet: { index: 2, count: 8, name: "Tiers" },
    };
    expect(progressText(STRINGS.en, progress)).toBe("Writing sheet 3 of 8: Tiers");
    expect(progressText(STRINGS["zh-CN"], progress)).toBe("正在写入第 3 个工作表（共 8 个）：会员等级");
    expect(progressText(STRINGS["zh-CN"], { step: "fitting", message: "Fitting", fraction: 0.5 })).toBe(
      "正在拟合购买和消费模型",
    );
  });

  it("keeps the last result on screen while the next one runs, and forgets a cancel on the next start", () => {
    let state = runReducer(INITIAL_RUN_STATE, { type: "start", kind: "build" });
    state = runReducer(state, { type: "cancelled" });
    expect(state).toEqual({ running: undefined, cancelled: true });
    state = runReducer(state, { type: "start", kind: "refresh" });
    expect(state.cancelled).toBe(false);
    state = runReducer(state, { type: "progress", progress: { step: "reading", message: "", fraction: 0 } });
    expect(state.running?.progress?.step).toBe("reading");
  });
});

describe("the message bar", () => {
  it("tells the user's mistakes from our faults, and a cancel from either", () => {
    expect(paneMessageOf(new UserError("orders.pdf: no"))).toEqual({ text: "orders.pdf: no", fix: "data" });
    expect(paneMessageOf(new UserError("orders.pdf: no"), true)).toEqual({
      text: "orders.pdf: no",
      fix: "file",
    });
    expect(paneMessageOf(new TypeError("x is undefined"), true)).toEqual({
      text: "x is undefined",
      fix: "internal",
    });
    expect(paneMessageOf(new DOMException("stop", "AbortError"))).toBeUndefined();
  });

  it("sends the user to the date order when that is what would fix the data, in the pane's language", () => {
    const message = paneMessageOf(new UserError("orders: no usable order lines", "dayOrder"));
    expect(message).toEqual({ text: "orders: no usable order lines", fix: "dayOrder" });
    // Across the worker boundary the setting to change survives, from the engine's DataError too.
    const crossed = deserializeError(serializeError(new DataError("orders: no usable", "dayOrder")));
    expect(paneMessageOf(crossed)).toEqual({ text: "orders: no usable", fix: "dayOrder" });
    expect(paneMessageOf(deserializeError(serializeError(new DataError("x"))))?.fix).toBe("data");
    expect(STRINGS.en.fixDayOrder).toContain(STRINGS.en.sourceHeading);
    expect(STRINGS["zh-CN"].fixDayOrder).toContain(STRINGS["zh-CN"].sourceHeading);
    expect(STRINGS["zh-CN"].fixDayOrder).toContain(STRINGS["zh-CN"].dayOrders.dmy.replace(/（.*/, ""));
  });
});

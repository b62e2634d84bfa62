/**
 * Refresh in Excel tells the report's own validation and conditional formats from the user's by kind,
 * range AND rule: one of the report's whose rule the user edited (another bound, another colour) is theirs,
 * kept where it can follow its cells, else listed before anything is written, never silently overwritten.
 * The same holds on workbooks an earlier build wrote: a registry that recorded no rules (compared with
 * what this build writes), or no formats at all (links and formats of the user's there are theirs too).
 */
import { buildReport } from "../../../src/report/build-report";
import { columnName, parseRangeAddress } from "../../../src/sheet/a1";
import type { FakeSheet } from "./fake-excel-model";
import { typeInto } from "./fake-fixture";
import { customerTable, editRegistry, refreshLosses, reportInExcel } from "./refresh-fixture";

jest.setTimeout(120_000);

type Recorded = Record<string, unknown>;

/** The report's validation of the tier minimums on LL Tiers (decimal, at least 0). */
function minimumsValidation(tiers: FakeSheet): { range: string; settings: Recorded } {
  const found = tiers.validations.filter((v) => (v.settings.rule as Recorded | undefined)?.decimal);
  expect(found).toHaveLength(1);
  expect(found[0].settings.rule).toEqual({ decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } });
  return found[0];
}

/** The registry as an earlier build wrote it: no rules recorded, or no formats at all. */
const EARLIER = {
  "rules not recorded": (entry: Recorded) => {
    const formats = entry.formats as { conditionalFormats: Recorded[]; validations: Recorded[] } | undefined;
    for (const f of [...(formats?.conditionalFormats ?? []), ...(formats?.validations ?? [])]) delete f.rule;
  },
  "formats not recorded": (entry: Recorded) => {
    delete entry.formats;
  },
};

const REGISTRIES = [
  "as this build records it",
  ...(Object.keys(EARLIER) as (keyof typeof EARLIER)[]),
] as const;

describe("Refresh in Excel: a rule of the report's the user edited is theirs", () => {
  it("records the rule of each format and validation it writes", async () => {
    const { excel } = await reportInExcel();
    let entries: Recorded[] = [];
    editRegistry(excel, (entry) => entries.push(structuredClone(entry)));
    entries = entries.filter((e) => e.kind === "tiers" || e.kind === "customers");
    const formats = entries.flatMap((e) => {
      const f = e.formats as { conditionalFormats: Recorded[]; validations: Recorded[] };
      return [...f.conditionalFormats, ...f.validations];
    });
    expect(formats.length).toBeGreaterThan(2);
    for (const f of formats) expect(typeof f.rule).toBe("string");
    const minimums = formats.find((f) => f.type === "decimal");
    expect(JSON.parse(minimums?.rule as string)).toEqual(["greaterthanorequal", ["0"], []]);
  });

  for (const registry of REGISTRIES) {
    it(`a validation of the report's whose bound the user changed is listed, not overwritten (registry ${registry})`, async () => {
      const { excel, wb } = await reportInExcel();
      if (registry !== "as this build records it") editRegistry(excel, EARLIER[registry]);
      const tiers = excel.model.mustSheet("LL Tiers");
      const minimums = minimumsValidation(tiers);
      // Unchanged, it is the report's: nothing to list.
      expect(await refreshLosses(wb)).toEqual([]);
      if (registry !== "as this build records it") editRegistry(excel, EARLIER[registry]);

      minimumsValidation(tiers).settings.rule = {
        decimal: { operator: "GreaterThanOrEqualTo", formula1: 100 },
      };
      const before = JSON.stringify(tiers.validations);
      expect(await refreshLosses(wb)).toEqual([
        { kind: "validation", sheet: "LL Tiers", cell: minimums.range },
      ]);
      expect(JSON.stringify(tiers.validations)).toBe(before);

      // Told to go on, the report writes its own rule there again.
      await buildReport({ workbook: wb, force: true });
      expect(minimumsValidation(tiers).range).toBe(minimums.range);
    });
  }

  for (const registry of REGISTRIES) {
    it(`a data bar of the report's recoloured by the user follows its column as theirs, above the report's own (registry ${registry})`, async () => {
      const { excel, wb } = await reportInExcel();
      const { sheet } = customerTable(excel);
      const bars = () => sheet.conditionalFormats.filter((f) => f.type === "DataBar");
      expect(bars()).toHaveLength(1);
      const [ours] = bars();
      expect(ours.settings["dataBar.positiveFormat.fillColor"]).toBe("#5B9BD5");
      if (registry !== "as this build records it") editRegistry(excel, EARLIER[registry]);
      ours.settings["dataBar.positiveFormat.fillColor"] = "#FF0000";
      const column = parseRangeAddress(ours.range.split(" ")[0]).left;

      expect(await refreshLosses(wb)).toEqual([]);
      const now = customerTable(excel);
      const range = `${columnName(column)}${now.box.top + 1}:${columnName(column)}${now.box.bottom}`;
      // The report's drawn again with its colour, the user's above it (Excel's list is oldest first).
      expect(bars().map((f) => [f.range, f.settings["dataBar.positiveFormat.fillColor"]])).toEqual([
        [range, "#5B9BD5"],
        [range, "#FF0000"],
      ]);
      // The next refresh knows the report's again and carries the user's once.
      await buildReport({ workbook: wb });
      expect(bars().map((f) => f.settings["dataBar.positiveFormat.fillColor"])).toEqual([
        "#5B9BD5",
        "#FF0000",
      ]);
    });
  }

  it("a sheet written before formats were recorded: the user's link on a customer's row follows the customer, the report's formats are known by rule", async () => {
    const { excel, wb } = await reportInExcel();
    editRegistry(excel, EARLIER["formats not recorded"]);
    const { sheet, box, rowOf } = customerTable(excel);
    const formatsBefore = sheet.conditionalFormats.map((f) => [f.type, f.settings]);
    const customer = String(sheet.cell(box.top + 4, box.left)?.value);
    const right = box.right + 1;
    typeInto(sheet.cellFor(box.top, right), "CRM");
    typeInto(sheet.cellFor(rowOf(customer), right), "open");
    const crm = { address: "https://crm.example/c/7" };
    const cell = sheet.cellFor(rowOf(customer), right);
    cell.properties = { ...cell.properties, hyperlink: crm };

    expect(await refreshLosses(wb)).toEqual([]);
    const now = customerTable(excel);
    const column = [...Array(6).keys()]
      .map((i) => now.box.right - 2 + i)
      .find((c) => sheet.cell(now.box.top, c)?.value === "CRM")!;
    expect(sheet.cell(now.rowOf(customer), column)?.properties?.hyperlink).toEqual(crm);
    // The report's formats drawn again once each, none taken for the user's.
    expect(sheet.conditionalFormats.map((f) => [f.type, f.settings])).toEqual(formatsBefore);
  });
});

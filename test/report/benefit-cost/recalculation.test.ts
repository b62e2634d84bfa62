/**
 * One model, two implementations, proven equal: the Benefit cost sheet is written to .xlsx, LibreOffice
 * headless RECALCULATES it (its own formula engine, cached values ignored), and every formula cell must
 * equal what src/engine/projection computes, within a relative 1e-9. Then assumption cells are edited in
 * the file as a user would type them, recalculated again, and compared with the engine run on the same
 * edits. Needs LibreOffice (`soffice`); CI installs it (.ci/run).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ProjectionAssumptions } from "../../../src/engine/projection/assumptions";
import type { ProjectionBaseline } from "../../../src/engine/projection/baseline";
import type { Language } from "../../../src/engine/text/language";
import { benefitCostSheet, type BenefitCostSheet } from "../../../src/report/benefit-cost/builder";
import {
  benefitCostSheetForWorkbook,
  benefitCostSheetFromData,
} from "../../../src/report/benefit-cost/from-data";
import { analyzeOrders } from "../../../src/engine/analyze";
import { generateOrders } from "../../../src/engine/sample/generate-orders";
import { DEMO_SAMPLE } from "../../../src/cli/commands/demo";
import { INPUT_KEYS, PROGRAMME_FIELDS, TIER_FIELDS } from "../../../src/report/benefit-cost/fields";
import type { Expected } from "../../../src/report/benefit-cost/grid";
import { SHEET_TEXTS } from "../../../src/engine/text/benefit-cost-sheet";
import { cellAddress } from "../../../src/sheet/a1";
import { inputCells } from "../../../src/sheet/sheet-model-cells";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { convertWithLibreOffice, describeWithLibreOffice } from "../../helpers/libreoffice";
import { editSavedCells, readSavedSheet, type SavedCell } from "../../helpers/saved-xlsx";
import { cdnowAnalysis, cdnowBaseline, cdnowSheetInput, typedAssumptions } from "./fixture";

const RELATIVE_TOLERANCE = 1e-9;

interface Written {
  sheet: BenefitCostSheet;
  file: string;
  sheetName: string;
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "ll-benefit-cost-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeSheet(
  name: string,
  baseline: ProjectionBaseline,
  assumptions: ProjectionAssumptions,
  language: Language = "en",
): Promise<Written> {
  const sheet = benefitCostSheet({ ...cdnowSheetInput(baseline, assumptions), language });
  const wb = XlsxWorkbook.create();
  const { sheetName } = await wb.writeSheet(sheet.model);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.save(file);
  return { sheet, file, sheetName };
}

/** Cells whose recalculated value is not the engine's: "B7: engine 1.5, LibreOffice 1.6" (empty = none). */
function differences(expected: Map<string, Expected>, cells: Map<string, SavedCell>): string[] {
  const wrong: string[] = [];
  for (const [address, want] of expected) {
    const got = cells.get(address)?.value;
    const ok =
      typeof want === "number"
        ? typeof got === "number" && Math.abs(got - want) <= RELATIVE_TOLERANCE * Math.abs(want) + 1e-12
        : got === want;
    if (!ok) wrong.push(`${address}: engine ${JSON.stringify(want)}, LibreOffice ${JSON.stringify(got)}`);
  }
  return wrong;
}

/** The largest relative difference between the engine and the recalculated numbers. */
function largestRelativeDifference(expected: Map<string, Expected>, cells: Map<string, SavedCell>): number {
  let largest = 0;
  for (const [address, want] of expected) {
    const got = cells.get(address)?.value;
    if (typeof want === "number" && typeof got === "number" && want !== 0) {
      largest = Math.max(largest, Math.abs(got - want) / Math.abs(want));
    }
  }
  return largest;
}

/** Address of the input cell with this key. */
function inputAddress(sheet: BenefitCostSheet, key: string): string {
  const input = inputCells(sheet.model).get(key);
  if (!input) throw new Error(`no input cell ${key}`);
  return input.address;
}

function errorCells(cells: Map<string, SavedCell>): string[] {
  return [...cells]
    .filter(([, c]) => typeof c.value === "object" && c.value !== null)
    .map(([address, c]) => `${address} ${JSON.stringify(c.value)} (${c.formula ?? "value"})`);
}

function formulaAddresses(cells: Map<string, SavedCell>): string[] {
  return [...cells].filter(([, c]) => c.formula !== undefined).map(([address]) => address);
}

describeWithLibreOffice(
  "Benefit cost sheet recalculated by LibreOffice equals the engine's projection",
  () => {
    const monthly = cdnowBaseline(1);
    const quarterly = cdnowBaseline(3);
    const cases: [string, ProjectionBaseline, ProjectionAssumptions, Language?][] = [
      ["base-monthly", monthly, typedAssumptions(monthly, "base")],
      // Texts the formulas build (the lift message) in Chinese: the same strings in the engine and the sheet.
      ["base-monthly-zh", monthly, typedAssumptions(monthly, "base"), "zh-CN"],
      ["cautious-monthly", monthly, typedAssumptions(monthly, "cautious")],
      ["ambitious-monthly", monthly, typedAssumptions(monthly, "ambitious")],
      ["base-quarterly", quarterly, typedAssumptions(quarterly, "base")],
    ];
    let written: Written[];
    let recalculated: Map<string, SavedCell>[];

    beforeAll(async () => {
      written = [];
      for (const [name, baseline, assumptions, language] of cases) {
        written.push(await writeSheet(name, baseline, assumptions, language));
      }
      const outputs = await convertWithLibreOffice(
        written.map((w) => w.file),
        path.join(dir, "recalculated"),
        "xlsx",
      );
      recalculated = outputs.map((out, i) => readSavedSheet(out, written[i].sheetName));
    });

    it.each(cases.map(([name, , , language], i) => [name, i, language ?? "en"] as const))(
      "%s: every formula cell, projection, key results and sensitivity table",
      (_, i, language) => {
        const { sheet } = written[i];
        const cells = recalculated[i];
        // Every formula of the recalculated sheet is one the engine has a value for, and the other way round.
        expect(formulaAddresses(cells).sort()).toEqual([...sheet.expected.keys()].sort());
        expect(sheet.expected.size).toBeGreaterThan(400);
        expect(differences(sheet.expected, cells)).toEqual([]);
        expect(errorCells(cells)).toEqual([]);
        expect(cells.get("A4")?.value).toBe(SHEET_TEXTS[language].checks.allPass);
      },
    );

    it("shows the engine's totals and the chosen scenario in the key results", () => {
      const [base, , cautious] = written;
      const net = (w: Written, i: number) =>
        recalculated[i].get(cellAddress(w.sheet.layout.keyFirst + 7, 2))?.value;
      expect(net(base, 0)).toBeCloseTo(base.sheet.projection.totals.netEffect, 6);
      expect(net(cautious, 2)).toBeCloseTo(cautious.sheet.projection.totals.netEffect, 6);
      // The scenarios differ, so equal totals would not be a coincidence of the formulas ignoring them.
      expect(base.sheet.projection.totals.netEffect).not.toBeCloseTo(
        cautious.sheet.projection.totals.netEffect,
        0,
      );
      expect(recalculated[2].get(cellAddress(cautious.sheet.layout.scenario, 2))?.value).toBe("Cautious");
      // The break-even message, built by a formula, in each language.
      const message = (i: number) =>
        recalculated[i].get(cellAddress(base.sheet.layout.keyFirst + 16, 1))?.value;
      expect(message(0)).toMatch(/^The assumed lift of \d+\.\d% is (below|pays)/);
      expect(message(1)).toMatch(/^假设的提升 \d+\.\d% /);
    });
  },
);

describeWithLibreOffice(
  "Benefit cost sheet with assumptions edited in the file, recalculated by LibreOffice",
  () => {
    const baseline = cdnowBaseline(1);
    const original = typedAssumptions(baseline, "base");

    it("recalculates the redemption rate, a spend lift, the fixed cost, a migration rate, a spend per member, the season and the scenario", async () => {
      const { sheet, file, sheetName } = await writeSheet("edited", baseline, original);
      const states = baseline.states;
      const gold = states[1].key;
      // Gold's established members, and lapsed, in the tenure chain (tiers' new members, established, lapsed).
      const chain = baseline.chain.states;
      const goldEstablished = baseline.tierCount + 1;
      const lapsed = chain.length - 1;
      // The edited assumptions, applied to the engine's copy the same way.
      const edited = structuredClone(original);
      edited.tiers[0].redemptionRate = 0.55;
      edited.tiers[2].participationRate = 0.4;
      edited.tiers[1].spendLift = 0.25;
      edited.programme.fixedCost = 1234;
      edited.seasonalIndex[2] = 1.3;
      edited.programme.grossMargin = 0.35;
      // Half of the established Gold members who would lapse stay instead (the row still sums to 100 %).
      const g = goldEstablished;
      const moved = edited.migration[g][lapsed] / 2;
      expect(moved).toBeGreaterThan(0.005);
      const stay = edited.migration[g][g] + moved;
      const lapse = edited.migration[g][lapsed] - moved;
      edited.migration[g][g] = stay;
      edited.migration[g][lapsed] = lapse;
      edited.spendPerMember[g] = 321.5;
      edited.scenario = "ambitious";
      const tierField = (field: string) => TIER_FIELDS.find((f) => f.field === field)!.field;
      const programmeField = (field: string) => PROGRAMME_FIELDS.find((f) => f.field === field)!.field;
      await editSavedCells(file, sheetName, {
        [inputAddress(sheet, INPUT_KEYS.tier(states[0].key, tierField("redemptionRate")))]: 0.55,
        [inputAddress(sheet, INPUT_KEYS.tier(states[2].key, tierField("participationRate")))]: 0.4,
        [inputAddress(sheet, INPUT_KEYS.tier(gold, tierField("spendLift")))]: 0.25,
        [inputAddress(sheet, INPUT_KEYS.programme(programmeField("fixedCost")))]: 1234,
        [inputAddress(sheet, INPUT_KEYS.season(3))]: 1.3,
        [inputAddress(sheet, INPUT_KEYS.programme(programmeField("grossMargin")))]: 0.35,
        [inputAddress(sheet, INPUT_KEYS.migration(chain[g].key, chain[g].key))]: stay,
        [inputAddress(sheet, INPUT_KEYS.migration(chain[g].key, chain[lapsed].key))]: lapse,
        [inputAddress(sheet, INPUT_KEYS.spend(chain[g].key))]: 321.5,
        [inputAddress(sheet, INPUT_KEYS.scenario)]: "Ambitious",
      });

      const [out] = await convertWithLibreOffice(file, path.join(dir, "recalculated-edited"), "xlsx");
      const cells = readSavedSheet(out, sheetName);
      const expected = benefitCostSheet(cdnowSheetInput(baseline, edited)).expected;
      // The stale cached values of the edited file are NOT the answer: LibreOffice really recalculated.
      expect(differences(expected, readSavedSheet(file, sheetName)).length).toBeGreaterThan(300);
      expect(differences(expected, cells)).toEqual([]);
      expect(largestRelativeDifference(expected, cells)).toBeLessThan(RELATIVE_TOLERANCE);
      expect(errorCells(cells)).toEqual([]);
    });
  },
);

describeWithLibreOffice(
  "Benefit cost sheet refreshed in place in an .xlsx file, recalculated by LibreOffice",
  () => {
    it("keeps the assumptions typed into the file and computes with them", async () => {
      const analysis = cdnowAnalysis();
      const file = path.join(dir, "refreshed.xlsx");
      const created = XlsxWorkbook.create();
      const first = await benefitCostSheetForWorkbook(created, analysis);
      const { sheetName } = await created.writeSheet(first.model);
      await created.save(file);
      const gold = first.input.baseline.states[1].key;
      const address = (key: string) => inputAddress(first, key);
      // Typed in a spreadsheet program and saved: Gold's spend lift, the burn rate, 8 periods.
      await editSavedCells(file, sheetName, {
        [address(INPUT_KEYS.tier(gold, "spendLift"))]: 0.3,
        [address(INPUT_KEYS.programme("pointsBurnRate"))]: 0.2,
        [address(INPUT_KEYS.programme("periods"))]: 8,
      });

      const opened = await XlsxWorkbook.open(file);
      const refreshed = await benefitCostSheetForWorkbook(opened, analysis);
      const written = await opened.writeSheet(refreshed.model);
      await opened.save(file);
      expect(written.keptInputs).toHaveLength(3);
      expect(refreshed.input.assumptions.tiers[1].spendLift).toBe(0.3);
      expect(refreshed.input.assumptions.programme.pointsBurnRate).toBe(0.2);
      expect(refreshed.layout.T).toBe(8);

      const [out] = await convertWithLibreOffice(file, path.join(dir, "recalculated-refreshed"), "xlsx");
      const cells = readSavedSheet(out, sheetName);
      expect(formulaAddresses(cells).sort()).toEqual([...refreshed.expected.keys()].sort());
      expect(differences(refreshed.expected, cells)).toEqual([]);
      expect(errorCells(cells)).toEqual([]);
    });
  },
);

describeWithLibreOffice("Benefit cost sheet of the demo, as built and with three assumptions edited", () => {
  it("recalculates to the engine's numbers, and moves with the lift, the redemption rate and the fixed cost", async () => {
    const analysis = analyzeOrders(generateOrders(DEMO_SAMPLE));
    const built = benefitCostSheetFromData({ analysis, inputs: [], sheetName: "" });
    const wb = XlsxWorkbook.create();
    const { sheetName } = await wb.writeSheet(built.model);
    const asBuilt = path.join(dir, "demo.xlsx");
    await wb.save(asBuilt);
    const editedFile = path.join(dir, "demo-edited.xlsx");
    await wb.save(editedFile);
    const { baseline, assumptions } = built.input;
    const top = baseline.states[0].key;
    const edited = structuredClone(assumptions);
    edited.tiers.forEach((t) => (t.spendLift = 0));
    edited.tiers[0].spendLift = 0.12;
    edited.tiers[0].redemptionRate = 0.95;
    edited.programme.fixedCost = 2500;
    const edits: Record<string, number> = {
      [inputAddress(built, INPUT_KEYS.tier(top, "redemptionRate"))]: 0.95,
      [inputAddress(built, INPUT_KEYS.programme("fixedCost"))]: 2500,
    };
    baseline.states.slice(0, baseline.tierCount).forEach((s, i) => {
      edits[inputAddress(built, INPUT_KEYS.tier(s.key, "spendLift"))] = i === 0 ? 0.12 : 0;
    });
    await editSavedCells(editedFile, sheetName, edits);

    const [out, outEdited] = await convertWithLibreOffice(
      [asBuilt, editedFile],
      path.join(dir, "recalculated-demo"),
      "xlsx",
    );
    const cells = readSavedSheet(out, sheetName);
    expect(formulaAddresses(cells).sort()).toEqual([...built.expected.keys()].sort());
    expect(differences(built.expected, cells)).toEqual([]);
    expect(errorCells(cells)).toEqual([]);

    const reference = benefitCostSheet({ ...built.input, assumptions: edited });
    const editedCells = readSavedSheet(outEdited, sheetName);
    expect(differences(reference.expected, editedCells)).toEqual([]);
    expect(largestRelativeDifference(reference.expected, editedCells)).toBeLessThan(RELATIVE_TOLERANCE);
    // The edits moved the results: the fixed cost adds 2,500 a period to the cost, exactly.
    const T = assumptions.periods;
    const cost = (sheet: BenefitCostSheet, c: Map<string, SavedCell>) =>
      c.get(cellAddress(sheet.layout.keyFirst + 3, 2))?.value as number;
    const withoutFixed = benefitCostSheet({
      ...built.input,
      assumptions: { ...edited, programme: { ...edited.programme, fixedCost: 0 } },
    });
    expect(cost(reference, editedCells) - withoutFixed.projection.totals.benefitCost).toBeCloseTo(
      2500 * T,
      6,
    );
    expect(cost(built, cells)).not.toBeCloseTo(cost(reference, editedCells), 0);
  });
});

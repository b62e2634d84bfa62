import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildExamples } from "../../scripts/examples/build-examples";
import { withDynamicArrays } from "../../scripts/examples/dynamic-arrays";
import { parseCellAddress } from "../../src/sheet/a1";

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SOURCES: string[] = require(join(ROOT, "webpack.config.js")).FUNCTION_SOURCES;
const REGISTERED = SOURCES.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/@customfunction\s+([A-Z.]+)/g)].map((m) => m[1]),
);

describe("the examples workbook (npm run examples)", () => {
  const { workbook, formulas } = buildExamples();
  const cell = (sheet: string, address: string) => workbook.getWorksheet(sheet)!.getCell(address);

  it("shows every registered function at least once, each formula with a note", () => {
    const used = new Set(formulas.map((f) => f.fn).filter(Boolean));
    expect([...used].sort()).toEqual([...REGISTERED].sort());
    for (const f of formulas)
      expect({ at: `${f.sheet}!${f.cell}`, note: f.note.length > 20 }).toEqual({
        at: `${f.sheet}!${f.cell}`,
        note: true,
      });
  });

  it("chains SUMMARY → RFM → RFMSEGMENT and SUMMARY → BGNBD → PALIVE / CLV with no error in any result", () => {
    for (const chain of ["SUMMARY", "RFM", "RFMSEGMENT", "BGNBD", "PALIVE", "CLV"])
      expect(formulas.some((f) => f.fn === chain)).toBe(true);
    expect(formulas.find((f) => f.fn === "RFM")!.shown).toContain("Customers!H5:H2361");
    expect(formulas.find((f) => f.fn === "PALIVE")!.shown).toContain("Models!$A$6:$F$6");
    for (const f of formulas) {
      const ws = workbook.getWorksheet(f.sheet)!;
      const anchor = parseCellAddress(f.cell);
      for (let r = 0; r < f.rows; r++)
        for (let c = 0; c < f.columns; c++) {
          const v = ws.getCell(anchor.row + r, anchor.col + c).value as { error?: string } | null;
          if (v && typeof v === "object" && "error" in v)
            throw new Error(`${f.sheet}!${f.cell} holds ${v.error}`);
        }
    }
  });

  it("caches the published numbers: BG/NBD r, E[X(39)] of customer 0001, BG/BB P(alive)", () => {
    expect(cell("Models", "B6").value as number).toBeCloseTo(0.2426, 3);
    expect(Math.abs((cell("Predictions", "C5").result as number) - 1.226)).toBeLessThanOrEqual(0.001);
    [0.11, 0.59, 0.93].forEach((v, i) => {
      const c = cell("Donations", `I${11 + i}`);
      expect(Math.abs(((i === 0 ? c.result : c.value) as number) - v)).toBeLessThan(0.005);
    });
  });

  it("stores custom functions as Excel does, and every formula as a dynamic array", async () => {
    expect(cell("Predictions", "B5").formula).toMatch(/^_xldudf_LOYALTY_PALIVE\(/);
    const zip = await JSZip.loadAsync(await withDynamicArrays(await workbook.xlsx.writeBuffer()));
    let anchors = 0;
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      anchors += (xml.match(/ cm="1"><f t="array"/g) ?? []).length;
      expect(xml).not.toMatch(/<c (?:(?!cm=)[^>])*><f t="array"/);
    }
    expect(anchors).toBe(formulas.length);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await zip.generateAsync({ type: "arraybuffer" }));
    expect(back.worksheets.map((w) => w.name)).toEqual(workbook.worksheets.map((w) => w.name));
  });
});

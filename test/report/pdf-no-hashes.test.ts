/**
 * Widths that fit the numbers they hold: the demo report (English and Chinese, as `loyalty demo` and
 * `loyalty demo --lang zh-CN` write it) exported to PDF by LibreOffice at the default zoom shows no `###`,
 * the mark a spreadsheet prints for a number wider than its column. The text of the PDF is read with
 * pdftotext (poppler-utils). A control workbook with a number in a narrow column is exported in the same
 * run and must show `###`, so the check can fail.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_SAMPLE } from "../../src/cli/commands/demo";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { plantSampleCampaigns } from "../../src/engine/sample/sample-campaigns";
import type { Language } from "../../src/engine/text/language";
import { buildReport } from "../../src/report/build-report";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { convertWithLibreOffice, describeWithLibreOffice } from "../helpers/libreoffice";
import { describeWithTool } from "../helpers/needs-tool";

const pdftotextInstalled = () => spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).error === undefined;

/** The demo report in `language`, saved as `file`. */
async function demoReport(language: Language, file: string): Promise<void> {
  const table = generateOrders({ ...DEMO_SAMPLE, headers: language === "zh-CN" ? "zh" : "en" });
  const campaigns = plantSampleCampaigns(
    table,
    { member: 1, date: 2, amount: 4 },
    { seed: DEMO_SAMPLE.seed ?? 1, language: language === "zh-CN" ? "zh" : "en" },
  );
  const workbook = XlsxWorkbook.create(path.basename(file));
  await buildReport({
    workbook,
    orders: { table: { ...table, source: DEMO_SAMPLE.source! } },
    campaigns: { ...campaigns, source: "loyalty-demo-campaigns.csv" },
    config: { language },
  });
  await workbook.save(file);
}

/** A workbook whose one number cannot fit its column: LibreOffice must print ### for it. */
async function control(file: string): Promise<void> {
  const workbook = XlsxWorkbook.create(path.basename(file));
  await workbook.writeSheet({
    kind: "control",
    name: "Control",
    blocks: [{ at: { row: 1, col: 1 }, rows: [[123456789.25]], columnFormats: [{ code: "#,##0.00" }] }],
    columnWidths: [3],
  });
  await workbook.save(file);
}

/** The lines of a PDF's text that hold ###, with their page. */
function hashLines(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  return text.split("\f").flatMap((page, p) =>
    page
      .split("\n")
      .filter((line) => line.includes("###"))
      .map((line) => `page ${p + 1}: ${line.trim().slice(0, 120)}`),
  );
}

describeWithLibreOffice("the demo report printed to PDF", () => {
  describeWithTool(
    {
      marker: "[needs pdftotext]",
      installed: pdftotextInstalled,
      missing: "pdftotext is not installed: apt-get install poppler-utils",
    },
    "read with pdftotext",
    () => {
      let dir: string;
      let pdfs: string[];

      beforeAll(async () => {
        dir = mkdtempSync(path.join(os.tmpdir(), "ll-pdf-"));
        const files = ["loyalty-demo-en.xlsx", "loyalty-demo-zh.xlsx", "narrow-column.xlsx"].map((f) =>
          path.join(dir, f),
        );
        await demoReport("en", files[0]);
        await demoReport("zh-CN", files[1]);
        await control(files[2]);
        pdfs = await convertWithLibreOffice(files, path.join(dir, "pdf"), "pdf");
      }, 600_000);

      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      it("prints ### for a number wider than its column (the check can fail)", () => {
        expect(readFileSync(pdfs[2]).length).toBeGreaterThan(0);
        expect(hashLines(pdfs[2]).length).toBeGreaterThan(0);
      });

      it("prints every number of the English demo report in full", () => {
        expect(hashLines(pdfs[0])).toEqual([]);
      });

      it("prints every number of the Chinese demo report in full", () => {
        expect(hashLines(pdfs[1])).toEqual([]);
      });
    },
  );
});

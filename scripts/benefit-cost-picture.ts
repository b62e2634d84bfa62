/**
 * Renders the top of the Benefit cost sheet of the demo report (reconciliation, key results, charts,
 * programmes side by side) to
 * docs/benefit-cost.png, the picture in the README:
 *
 *   npx tsx scripts/benefit-cost-picture.ts [out.png]
 *
 * It builds the sheet on the bundled sample (as `loyalty demo` does), lets LibreOffice headless
 * recalculate it and print it to PDF, and crops the top of the first page with `pdftoppm`
 * (poppler-utils). Needs both; not part of `npm test`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_SAMPLE } from "../src/cli/commands/demo";
import { generateOrders } from "../src/engine/sample/generate-orders";
import { buildReport } from "../src/report/build-report";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import { convertWithLibreOffice } from "../test/helpers/libreoffice";

/** Resolution of the picture, and the part of the first page it shows (inches from the top left). */
const DPI = 150;
const CROP = { left: 0.3, top: 0.45, width: 7.85, height: 3.92 };

async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? path.join(__dirname, "../docs/benefit-cost.png"));
  const dir = mkdtempSync(path.join(os.tmpdir(), "ll-benefit-cost-picture-"));
  try {
    const workbook = XlsxWorkbook.create("benefit-cost.xlsx");
    const table = generateOrders(DEMO_SAMPLE);
    await buildReport({ workbook, orders: { table }, config: { sheets: ["benefit-cost"] } });
    const file = path.join(dir, "benefit-cost.xlsx");
    await workbook.save(file);
    const [pdf] = await convertWithLibreOffice(file, dir, "pdf");
    const inches = (x: number) => String(Math.round(x * DPI));
    const base = path.join(dir, "page");
    execFileSync("pdftoppm", [
      ...["-png", "-r", String(DPI), "-f", "1", "-l", "1", "-singlefile"],
      ...[
        "-x",
        inches(CROP.left),
        "-y",
        inches(CROP.top),
        "-W",
        inches(CROP.width),
        "-H",
        inches(CROP.height),
      ],
      pdf,
      base,
    ]);
    renameSync(`${base}.png`, target);
    console.log(target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Renders the example sheet model (test/workbook/example-model.ts, every feature of the sheet model)
 * through LibreOffice so a person can look at it:
 *
 *   npx tsx scripts/render-sheet-model.ts [out-dir]     (default test/artifacts/sheet-model)
 *
 * It writes the model twice, as a new file (streaming writer) and into an existing user workbook
 * (ExcelJS model, in place), converts both to PDF with `soffice --headless` and to PNG with `pdftoppm`
 * (poppler-utils), and prints the paths. Needs LibreOffice and poppler-utils; not part of `npm test`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import { exampleSheetModel } from "../test/workbook/example-model";

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, "../test/artifacts/sheet-model"));
  mkdirSync(out, { recursive: true });

  const fresh = path.join(out, "example-new.xlsx");
  const wb = XlsxWorkbook.create();
  await wb.writeSheet({ ...exampleSheetModel(), print: { orientation: "landscape", fitToWidth: true } });
  await wb.save(fresh);

  const updated = path.join(out, "example-in-place.xlsx");
  const user = new ExcelJS.Workbook();
  const ws = user.addWorksheet("Budget");
  ws.addRows([
    ["Item", "Cost"],
    ["Gifts", 25],
    ["Events", 432],
  ]);
  ws.getCell("B4").value = { formula: "SUM(B2:B3)", result: 457 };
  ws.getRow(1).font = { bold: true };
  await user.xlsx.writeFile(updated);
  const book = await XlsxWorkbook.open(updated);
  await book.writeSheet({ ...exampleSheetModel(), print: { orientation: "landscape", fitToWidth: true } });
  await book.save();

  for (const file of [fresh, updated]) {
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, file], {
      stdio: "ignore",
    });
    const pdf = file.replace(/\.xlsx$/, ".pdf");
    execFileSync("pdftoppm", ["-png", "-r", "80", pdf, pdf.replace(/\.pdf$/, "")]);
  }
  for (const f of readdirSync(out)
    .filter((f) => f.endsWith(".png"))
    .sort())
    console.log(path.join(out, f));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

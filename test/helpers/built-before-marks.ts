/**
 * A workbook as Loyalty Lens wrote it before the report marked its objects (chart names "LL chart N: …",
 * notes authored "Loyalty Lens", and the registry's record of the notes, conditional formats and
 * validation each build wrote): a workbook the current version wrote, with those marks taken out again.
 * Charts were then named after their title ("Chart N" without one) and notes were authored "Author"
 * (ExcelJS's writer).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { SETTINGS_SHEET_NAME } from "../../src/sheet/port";
import { decodeStore, encodeStore } from "../../src/workbook/settings-store";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { sheetContext, sheetRows } from "../../src/workbook/xlsx/sheet-reader";
import { escapeXml, unescapeXml } from "../../src/workbook/xlsx/xml-text";
import type { CellValue } from "../../src/engine/data/table";
import { runJson } from "./cli-io";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The rows of a store sheet as inline-string cells. */
function storeSheetXml(rows: string[][]): string {
  const cells = (row: string[], r: number) =>
    row
      .map(
        (v, c) =>
          `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`,
      )
      .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData>` +
    rows.map((row, r) => `<row r="${r + 1}">${cells(row, r)}</row>`).join("") +
    "</sheetData></worksheet>"
  );
}

/**
 * `before` "areas": as a build from before the registry recorded where each build wrote (before
 * 2026-12-06), which recorded no boxes, carried tables or view settings either; "fingerprint": as a build
 * from just before it recorded the fingerprint of its cells, with every other record.
 */
export async function asBuiltBeforeMarks(
  bytes: Buffer,
  before: "marks" | "areas" | "fingerprint" = "marks",
): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "book.xlsx");
  const zip = await JSZip.loadAsync(bytes);
  const settings = pkg.sheets().find((s) => s.name === SETTINGS_SHEET_NAME);
  if (!settings) throw new Error("not a workbook Loyalty Lens wrote: no settings sheet");
  const rows: CellValue[][] = [];
  for await (const batch of sheetRows(pkg, settings.part, sheetContext(pkg), undefined))
    for (const r of batch) rows[r.row - 1] = r.cells;
  const store = decodeStore(Array.from(rows, (r) => r ?? [])) as Record<string, string>;
  const registry = JSON.parse(store.registry) as { sheets: Record<string, unknown>[] };
  for (const entry of registry.sheets) {
    // The fingerprint of what each build wrote came last (December 2026): every older build lacks it.
    delete entry.fingerprint;
    if (before === "fingerprint") continue;
    delete entry.formats;
    delete entry.notes;
    if (before === "areas") for (const key of ["areas", "carried", "view"]) delete entry[key];
  }
  store.registry = JSON.stringify(registry);
  // The mark's name is cut at 60 characters; the name before it was the whole title.
  const titles = registry.sheets.flatMap((e) => (e.charts as { title?: string }[]).map((c) => c.title ?? ""));
  const oldName = (n: string, title?: string) => {
    if (!title) return `Chart ${n}`;
    return title.endsWith("...") ? (titles.find((t) => t.startsWith(title.slice(0, -3))) ?? title) : title;
  };
  for (const name of Object.keys(zip.files)) {
    if (/^xl\/drawings\/[^/]+\.xml$/.test(name)) {
      const xml = await zip.file(name)!.async("string");
      zip.file(
        name,
        xml.replace(
          /name="LL chart (\d+)(?::\s*([^"]*))?"/g,
          (_, n: string, title?: string) => `name="${escapeXml(oldName(n, title && unescapeXml(title)))}"`,
        ),
      );
    }
    if (/^xl\/(comments\/)?comments?\d*\.xml$/.test(name)) {
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/<author>Loyalty Lens<\/author>/g, "<author>Author</author>"));
    }
  }

  zip.file(settings.part, storeSheetXml(encodeStore(store)));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * A workbook of `customers` generated members' orders (sheet Orders) with the report built into it by the
 * command line (`--in-place`, with `flags`), written in `dir`: its bytes.
 */
export async function builtWorkbook(
  dir: string,
  orders: { customers: number; seed: number },
  flags: string[] = [],
): Promise<Buffer> {
  const table = generateOrders({ ...orders, cells: "typed" });
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Orders");
  sheet.addRow(table.headers);
  for (let r = 0; r < table.columns[0].length; r++)
    sheet.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue));
  const book = path.join(dir, "built.xlsx");
  await wb.xlsx.writeFile(book);
  await runJson(["report", book, "--in-place", ...flags]);
  return readFileSync(book);
}

/**
 * The last step of every save, whichever writer produced the package: put the defined names back, make
 * Excel recalculate on opening, and add the table and chart parts ExcelJS did not write. Parts that are
 * not patched keep their compressed bytes (JSZip reuses them), so this costs little for big sheets.
 */
import JSZip from "jszip";
import { REPORT_NOTE_AUTHOR } from "../../sheet/report-marks";
import { addChartParts, type SheetCharts } from "./chart-parts";
import { definedNamesXml, putDefinedNames, sheetOrder } from "./defined-names";
import type { PackageDefinedName } from "./package";
import { addWorksheetElement, partText, putPart, worksheetPart } from "./package-edit";
import { addTableParts, type TableSpec } from "./table-parts";

export interface PackageAdditions {
  names: PackageDefinedName[];
  /** <dataValidations> elements to put back into sheets, as they were in the opened file. */
  validations?: { sheet: string; xml: string }[];
  tables: { sheet: string; tables: TableSpec[] }[];
  charts: SheetCharts[];
}

/**
 * Formulas written without cached results must be computed when the file is opened: fullCalcOnLoad on
 * <calcPr> (which follows <definedNames> in workbook.xml).
 */
export function withFullCalcOnLoad(workbookXml: string): string {
  // Any prefix the file gives the main namespace (<x:calcPr>).
  const calc = /<(?:\w+:)?calcPr\b[^>]*?(\/?)>/.exec(workbookXml);
  if (calc) {
    if (/fullCalcOnLoad=/.test(calc[0]))
      return workbookXml.replace(calc[0], calc[0].replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"'));
    return workbookXml.replace(calc[0], calc[0].replace(/^<([\w:]*calcPr)/, '<$1 fullCalcOnLoad="1"'));
  }
  const names = /<\/(?:\w+:)?definedNames>/;
  const anchor = names.test(workbookXml) ? names : /<\/(?:\w+:)?sheets>/;
  return workbookXml.replace(anchor, (end) => `${end}<calcPr fullCalcOnLoad="1"/>`);
}

/**
 * The notes the report writes carry its mark as their author (report-marks.ts): a refresh knows them
 * so, whatever their text has become since; a note a user adds in Excel has the user's name.
 */
async function markReportNotes(zip: JSZip): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/comments\d*\.xml$/.test(n))) {
    const xml = (await partText(zip, name)) as string;
    putPart(
      zip,
      name,
      xml.replace(
        /<authors>[\s\S]*?<\/authors>/,
        `<authors><author>${REPORT_NOTE_AUTHOR}</author></authors>`,
      ),
    );
  }
}

export async function finishPackage(
  written: Buffer | ArrayBuffer | Uint8Array,
  add: PackageAdditions,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(written);
  const workbookXml = (await partText(zip, "xl/workbook.xml")) as string;
  const named = putDefinedNames(workbookXml, definedNamesXml(add.names, sheetOrder(workbookXml)));
  putPart(zip, "xl/workbook.xml", withFullCalcOnLoad(named));
  for (const v of add.validations ?? []) {
    await addWorksheetElement(zip, await worksheetPart(zip, v.sheet), "dataValidations", v.xml);
  }
  await addTableParts(zip, add.tables);
  await markReportNotes(zip);
  await addChartParts(zip, add.charts);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

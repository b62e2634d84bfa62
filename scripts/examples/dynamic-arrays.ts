/**
 * Makes the array formulas of an .xlsx file dynamic arrays, as Excel 365 writes them, so that a formula
 * such as =LOYALTY.SUMMARY(...) opens as one spilling formula instead of a legacy {=...} block or an
 * implicitly intersected =@... single value.
 *
 * ExcelJS writes `<c r="A2"><f t="array" ref="A2:J2358">...</f>`; Excel marks a dynamic array by
 * `cm="1"` on that cell, pointing at the XLDAPR cell-metadata record of xl/metadata.xml, which the
 * workbook must reference (relationship + content type). ExcelJS knows none of that, so it is added here.
 */
import JSZip from "jszip";

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ' +
  'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" ' +
  'coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">' +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

const METADATA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** Adds cm="1" to every cell whose formula is an array formula; returns the text and how many it marked. */
export function markArrayFormulaCells(sheetXml: string): { xml: string; marked: number } {
  let marked = 0;
  const xml = sheetXml.replace(/<c ((?:(?!cm=)[^>])*)><f t="array"/g, (_m, attrs: string) => {
    marked++;
    return `<c ${attrs} cm="1"><f t="array"`;
  });
  return { xml, marked };
}

/** The .xlsx with its array formulas turned into dynamic arrays; unchanged when it has none. */
export async function withDynamicArrays(xlsx: Uint8Array | ArrayBuffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  let total = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const { xml, marked } = markArrayFormulaCells(await zip.file(name)!.async("string"));
    if (marked > 0) zip.file(name, xml);
    total += marked;
  }
  if (total > 0 && !zip.file("xl/metadata.xml")) {
    zip.file("xl/metadata.xml", METADATA_XML);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_TYPE}"/></Types>`),
    );
    const relsName = "xl/_rels/workbook.xml.rels";
    const rels = await zip.file(relsName)!.async("string");
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    zip.file(
      relsName,
      rels.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="${METADATA_REL}" Target="metadata.xml"/></Relationships>`,
      ),
    );
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

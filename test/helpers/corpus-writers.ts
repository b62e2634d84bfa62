/**
 * The writers of the refresh corpus: a workbook as each program saves it. ExcelJS writes the corpus's
 * workbooks; the other writers are what a manager's workbook looks like once saved by another program:
 * LibreOffice (converted for real, by `soffice`), openpyxl (its plain-text comments and drawings without
 * the xdr: prefix), a macro-enabled .xlsm with a vbaProject.bin, Google Sheets' export and WPS.
 */
import path from "node:path";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { sharedStringItems } from "../../src/workbook/xlsx/sheet-reader";
import { convertWithLibreOffice } from "./libreoffice";
import { NS_REL } from "./package-zip";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The XML of a part with every element of the main namespace written with the prefix x: (no default). */
function withMainPrefix(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (_, slash: string, name: string) => `<${slash}x:${name}`)
    .replace(` xmlns="${MAIN_NS}"`, ` xmlns:x="${MAIN_NS}"`);
}

/**
 * The workbook as Google Sheets' export shapes it: no docProps (neither app.xml nor core.xml), every
 * string written inline in its cell (no sharedStrings.xml), empty <workbookPr/> and <calcPr/>; and the
 * main namespace under a prefix (x:, as the Open XML SDK writes it) in workbook.xml and every worksheet.
 */
async function asGoogleSheetsExport(bytes: Buffer): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const zip = await JSZip.loadAsync(bytes);
  const sst = pkg.relationships("xl/workbook.xml").find((r) => r.type.endsWith("/sharedStrings"));
  const items = sst ? sharedStringItems(pkg.text(sst.target)) : [];
  for (const sheet of pkg.sheets()) {
    const inline = pkg
      .text(sheet.part)
      .replace(
        /<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
        (_, before: string, after: string, n: string) =>
          `<c${before} t="inlineStr"${after}><is>${items[Number(n)]}</is></c>`,
      );
    zip.file(sheet.part, withMainPrefix(inline));
  }
  let workbook = pkg.text("xl/workbook.xml").replace(/<calcPr\b[^>]*\/>/, "<calcPr/>");
  workbook = workbook.replace(/<workbookPr\b[^>]*\/>/, "<workbookPr/>");
  zip.file("xl/workbook.xml", withMainPrefix(workbook));
  let workbookRels = pkg.text("xl/_rels/workbook.xml.rels");
  let types = pkg.text("[Content_Types].xml");
  if (sst) {
    zip.remove(sst.target);
    workbookRels = workbookRels.replace(new RegExp(`<Relationship\\b[^>]*Id="${sst.id}"[^>]*/>`), "");
    types = types.replace(/<Override\b[^>]*PartName="\/xl\/sharedStrings.xml"[^>]*\/>/, "");
  }
  zip.file("xl/_rels/workbook.xml.rels", workbookRels);
  zip.remove("docProps/app.xml");
  zip.remove("docProps/core.xml");
  zip.file(
    "_rels/.rels",
    pkg.text("_rels/.rels").replace(/<Relationship\b[^>]*Target="\/?docProps\/[^"]*"[^>]*\/>/g, ""),
  );
  zip.file("[Content_Types].xml", types.replace(/<Override\b[^>]*PartName="\/docProps\/[^"]*"[^>]*\/>/g, ""));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export const WPS_PARTS = [
  "customXml/item1.xml",
  "customXml/itemProps1.xml",
  "customXml/_rels/item1.xml.rels",
  "docProps/custom.xml",
  "xl/cellimages.xml",
  "xl/_rels/cellimages.xml.rels",
  "xl/media/image1.png",
];

/**
 * The workbook as WPS Spreadsheets saves it: a custom XML item (customXml/, with its properties part),
 * custom document properties (docProps/custom.xml, with WPS's build number), and WPS's own parts: the
 * pictures in cells (xl/cellimages.xml, of a wps.cn relationship type, with its picture).
 */
async function asWpsSave(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  zip.file(
    "customXml/item1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<s:customData xmlns="http://www.wps.cn/officeDocument/2013/wpsCustomData" xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"><customSectProps><customSectPr/></customSectProps></s:customData>',
  );
  zip.file(
    "customXml/itemProps1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ds:datastoreItem ds:itemID="{B1977F7D-205B-4081-913C-38D41E755F92}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://www.wps.cn/officeDocument/2013/wpsCustomData"/></ds:schemaRefs></ds:datastoreItem>',
  );
  zip.file(
    "customXml/_rels/item1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${NS_REL}/customXmlProps`, "itemProps1.xml")}</Relationships>`,
  );
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16929</vt:lpwstr></property>' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>5E2B3F0A8C8D4A6A9B0E7C1F2D3A4B5C_12</vt:lpwstr></property></Properties>',
  );
  zip.file(
    "xl/cellimages.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">' +
      '<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_7F2A"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill>' +
      '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"/></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>',
  );
  zip.file(
    "xl/_rels/cellimages.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${NS_REL}/image`, "media/image1.png")}</Relationships>`,
  );
  // A 1x1 PNG.
  zip.file(
    "xl/media/image1.png",
    Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    ),
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    pkg
      .text("xl/_rels/workbook.xml.rels")
      .replace(
        "</Relationships>",
        rel("rIdWps1", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml") +
          rel("rIdWps2", `${NS_REL}/customXml`, "../customXml/item1.xml") +
          "</Relationships>",
      ),
  );
  zip.file(
    "_rels/.rels",
    pkg
      .text("_rels/.rels")
      .replace(
        "</Relationships>",
        rel("rIdWps3", `${NS_REL}/custom-properties`, "docProps/custom.xml") + "</Relationships>",
      ),
  );
  zip.file(
    "[Content_Types].xml",
    pkg
      .text("[Content_Types].xml")
      .replace(
        "</Types>",
        (pkg.text("[Content_Types].xml").includes('Extension="png"')
          ? ""
          : '<Default Extension="png" ContentType="image/png"/>') +
          '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
          '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>',
      ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export const VBA_BYTES = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));

/** The workbook as a macro-enabled one: a vbaProject.bin, its relationship and content types. */
async function withMacros(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/vbaProject.bin", VBA_BYTES);
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
      ),
  );
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) as string;
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The workbook as openpyxl saves it: every note's text a plain <t> (no rich-text run; ExcelJS reads only
 * runs) and every drawing in the default namespace (no xdr: prefix), the report's and the user's alike.
 */
async function asOpenpyxlSave(bytes: Buffer): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const zip = await JSZip.loadAsync(bytes);
  for (const sheet of pkg.sheets()) {
    for (const rel of pkg.relationships(sheet.part)) {
      if (rel.type.endsWith("/comments")) {
        const plain = pkg.text(rel.target).replace(/<text>([\s\S]*?)<\/text>/g, (_, runs: string) => {
          const text = [...runs.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join("");
          return `<text><t>${text}</t></text>`;
        });
        zip.file(rel.target, plain);
      }
      if (rel.type.endsWith("/drawing")) {
        const unprefixed = pkg
          .text(rel.target)
          .replace(/<(\/?)xdr:/g, "<$1")
          .replace(" xmlns:xdr=", " xmlns=");
        zip.file(rel.target, unprefixed);
      }
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export type WriterName = "ExcelJS" | "LibreOffice" | "openpyxl" | "xlsm" | "Google Sheets" | "WPS";

export interface Writer {
  name: WriterName;
  /** The file name of its workbook. */
  file: string;
  /** Whether it keeps the charts of a workbook it opens (ExcelJS drops them). */
  keepsCharts: boolean;
  /** What this writer cannot express, so drops when it saves: why (said by the test that would check it). */
  drops?: { slicers?: string };
  /** The workbook as this writer saves it (LibreOffice converts it for real: saveAs). */
  save?: (bytes: Buffer) => Promise<Buffer>;
}

export const WRITERS: Writer[] = [
  { name: "ExcelJS", file: "exceljs.xlsx", keepsCharts: false, save: async (b) => b },
  {
    name: "LibreOffice",
    file: "libreoffice.xlsx",
    keepsCharts: true,
    drops: {
      slicers: "LibreOffice has no slicers: it drops them (and their caches) when it saves a workbook",
    },
  },
  { name: "openpyxl", file: "openpyxl.xlsx", keepsCharts: true, save: asOpenpyxlSave },
  { name: "xlsm", file: "macros.xlsm", keepsCharts: true, save: withMacros },
  { name: "Google Sheets", file: "google.xlsx", keepsCharts: true, save: asGoogleSheetsExport },
  { name: "WPS", file: "wps.xlsx", keepsCharts: true, save: asWpsSave },
];

/** Saves `bytes` (a workbook ExcelJS wrote, with Excel's objects) as writer `w` saves it, at `target`. */
export async function saveAs(w: Writer, bytes: Buffer, target: string): Promise<void> {
  mkdirSync(path.dirname(target), { recursive: true });
  if (w.save) {
    writeFileSync(target, await w.save(bytes));
    return;
  }
  // LibreOffice opens it and saves it again: the file it writes has the name of the one it opened.
  const source = path.join(path.dirname(target), "libreoffice-source", w.file);
  mkdirSync(path.dirname(source), { recursive: true });
  writeFileSync(source, bytes);
  await convertWithLibreOffice(source, path.dirname(target), "xlsx");
  rmSync(path.dirname(source), { recursive: true });
}

/**
 * Objects of the user's that live at the workbook level, for the refresh corpus, added as Excel writes
 * them: a pivot table on a sheet of theirs with its cache in workbook.xml (<pivotCaches>) and a slicer on
 * it (its cache in workbook.xml's <extLst>, the slicer in the sheet's), a link to another workbook
 * (<externalReferences>, used by a formula on their sheet), and a picture on their sheet.
 * The refresh rewrites workbook.xml, its relationships and [Content_Types].xml: these are what it must
 * keep there.
 */
import JSZip from "jszip";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { addOverride, addRelationship, NS_REL, withDrawingElement } from "./package-zip";
import { sheetPart } from "./refresh-corpus";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const WORKBOOK_OBJECTS = {
  pivotSheet: "My pivot",
  pivotName: "MyPivot",
  externalBook: "prices.xlsx",
  /** The formula on "Mine" that reads the other workbook, and the cell it is in. */
  externalFormula: "[1]Prices!$A$1",
  externalCell: "D1",
  picture: "My logo",
  slicerCache: "Slicer_Amount",
};

/** Puts `element` into workbook.xml before the first of `before` there is (schema order). */
async function intoWorkbook(zip: JSZip, element: string, before: string[]): Promise<void> {
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
  const at = Math.min(
    ...[
      ...before.map((name) => xml.search(new RegExp(`<${name}\\b`))),
      xml.lastIndexOf("</workbook>"),
    ].filter((i) => i >= 0),
  );
  zip.file("xl/workbook.xml", `${xml.slice(0, at)}${element}${xml.slice(at)}`);
}

/**
 * A pivot table (the sum of the orders' amounts) on sheet `sheet`, its cache refreshed on opening (no
 * records saved), as Excel writes one.
 */
async function withPivotTable(zip: JSZip, pkg: XlsxPackage, sheet: string): Promise<void> {
  const cache = "xl/pivotCache/pivotCacheDefinition1.xml";
  const table = "xl/pivotTables/pivotTable1.xml";
  zip.file(
    cache,
    `${XML_HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${NS_REL}" saveData="0" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="0">` +
      '<cacheSource type="worksheet"><worksheetSource ref="E1:E30" sheet="Orders"/></cacheSource>' +
      '<cacheFields count="1"><cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="0" maxValue="10000"/></cacheField></cacheFields>' +
      "</pivotCacheDefinition>",
  );
  zip.file(
    table,
    `${XML_HEAD}<pivotTableDefinition xmlns="${MAIN}" name="${WORKBOOK_OBJECTS.pivotName}" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1">` +
      '<location ref="A3" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/>' +
      '<pivotFields count="1"><pivotField dataField="1" showAll="0"/></pivotFields>' +
      '<rowItems count="1"><i/></rowItems><colItems count="1"><i/></colItems>' +
      '<dataFields count="1"><dataField name="Sum of Amount" fld="0" baseField="0" baseItem="0"/></dataFields>' +
      '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>' +
      "</pivotTableDefinition>",
  );
  await addRelationship(zip, table, {
    id: "rId1",
    type: `${NS_REL}/pivotCacheDefinition`,
    target: `/${cache}`,
  });
  await addRelationship(zip, sheetPart(pkg, sheet), {
    id: "rIdPivot1",
    type: `${NS_REL}/pivotTable`,
    target: `/${table}`,
  });
  await addRelationship(zip, "xl/workbook.xml", {
    id: "rIdPivotCache1",
    type: `${NS_REL}/pivotCacheDefinition`,
    target: "pivotCache/pivotCacheDefinition1.xml",
  });
  await intoWorkbook(zip, '<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache1"/></pivotCaches>', [
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ]);
  const types = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  await addOverride(zip, cache, `${types}.pivotCacheDefinition+xml`);
  await addOverride(zip, table, `${types}.pivotTable+xml`);
}

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const REL_2007 = "http://schemas.microsoft.com/office/2007/relationships";

/** A slicer on the pivot table of sheet `sheet` (Excel 2010): its cache and the slicer itself. */
async function withSlicer(zip: JSZip, pkg: XlsxPackage, sheet: string): Promise<void> {
  const cache = "xl/slicerCaches/slicerCache1.xml";
  const slicer = "xl/slicers/slicer1.xml";
  const tabId = pkg.sheets().findIndex((s) => s.name === sheet) + 1;
  zip.file(
    cache,
    `${XML_HEAD}<slicerCacheDefinition xmlns="${X14}" name="${WORKBOOK_OBJECTS.slicerCache}" sourceName="Amount">` +
      `<pivotTables><pivotTable tabId="${tabId}" name="${WORKBOOK_OBJECTS.pivotName}"/></pivotTables>` +
      '<data><tabular pivotCacheId="7"><items count="0"/></tabular></data></slicerCacheDefinition>',
  );
  zip.file(
    slicer,
    `${XML_HEAD}<slicers xmlns="${X14}"><slicer name="Amount" cache="${WORKBOOK_OBJECTS.slicerCache}" caption="Amount" rowHeight="241300"/></slicers>`,
  );
  await addRelationship(zip, "xl/workbook.xml", {
    id: "rIdSlicerCache1",
    type: `${REL_2007}/slicerCache`,
    target: "slicerCaches/slicerCache1.xml",
  });
  await intoWorkbook(
    zip,
    `<extLst><ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="${X14}"><x14:slicerCaches><x14:slicerCache r:id="rIdSlicerCache1"/></x14:slicerCaches></ext></extLst>`,
    [],
  );
  const part = sheetPart(pkg, sheet);
  await addRelationship(zip, part, { id: "rIdSlicer1", type: `${REL_2007}/slicer`, target: `/${slicer}` });
  const xml = (await zip.file(part)?.async("string")) as string;
  zip.file(
    part,
    xml.replace(
      /<\/worksheet>\s*$/,
      `<extLst><ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="${X14}"><x14:slicerList><x14:slicer r:id="rIdSlicer1"/></x14:slicerList></ext></extLst></worksheet>`,
    ),
  );
  await addOverride(zip, cache, "application/vnd.ms-excel.slicerCache+xml");
  await addOverride(zip, slicer, "application/vnd.ms-excel.slicer+xml");
}

/** A link to another workbook (prices.xlsx, its sheet Prices, A1 cached as 42) that formulas use as [1]. */
async function withExternalLink(zip: JSZip): Promise<void> {
  const part = "xl/externalLinks/externalLink1.xml";
  zip.file(
    part,
    `${XML_HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${NS_REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Prices"/></sheetNames>` +
      '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
  );
  await addRelationship(zip, part, {
    id: "rId1",
    type: `${NS_REL}/externalLinkPath`,
    target: WORKBOOK_OBJECTS.externalBook,
    external: true,
  });
  await addRelationship(zip, "xl/workbook.xml", {
    id: "rIdExternal1",
    type: `${NS_REL}/externalLink`,
    target: "externalLinks/externalLink1.xml",
  });
  await intoWorkbook(
    zip,
    '<externalReferences><externalReference r:id="rIdExternal1"/></externalReferences>',
    ["definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches"],
  );
  await addOverride(
    zip,
    part,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
  );
}

const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
/** A 1x1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A picture on sheet `sheet`, in a drawing of its own. */
async function withPicture(zip: JSZip, pkg: XlsxPackage, sheet: string): Promise<void> {
  const part = sheetPart(pkg, sheet);
  const drawing = "xl/drawings/userpicture1.xml";
  zip.file("xl/media/userlogo1.png", PNG);
  zip.file(
    drawing,
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DRAWINGML}"><xdr:oneCellAnchor>` +
      "<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
      '<xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr>' +
      `<xdr:cNvPr id="2" name="${WORKBOOK_OBJECTS.picture}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip xmlns:r="${NS_REL}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>' +
      "</xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>",
  );
  await addRelationship(zip, drawing, {
    id: "rId1",
    type: `${NS_REL}/image`,
    target: "../media/userlogo1.png",
  });
  await addRelationship(zip, part, { id: "rIdPicture1", type: `${NS_REL}/drawing`, target: `/${drawing}` });
  zip.file(part, withDrawingElement((await zip.file(part)?.async("string")) as string, "rIdPicture1"));
  await addOverride(zip, drawing, "application/vnd.openxmlformats-officedocument.drawing+xml");
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  if (!/Extension="png"/i.test(types))
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>'),
    );
}

/**
 * The workbook with a pivot table and a slicer on the user's sheet `pivotSheet`, a link to another workbook and a
 * picture on the user's sheet `pictureSheet` (one without a drawing).
 */
export async function withWorkbookObjects(
  bytes: Buffer,
  pivotSheet: string,
  pictureSheet: string,
): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const zip = await JSZip.loadAsync(bytes);
  await withPivotTable(zip, pkg, pivotSheet);
  await withSlicer(zip, pkg, pivotSheet);
  await withExternalLink(zip);
  await withPicture(zip, pkg, pictureSheet);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

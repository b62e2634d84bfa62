/**
 * Excel table parts (xl/tables/tableN.xml) for sheets written by the streaming writer, which has no
 * tables: the table part, the sheet's relationship to it, its <tableParts> element and the content type.
 */
import type JSZip from "jszip";
import { rangeAddress } from "../../sheet/a1";
import { createRowResolver, tableBox } from "../../sheet/sheet-model-cells";
import type { SheetModel } from "../../sheet/sheet-model";
import {
  addWorksheetElement,
  NewParts,
  partText,
  putPart,
  REL_NS,
  Relationships,
  worksheetPart,
  type NumberedPartKind,
} from "./package-edit";
import { escapeXml, relsPathOf } from "./xml-text";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const TABLE: NumberedPartKind = {
  folder: "tables",
  stem: "table",
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  relType: `${REL_NS}/table`,
};

export interface TableSpec {
  name: string;
  /** A1 range including the header row. */
  range: string;
  /** Header texts, which must equal the header cells. */
  columns: string[];
  style: string;
  filter: boolean;
  bandedRows: boolean;
}

/** The tables of a sheet model, with their header texts. */
export function tablesOf(model: SheetModel): TableSpec[] {
  const resolveRow = createRowResolver();
  return model.blocks.flatMap((block) => {
    if (!block.table) return [];
    const box = tableBox(block);
    const header = resolveRow(block, 0);
    const columns = [];
    for (let c = box.left; c <= box.right; c++) {
      columns.push(String(header.find((h) => h.col === c)?.value ?? ""));
    }
    return [
      {
        name: block.table.name,
        range: rangeAddress(box, false, true),
        columns,
        style: block.table.style ?? "TableStyleMedium2",
        filter: block.table.filter !== false,
        bandedRows: block.table.bandedRows !== false,
      },
    ];
  });
}

export function tablePartXml(table: TableSpec, id: number): string {
  const columns = table.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ` +
    `ref="${table.range}" totalsRowShown="0">` +
    (table.filter ? `<autoFilter ref="${table.range}"/>` : "") +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style)}" showFirstColumn="0" showLastColumn="0" ` +
    `showRowStripes="${table.bandedRows ? 1 : 0}" showColumnStripes="0"/></table>`
  );
}

/** Adds the tables of each sheet (sheet name -> tables) to the package in `zip`. */
export async function addTableParts(
  zip: JSZip,
  sheets: { sheet: string; tables: TableSpec[] }[],
): Promise<void> {
  const parts = await NewParts.of(zip);
  for (const s of sheets) {
    if (s.tables.length === 0) continue;
    const part = await worksheetPart(zip, s.sheet);
    const relsPath = relsPathOf(part);
    const rels = new Relationships(await partText(zip, relsPath));
    const relIds = s.tables.map((table) => parts.add(TABLE, (n) => tablePartXml(table, n), rels).relId);
    putPart(zip, relsPath, rels.xml as string);
    const element =
      `<tableParts count="${relIds.length}">` +
      relIds.map((id) => `<tablePart r:id="${id}"/>`).join("") +
      "</tableParts>";
    await addWorksheetElement(zip, part, "tableParts", element);
  }
  parts.save();
}

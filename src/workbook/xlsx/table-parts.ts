/**
 * Excel table parts (xl/tables/tableN.xml): a model's tables with their header texts, and the part of each
 * (stream-write.ts links them to their sheet).
 */
import { rangeAddress } from "../../sheet/a1";
import { createRowResolver, tableBox } from "../../sheet/sheet-model-cells";
import type { SheetModel } from "../../sheet/sheet-model";
import { escapeXml } from "./xml-text";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

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

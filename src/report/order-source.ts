/**
 * Where the orders are in a workbook: the table or sheet the settings name, else the first Excel table on
 * a user sheet, else the first visible user sheet with data. Generated sheets are never read as orders.
 */
import { UserError } from "../user-error";
import type { TableSource, Workbook } from "../workbook/port";
import type { OrderSourceConfig } from "./config";

export interface FoundSource {
  source: TableSource;
  /** The sheet the orders are on (for pointing at cells). */
  sheet: string;
}

export async function findOrderSource(workbook: Workbook, wanted: OrderSourceConfig): Promise<FoundSource> {
  const tables = await workbook.listTables();
  const sheets = await workbook.listSheets();
  if (wanted.table) {
    const table = tables.find((t) => t.name.toLowerCase() === wanted.table?.toLowerCase());
    if (!table)
      throw new UserError(`the workbook has no table named "${wanted.table}" to read the orders from`);
    return { source: { table: table.name }, sheet: table.sheet };
  }
  if (wanted.sheet) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === wanted.sheet?.toLowerCase());
    if (!sheet)
      throw new UserError(`the workbook has no sheet named "${wanted.sheet}" to read the orders from`);
    if (sheet.generatedKind) {
      throw new UserError(
        `sheet ${sheet.name} is a Loyalty Lens report sheet, not the orders; name the orders sheet`,
      );
    }
    const source: TableSource = wanted.range
      ? { sheet: sheet.name, range: wanted.range }
      : { sheet: sheet.name };
    return { source, sheet: sheet.name };
  }
  const generated = new Set(sheets.filter((s) => s.generatedKind).map((s) => s.name.toLowerCase()));
  const table = tables.find((t) => !generated.has(t.sheet.toLowerCase()));
  if (table) return { source: { table: table.name }, sheet: table.sheet };
  const sheet = sheets.find((s) => !s.generatedKind && s.visibility === "visible" && s.usedRange);
  if (!sheet) {
    throw new UserError(
      "the workbook has no sheet with data to read the orders from (all its sheets are empty)",
    );
  }
  return { source: { sheet: sheet.name }, sheet: sheet.name };
}

/**
 * Where the orders are in a workbook: the table or sheet the settings name, else the first Excel table on
 * a user sheet, else the visible user sheet with the most rows (an order list is usually the biggest
 * sheet; a sheet of notes before it is not the orders). Generated sheets, and the sheets `notOrders` names
 * (the campaign table), are never found as orders.
 */
import { inputError } from "../input-errors";
import { UserError } from "../user-error";
import { parseRangeAddress } from "../sheet/a1";
import type { TableSource, Workbook } from "../sheet/port";
import type { OrderSourceConfig } from "./config";

export interface FoundSource {
  source: TableSource;
  /** The sheet the orders are on (for pointing at cells). */
  sheet: string;
}

/** `label` names the workbook in messages (a file name; default "the workbook"). */
export async function findOrderSource(
  workbook: Workbook,
  wanted: OrderSourceConfig,
  workbookLabel?: string,
  notOrders: readonly string[] = [],
): Promise<FoundSource> {
  const label = workbookLabel ?? "the workbook";
  // Sheets that hold something else (the campaign table) are passed over like generated ones.
  const other = new Set(notOrders.map((n) => n.toLowerCase()));
  const tables = await workbook.listTables();
  const sheets = (await workbook.listSheets()).map((s) =>
    other.has(s.name.trim().toLowerCase()) ? { ...s, generatedKind: s.generatedKind ?? "other" } : s,
  );
  if (wanted.table) {
    const table = tables.find((t) => t.name.toLowerCase() === wanted.table?.toLowerCase());
    if (!table) {
      throw new UserError(
        `${label} has no table named "${wanted.table}" to read the orders from`,
        undefined,
        {
          code: "noOrderTable",
          workbook: workbookLabel,
          table: wanted.table,
        },
      );
    }
    return { source: { table: table.name }, sheet: table.sheet };
  }
  if (wanted.sheet) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === wanted.sheet?.toLowerCase());
    if (!sheet) {
      throw new UserError(
        `${label} has no sheet named "${wanted.sheet}" to read the orders from`,
        undefined,
        {
          code: "noOrderSheet",
          workbook: workbookLabel,
          sheet: wanted.sheet,
        },
      );
    }
    if (sheet.generatedKind) {
      throw inputError("ordersSheetIsReport", { sheet: sheet.name });
    }
    const source: TableSource = wanted.range
      ? { sheet: sheet.name, range: wanted.range }
      : { sheet: sheet.name };
    return { source, sheet: sheet.name };
  }
  const generated = new Set(sheets.filter((s) => s.generatedKind).map((s) => s.name.toLowerCase()));
  const table = tables.find((t) => !generated.has(t.sheet.toLowerCase()));
  if (table) return { source: { table: table.name }, sheet: table.sheet };
  const visible = sheets.filter((s) => !s.generatedKind && s.visibility === "visible");
  // A large sheet written without a <dimension> has no used range until it is read: when no sheet has one,
  // the first is read, and reading it says whether it is empty.
  const sheet = mostRows(visible) ?? visible[0];
  if (!sheet) {
    throw new UserError(`${label} has no visible sheet to read the orders from`, undefined, {
      code: "noVisibleSheet",
      workbook: workbookLabel,
    });
  }
  return { source: { sheet: sheet.name }, sheet: sheet.name };
}

function rowsOf(usedRange: string | undefined): number {
  if (!usedRange) return 0;
  const box = parseRangeAddress(usedRange);
  return box.bottom - box.top + 1;
}

/** The sheet with the most rows in its used range (the first of equals); undefined when none has one. */
function mostRows<S extends { usedRange?: string }>(sheets: S[]): S | undefined {
  let best: S | undefined;
  for (const s of sheets) if (rowsOf(s.usedRange) > rowsOf(best?.usedRange)) best = s;
  return best;
}

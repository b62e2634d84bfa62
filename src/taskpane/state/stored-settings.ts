/**
 * The part of the settings a previous build stored in the workbook that the Source step starts from.
 * Anything of the wrong shape is left out (the build itself checks the stored settings and says what is
 * wrong with them).
 */
import { COLUMN_ROLES, type ColumnOverrides } from "../../engine/data/columns";
import { TIME_UNITS, type TimeUnit } from "../../engine/summary/time-unit";
import type { JsonValue } from "../../workbook/port";
import type { StoredSourceSettings } from "./source-state";

function isObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function storedSourceSettings(stored: JsonValue | undefined): StoredSourceSettings | undefined {
  if (!isObject(stored)) return undefined;
  const out: StoredSourceSettings = {};
  const source = stored.source;
  if (isObject(source)) {
    if (typeof source.table === "string") out.source = { table: source.table };
    else if (typeof source.sheet === "string") out.source = { sheet: source.sheet };
  }
  if (isObject(stored.columns)) {
    const columns: ColumnOverrides = {};
    for (const role of COLUMN_ROLES) {
      const v = stored.columns[role];
      if (v === null || typeof v === "string" || typeof v === "number") columns[role] = v;
    }
    out.columns = columns;
  }
  if (typeof stored.asOf === "string") out.asOf = stored.asOf;
  if (typeof stored.timeUnit === "string" && (TIME_UNITS as readonly string[]).includes(stored.timeUnit)) {
    out.timeUnit = stored.timeUnit as TimeUnit;
  }
  return out;
}

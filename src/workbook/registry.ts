/**
 * The registry of generated sheets (stored as JSON in the settings sheet, see port.ts for why): which
 * sheet holds which kind, where its input cells are and what the builder wrote there, which defined names
 * it owns and which charts it has. Pure functions only; BackedWorkbook does the reading and writing.
 */
import { dateToExcelSerial } from "../sheet/serial-dates";
import { isCellError, type CellValue } from "../engine/data/table";
import { cellAddress } from "../sheet/a1";
import { inputCells, isCellSpec, notedAndInputCells } from "../sheet/sheet-model-cells";
import { MAX_SHEET_NAME_LENGTH } from "../sheet/sheet-model-check";
import type { CellSpec, ChartSpec, Scalar, SheetModel } from "../sheet/sheet-model";
import type { CellContents } from "./backend";
import {
  areaAddresses,
  asScalar,
  carriedTables,
  keptTableName,
  modelAreas,
  type CarriedTableRecord,
} from "./carry";
import { fingerprintOf, type SheetFingerprint } from "./fingerprint";
import { GENERATED_SHEET_PREFIX } from "../sheet/port";
import { modelFormatRule, modelValidationRule } from "./format-rules";
import { viewOf, type SheetView } from "./sheet-view";

/** A value as stored in JSON: dates as Excel serial numbers. */
export type StoredScalar = string | number | boolean | null;

export interface RegisteredInput {
  key: string;
  address: string;
  defaultValue: StoredScalar;
}

export interface RegistryEntry {
  kind: string;
  sheet: string;
  inputs: RegisteredInput[];
  /** Workbook-scoped defined names this sheet created. */
  names: string[];
  /** The sheet's charts, for adapters whose library drops charts when it loads a file (ExcelJS). */
  charts: ChartSpec[];
  /**
   * The boxes the model wrote (A1 ranges): a rebuild replaces these and keeps what the user put anywhere
   * else on the sheet. Absent in files written before it was recorded: the whole sheet is then replaced.
   */
  areas?: string[];
  /** Tables whose rows carry what users type beside them (TableCarry), as last written. */
  carried?: CarriedTableRecord[];
  /** What the model wrote besides cells; absent in files written before it was recorded. */
  formats?: ReportFormats;
  /** The notes the model wrote ("B5" -> text): the report's own, even where a file lost their mark. */
  notes?: Record<string, string>;
  /**
   * What the model wrote in its cells (fingerprint.ts): a cell that no longer matches was typed over by a
   * user. Absent in files written before it was recorded: nothing is compared there.
   */
  fingerprint?: SheetFingerprint;
  /** The tab colour and frozen panes the model set; absent in workbooks written before it was recorded. */
  view?: SheetView;
}

/**
 * The conditional formats and validation a build wrote on a sheet: the report's own, by kind, range and
 * rule (format-rules.ts). `rule` is absent in files written before it was recorded.
 */
export interface ReportFormats {
  conditionalFormats: RecordedFormat[];
  validations: RecordedFormat[];
}

export interface RecordedFormat {
  type: string;
  range: string;
  rule?: string;
}

/** The conditional formats and validation `model` writes, with their rules. */
export function reportFormatsOf(model: SheetModel): ReportFormats {
  return {
    conditionalFormats: (model.conditionalFormats ?? []).map((f) => ({
      type: f.type,
      range: f.range,
      rule: modelFormatRule(f),
    })),
    validations: (model.validations ?? []).map((v) => ({
      type: v.type,
      range: v.range,
      rule: modelValidationRule(v),
    })),
  };
}

export interface Registry {
  sheets: RegistryEntry[];
}

export function parseRegistry(text: string | undefined): Registry {
  if (!text) return { sheets: [] };
  try {
    const parsed = JSON.parse(text) as Registry;
    return Array.isArray(parsed?.sheets) ? parsed : { sheets: [] };
  } catch {
    // A damaged registry must not stop a build: the sheets it listed are then treated as user sheets.
    return { sheets: [] };
  }
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "LL " + the model's name, cut to Excel's 31 characters. */
export function requestedSheetName(model: SheetModel): string {
  return (GENERATED_SHEET_PREFIX + model.name).slice(0, MAX_SHEET_NAME_LENGTH);
}

/**
 * The name for a generated sheet: the requested one unless another sheet (a user sheet or another
 * generated sheet) has it, else "name (2)", "name (3)", ... cut to fit 31 characters. `taken` lists the
 * names of all sheets other than the one being replaced.
 */
export function chooseSheetName(requested: string, taken: string[]): string {
  const isTaken = (name: string) => taken.some((t) => sameSheetName(t, name));
  if (!isTaken(requested)) return requested;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = requested.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    if (!isTaken(candidate)) return candidate;
  }
}

export function toStoredScalar(v: CellValue | Scalar): StoredScalar {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return dateToExcelSerial(v);
  if (isCellError(v)) return v.error;
  if (typeof v === "string" && v === "") return null;
  return v;
}

/** Equal as a user would see them: dates equal their serial numbers, "" equals blank, floats to 1e-12. */
export function sameStoredValue(a: StoredScalar, b: StoredScalar): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/**
 * The registry entry of a sheet built from `model` and written as `written` (the model with the user's
 * inputs and carried values in it): input defaults are the builder's, areas and tables what was written.
 */
export function registryEntryFor(model: SheetModel, sheet: string, written = model): RegistryEntry {
  return {
    kind: model.kind,
    sheet,
    inputs: [...inputCells(model).values()].map((c) => ({
      key: c.input as string,
      address: c.address,
      defaultValue: toStoredScalar(c.value ?? null),
    })),
    names: (model.names ?? []).map((n) => n.name),
    charts: model.charts ?? [],
    areas: areaAddresses(modelAreas(written)),
    carried: carriedTables(written),
    formats: reportFormatsOf(written),
    notes: Object.fromEntries(
      notedAndInputCells(written).flatMap((c) =>
        c.note === undefined ? [] : [[cellAddress(c.row, c.col), c.note]],
      ),
    ),
    fingerprint: writtenFingerprint(written),
    view: viewOf(written),
  };
}

/**
 * The fingerprint of the cells a build wrote: the tables that hold what users wrote (Kept notes, typed-over
 * values) and the users' columns of carried tables are theirs, left out.
 */
export function writtenFingerprint(written: SheetModel): SheetFingerprint {
  const carried = carriedTables(written);
  const tables = new Set(
    [...carried.map((t) => keptTableName(t.name)), typedTableName(written.kind)].map((n) => n.toLowerCase()),
  );
  const userColumns = new Map(
    carried.map((t) => [t.name.toLowerCase(), new Set(t.userColumns.map((c) => c.trim().toLowerCase()))]),
  );
  return fingerprintOf(written, { tables, userColumns });
}

/**
 * The table of a generated sheet that keeps the values users typed over the report's own cells (see
 * overtyped.ts): one per sheet, named after its kind.
 */
export function typedTableName(kind: string): string {
  return `LL_Typed_${kind.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** Whether the user changed an input cell: typed a formula, or a value other than the default. */
export function isEdited(input: RegisteredInput, now: CellContents): boolean {
  return now.formula !== undefined || !sameStoredValue(toStoredScalar(now.value), input.defaultValue);
}

/**
 * A copy of the model in which every input cell the user edited (per `previous` and the current contents
 * of its input cells, in the same order) holds the user's value or formula instead of the new default.
 */
export function keepEditedInputs(
  model: SheetModel,
  previous: RegisteredInput[],
  current: CellContents[],
): { model: SheetModel; kept: string[] } {
  const edits = new Map<string, CellContents>();
  previous.forEach((input, i) => {
    if (current[i] && isEdited(input, current[i])) edits.set(input.key, current[i]);
  });
  const kept: string[] = [];
  const blocks = model.blocks.map((block) => ({
    ...block,
    rows: block.rows.map((row) =>
      row.map((cell) => {
        if (!isCellSpec(cell) || !cell.input || !edits.has(cell.input)) return cell;
        const edit = edits.get(cell.input) as CellContents;
        kept.push(cell.input);
        const { value: _value, formula: _formula, result: _result, ...rest } = cell;
        const userCell: CellSpec =
          edit.formula !== undefined
            ? { ...rest, formula: edit.formula, result: asScalar(edit.value) }
            : { ...rest, value: asScalar(edit.value) };
        return userCell;
      }),
    ),
  }));
  return { model: { ...model, blocks }, kept };
}

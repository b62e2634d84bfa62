/**
 * The Workbook port implemented once over a WorkbookBackend: sheet naming and collisions, the registry of
 * generated sheets, input cells that survive a rebuild, defined names, settings, and reading tables with
 * header detection. Adapters (memory, xlsx, office) only provide the backend.
 */
import { inputError } from "../input-errors";
import { describeSource, type CellValue, type RawTable, type TablePlace } from "../engine/data/table";
import {
  boxContains,
  boxesOutside,
  cellAddress,
  columnName,
  parseRangeAddress,
  rangeAddress,
  sheetRangeReference,
  type RangeBox,
} from "../sheet/a1";
import { checkSheetModel } from "../sheet/sheet-model-check";
import type { SheetModel } from "../sheet/sheet-model";
import type { PreviousSheet, SheetRow, WorkbookBackend } from "./backend";
import {
  GENERATED_SHEET_PREFIX,
  SETTINGS_SHEET_NAME,
  HIDDEN_STORE_SHEETS,
  MEMBER_STATE_SHEET_NAME,
  type GeneratedSheetInfo,
  type InputCellState,
  type JsonValue,
  type RefreshLoss,
  type ReadTableOptions,
  type SheetInfo,
  type TableInfo,
  type TableSource,
  type Workbook,
  type WriteSheetOptions,
  type WriteSheetResult,
} from "../sheet/port";
import { carryUserValues, modelAreas, reportColumns, tablesToRead, type FoundTable } from "./carry";
import { collectRawTable } from "./read-table";
import { FingerprintCheck, type OvertypedCell } from "./fingerprint-check";
import { overtypedLoss, typedText, withTypedOver } from "./overtyped";
import {
  chooseSheetName,
  isEdited,
  keepEditedInputs,
  parseRegistry,
  registryEntryFor,
  reportFormatsOf,
  requestedSheetName,
  sameSheetName,
  typedTableName,
  type Registry,
  type RegistryEntry,
} from "./registry";
import { unmarkedReportCharts } from "./report-objects";
import { decodeStore, encodeStore, type StoreEntries } from "./settings-store";
import { certainReportAreas, touchingGroups, type FoundCell } from "./unrecorded-areas";

const SETTINGS_KEY = "settings";
const REGISTRY_KEY = "registry";

/** The user's text in a cell the rebuilt sheet writes. */
interface CellUnder {
  sheet: string;
  cell: string;
  text: string;
}

interface PreparedWrite {
  /** The model to write: with the edited inputs kept and the carried values put back. */
  model: SheetModel;
  /** The registry entry of the generated sheet it replaces, if that sheet exists. */
  existing?: RegistryEntry;
  keptInputs: string[];
  carried: number;
  keptRows: number;
  /** The parts of the old sheet the model replaces (undefined: its footprint, or all of it). */
  owned?: RangeBox[];
  under: CellUnder[];
  /** The report's own cells whose value a user changed: written again, what was typed kept below. */
  overtyped: RefreshLoss[];
  /** What the backend needs of the replaced sheet (where carried cells go, the report's own formats). */
  previous: PreviousSheet;
}

export interface BackedWorkbookOptions {
  /** Prefix of messages about this workbook, e.g. the file name "orders.xlsx". */
  label?: string;
}

export class BackedWorkbook implements Workbook {
  /**
   * The settings store and the registry as last read or written, kept only when the backend is the sole
   * writer of its workbook (WorkbookBackend.soleWriter): a million customers' registry is several MB of JSON,
   * parsed once and written once per build (writeKeptStore, when the file is made), not at every sheet.
   * `registry` is newer than the store's text of it; `unwritten`: the backend's store sheet is older.
   */
  private kept: { store?: StoreEntries; registry?: Registry; unwritten?: boolean } = {};

  constructor(
    protected readonly backend: WorkbookBackend,
    private readonly options: BackedWorkbookOptions = {},
  ) {}

  /** The sheet (or a table on it) as parts: the file is the label, when the workbook has one. */
  private placeOf(sheet: string, table?: string): TablePlace {
    const place: TablePlace = { sheet };
    if (this.options.label) place.file = this.options.label;
    if (table !== undefined) place.table = table;
    return place;
  }

  /** "orders.xlsx, sheet Orders" or "sheet Orders". */
  /** The workbook as messages name it: its label (a file name), none for the workbook open in Excel. */
  private workbookLabel(): { workbook?: string } {
    return this.options.label === undefined ? {} : { workbook: this.options.label };
  }

  protected describeSheet(sheet: string): string {
    return describeSource(this.placeOf(sheet));
  }

  async listSheets(): Promise<SheetInfo[]> {
    const registry = await this.registry();
    const sheets = (await this.backend.sheets()).filter((s) => !isStoreSheet(s.name));
    return sheets.map((s, position) => {
      const info: SheetInfo = { name: s.name, position, visibility: s.visibility };
      if (s.usedRange) info.usedRange = rangeAddress(s.usedRange, false, true);
      const kind = registry.sheets.find((e) => sameSheetName(e.sheet, s.name))?.kind;
      if (kind) info.generatedKind = kind;
      return info;
    });
  }

  listTables(): Promise<TableInfo[]> {
    return this.backend.tables();
  }

  async readTable(source: TableSource, options: ReadTableOptions = {}): Promise<RawTable> {
    if ("table" in source) {
      const table = (await this.backend.tables()).find(
        (t) => t.name.toLowerCase() === source.table.toLowerCase(),
      );
      if (!table) {
        throw inputError("noTableNamed", { ...this.workbookLabel(), table: source.table });
      }
      const box = parseRangeAddress(table.range);
      const place = this.placeOf(table.sheet, table.name);
      // An Excel table's header is its first row, whatever it holds.
      return collectRawTable(
        counted(this.backend.rows(table.sheet, box), box, options.onRows),
        {
          source: describeSource(place),
          place,
          left: box.left,
          right: box.right,
        },
        options.header === "auto" || options.header === undefined ? box.top : options.header,
      );
    }
    const sheet = await this.findSheet(source.sheet);
    const box = source.range ? parseRangeAddress(source.range) : this.fromA1(sheet.usedRange);
    return collectRawTable(
      counted(this.backend.rows(sheet.name, box), box, options.onRows),
      {
        source: this.describeSheet(sheet.name),
        place: this.placeOf(sheet.name),
        left: box?.left ?? 1,
        right: source.range ? box?.right : undefined,
      },
      options.header ?? "auto",
    );
  }

  async readRange(sheet: string, range?: string): Promise<CellValue[][]> {
    const found = await this.findSheet(sheet);
    const box = range ? parseRangeAddress(range) : this.fromA1(found.usedRange);
    if (!box) return [];
    const out: CellValue[][] = Array.from({ length: box.bottom - box.top + 1 }, () => []);
    for await (const batch of this.backend.rows(found.name, box)) {
      for (const r of batch) if (r.row >= box.top && r.row <= box.bottom) out[r.row - box.top] = r.cells;
    }
    const width = box.right - box.left + 1;
    return out.map((cells) => Array.from({ length: width }, (_, c) => cells[c] ?? null));
  }

  async writeSheet(model: SheetModel, options: WriteSheetOptions = {}): Promise<WriteSheetResult> {
    checkSheetModel(model);
    const registry = await this.registry();
    const sheets = await this.backend.sheets();
    const prepared = await this.prepareWrite(model, options, registry, sheets);
    const { existing, keptInputs, carried, keptRows, owned } = prepared;
    const toWrite = prepared.model;
    const requestedName = requestedSheetName(model);
    const taken = sheets
      .map((s) => s.name)
      .filter((n) => !(existing && sameSheetName(n, existing.sheet)))
      .concat(HIDDEN_STORE_SHEETS);
    const sheetName = chooseSheetName(requestedName, taken);
    const notCarried = [
      ...prepared.under.map((u): RefreshLoss => ({ kind: "cell", ...u })),
      ...prepared.overtyped,
    ];

    await this.checkNamesAreOurs(model, registry);
    await this.checkTableNamesAreFree(toWrite, existing?.sheet);
    await this.backend.writeSheet(toWrite, sheetName, existing?.sheet, owned, prepared.previous);
    await this.backend.setDefinedNames(
      existing?.names ?? [],
      (model.names ?? []).map((n) => ({
        name: n.name,
        reference: sheetRangeReference(sheetName, n.range),
        comment: n.comment,
      })),
    );
    const others = registry.sheets.filter((e) => e.kind !== model.kind);
    await this.saveRegistry({ sheets: [...others, registryEntryFor(model, sheetName, toWrite)] });
    return {
      kind: model.kind,
      sheetName,
      requestedName,
      renamed: !sameSheetName(sheetName, requestedName),
      replaced: existing !== undefined,
      keptInputs,
      carried,
      keptRows,
      notCarried,
    };
  }

  /**
   * What writing `model` over its generated sheet means: the model with the user's edited inputs and
   * carried values put in, the sheet's registry entry, the parts of the old sheet it replaces (`owned`)
   * and the user's text where the rebuilt sheet writes (`under`, which cannot stay).
   */
  private async prepareWrite(
    model: SheetModel,
    options: WriteSheetOptions,
    registry: Registry,
    sheets: { name: string; usedRange?: RangeBox }[],
  ): Promise<PreparedWrite> {
    const existing = this.liveEntry(
      registry,
      model.kind,
      sheets.map((s) => s.name),
    );
    if (!existing) {
      const nothingKept = { keptInputs: [], carried: 0, keptRows: 0, under: [], overtyped: [] };
      return { model, existing, ...nothingKept, previous: { moves: [] } };
    }
    const inputs =
      options.keepInputs !== false && existing.inputs.length > 0
        ? await this.withEditedInputs(model, existing)
        : { model, kept: [] };
    const { found, overtyped } = await this.readOldSheet(existing, inputs.model, sheets);
    const carried = carryUserValues(inputs.model, found, existing.carried ?? []);
    const typed = found.find((f) => f.name.toLowerCase() === typedTableName(model.kind).toLowerCase());
    const toWrite = withTypedOver(carried.model, typed, overtyped);
    const previous = previousSheet(existing, toWrite, carried.moves);
    const { owned, under } = await this.replacedParts(existing, toWrite, found, typed, sheets);
    return {
      model: toWrite,
      existing,
      keptInputs: inputs.kept,
      carried: carried.carried,
      keptRows: carried.keptRows,
      owned,
      under,
      overtyped: overtyped.map((c) => overtypedLoss(existing.sheet, c)),
      previous,
    };
  }

  /** `model` with the values a user typed into its input cells on the old sheet, and their addresses. */
  private async withEditedInputs(
    model: SheetModel,
    existing: RegistryEntry,
  ): Promise<{ model: SheetModel; kept: string[] }> {
    const current = await this.backend.readCells(
      existing.sheet,
      existing.inputs.map((i) => parseRangeAddress(i.address)).map((b) => ({ row: b.top, col: b.left })),
    );
    return keepEditedInputs(model, existing.inputs, current);
  }

  /**
   * The parts of the old sheet that `model` replaces (`owned`) and the user's text where it writes
   * (`under`): its footprint when it has one (with the old place of the typed-over table), else the boxes
   * the registry recorded with the carried tables as found, else (unrecordedParts) what is the report's
   * for sure.
   */
  private async replacedParts(
    existing: RegistryEntry,
    model: SheetModel,
    found: FoundTable[],
    typed: FoundTable | undefined,
    sheets: { name: string; usedRange?: RangeBox }[],
  ): Promise<{ owned: RangeBox[]; under: CellUnder[] }> {
    let owned: RangeBox[];
    if (model.footprint) {
      // The table of typed-over values goes below the content, maybe past the footprint: its old place is
      // the report's too, and what the user has where it now goes is listed.
      owned = [parseRangeAddress(model.footprint), ...(typed ? [typed.box] : [])];
    } else if (existing.areas) {
      owned = [...existing.areas.map((a) => parseRangeAddress(a)), ...found.map((f) => f.box)];
    } else {
      return this.unrecordedParts(existing, model, found, sheets);
    }
    return { owned, under: await this.userCellsUnder(existing.sheet, model, owned) };
  }

  /**
   * A sheet written before the boxes were recorded: what is not the report's for sure is listed, and
   * cleared only when the refresh is told to go on (unrecorded-areas.ts).
   */
  private async unrecordedParts(
    existing: RegistryEntry,
    model: SheetModel,
    found: FoundTable[],
    sheets: { name: string; usedRange?: RangeBox }[],
  ): Promise<{ owned: RangeBox[]; under: CellUnder[] }> {
    const tables = await this.backend.tables();
    const certain = certainReportAreas(model, found, existing.sheet, tables);
    const used = sheets.find((s) => sameSheetName(s.name, existing.sheet))?.usedRange;
    const groups = touchingGroups(
      used ? await this.cellsIn(existing.sheet, boxesOutside(used, certain)) : [],
    );
    const under = groups.map((g) => ({
      sheet: existing.sheet,
      cell: g.boxes.map((b) => rangeAddress(b)).join(" "),
      text: g.texts.length > 3 ? `${g.texts.slice(0, 3).join(", ")}, …` : g.texts.join(", "),
    }));
    return { owned: [...certain, ...groups.flatMap((g) => g.boxes)], under };
  }

  /**
   * What of the user's writing `models` would remove (see Workbook.refreshLosses): their text where the
   * rebuilt sheets write, and what the backend's clearing of the report's parts would take with it.
   * Nothing is written.
   */
  async refreshLosses(models: SheetModel[]): Promise<RefreshLoss[]> {
    const registry = await this.registry();
    const sheets = await this.backend.sheets();
    const losses: RefreshLoss[] = [];
    for (const model of models) {
      const prepared = await this.prepareWrite(model, {}, registry, sheets);
      const { existing } = prepared;
      if (!existing) continue;
      losses.push(...prepared.under.map((u): RefreshLoss => ({ kind: "cell", ...u })), ...prepared.overtyped);
      if (this.backend.losses) {
        const owned =
          prepared.owned ??
          (prepared.model.footprint ? [parseRangeAddress(prepared.model.footprint)] : undefined);
        losses.push(...(await this.backend.losses(existing.sheet, prepared.model, owned, prepared.previous)));
      }
    }
    return losses;
  }

  async deleteGeneratedSheet(kind: string): Promise<boolean> {
    const registry = await this.registry();
    const entry = this.liveEntry(
      registry,
      kind,
      (await this.backend.sheets()).map((s) => s.name),
    );
    if (!entry) return false;
    await this.backend.deleteSheet(entry.sheet);
    await this.backend.setDefinedNames(entry.names, []);
    await this.saveRegistry({ sheets: registry.sheets.filter((e) => e.kind !== kind) });
    return true;
  }

  async listGeneratedSheets(): Promise<GeneratedSheetInfo[]> {
    const names = (await this.backend.sheets()).map((s) => s.name);
    const registry = await this.registry();
    return registry.sheets
      .filter((e) => names.some((n) => sameSheetName(n, e.sheet)))
      .map((e) => ({ kind: e.kind, sheetName: e.sheet }));
  }

  async readInputs(kind: string): Promise<InputCellState[]> {
    const entry = this.liveEntry(
      await this.registry(),
      kind,
      (await this.backend.sheets()).map((s) => s.name),
    );
    if (!entry || entry.inputs.length === 0) return [];
    const positions = entry.inputs
      .map((i) => parseRangeAddress(i.address))
      .map((b) => ({ row: b.top, col: b.left }));
    const current = await this.backend.readCells(entry.sheet, positions);
    return entry.inputs.map((input, i) => {
      const state: InputCellState = {
        key: input.key,
        address: input.address,
        value: current[i].value ?? null,
        defaultValue: input.defaultValue,
        edited: isEdited(input, current[i]),
      };
      if (current[i].formula !== undefined) state.formula = current[i].formula;
      return state;
    });
  }

  async readSettings(): Promise<JsonValue | undefined> {
    const text = (await this.store())[SETTINGS_KEY];
    if (!text) return undefined;
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      throw inputError("settingsDamaged", this.workbookLabel());
    }
  }

  async writeSettings(settings: JsonValue): Promise<void> {
    await this.saveStore({ ...(await this.store()), [SETTINGS_KEY]: JSON.stringify(settings) });
  }

  async readMemberState(): Promise<CellValue[][] | undefined> {
    const sheet = (await this.backend.sheets()).find((s) => sameSheetName(s.name, MEMBER_STATE_SHEET_NAME));
    if (!sheet) return undefined;
    const rows: CellValue[][] = [];
    for await (const batch of this.backend.rows(sheet.name)) {
      for (const r of batch) rows[r.row - 1] = r.cells;
    }
    return Array.from(rows, (r) => r ?? []);
  }

  async writeMemberState(rows: string[][]): Promise<void> {
    await this.backend.writeHiddenSheet(MEMBER_STATE_SHEET_NAME, rows);
  }

  /** The registry, read from the settings sheet. */
  protected async registry(): Promise<Registry> {
    if (this.kept.registry) return this.kept.registry;
    const registry = parseRegistry((await this.store())[REGISTRY_KEY]);
    if (this.backend.soleWriter) this.kept.registry = registry;
    return registry;
  }

  private async saveRegistry(registry: Registry): Promise<void> {
    if (this.backend.soleWriter) {
      await this.store();
      this.kept.registry = registry;
      this.kept.unwritten = true;
      return;
    }
    await this.saveStore({ ...(await this.store()), [REGISTRY_KEY]: JSON.stringify(registry) });
  }

  /**
   * Writes the settings store a sole writer kept (see `kept`) to the backend's hidden sheet, the registry
   * serialised once: before the workbook's file is made.
   */
  protected async writeKeptStore(): Promise<void> {
    const { store, registry, unwritten } = this.kept;
    if (!unwritten || !store) return;
    const entries = registry ? { ...store, [REGISTRY_KEY]: JSON.stringify(registry) } : store;
    await this.backend.writeHiddenSheet(SETTINGS_SHEET_NAME, encodeStore(entries));
    this.kept = { store: entries, registry, unwritten: false };
  }

  private async store(): Promise<StoreEntries> {
    if (this.kept.store) return this.kept.store;
    const entries = await this.readStore();
    if (this.backend.soleWriter) this.kept.store = entries;
    return entries;
  }

  private async readStore(): Promise<StoreEntries> {
    const sheet = (await this.backend.sheets()).find((s) => sameSheetName(s.name, SETTINGS_SHEET_NAME));
    if (!sheet) return {};
    const rows: CellValue[][] = [];
    for await (const batch of this.backend.rows(sheet.name)) {
      for (const r of batch) rows[r.row - 1] = r.cells;
    }
    const entries = decodeStore(Array.from(rows, (r) => r ?? []));
    if (!entries) {
      throw inputError("notSettingsSheet", {
        where: this.describeSheet(sheet.name),
        at: this.placeOf(sheet.name),
      });
    }
    return entries;
  }

  private async saveStore(entries: StoreEntries): Promise<void> {
    if (this.backend.soleWriter) {
      this.kept.store = entries;
      this.kept.unwritten = true;
      return;
    }
    await this.backend.writeHiddenSheet(SETTINGS_SHEET_NAME, encodeStore(entries));
  }

  /**
   * The old sheet of a generated sheet, read once, top to bottom: its carried tables (with their Kept
   * notes tables and the table of typed-over values) as they are now, each with the columns a user filled
   * right beside it, and the cells the report wrote there that a user changed since (compared with the
   * fingerprint the registry recorded, as the rows go by: a sheet of 100,000 customers is never held).
   */
  private async readOldSheet(
    entry: RegistryEntry,
    model: SheetModel,
    sheets: { name: string; usedRange?: RangeBox }[],
  ): Promise<{ found: FoundTable[]; overtyped: OvertypedCell[] }> {
    const wanted = [...tablesToRead(model, entry.carried ?? []), typedTableName(model.kind)].map((n) =>
      n.toLowerCase(),
    );
    const onSheet = (await this.backend.tables()).filter((t) => sameSheetName(t.sheet, entry.sheet));
    const usedRight = sheets.find((s) => sameSheetName(s.name, entry.sheet))?.usedRange?.right ?? 0;
    const readers = onSheet
      .filter((t) => wanted.includes(t.name.toLowerCase()))
      .map((t) => new FoundTableReader(t.name, parseRangeAddress(t.range), usedRight, model, entry));
    const check = entry.fingerprint
      ? new FingerprintCheck(
          entry.fingerprint,
          onSheet.map((t) => ({ name: t.name, box: parseRangeAddress(t.range) })),
          new Set(entry.inputs.map((i) => i.address)),
        )
      : undefined;
    const boxes = [...readers.map((r) => r.read), ...(check?.box ? [check.box] : [])];
    if (boxes.length > 0) {
      const box = boxes.reduce((a, b) => ({
        top: Math.min(a.top, b.top),
        left: Math.min(a.left, b.left),
        bottom: Math.max(a.bottom, b.bottom),
        right: Math.max(a.right, b.right),
      }));
      for await (const batch of this.backend.rows(entry.sheet, box)) {
        for (const r of batch) {
          for (const reader of readers) reader.row(r.row, r.cells, box.left);
          check?.row(r.row, r.cells, box.left);
        }
      }
    }
    if (!check) return { found: readers.map((r) => r.table()), overtyped: [] };
    check.finish();
    check.formulasRead(await this.backend.readCells(entry.sheet, check.formulaCells()));
    return { found: readers.map((r) => r.table()), overtyped: check.result() };
  }

  /**
   * What the user wrote on the old sheet (outside `owned`, so not carried) where the rebuilt model
   * writes: it cannot stay where it is. One line per cell, "LL Customers!B40 ("call back")".
   */
  private async userCellsUnder(sheet: string, model: SheetModel, owned: RangeBox[]): Promise<CellUnder[]> {
    const covered = (b: RangeBox) =>
      owned.some((o) => o.top <= b.top && o.left <= b.left && o.bottom >= b.bottom && o.right >= b.right);
    const out: CellUnder[] = [];
    for (const box of modelAreas(model)) {
      if (covered(box)) continue;
      for await (const batch of this.backend.rows(sheet, box)) {
        for (const r of batch) {
          r.cells.forEach((v, i) => {
            const col = box.left + i;
            if (v === null || v === undefined || v === "" || owned.some((o) => boxContains(o, r.row, col)))
              return;
            out.push({ sheet, cell: cellAddress(r.row, col), text: typedText(v) });
          });
        }
      }
    }
    return out;
  }

  /** The cells with a value in `boxes` of a sheet. */
  private async cellsIn(sheet: string, boxes: RangeBox[]): Promise<FoundCell[]> {
    const out: FoundCell[] = [];
    for (const box of boxes) {
      for await (const batch of this.backend.rows(sheet, box)) {
        for (const r of batch) {
          r.cells.forEach((v, i) => {
            if (v === null || v === undefined || v === "" || i > box.right - box.left) return;
            out.push({ row: r.row, col: box.left + i, text: typedText(v) });
          });
        }
      }
    }
    return out;
  }

  /** The registry entry of this kind, if its sheet still exists (a user may have deleted or renamed it). */
  private liveEntry(registry: Registry, kind: string, sheetNames: string[]): RegistryEntry | undefined {
    const entry = registry.sheets.find((e) => e.kind === kind);
    return entry && sheetNames.some((n) => sameSheetName(n, entry.sheet)) ? entry : undefined;
  }

  /** A defined name of the model that already exists must be one a generated sheet created. */
  private async checkNamesAreOurs(model: SheetModel, registry: Registry): Promise<void> {
    if (!model.names?.length) return;
    const ours = new Set(registry.sheets.flatMap((e) => e.names.map((n) => n.toLowerCase())));
    const existing = new Set((await this.backend.definedNames()).map((n) => n.toLowerCase()));
    const clash = model.names.find(
      (n) => existing.has(n.name.toLowerCase()) && !ours.has(n.name.toLowerCase()),
    );
    if (clash) {
      throw inputError("nameClash", {
        ...this.workbookLabel(),
        name: clash.name,
        sheet: `${GENERATED_SHEET_PREFIX}${model.name}`,
      });
    }
  }

  /** Table names are workbook-wide: one on another sheet (a user's table) cannot be reused. */
  private async checkTableNamesAreFree(model: SheetModel, replacing: string | undefined): Promise<void> {
    const wanted = model.blocks.flatMap((b) => (b.table ? [b.table.name.toLowerCase()] : []));
    if (wanted.length === 0) return;
    const clash = (await this.backend.tables()).find(
      (t) => wanted.includes(t.name.toLowerCase()) && !(replacing && sameSheetName(t.sheet, replacing)),
    );
    if (clash) {
      throw inputError("tableNameClash", {
        where: this.describeSheet(clash.sheet),
        at: this.placeOf(clash.sheet),
        name: clash.name,
        sheet: `${GENERATED_SHEET_PREFIX}${model.name}`,
      });
    }
  }

  private async findSheet(name: string): Promise<{ name: string; usedRange?: RangeBox }> {
    const sheet = (await this.backend.sheets()).find((s) => sameSheetName(s.name, name));
    if (!sheet || isStoreSheet(sheet.name)) {
      throw inputError("noSheetNamed", { ...this.workbookLabel(), sheet: name });
    }
    return sheet;
  }

  /** Reading a sheet starts at A1 so row and column numbers in messages are the sheet's own. */
  private fromA1(used: RangeBox | undefined): RangeBox | undefined {
    return used ? { top: 1, left: 1, bottom: used.bottom, right: used.right } : undefined;
  }
}

/** The batches of rows as they are, telling `onRows` how far through `box` each one has come. */
async function* counted(
  batches: AsyncIterable<SheetRow[]>,
  box: RangeBox | undefined,
  onRows: ((read: number, total: number) => void) | undefined,
): AsyncIterable<SheetRow[]> {
  const top = box?.top ?? 1;
  for await (const batch of batches) {
    const last = batch[batch.length - 1]?.row;
    if (onRows && box && last !== undefined) onRows(last - top + 1, box.bottom - top + 1);
    yield batch;
  }
  if (onRows && box) onRows(box.bottom - top + 1, box.bottom - top + 1);
}

/**
 * One carried table (or Kept notes table, or table of typed-over values) of an old sheet, collected from
 * the rows of the sheet as they go by: of the report's own columns (nearly all the cells of a
 * 100,000-customer table) only the key is kept, since they are written again and their old values are never
 * needed; the users' columns, and those filled right beside the table, are.
 */
class FoundTableReader {
  /** The cells read: the table, and to the right up to the sheet's last used column. */
  readonly read: RangeBox;
  private readonly generated: Set<string>;
  private readonly width: number;
  private kept?: number[];
  private readonly grid: CellValue[][];

  constructor(
    private readonly name: string,
    private readonly box: RangeBox,
    usedRight: number,
    model: SheetModel,
    entry: RegistryEntry,
  ) {
    this.read = { ...box, right: Math.max(box.right, usedRight) };
    this.generated = reportColumns(name, model, entry.carried ?? []);
    this.width = box.right - box.left + 1;
    this.grid = Array.from({ length: box.bottom - box.top + 1 }, () => []);
  }

  /** A row of the sheet; `cells[0]` is column `left`. */
  row(row: number, cells: CellValue[], left: number): void {
    if (row < this.box.top || row > this.box.bottom) return;
    const ours = cells.slice(this.read.left - left, this.read.right - left + 1);
    if (row === this.box.top) {
      this.kept = Array.from({ length: this.read.right - this.read.left + 1 }, (_, i) => i).filter(
        (i) => i >= this.width || !this.generated.has(headerKey(ours[i])),
      );
    }
    this.grid[row - this.box.top] = row === this.box.top || !this.kept ? ours : onlyAt(ours, this.kept);
  }

  /** The table as read, its columns to the first blank one right of it. */
  table(): FoundTable {
    const { box, read, grid } = this;
    const filled = (c: number) =>
      grid.some((cells) => {
        const v = cells[c - box.left];
        return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
      });
    // Columns a user filled right beside the table (outside it) belong to it, up to the first blank one.
    let right = box.right;
    while (right < read.right && filled(right + 1)) right++;
    const header = Array.from({ length: right - box.left + 1 }, (_, i) => {
      const v = grid[0][i];
      return v === null || v === undefined || String(v).trim() === ""
        ? `Column ${columnName(box.left + i)}`
        : String(v);
    });
    return {
      name: this.name,
      header,
      rows: grid.slice(1).map((cells) => header.map((_, i) => cells[i] ?? null)),
      box: { ...box, right },
    };
  }
}

/** A cell's value as a list of losses quotes it: a date as YYYY-MM-DD, an error as Excel shows it. */
/** A header cell as carry.ts compares headers (trimmed, lower case). */
/**
 * What the backend needs of the sheet `model` replaces: where carried cells go (`moves`), the formats and
 * notes the report put there, its view, the boxes it wrote, and its charts written before they were marked.
 */
function previousSheet(
  existing: RegistryEntry,
  model: SheetModel,
  moves: PreviousSheet["moves"],
): PreviousSheet {
  const previous: PreviousSheet = {
    moves,
    formats: existing.formats,
    notes: existing.notes,
    now: reportFormatsOf(model),
  };
  if (existing.view) previous.view = existing.view;
  if (existing.areas) {
    const before = existing.areas.map((a) => parseRangeAddress(a));
    previous.areas = { before, now: modelAreas(model) };
  }
  const unmarkedCharts = unmarkedReportCharts(existing);
  if (unmarkedCharts) previous.unmarkedCharts = unmarkedCharts;
  return previous;
}

function headerKey(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v).trim().toLowerCase();
}

/** The cells of `cells` at the indexes `at` (the others left blank). */
function onlyAt(cells: CellValue[], at: number[]): CellValue[] {
  const out: CellValue[] = [];
  for (const i of at) if (i < cells.length && cells[i] !== null) out[i] = cells[i];
  return out;
}

/** Whether a sheet is one of Loyalty Lens's veryHidden stores (settings, member state). */
function isStoreSheet(name: string): boolean {
  return HIDDEN_STORE_SHEETS.some((store) => sameSheetName(name, store));
}

/**
 * A fake of the parts of the Excel JavaScript API the Office adapter uses, with the semantics that make
 * Office code go wrong when ignored:
 * - Proxy objects queue their commands; nothing happens until `context.sync()`, which runs the queue in
 *   order. Objects returned by methods (worksheets.add, getRange, charts.add) are resolved then.
 * - A property can be read only after `load()` AND `sync()` (PropertyNotLoaded otherwise); collections
 *   need `load("items/...")` before `items`.
 * - `getItem` of a missing sheet fails at sync (ItemNotFound); `...OrNullObject` gives `isNullObject`.
 * - Values and formulas are entered as if typed (see fake-excel-model.ts), 2-D arrays must match the
 *   range's shape, and null entries leave cells unchanged.
 * - Every sync measures its request (the JSON of each command's arguments plus a per-command allowance)
 *   and its response (the JSON of what was loaded) and fails, as Excel on the web does, above 5 MB.
 * - A proxy used after its Excel.run batch ended fails; a batch that ends with commands not synced fails.
 * The log of syncs (`FakeExcel.syncs`) lets tests count round trips and payload sizes.
 */
import { parseRangeAddress, parseRangeList, type RangeBox } from "../../../src/sheet/a1";
import type { ExcelRun } from "../../../src/workbook/office/office-backend";
import {
  enter,
  excelAddress,
  FakeSheet,
  FakeWorkbookModel,
  parseFakeAddress,
  type FakeCell,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeTable,
  type Recorded,
} from "./fake-excel-model";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The signed-in user Excel names as the author of the notes the add-in writes. */
const FAKE_USER = "Excel User";

/**
 * The members `K` of the Office.js interface `T` (@types/office-js) as the fake has them: each class below
 * `implements` this, so `npm run typecheck` fails when the fake drifts from the real API. A member that
 * does not exist, a property of another type, a method that refuses the real arguments (or needs more of
 * them) is an error. The fake's own proxies stand for Excel's objects, so properties holding Excel objects
 * (and what methods return) are left free: those objects are checked by their own proxy class. `load` is
 * not checked (the fake takes the property-name forms the adapter uses, not the option objects).
 */
type Faked<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown
    ? (...args: A) => unknown
    : T[P] extends OfficeExtension.ClientObject | OfficeExtension.ClientObject[]
      ? unknown
      : T[P];
};
/** What the fake counts per queued command for the object paths and wrapping of a real request. */
const COMMAND_OVERHEAD = 120;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
}

function bytesOf(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, "utf8");
}

class FakeContext implements Faked<Excel.RequestContext, "workbook" | "sync"> {
  readonly workbook: WorkbookProxy;
  queue: { run: () => void; bytes: number }[] = [];
  closed = false;
  private responseBytes = 0;
  private calcSuspended = false;
  private screenSuspended = false;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(run: () => void, payload: unknown = null): void {
    if (this.closed) throw new Error("InvalidObjectPath: an object was used after its Excel.run batch ended");
    this.queue.push({ run, bytes: bytesOf(payload) + COMMAND_OVERHEAD });
  }

  respond(value: unknown): void {
    this.responseBytes += bytesOf(value);
  }

  suspendCalculation(): void {
    this.calcSuspended = true;
  }

  suspendScreen(): void {
    this.screenSuspended = true;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new Error("InvalidObjectPath: sync after the Excel.run batch ended");
    const queue = this.queue;
    this.queue = [];
    const requestBytes = queue.reduce((n, c) => n + c.bytes, 0);
    this.responseBytes = 0;
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      commands: queue.length,
      calculationSuspended: this.calcSuspended,
      screenUpdatingSuspended: this.screenSuspended,
    };
    this.calcSuspended = false;
    this.screenSuspended = false;
    this.excel.syncs.push(record);
    if (requestBytes > PAYLOAD_LIMIT) {
      throw new Error(`RequestPayloadSizeLimitExceeded: ${requestBytes} bytes`);
    }
    for (const command of queue) command.run();
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > PAYLOAD_LIMIT) {
      throw new Error(`ResponsePayloadSizeLimitExceeded: ${this.responseBytes} bytes`);
    }
  }
}

/** Base of every proxy: a context, a target resolved during sync, and loaded properties. */
abstract class ClientObject<T> {
  private resolved = false;
  private target?: T;
  private loaded?: Record<string, unknown>;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T,
  ) {}

  /** The object this proxy stands for; only valid while a sync runs the queue. */
  protected resolve(): T {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target as T;
  }

  /** Property names this object can load, and how to read each from its target. */
  protected abstract readonly readable: Record<string, (target: T) => unknown>;

  /** Values loaded for this object by a collection's load of its items. */
  receive(values: Record<string, unknown>): void {
    this.loaded = { ...this.loaded, ...values };
  }

  /** Reads the loadable properties now (during a sync). */
  snapshot(names: string[]): Record<string, unknown> {
    const target = this.resolve();
    const values: Record<string, unknown> = {};
    for (const name of names) {
      const read = this.readable[name];
      if (!read) throw new Error(`InvalidArgument: cannot load "${name}"`);
      values[name] = read(target);
    }
    return values;
  }

  load(properties?: string | string[]): this {
    const names = properties === undefined ? Object.keys(this.readable) : normalize(properties);
    this.context.enqueue(() => {
      const values = this.snapshot(names);
      this.context.respond(values);
      this.receive(values);
    }, names);
    return this;
  }

  protected loadedValue<V>(name: string): V {
    if (!this.loaded || !(name in this.loaded)) {
      throw new Error(`PropertyNotLoaded: "${name}" was read before load() and sync()`);
    }
    return this.loaded[name] as V;
  }

  protected set(name: string, value: unknown, apply: (target: T) => void): void {
    this.context.enqueue(() => apply(this.resolve()), { [name]: value });
  }

  protected call(name: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue(() => apply(this.resolve()), { [name]: args });
  }
}

/** Loads the listed item properties ("items/name") of a collection's items during a sync. */
interface Loadable {
  snapshot(names: string[]): Record<string, unknown>;
  receive(values: Record<string, unknown>): void;
}

function loadItems<P extends Loadable>(context: FakeContext, items: P[], properties: string[]): P[] {
  const names = properties.map((p) => p.replace(/^items\//, ""));
  const values = items.map((item) => item.snapshot(names));
  items.forEach((item, i) => item.receive(values[i]));
  context.respond(values);
  return items;
}

/**
 * A collection (worksheets, tables, charts, notes, names): load() queues reading its items, which are
 * readable once the queue has run at the next sync, as in Office.js.
 */
abstract class CollectionProxy<I> {
  private itemsLoaded?: I[];

  constructor(
    readonly context: FakeContext,
    /** The collection's name in the PropertyNotLoaded error. */
    private readonly what: string,
  ) {}

  /** The items, with the listed properties ("items/name") loaded, read while a sync runs the queue. */
  protected abstract readItems(properties: string[]): I[];

  load(properties: string): this {
    const names = normalize(properties);
    this.context.enqueue(() => {
      this.itemsLoaded = this.readItems(names);
    }, names);
    return this;
  }

  get items(): I[] {
    if (!this.itemsLoaded) throw new Error(`PropertyNotLoaded: ${this.what}.items`);
    return this.itemsLoaded;
  }
}

/** A range argument as recorded: its address, read when the command runs. */
function recordArg(a: unknown): unknown {
  return a instanceof RangeProxy ? a.addressForRecord() : a;
}

/** A range argument in a request's payload (its address travels as an object path). */
function payloadArg(a: unknown): unknown {
  return a instanceof RangeProxy ? "range" : a;
}

function normalize(properties: string | string[]): string[] {
  return (Array.isArray(properties) ? properties : properties.split(","))
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A write-only nested object (chart settings, conditional format, validation, range format): property
 * sets and method calls are queued and recorded into a plain object.
 */
function recorder(context: FakeContext, resolve: () => Recorded, path: string[] = []): unknown {
  const target = function () {
    /* a callable target, so a recorder can stand for a method too */
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (typeof prop !== "string" || prop === "then") return undefined;
      return recorder(context, resolve, [...path, prop]);
    },
    set(_t, prop, value) {
      const key = [...path, String(prop)].join(".");
      context.enqueue(
        () => {
          resolve()[key] = value;
        },
        { [key]: value },
      );
      return true;
    },
    apply(_t, _this, args) {
      const key = `${path.join(".")}()`;
      context.enqueue(() => {
        resolve()[key] = args.map(recordArg);
      }, args.map(payloadArg));
      return undefined;
    },
  });
}

class WorkbookProxy implements Faked<Excel.Workbook, "worksheets" | "tables" | "names" | "application"> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(readonly context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, () => context.excel.model.tables);
    this.names = new NamedItemCollectionProxy(context);
    this.application = new ApplicationProxy(context);
  }
}

class ApplicationProxy implements Faked<
  Excel.Application,
  "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync" | "calculate"
> {
  constructor(private readonly context: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(() => undefined, "suspendApiCalculationUntilNextSync");
    this.context.suspendCalculation();
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue(() => undefined, "suspendScreenUpdatingUntilNextSync");
    this.context.suspendScreen();
  }

  calculate(type: string): void {
    this.context.enqueue(() => {
      this.context.excel.calculations.push(type);
    }, type);
  }
}

class WorksheetCollectionProxy
  extends CollectionProxy<WorksheetProxy>
  implements Faked<Excel.WorksheetCollection, "items" | "getItem" | "getItemOrNullObject" | "add">
{
  constructor(context: FakeContext) {
    super(context, "worksheets");
  }

  protected readItems(properties: string[]): WorksheetProxy[] {
    const sheets = this.context.excel.model.sheets;
    return loadItems(
      this.context,
      sheets.map((s) => new WorksheetProxy(this.context, () => s, "item")),
      properties,
    );
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.excel.model.mustSheet(name), "get");
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.excel.model.sheet(name) ?? null, "orNull");
  }

  add(name?: string): WorksheetProxy {
    let added: FakeSheet | undefined;
    this.context.enqueue(() => {
      // Excel names a sheet added without a name "Sheet" and the next free number.
      const model = this.context.excel.model;
      let free = name;
      for (let n = model.sheets.length + 1; name === undefined && (!free || model.sheet(free)); n++)
        free = `Sheet${n}`;
      added = model.addSheet(free as string);
    }, name ?? null);
    return new WorksheetProxy(this.context, () => added as FakeSheet, "item");
  }
}

class WorksheetProxy
  extends ClientObject<FakeSheet | null>
  implements
    Faked<
      Excel.Worksheet,
      | "isNullObject"
      | "name"
      | "visibility"
      | "position"
      | "tabColor"
      | "showGridlines"
      | "pageLayout"
      | "freezePanes"
      | "getRange"
      | "getUsedRangeOrNullObject"
      | "getRanges"
      | "tables"
      | "charts"
      | "notes"
      | "delete"
      | "activate"
    >
{
  protected readonly readable: Record<string, (s: FakeSheet | null) => unknown> = {
    name: (s) => s?.name,
    visibility: (s) => s?.visibility,
    position: (s) => (s ? this.context.excel.model.sheets.indexOf(s) : -1),
    // Excel gives "" for a tab without a colour (its "auto").
    tabColor: (s) => (s ? String(s.settings.tabColor ?? "") : null),
  };
  private synced = false;

  /** "get": getItem (fails at sync when missing); "orNull": getItemOrNullObject; "item": known to exist. */
  constructor(
    context: FakeContext,
    resolver: () => FakeSheet | null,
    private readonly mode: "get" | "orNull" | "item",
  ) {
    super(context, resolver);
    if (mode !== "item") {
      context.enqueue(() => {
        this.resolve();
        this.synced = true;
      });
    }
  }

  private sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new Error("InvalidObjectPath: the worksheet is a null object");
    return s;
  }

  get isNullObject(): boolean {
    if (this.mode !== "orNull" || !this.synced)
      throw new Error("PropertyNotLoaded: isNullObject before sync");
    return this.resolve() === null;
  }

  private read<V>(name: string): V {
    return this.loadedValue<V>(name);
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.set("name", value, () => this.context.excel.model.renameSheet(this.sheet(), value));
  }

  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.set("visibility", value, () => {
      const sheet = this.sheet();
      if (
        value !== "Visible" &&
        sheet.visibility === "Visible" &&
        this.context.excel.model.visibleCount() === 1
      ) {
        throw new Error("InvalidOperation: cannot hide the last visible sheet");
      }
      sheet.visibility = value;
    });
  }

  get position(): number {
    return this.read("position");
  }

  set position(value: number) {
    this.set("position", value, () => {
      const model = this.context.excel.model;
      const sheet = this.sheet();
      model.sheets = model.sheets.filter((s) => s !== sheet);
      model.sheets.splice(value, 0, sheet);
    });
  }

  set tabColor(value: string) {
    this.set("tabColor", value, () => {
      this.sheet().settings.tabColor = value;
    });
  }

  set showGridlines(value: boolean) {
    this.set("showGridlines", value, () => {
      this.sheet().settings.showGridlines = value;
    });
  }

  get pageLayout(): unknown {
    return recorder(this.context, () => this.sheet().settings, ["pageLayout"]);
  }

  get freezePanes(): unknown {
    const context = this.context;
    const sheet = () => this.sheet();
    return {
      freezeAt: (range: RangeProxy) =>
        context.enqueue(() => {
          sheet().freeze = { at: range.addressForRecord() };
        }, "range"),
      freezeRows: (rows: number) =>
        context.enqueue(() => {
          sheet().freeze = { rows };
        }, rows),
      freezeColumns: (cols: number) =>
        context.enqueue(() => {
          sheet().freeze = { cols };
        }, cols),
      unfreeze: () =>
        context.enqueue(() => {
          sheet().freeze = {};
        }),
      // The frozen cells as a range, as Excel gives them: whole rows or columns when only those are frozen.
      getLocationOrNullObject: () =>
        new RangeProxy(
          context,
          () => {
            const s = sheet();
            const box = frozenBox(s.freeze);
            return box ? { sheet: s, box } : null;
          },
          true,
        ),
    };
  }

  getRange(address?: string): RangeProxy {
    checkAddressLength(address);
    return new RangeProxy(this.context, () => ({ sheet: this.sheet(), box: parseFakeAddress(address) }));
  }

  /** "A1:A3,C1:C3": several ranges of the sheet at once. */
  getRanges(address?: string): RangeAreasProxy {
    if (address === undefined) throw new Error("fake: give getRanges an address");
    checkAddressLength(address);
    return new RangeAreasProxy(this.context, () => ({
      sheet: this.sheet(),
      boxes: address.split(",").map((a) => parseFakeAddress(a.trim())),
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.sheet();
        const box = sheet.usedBox(valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }

  // Navigation properties return the same object every time, as Office.js caches them.
  private tablesProxy?: TableCollectionProxy;
  private chartsProxy?: ChartCollectionProxy;
  private notesProxy?: NoteCollectionProxy;

  get tables(): TableCollectionProxy {
    this.tablesProxy ??= new TableCollectionProxy(
      this.context,
      () => this.context.excel.model.tables.filter((t) => t.sheet === this.sheet()),
      () => this.sheet(),
    );
    return this.tablesProxy;
  }

  get charts(): ChartCollectionProxy {
    this.chartsProxy ??= new ChartCollectionProxy(this.context, () => this.sheet());
    return this.chartsProxy;
  }

  get notes(): NoteCollectionProxy {
    this.notesProxy ??= new NoteCollectionProxy(this.context, () => this.sheet());
    return this.notesProxy;
  }

  delete(): void {
    this.call("delete", [], () => this.context.excel.model.deleteSheet(this.sheet()));
  }

  activate(): void {
    this.call("activate", [], () => {
      this.context.excel.model.activeSheet = this.sheet().name;
    });
  }
}

/** Office.js: "The `address` has a limit of 8192 characters ... this method returns an `InvalidArgument` error." */
const MAX_ADDRESS_LENGTH = 8192;

function checkAddressLength(address: string | undefined): void {
  if (address !== undefined && address.length > MAX_ADDRESS_LENGTH)
    throw new Error(
      `InvalidArgument: an address of ${address.length} characters (limit ${MAX_ADDRESS_LENGTH})`,
    );
}

interface RangeTarget {
  sheet: FakeSheet;
  box: RangeBox;
}

function grid<V>(box: RangeBox, read: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: V[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(read(r, c));
    out.push(row);
  }
  return out;
}

function valueOf(cell: FakeCell | undefined): unknown {
  if (!cell) return "";
  if (cell.error) return cell.error;
  return cell.value ?? "";
}

function typeOf(cell: FakeCell | undefined): string {
  if (!cell || (cell.value === null && !cell.error && cell.formula === undefined)) return "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

/** The cells a sheet's frozen panes hold (see the freezePanes recorder), none when nothing is frozen. */
function frozenBox(freeze: Recorded): RangeBox | undefined {
  if (typeof freeze.at === "string") return parseFakeAddress(freeze.at.slice(freeze.at.lastIndexOf("!") + 1));
  if (typeof freeze.rows === "number") return { top: 1, left: 1, bottom: freeze.rows, right: 16_384 };
  if (typeof freeze.cols === "number") return { top: 1, left: 1, bottom: 1_048_576, right: freeze.cols };
  return undefined;
}

class RangeProxy
  extends ClientObject<RangeTarget | null>
  implements
    Faked<
      Excel.Range,
      | "isNullObject"
      | "address"
      | "values"
      | "valueTypes"
      | "numberFormat"
      | "formulas"
      | "top"
      | "left"
      | "width"
      | "height"
      | "columnHidden"
      | "setCellProperties"
      | "format"
      | "conditionalFormats"
      | "getCellProperties"
      | "hyperlink"
      | "dataValidation"
      | "merge"
      | "unmerge"
      | "clear"
      | "select"
    >
{
  protected readonly readable: Record<string, (t: RangeTarget | null) => unknown> = {
    address: (t) => t && excelAddress(t.sheet.name, t.box),
    values: (t) => t && grid(t.box, (r, c) => valueOf(t.sheet.cell(r, c))),
    valueTypes: (t) => t && grid(t.box, (r, c) => typeOf(t.sheet.cell(r, c))),
    numberFormat: (t) => t && grid(t.box, (r, c) => t.sheet.cell(r, c)?.numberFormat ?? "General"),
    formulas: (t) =>
      t &&
      grid(t.box, (r, c) => {
        const cell = t.sheet.cell(r, c);
        return cell?.formula !== undefined ? `=${cell.formula}` : valueOf(cell);
      }),
    top: (t) => t && t.sheet.topOf(t.box.top),
    left: (t) => t && t.sheet.leftOf(t.box.left),
    height: (t) => t && t.sheet.topOf(t.box.bottom + 1) - t.sheet.topOf(t.box.top),
    width: (t) => t && t.sheet.leftOf(t.box.right + 1) - t.sheet.leftOf(t.box.left),
    // True when every column of the range is hidden, false when none is, null when some are.
    columnHidden: (t) => {
      if (!t) return null;
      let hidden = 0;
      for (let c = t.box.left; c <= t.box.right; c++) if (t.sheet.hiddenColumns.has(c)) hidden++;
      return hidden === 0 ? false : hidden === t.box.right - t.box.left + 1 ? true : null;
    },
  };
  private synced = false;

  constructor(
    context: FakeContext,
    resolver: () => RangeTarget | null,
    private readonly orNull = false,
  ) {
    super(context, resolver);
    if (orNull) {
      context.enqueue(() => {
        this.resolve();
        this.synced = true;
      });
    }
  }

  /** For recording a range argument: its address, resolved now if possible. */
  addressForRecord(): string {
    const t = this.resolve();
    return t ? excelAddress(t.sheet.name, t.box) : "(null)";
  }

  private range(): RangeTarget {
    const t = this.resolve();
    if (!t) throw new Error("InvalidObjectPath: the range is a null object");
    return t;
  }

  get isNullObject(): boolean {
    if (!this.orNull || !this.synced) throw new Error("PropertyNotLoaded: isNullObject before sync");
    return this.resolve() === null;
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    // typeOf gives the enum's values ("Double", "String", ...); Office.js's enum exists only as a type here.
    return this.loadedValue("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.loadedValue("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  get top(): number {
    return this.loadedValue("top");
  }
  get left(): number {
    return this.loadedValue("left");
  }
  get width(): number {
    return this.loadedValue("width");
  }
  get height(): number {
    return this.loadedValue("height");
  }
  get columnHidden(): boolean {
    return this.loadedValue("columnHidden");
  }
  set columnHidden(value: boolean) {
    this.set("columnHidden", value, () => {
      const { sheet, box } = this.range();
      for (let c = box.left; c <= box.right; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  private setGrid(name: string, value: unknown[][], apply: (cell: FakeCell, entry: unknown) => void): void {
    this.set(name, value, () => {
      const { sheet, box } = this.range();
      const height = box.bottom - box.top + 1;
      const width = box.right - box.left + 1;
      if (value.length !== height || value.some((row) => row.length !== width)) {
        throw new Error(`InvalidArgument: ${name} is not ${height} x ${width}`);
      }
      value.forEach((row, r) =>
        row.forEach((entry, c) => {
          if (entry !== null) apply(sheet.cellFor(box.top + r, box.left + c), entry);
        }),
      );
    });
  }

  set values(value: unknown[][]) {
    this.setGrid("values", value, enter);
  }
  set formulas(value: unknown[][]) {
    this.setGrid("formulas", value, enter);
  }
  set numberFormat(value: unknown[][]) {
    this.setGrid("numberFormat", value, (cell, entry) => {
      cell.numberFormat = String(entry);
    });
  }

  setCellProperties(value: Excel.SettableCellProperties[][]): void {
    this.setGrid("setCellProperties", value, (cell, entry) => {
      const props = entry as Record<string, unknown>;
      if (Object.keys(props).length > 0) cell.properties = { ...cell.properties, ...props };
    });
  }

  get format(): unknown {
    const context = this.context;
    return new Proxy(
      {},
      {
        get: () => undefined,
        set: (_t, prop, value) => {
          context.enqueue(
            () => {
              const { sheet, box } = this.range();
              // Giving a column a width (its own or the standard one) shows it, as in Excel.
              if (prop === "columnWidth") {
                for (let c = box.left; c <= box.right; c++) {
                  sheet.columnWidths.set(c, value as number);
                  sheet.hiddenColumns.delete(c);
                }
              } else if (prop === "useStandardWidth" && value === true) {
                sheet.columnWidths.clear();
                sheet.hiddenColumns.clear();
              }
            },
            { [String(prop)]: value },
          );
          return true;
        },
      },
    );
  }

  private cfProxy?: ConditionalFormatCollectionProxy;

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.cfProxy ??= new ConditionalFormatCollectionProxy(this.context, () => {
      const { sheet, box } = this.range();
      return { sheet, boxes: [box] };
    });
    return this.cfProxy;
  }

  /** The properties asked for of each cell: only links are modelled (set through `hyperlink`). */
  getCellProperties(
    options: Excel.CellPropertiesLoadOptions,
  ): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
    const result = { value: undefined as unknown as Excel.CellProperties[][] };
    this.context.enqueue(() => {
      const { sheet, box } = this.range();
      result.value = grid(box, (r, c) => {
        const link = sheet.cell(r, c)?.properties?.hyperlink as Excel.RangeHyperlink | undefined;
        return options.hyperlink && link ? { hyperlink: link } : {};
      });
      this.context.respond(result.value);
    }, options);
    return result as OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }

  set hyperlink(value: Excel.RangeHyperlink) {
    this.set("hyperlink", value, () => {
      const { sheet, box } = this.range();
      const cell = sheet.cellFor(box.top, box.left);
      cell.properties = { ...cell.properties, hyperlink: value };
    });
  }

  /**
   * A range's data validation, as Excel keeps it: each cell has one rule or none, so a rule set on a range
   * replaces what its cells had and clear() takes it off those cells only (a rule over more cells keeps
   * the others). Loading gives the rule of the whole range: one kind when all its cells share one rule,
   * "None", "MixedCriteria" (some cells have none) or "Inconsistent" (different rules).
   */
  get dataValidation(): unknown {
    const context = this.context;
    const entry = () => {
      const { sheet, box } = this.range();
      const range = parseAddressOf(box);
      let found = sheet.validations.find((v) => v.range === range);
      if (!found) {
        sheet.validations = withoutBox(sheet.validations, box);
        sheet.validations.push((found = { range, settings: {} }));
      }
      return found.settings;
    };
    const loaded: Record<string, unknown> = {};
    const read = (name: string): unknown => {
      const { sheet, box } = this.range();
      const touching = sheet.validations.filter((v) => boxesTouch(parseRangeAddress(v.range), box));
      const cells = (b: RangeBox) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
      const covered = touching.reduce((n, v) => n + cells(overlap(parseRangeAddress(v.range), box)), 0);
      const rules = new Set(touching.map((v) => JSON.stringify(v.settings.rule ?? null)));
      const settings = touching[0]?.settings ?? {};
      if (name === "type") {
        if (covered === 0) return "None";
        if (covered < cells(box)) return "MixedCriteria";
        if (rules.size > 1) return "Inconsistent";
        const rule = Object.keys((settings.rule as Recorded | undefined) ?? {})[0] ?? "custom";
        return rule[0].toUpperCase() + rule.slice(1);
      }
      if (name === "rule") return validationRuleAsRead((settings.rule as Recorded | undefined) ?? {});
      if (name === "ignoreBlanks") return settings.ignoreBlanks ?? true;
      if (name === "prompt") return settings.prompt ?? { message: "", showPrompt: false, title: "" };
      if (name === "errorAlert")
        return settings.errorAlert ?? { message: "", showAlert: true, style: "Stop", title: "" };
      throw new Error(`fake: dataValidation cannot load "${name}"`);
    };
    const proxy: unknown = new Proxy(
      {},
      {
        get: (_t, prop) => {
          if (prop === "clear")
            return () =>
              context.enqueue(() => {
                const { sheet, box } = this.range();
                sheet.validations = withoutBox(sheet.validations, box);
              });
          if (prop === "load")
            return (names: string) => {
              const list = normalize(names);
              context.enqueue(() => {
                for (const name of list) loaded[name] = read(name);
                context.respond(list.map((n) => loaded[n]));
              }, list);
              return proxy;
            };
          if (
            typeof prop === "string" &&
            ["type", "rule", "ignoreBlanks", "prompt", "errorAlert"].includes(prop)
          ) {
            if (!(prop in loaded))
              throw new Error(`PropertyNotLoaded: "${prop}" was read before load() and sync()`);
            return loaded[prop];
          }
          return undefined;
        },
        set: (_t, prop, value) => {
          context.enqueue(
            () => {
              entry()[String(prop)] = value;
            },
            { [String(prop)]: value },
          );
          return true;
        },
      },
    );
    return proxy;
  }

  merge(across = false): void {
    this.call("merge", [across], () => {
      const { sheet, box } = this.range();
      sheet.merges.push(parseAddressOf(box));
    });
  }

  unmerge(): void {
    this.call("unmerge", [], () => {
      const { sheet, box } = this.range();
      sheet.merges = sheet.merges.filter((m) => !inside(m, box));
    });
  }

  clear(applyTo = "All"): void {
    this.call("clear", [applyTo], () => {
      const { sheet, box } = this.range();
      sheet.clear(box, applyTo === "Contents");
    });
  }

  select(): void {
    this.call("select", [], () => {
      this.context.excel.model.selection = this.addressForRecord();
    });
  }
}

function parseAddressOf(box: RangeBox): string {
  const { top, left, bottom, right } = box;
  return excelAddress("x", { top, left, bottom, right }).slice(2);
}

/** The cells two boxes share (empty when they do not touch: bottom above top). */
function overlap(a: RangeBox, b: RangeBox): RangeBox {
  const o = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return o.top > o.bottom || o.left > o.right ? { top: 1, left: 1, bottom: 0, right: 0 } : o;
}

/** The validations with the cells of `box` taken off (a rule over more cells keeps the rest of them). */
function withoutBox<V extends { range: string }>(list: V[], box: RangeBox): V[] {
  return list.flatMap((v) => {
    const b = parseRangeAddress(v.range);
    if (!boxesTouch(b, box)) return [v];
    const o = overlap(b, box);
    const rest: RangeBox[] = [
      { ...b, bottom: o.top - 1 },
      { ...b, top: o.bottom + 1 },
      { top: o.top, bottom: o.bottom, left: b.left, right: o.left - 1 },
      { top: o.top, bottom: o.bottom, left: o.right + 1, right: b.right },
    ].filter((r) => r.top <= r.bottom && r.left <= r.right);
    return rest.map((r) => ({ ...v, range: parseAddressOf(r) }));
  });
}

function inside(address: string, box: RangeBox): boolean {
  const b = parseRangeAddress(address);
  return b.top >= box.top && b.bottom <= box.bottom && b.left >= box.left && b.right <= box.right;
}

/**
 * A formula operand as Excel gives it back: "When retrieving the value, it will always be returned as a
 * string formula, for example: "=10", "=A1"" (Excel.BasicDataValidation.formula1 in Office.js's reference;
 * a cell-value format's formula1 is typed string there too), whether it was set as a number (0.3), a
 * stringified number ("0.3") or a formula ("=0.3").
 */
function asStringFormula(operand: unknown): unknown {
  if (typeof operand === "number") return `=${operand}`;
  if (typeof operand === "string") return operand.startsWith("=") ? operand : `=${operand}`;
  return operand;
}

/** The operands of a rule with formula1 and formula2, as read back. */
function operandsAsRead(rule: unknown): unknown {
  if (!rule || typeof rule !== "object") return rule;
  const out: Recorded = { ...(rule as Recorded) };
  for (const key of ["formula1", "formula2"]) if (key in out) out[key] = asStringFormula(out[key]);
  return out;
}

/** A validation rule as read back: the bounds of number, text length, date and time rules as string formulas. */
function validationRuleAsRead(rule: Recorded): Recorded {
  const out: Recorded = { ...rule };
  for (const kind of ["wholeNumber", "decimal", "textLength", "date", "time"])
    if (kind in out) out[kind] = operandsAsRead(out[kind]);
  return out;
}

/** A conditional format's setting as read back (a cell-value rule's operands as string formulas). */
function readBack(key: string, value: unknown): unknown {
  return key === "cellValue.rule" ? operandsAsRead(value) : value;
}

/**
 * A settings object of a conditional format (cellValue, cellValue.format.fill, dataBar, ...): its
 * properties load from what was set on it (null where nothing was, as Excel gives a setting left as it
 * is); any other property leads one level down.
 */
function settingsReader(context: FakeContext, settings: () => Recorded, path: string): unknown {
  const loaded: Record<string, unknown> = {};
  const proxy: unknown = new Proxy(
    {},
    {
      get: (_t, prop) => {
        if (typeof prop !== "string" || prop === "then") return undefined;
        if (prop === "load")
          return (names: string) => {
            const list = normalize(names);
            context.enqueue(() => {
              for (const name of list)
                loaded[name] = readBack(`${path}.${name}`, settings()[`${path}.${name}`] ?? null);
              context.respond(list.map((n) => loaded[n]));
            }, list);
            return proxy;
          };
        if (prop in loaded) return loaded[prop];
        return settingsReader(context, settings, `${path}.${prop}`);
      },
    },
  );
  return proxy;
}

/** The kinds of conditional format that have no "stop if true" (Office.js reads it as null on them). */
const WITHOUT_STOP_IF_TRUE = new Set(["DataBar", "IconSet", "ColorScale"]);

/** The kinds ConditionalFormatCollection.add takes (Excel.ConditionalFormatType). */
const FORMAT_TYPES = new Set([
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
]);

/** The boxes of a format's ranges ("A1:A3 C1:C3"). */
function formatBoxes(format: FakeConditionalFormat): RangeBox[] {
  return parseRangeList(format.range);
}

/** A conditional format among a range's loaded items: its kind, its settings, its ranges and delete(). */
class ConditionalFormatProxy
  extends ClientObject<{ sheet: FakeSheet; format: FakeConditionalFormat }>
  implements
    Faked<
      Excel.ConditionalFormat,
      | "type"
      | "stopIfTrue"
      | "priority"
      | "getRangeOrNullObject"
      | "getRanges"
      | "delete"
      | "cellValue"
      | "textComparison"
      | "custom"
      | "preset"
      | "topBottom"
      | "colorScale"
      | "dataBar"
      | "iconSet"
    >
{
  protected readonly readable = {
    type: ({ format }: { sheet: FakeSheet; format: FakeConditionalFormat }) => format.type,
    // Office.js: "Value is null on data bars, icon sets, and color scales as there's no concept of StopIfTrue".
    stopIfTrue: ({ format }: { sheet: FakeSheet; format: FakeConditionalFormat }) =>
      WITHOUT_STOP_IF_TRUE.has(format.type) ? null : (format.settings.stopIfTrue ?? false),
    // Excel puts a format it is given first (priority 0): the sheet's list is oldest first.
    priority: ({ sheet, format }: { sheet: FakeSheet; format: FakeConditionalFormat }) =>
      sheet.conditionalFormats.length - 1 - sheet.conditionalFormats.indexOf(format),
  };

  get type(): Excel.ConditionalFormatType {
    return this.loadedValue("type");
  }
  get stopIfTrue(): boolean {
    return this.loadedValue("stopIfTrue");
  }
  get priority(): number {
    return this.loadedValue("priority");
  }

  private settings(kind: string): unknown {
    return settingsReader(this.context, () => this.resolve().format.settings, kind);
  }
  get cellValue(): unknown {
    return this.settings("cellValue");
  }
  get textComparison(): unknown {
    return this.settings("textComparison");
  }
  get custom(): unknown {
    return this.settings("custom");
  }
  get preset(): unknown {
    return this.settings("preset");
  }
  get topBottom(): unknown {
    return this.settings("topBottom");
  }
  get colorScale(): unknown {
    return this.settings("colorScale");
  }
  get dataBar(): unknown {
    return this.settings("dataBar");
  }
  get iconSet(): unknown {
    return this.settings("iconSet");
  }

  /** Its one range; a null object for a format on several (Excel's getRangeOrNullObject). */
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const { sheet, format } = this.resolve();
        const boxes = formatBoxes(format);
        return boxes.length === 1 ? { sheet, box: boxes[0] } : null;
      },
      true,
    );
  }

  /** All its ranges, as Excel's RangeAreas gives their address: "Sheet!A1:A3,Sheet!C1:C3". */
  getRanges(): { load: (names: string) => { address: string } } {
    const context = this.context;
    let address: string | undefined;
    const areas = {
      load: (names: string) => {
        if (names !== "address") throw new Error(`fake: RangeAreas loads only "address", not "${names}"`);
        context.enqueue(() => {
          const { sheet, format } = this.resolve();
          address = formatBoxes(format)
            .map((b) => excelAddress(sheet.name, b))
            .join(",");
          context.respond(address);
        }, names);
        return areas;
      },
      get address(): string {
        if (address === undefined) throw new Error('PropertyNotLoaded: "address" of RangeAreas');
        return address;
      },
    };
    return areas;
  }

  delete(): void {
    this.call("delete", [], ({ sheet, format }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f !== format);
    });
  }
}

/** The conditional formats of a range (or of several: RangeAreas): those that touch it, as Excel lists them. */
class ConditionalFormatCollectionProxy
  extends CollectionProxy<ConditionalFormatProxy>
  implements Faked<Excel.ConditionalFormatCollection, "items" | "add" | "clearAll">
{
  constructor(
    context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; boxes: RangeBox[] },
  ) {
    super(context, "conditionalFormats");
  }

  protected readItems(properties: string[]): ConditionalFormatProxy[] {
    const { sheet, boxes } = this.target();
    const touching = sheet.conditionalFormats.filter((f) =>
      formatBoxes(f).some((fb) => boxes.some((b) => boxesTouch(fb, b))),
    );
    return loadItems(
      this.context,
      touching.map((format) => new ConditionalFormatProxy(this.context, () => ({ sheet, format }))),
      properties,
    );
  }

  add(type: string): unknown {
    let settings: Recorded | undefined;
    const context = this.context;
    context.enqueue(() => {
      if (!FORMAT_TYPES.has(type)) throw new Error(`InvalidArgument: conditional format type "${type}"`);
      const { sheet, boxes } = this.target();
      settings = {};
      sheet.conditionalFormats.push({ range: boxes.map(parseAddressOf).join(" "), type, settings });
    }, type);
    const format = recorder(context, () => settings as Recorded) as object;
    // A data bar, icon set or colour scale has no "stop if true": Excel refuses the setting at the sync.
    return new Proxy(format, {
      set: (target, prop, value) => {
        if (prop === "stopIfTrue" && WITHOUT_STOP_IF_TRUE.has(type)) {
          context.enqueue(() => {
            throw new Error(`InvalidArgument: a ${type} conditional format has no stopIfTrue`);
          }, value);
          return true;
        }
        return Reflect.set(target, prop, value);
      },
    });
  }

  /** Takes the formats off the cells of the range: a format over more cells keeps the others. */
  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet, boxes } = this.target();
      sheet.conditionalFormats = sheet.conditionalFormats.flatMap((f) => {
        let rest = formatBoxes(f).map((b) => ({ range: parseAddressOf(b) }));
        for (const box of boxes) rest = withoutBox(rest, box);
        return rest.length === 0 ? [] : [{ ...f, range: rest.map((r) => r.range).join(" ") }];
      });
    });
  }
}

/** Several ranges of a sheet (Excel's RangeAreas): only their conditional formats are modelled. */
class RangeAreasProxy implements Faked<Excel.RangeAreas, "conditionalFormats"> {
  constructor(
    private readonly context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; boxes: RangeBox[] },
  ) {}

  private cfProxy?: ConditionalFormatCollectionProxy;

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.cfProxy ??= new ConditionalFormatCollectionProxy(this.context, this.target);
    return this.cfProxy;
  }
}

function boxesTouch(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

class TableProxy
  extends ClientObject<FakeTable>
  implements
    Faked<Excel.Table, "name" | "style" | "showFilterButton" | "showBandedRows" | "getRange" | "delete">
{
  protected readonly readable = { name: (t: FakeTable) => t.name };

  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.set("name", value, (t) => this.context.excel.model.renameTable(t, value));
  }
  set style(value: string) {
    this.set("style", value, (t) => {
      t.style = value;
    });
  }
  set showFilterButton(value: boolean) {
    this.set("showFilterButton", value, (t) => {
      t.showFilterButton = value;
    });
  }
  set showBandedRows(value: boolean) {
    this.set("showBandedRows", value, (t) => {
      t.showBandedRows = value;
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return { sheet: t.sheet, box: t.box };
    });
  }

  delete(): void {
    this.call("delete", [], (t) => {
      const model = this.context.excel.model;
      model.tables = model.tables.filter((x) => x !== t);
    });
  }
}

class TableCollectionProxy
  extends CollectionProxy<TableProxy>
  implements Faked<Excel.TableCollection, "items" | "add">
{
  constructor(
    context: FakeContext,
    private readonly list: () => FakeTable[],
    private readonly sheet?: () => FakeSheet,
  ) {
    super(context, "tables");
  }

  protected readItems(properties: string[]): TableProxy[] {
    const tables = this.list();
    return loadItems(
      this.context,
      tables.map((t) => new TableProxy(this.context, () => t)),
      properties,
    );
  }

  add(address: string | Excel.Range, hasHeaders: boolean): TableProxy {
    let table: FakeTable | undefined;
    if (typeof address !== "string") throw new Error("fake: give tables.add an address");
    this.context.enqueue(() => {
      if (!this.sheet) throw new Error("fake: add tables through a worksheet");
      if (!hasHeaders) throw new Error("fake: tables without headers are not modelled");
      table = this.context.excel.model.addTable(this.sheet(), parseRangeAddress(address));
    }, [address, hasHeaders]);
    return new TableProxy(this.context, () => table as FakeTable);
  }
}

/** A chart among a collection's loaded items: its position (from setPosition) and delete(). */
class ChartItemProxy
  extends ClientObject<{ sheet: FakeSheet; chart: FakeChart }>
  implements Faked<Excel.Chart, "name" | "top" | "left" | "title" | "delete">
{
  protected readonly readable = {
    // Loaded as "items/title/text"; a chart drawn without a title has "".
    "title/text": ({ chart }: { sheet: FakeSheet; chart: FakeChart }) =>
      (chart.settings["title.text"] as string | undefined) ?? "",
    top: ({ sheet, chart }: { sheet: FakeSheet; chart: FakeChart }) => sheet.topOf(anchorOf(chart).top),
    left: ({ sheet, chart }: { sheet: FakeSheet; chart: FakeChart }) => sheet.leftOf(anchorOf(chart).left),
    // Excel names a chart "Chart N" unless it is given a name.
    name: ({ sheet, chart }: { sheet: FakeSheet; chart: FakeChart }) =>
      (chart.settings.name as string | undefined) ?? `Chart ${sheet.charts.indexOf(chart) + 1}`,
  };

  get name(): string {
    return this.loadedValue("name");
  }
  get top(): number {
    return this.loadedValue("top");
  }
  get left(): number {
    return this.loadedValue("left");
  }
  get title(): { text: string } {
    return { text: this.loadedValue("title/text") };
  }

  delete(): void {
    this.call("delete", [], ({ sheet, chart }) => {
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

function anchorOf(chart: FakeChart): RangeBox {
  const at = chart.settings["setPosition()"] as string[] | undefined;
  return parseRangeAddress(at?.[0] ?? "A1");
}

class ChartCollectionProxy
  extends CollectionProxy<ChartItemProxy>
  implements Faked<Excel.ChartCollection, "items" | "add">
{
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "charts");
  }

  protected readItems(properties: string[]): ChartItemProxy[] {
    const sheet = this.sheet();
    return loadItems(
      this.context,
      sheet.charts.map((chart) => new ChartItemProxy(this.context, () => ({ sheet, chart }))),
      properties,
    );
  }

  add(type: string, sourceData: Excel.Range, seriesBy = "Auto"): unknown {
    // The adapter passes the fake's own ranges.
    const source = sourceData as unknown as RangeProxy;
    const context = this.context;
    let chart: FakeChart | undefined;
    context.enqueue(() => {
      chart = { type, source: source.addressForRecord(), seriesBy, series: [{}], settings: {} };
      this.sheet().charts.push(chart);
    }, [type, seriesBy]);
    const current = () => chart as FakeChart;
    const seriesCollection = {
      getItemAt: (i: number) => recorder(context, () => current().series[i]),
      add: (name?: string) => {
        let series: Recorded | undefined;
        context.enqueue(() => {
          series = name === undefined ? {} : { name };
          current().series.push(series);
        }, name ?? null);
        return recorder(context, () => series as Recorded);
      },
    };
    const settings = recorder(context, () => current().settings) as Record<string, unknown>;
    return new Proxy(
      {},
      {
        get: (_t, prop) => (prop === "series" ? seriesCollection : settings[prop as string]),
        set: (_t, prop, value) => {
          settings[prop as string] = value;
          return true;
        },
      },
    );
  }
}

type NoteItem = Faked<Excel.Note, "content" | "authorName" | "delete" | "getLocation">;

class NoteCollectionProxy
  extends CollectionProxy<NoteItem>
  implements Faked<Excel.NoteCollection, "items" | "add">
{
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "notes");
  }

  protected readItems(): NoteItem[] {
    const sheet = this.sheet();
    return [...sheet.notes.entries()].map(([address, content]) => ({
      content,
      authorName: sheet.noteAuthors.get(address) ?? FAKE_USER,
      delete: () =>
        this.context.enqueue(() => {
          sheet.notes.delete(address);
          sheet.noteAuthors.delete(address);
        }),
      getLocation: () => new RangeProxy(this.context, () => ({ sheet, box: parseRangeAddress(address) })),
    }));
  }

  add(cellAddress: string | Excel.Range, content: unknown): void {
    if (typeof cellAddress !== "string") throw new Error("fake: give notes.add an address");
    const address = cellAddress;
    this.context.enqueue(() => {
      // Office.js: "If the string is invalid, or the range is not a single cell, an InvalidCellAddress error".
      if (!/^[A-Z]{1,3}[1-9]\d*$/.test(address)) throw new Error(`InvalidCellAddress: "${address}"`);
      const sheet = this.sheet();
      if (sheet.notes.has(address)) throw new Error(`InvalidOperation: ${address} already has a note`);
      sheet.notes.set(address, String(content));
      // Excel's API gives a note the signed-in user as author: it has no author to set.
      sheet.noteAuthors.set(address, FAKE_USER);
    }, [address, content]);
  }
}

class NamedItemProxy implements Faked<Excel.NamedItem, "name" | "delete"> {
  constructor(
    private readonly context: FakeContext,
    readonly name: string,
  ) {}

  delete(): void {
    this.context.enqueue(() => {
      const model = this.context.excel.model;
      model.names = model.names.filter((n) => n.name !== this.name);
    });
  }
}

class NamedItemCollectionProxy
  extends CollectionProxy<NamedItemProxy>
  implements Faked<Excel.NamedItemCollection, "items" | "add">
{
  constructor(context: FakeContext) {
    super(context, "names");
  }

  protected readItems(): NamedItemProxy[] {
    const names = this.context.excel.model.names;
    this.context.respond(names.map((n) => n.name));
    return names.map((n) => new NamedItemProxy(this.context, n.name));
  }

  add(name: string, reference: string | Excel.Range, comment = ""): void {
    if (typeof reference !== "string") throw new Error("fake: give names.add a reference as text");
    this.context.enqueue(() => this.context.excel.model.addName(name, reference, comment), [name, reference]);
  }
}

/** The fake Excel: a workbook model, Excel.run over it, and the log of syncs. */
export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  syncs: SyncRecord[] = [];
  calculations: string[] = [];

  /** Excel.run over this workbook. */
  readonly run: ExcelRun = async (batch) => {
    const context = new FakeContext(this);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.queue.length > 0)
        throw new Error("fake: the batch ended with commands that were never synced");
      return result;
    } finally {
      context.closed = true;
    }
  };

  /** Forgets the sync log (e.g. after setting up a workbook). */
  resetLog(): void {
    this.syncs = [];
    this.calculations = [];
  }
}

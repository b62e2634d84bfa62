/**
 * The WorkbookBackend over the Excel JavaScript API (the open workbook, in Excel on Windows, Mac and the
 * web). BackedWorkbook builds the whole Workbook port on it, exactly as for the xlsx and memory adapters.
 *
 * How it talks to Excel:
 * - Reads go in chunks of rows, one `context.sync()` each. The first chunk is sized by a cell count; each
 *   next one by the MEASURED size of the previous response, so a response stays within the byte budget
 *   (Excel on the web refuses responses over 5 MB too).
 * - Writes are lists of operations whose request size is measured (payload.ts), packed into requests
 *   within the budget; each request suspends calculation and screen updating until its sync, and the
 *   workbook is recalculated once at the end of a sheet.
 * - A generated sheet is rebuilt IN PLACE: it is cleared (cells, formats, tables, charts, notes,
 *   conditional formats, validation, merges, frozen panes; only inside the model's footprint when it has
 *   one) rather than deleted and added again, so formulas on user sheets that point into it keep working.
 * - Each chunk runs in its own Excel.run batch, so no sync sits in a loop and a long write never holds
 *   one request context.
 */
import type { CellValue } from "../../engine/data/table";
import {
  boxesOverlap,
  cellAddress,
  columnName,
  columnNumber,
  parseRangeList,
  parseRangeAddress,
  rangeAddress,
  type CellPosition,
  type RangeBox,
} from "../../sheet/a1";
import { resolveCells } from "../../sheet/sheet-model-cells";
import type { SheetModel } from "../../sheet/sheet-model";
import type {
  BackendSheet,
  CellContents,
  DefinedNameSpec,
  PreviousSheet,
  SheetRow,
  WorkbookBackend,
} from "../backend";
import type { RefreshLoss, SheetVisibility, TableInfo } from "../../sheet/port";
import { fateOf, type UserObject } from "../user-objects";
import { hasRelativeReference } from "../reanchor";
import {
  addConditionalFormat,
  conditionalFormatsOn,
  formatFormulas,
  addressGroups,
  formatRule,
  withFormulas,
  type FormatFound,
} from "./conditional-formats";
import {
  applyValidationArea,
  ruleFormulas,
  validationAreas,
  validationRule,
  type ValidationArea,
} from "./validation-areas";
import { isReportChart, isReportNote, reportNotes, userNoteCell, type FoundChart } from "../report-objects";
import { asText, formulaOf, fromOfficeCell } from "./cell-values";
import { cellOperations, type SheetOperation } from "./cell-operations";
import { DEFAULT_REQUEST_BUDGET, jsonBytes, OPERATION_OVERHEAD, packRequests } from "./payload";
import { structureOperations } from "./structure-operations";
import { userViewSettings, withoutUserView, type SheetView } from "../sheet-view";

/** Excel's last row and column: a frozen range as wide (tall) as the sheet freezes rows (columns) only. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Excel.run, or a test's stand-in for it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeBackendOptions {
  /** Default: Excel.run. */
  run?: ExcelRun;
  /** Largest request to send, in bytes (default 2 MB, well below Excel on the web's 5 MB). */
  requestBudget?: number;
  /** Largest response to ask for when reading, in bytes (default: the request budget). */
  responseBudget?: number;
  /** Whether the host supports an API requirement set (default Office.context.requirements). */
  supports?: (set: string, version: string) => boolean;
}

/** Cells asked for in the first read chunk, before any response has been measured. */
const FIRST_READ_CELLS = 20_000;
/** Never read fewer rows than this per chunk (a row of a few cells is tiny). */
const MIN_READ_ROWS = 1;

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** "'LL Example'!A1:F10" -> sheet LL Example, range A1:F10. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf("!");
  const sheetPart = address.slice(0, bang);
  const sheet =
    sheetPart.startsWith("'") && sheetPart.endsWith("'")
      ? sheetPart.slice(1, -1).replace(/''/g, "'")
      : sheetPart;
  return { sheet, range: address.slice(bang + 1) };
}

function defaultSupports(set: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(set, version) === true;
}

/** A link as the list of what would be lost names it: where it leads. */
function linkText(link: Excel.RangeHyperlink): string {
  return link.address ?? link.documentReference ?? link.textToDisplay ?? "";
}

/** A piece of validation as the rule that decides where it goes sees it. */
function validationObject(area: ValidationArea): UserObject {
  return {
    what: "validation",
    type: area.type,
    ref: rangeAddress(area.box),
    formulas: ruleFormulas(area.rule),
    rule: validationRule(area.rule),
  };
}

/** A conditional format as the rule that decides where it goes sees it. */
function formatObject(format: FormatFound, ref: string): UserObject {
  return {
    what: "conditionalFormat",
    type: format.type,
    ref,
    formulas: formatFormulas(format),
    rule: formatRule(format),
  };
}

/** Where an object of the user's on the old sheet goes (user-objects.ts fateOf). */
type Fate = ReturnType<typeof fateOf>;

/**
 * Where a conditional format of the old sheet goes (user-objects.ts fateOf). One whose ranges are too
 * many for one address is drawn again as one format per group of them (addConditionalFormat), which a
 * formula relative to the first cell would not survive: such a one is lost (listed).
 */
function formatFate(format: FormatFound, owned: RangeBox[], previous: PreviousSheet | undefined): Fate {
  if (format.ref === undefined) return "lost";
  const object = formatObject(format, format.ref);
  const fate = fateOf(object, owned, previous);
  if (typeof fate !== "object" || !object.formulas.some(hasRelativeReference)) return fate;
  return addressGroups(parseRangeList(fate.ref)).length > 1 ? "lost" : fate;
}

/**
 * The rows and columns frozen, from the address of the frozen cells: "1:3" (rows), "A:B" (columns) or
 * "A1:B3" (both; a box spanning every column or row is rows or columns only).
 */
export function frozenCount(address: string): { rows: number; cols: number } {
  const plain = address.replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(plain);
  if (rows) return { rows: Number(rows[2]), cols: 0 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(plain);
  if (cols) return { rows: 0, cols: columnNumber(cols[2].toUpperCase()) };
  const box = parseRangeAddress(plain);
  return {
    rows: box.bottom >= MAX_ROWS ? 0 : box.bottom,
    cols: box.right >= MAX_COLUMNS ? 0 : box.right,
  };
}

/** The response of one read chunk. */
interface ReadChunk {
  values: unknown[][];
  types: string[][];
  formats: string[][];
}

function chunkRows(chunk: ReadChunk, top: number): SheetRow[] {
  const rows: SheetRow[] = [];
  chunk.values.forEach((values, r) => {
    const cells: CellValue[] = values.map((v, c) =>
      fromOfficeCell(v, chunk.types[r][c], chunk.formats[r][c]),
    );
    if (cells.some((v) => v !== null)) rows.push({ row: top + r, cells });
  });
  return rows;
}

export class OfficeBackend implements WorkbookBackend {
  private readonly run: ExcelRun;
  private readonly requestBudget: number;
  private readonly responseBudget: number;
  private readonly supports: (set: string, version: string) => boolean;

  constructor(options: OfficeBackendOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.requestBudget = options.requestBudget ?? DEFAULT_REQUEST_BUDGET;
    this.responseBudget = options.responseBudget ?? this.requestBudget;
    this.supports = options.supports ?? defaultSupports;
  }

  async sheets(): Promise<BackendSheet[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility,items/position");
      await context.sync();
      const used = worksheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("address"));
      await context.sync();
      return worksheets.items
        .map((ws, i) => {
          const info: BackendSheet & { position: number } = {
            name: ws.name,
            visibility: VISIBILITY[ws.visibility] ?? "visible",
            position: ws.position,
          };
          if (!used[i].isNullObject) info.usedRange = parseRangeAddress(splitAddress(used[i].address).range);
          return info;
        })
        .sort((a, b) => a.position - b.position)
        .map(({ position: _position, ...sheet }) => sheet);
    });
  }

  async tables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const ranges = tables.items.map((t) => t.getRange().load("address"));
      await context.sync();
      return tables.items.map((t, i) => {
        const { sheet, range } = splitAddress(ranges[i].address);
        return { name: t.name, sheet, range: rangeAddress(parseRangeAddress(range), false, true) };
      });
    });
  }

  private async usedBox(sheet: string): Promise<RangeBox | undefined> {
    return this.run(async (context) => {
      const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      return used.isNullObject ? undefined : parseRangeAddress(splitAddress(used.address).range);
    });
  }

  private async readChunk(sheet: string, address: string): Promise<ReadChunk> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load("values,valueTypes,numberFormat");
      await context.sync();
      return { values: range.values, types: range.valueTypes, formats: range.numberFormat };
    });
  }

  async *rows(sheet: string, box?: RangeBox): AsyncIterable<SheetRow[]> {
    const area = box ?? (await this.usedBox(sheet));
    if (!area) return;
    const width = area.right - area.left + 1;
    let rowsPerChunk = Math.max(MIN_READ_ROWS, Math.floor(FIRST_READ_CELLS / width));
    for (let top = area.top; top <= area.bottom;) {
      const bottom = Math.min(area.bottom, top + rowsPerChunk - 1);
      const chunk = await this.readChunk(sheet, rangeAddress({ ...area, top, bottom }, false, true));
      const bytes = jsonBytes(chunk.values) + jsonBytes(chunk.types) + jsonBytes(chunk.formats);
      const bytesPerRow = Math.max(1, bytes / (bottom - top + 1));
      // Aim at 90 % of the budget: the next rows may hold longer texts than these.
      rowsPerChunk = Math.max(MIN_READ_ROWS, Math.floor((this.responseBudget * 0.9) / bytesPerRow));
      yield chunkRows(chunk, top);
      top = bottom + 1;
    }
  }

  async readCells(sheet: string, cells: CellPosition[]): Promise<CellContents[]> {
    if (cells.length === 0) return [];
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const ranges = cells.map((p) =>
        ws.getRange(cellAddress(p.row, p.col)).load("values,formulas,valueTypes,numberFormat"),
      );
      await context.sync();
      return ranges.map((range) => {
        const value = range.values[0][0];
        const contents: CellContents = {
          value: fromOfficeCell(value, range.valueTypes[0][0], range.numberFormat[0][0]),
        };
        const formula = formulaOf(value, range.formulas[0][0]);
        if (formula !== undefined) contents.formula = formula;
        return contents;
      });
    });
  }

  async writeSheet(
    model: SheetModel,
    sheetName: string,
    replace?: string,
    owned?: RangeBox[],
    previous?: PreviousSheet,
  ): Promise<void> {
    // A tab colour or frozen panes the user changed stay theirs: the model's are not set (sheet-view.ts).
    const theirs = replace
      ? userViewSettings(await this.viewNow(replace), previous?.view, model)
      : { tabColor: false, freeze: false };
    model = withoutUserView(model, theirs);
    const cells = resolveCells(model);
    const operations = [
      ...cellOperations(cells, this.requestBudget),
      ...structureOperations(model, cells, { notes: this.supports("ExcelApi", "1.18") }),
    ];
    const boxes = owned ?? (model.footprint ? [parseRangeAddress(model.footprint)] : undefined);
    // The user's links, formats and validation on the report's parts follow their cells (the same
    // customer's row and column); the report's own are known by kind, range and rule (user-objects.ts).
    const attached = replace && boxes ? await this.attachedObjects(replace, boxes, previous) : undefined;
    const carried = (attached?.links ?? []).flatMap(({ link, fate }) =>
      typeof fate === "object" ? [{ cell: fate.ref, link }] : [],
    );
    const validations = (attached?.validations ?? []).flatMap(({ area, fate }) => {
      if (typeof fate !== "object") return [];
      return [{ ...area, rule: withFormulas(area.rule, fate.formulas), to: parseRangeList(fate.ref) }];
    });
    const formats = (attached?.formats ?? []).flatMap(({ format, fate }) => {
      if (typeof fate !== "object") return [];
      const values = withFormulas(format.values, fate.formulas);
      return [{ format: { ...format, values }, to: parseRangeList(fate.ref) }];
    });
    // The user's notes on a customer's cells go with the customer (read before clearSheet deletes them).
    const notes =
      replace && owned
        ? (await this.userNotesCleared(replace, model, owned, previous)).flatMap((n) =>
            n.to === undefined ? [] : [{ cell: n.to, text: n.text }],
          )
        : [];
    // Setting a column's width shows it again: the columns the user hid are hidden again after writing.
    const hidden = replace ? await this.hiddenColumns(replace, model) : [];
    if (replace) await this.clearSheet(replace, sheetName, boxes, previous, theirs);
    else await this.addSheet(sheetName);
    for (const request of packRequests(operations, this.requestBudget)) {
      await this.send(sheetName, request);
    }
    if (hidden.length > 0) {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        for (const col of hidden) ws.getRange(`${columnName(col)}:${columnName(col)}`).columnHidden = true;
        await context.sync();
      });
    }
    if (carried.length > 0 || validations.length > 0 || formats.length > 0 || notes.length > 0) {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        for (const { cell, link } of carried) ws.getRange(cell).hyperlink = link;
        for (const { cell, text } of notes) ws.notes.add(cell, text);
        for (const { format, to } of formats) addConditionalFormat(ws, format, to);
        for (const v of validations) {
          for (const box of v.to) applyValidationArea(ws.getRange(rangeAddress(box, false, true)), v);
        }
        await context.sync();
      });
    }
    await this.recalculate();
  }

  /** A sheet's tab colour and frozen panes as they are now. */
  private async viewNow(sheet: string): Promise<SheetView> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("tabColor");
      const frozen = ws.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      return {
        tabColor: ws.tabColor ?? "",
        freeze: frozen.isNullObject ? { rows: 0, cols: 0 } : frozenCount(splitAddress(frozen.address).range),
      };
    });
  }

  /** The hidden columns of a sheet, up to the last one with a value or one the model sets a width of. */
  private async hiddenColumns(sheet: string, model: SheetModel): Promise<number[]> {
    const used = await this.usedBox(sheet);
    const last = Math.max(used?.right ?? 0, model.columnWidths?.length ?? 0);
    if (last === 0) return [];
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const columns = Array.from({ length: last }, (_, i) =>
        ws.getRange(`${columnName(i + 1)}:${columnName(i + 1)}`).load("columnHidden"),
      );
      await context.sync();
      return columns.flatMap((c, i) => (c.columnHidden ? [i + 1] : []));
    });
  }

  /** One request: calculation and screen updating suspended until its sync. */
  private async send(sheetName: string, operations: SheetOperation[]): Promise<void> {
    await this.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      const ws = context.workbook.worksheets.getItem(sheetName);
      for (const op of operations) op.apply(ws, context);
      await context.sync();
    });
  }

  /** Calculation was suspended while writing: formulas written since are computed now. */
  private async recalculate(): Promise<void> {
    await this.run(async (context) => {
      context.workbook.application.calculate("Recalculate");
      await context.sync();
    });
  }

  private async addSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
  }

  /**
   * Empties a generated sheet of everything a sheet model can put there (within the `owned` boxes only,
   * when given: what the user added outside them stays), and gives it its new name.
   */
  private async clearSheet(
    name: string,
    newName: string,
    owned?: RangeBox[],
    previous?: PreviousSheet,
    keep: { tabColor: boolean; freeze: boolean } = { tabColor: false, freeze: false },
  ): Promise<void> {
    const notes = this.supports("ExcelApi", "1.18");
    const ours = (address: string) => {
      const box = parseRangeAddress(splitAddress(address).range);
      return !owned || owned.some((o) => boxesOverlap(box, o));
    };
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const areas = owned
        ? owned.map((b) => ws.getRange(rangeAddress(b, false, true)))
        : [ws.getRange(undefined)];
      for (const area of areas) area.load("top,left,width,height");
      ws.tables.load("items/name");
      const unmarked = previous?.unmarkedCharts ?? [];
      // A sheet written before charts were marked: its charts are known by place (top-left cell) and title.
      const anchors = unmarked.map((c) => ({
        at: c.at,
        range: ws.getRange(cellAddress(c.at.row, c.at.col)).load("top,left"),
      }));
      ws.charts.load("items/name,items/top,items/left,items/title/text");
      if (notes) ws.notes.load("items/authorName");
      await context.sync();
      const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
      const found = (c: Excel.Chart): FoundChart => {
        if (unmarked.length === 0) return { name: c.name };
        const anchor = anchors.find((a) => near(a.range.top, c.top) && near(a.range.left, c.left));
        return { name: c.name, at: anchor?.at, title: c.title.text };
      };
      const tableRanges = ws.tables.items.map((t) => t.getRange().load("address"));
      const noteRanges = notes ? ws.notes.items.map((n) => n.getLocation().load("address")) : [];
      await context.sync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      ws.tables.items.filter((_t, i) => ours(tableRanges[i].address)).forEach((t) => t.delete());
      if (notes) ws.notes.items.filter((_n, i) => ours(noteRanges[i].address)).forEach((n) => n.delete());
      // The report's charts (known by their name's mark) are drawn again; the user's stay where they are.
      ws.charts.items.filter((c) => isReportChart(found(c), previous)).forEach((c) => c.delete());
      for (const area of areas) {
        area.conditionalFormats.clearAll();
        area.dataValidation.clear();
        area.unmerge();
        area.clear("All");
        if (!owned) {
          // Column widths and row heights belong to the sheet only when the model owns all of it.
          area.format.useStandardWidth = true;
          area.format.useStandardHeight = true;
        }
      }
      if (!keep.freeze) ws.freezePanes.unfreeze();
      if (!keep.tabColor) ws.tabColor = "";
      if (newName !== name) ws.name = newName;
      await context.sync();
    });
  }

  /**
   * What clearSheet(sheet, _, owned) would remove of the user's: notes on the cleared cells whose text is
   * not one the report writes now or the last build wrote at that cell (its own notes move with the
   * layout and their numbers change with the data; Excel's API gives a note no author to mark it by).
   * Charts are not listed: only the report's (known by their name's mark) are cleared, and pictures and
   * shapes are not touched.
   */
  async losses(
    sheet: string,
    model: SheetModel,
    owned: RangeBox[] | undefined,
    previous: PreviousSheet,
  ): Promise<RefreshLoss[]> {
    const losses = await this.noteLosses(sheet, model, owned, previous);
    if (!owned) return losses;
    const { formats, validations, links } = await this.attachedObjects(sheet, owned, previous);
    for (const { format, fate } of formats) {
      if (format.ref === undefined) losses.push({ kind: "format", sheet });
      else if (fate === "lost") losses.push({ kind: "format", sheet, cell: format.ref });
    }
    for (const { area, fate } of validations) {
      if (fate === "lost") losses.push({ kind: "validation", sheet, cell: rangeAddress(area.box) });
    }
    for (const { cell, link, fate } of links) {
      if (fate === "lost") losses.push({ kind: "link", sheet, cell, text: linkText(link) });
    }
    return losses;
  }

  /**
   * The user's conditional formats, validation and links on the cells of `boxes`, each with where it goes
   * when the sheet is rebuilt (fateOf). The one reading of them for both steps of a refresh: listing what
   * would be lost (losses) and carrying the rest (writeSheet). Each step reads the sheet as it is then:
   * Excel's workbook stays open to the user between the check and the writing.
   */
  private async attachedObjects(
    sheet: string,
    boxes: RangeBox[],
    previous: PreviousSheet | undefined,
  ): Promise<{
    formats: { format: FormatFound; fate: Fate }[];
    validations: { area: ValidationArea; fate: Fate }[];
    links: { cell: string; link: Excel.RangeHyperlink; fate: Fate }[];
  }> {
    const formats = (await this.conditionalFormats(sheet, boxes)).map((format) => ({
      format,
      fate: formatFate(format, boxes, previous),
    }));
    const validations = (await validationAreas(this.run, sheet, boxes)).map((area) => ({
      area,
      fate: fateOf(validationObject(area), boxes, previous),
    }));
    const links = (await this.readLinks(sheet, boxes)).map(({ cell, link }) => ({
      cell,
      link,
      fate: fateOf({ what: "hyperlink", ref: cell, formulas: [] }, boxes, previous),
    }));
    return { formats, validations, links };
  }

  private async noteLosses(
    sheet: string,
    model: SheetModel,
    owned: RangeBox[] | undefined,
    previous: PreviousSheet,
  ): Promise<RefreshLoss[]> {
    const notes = await this.userNotesCleared(sheet, model, owned, previous);
    return notes
      .filter((n) => n.to === undefined)
      .map((n) => ({ kind: "note", sheet, cell: n.cell, text: n.text }));
  }

  /**
   * The user's notes (not the report's: isReportNote) on the cells clearSheet(sheet, _, owned) clears, each
   * with the cell it goes to (userNoteCell: its customer's row, or their Kept notes row; the same rule as
   * in a file), or none where it cannot follow its cell (then it is listed).
   */
  private async userNotesCleared(
    sheet: string,
    model: SheetModel,
    owned: RangeBox[] | undefined,
    previous: PreviousSheet | undefined,
  ): Promise<{ cell: string; text: string; to?: string }[]> {
    if (!this.supports("ExcelApi", "1.18")) return [];
    // Excel's API cannot set a note's author: the report's notes written in Excel are known by their text,
    // those a file written by the command line brought carry the mark.
    const known = reportNotes(model, previous);
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.notes.load("items/content,items/authorName");
      await context.sync();
      const noteRanges = ws.notes.items.map((n) => n.getLocation().load("address"));
      await context.sync();
      const found: { cell: string; text: string; to?: string }[] = [];
      ws.notes.items.forEach((note, i) => {
        const address = splitAddress(noteRanges[i].address).range;
        const box = parseRangeAddress(address);
        const cleared = !owned || owned.some((o) => boxesOverlap(box, o));
        const cell = address.replace(/\$/g, "");
        if (cleared && !isReportNote({ cell, text: note.content, author: note.authorName }, known)) {
          found.push({ cell, text: note.content, to: owned && userNoteCell(cell, owned, known) });
        }
      });
      return found;
    });
  }

  /** The conditional formats on the cells of `boxes`, with all their settings. */
  private conditionalFormats(sheet: string, boxes: RangeBox[]): Promise<FormatFound[]> {
    return conditionalFormatsOn(this.run, sheet, boxes, this.supports("ExcelApi", "1.9"));
  }

  private async readLinkChunk(sheet: string, address: string): Promise<Excel.CellProperties[][]> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      const result = range.getCellProperties({ hyperlink: true });
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult has no load(): its value is there after the sync
      return result.value;
    });
  }

  /** The links on the cells of `owned`, read in chunks within the response budget. */
  private async readLinks(
    sheet: string,
    owned: RangeBox[],
  ): Promise<{ cell: string; link: Excel.RangeHyperlink }[]> {
    const out: { cell: string; link: Excel.RangeHyperlink }[] = [];
    for (const box of owned) {
      const width = box.right - box.left + 1;
      // A cell without a link comes back as "{}": a few bytes each.
      const rows = Math.max(1, Math.floor(this.responseBudget / 8 / width));
      for (let top = box.top; top <= box.bottom; top += rows) {
        const chunk = { ...box, top, bottom: Math.min(box.bottom, top + rows - 1) };
        const props = await this.readLinkChunk(sheet, rangeAddress(chunk, false, true));
        props.forEach((cells, r) =>
          cells.forEach((p, c) => {
            if (p.hyperlink)
              out.push({ cell: cellAddress(chunk.top + r, chunk.left + c), link: p.hyperlink });
          }),
        );
      }
    }
    return out;
  }

  async deleteSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });
  }

  async definedNames(): Promise<string[]> {
    return this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      return names.items.map((n) => n.name);
    });
  }

  async setDefinedNames(remove: string[], add: DefinedNameSpec[]): Promise<void> {
    if (remove.length === 0 && add.length === 0) return;
    await this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      // A name being redefined is deleted first: NamedItemCollection.add refuses an existing name.
      const gone = new Set([...remove, ...add.map((n) => n.name)].map((n) => n.toLowerCase()));
      names.items.filter((n) => gone.has(n.name.toLowerCase())).forEach((n) => n.delete());
      for (const n of add) names.add(n.name, `=${n.reference}`, n.comment ?? "");
      await context.sync();
    });
  }

  async writeHiddenSheet(name: string, rows: string[][]): Promise<void> {
    await this.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (existing.isNullObject) {
        context.workbook.worksheets.add(name).visibility = "VeryHidden";
      } else {
        existing.getRange().clear("All");
        existing.visibility = "VeryHidden";
      }
      await context.sync();
    });
    const operations: SheetOperation[] = rows.map((cells, r) => {
      const address = rangeAddress({ top: r + 1, left: 1, bottom: r + 1, right: Math.max(1, cells.length) });
      const texts = [cells.length ? cells.map((c) => (c === "" ? null : asText(c))) : [null]];
      return {
        kind: "formulas",
        bytes: jsonBytes(texts) + OPERATION_OVERHEAD,
        apply: (ws) => {
          ws.getRange(address).formulas = texts;
        },
      };
    });
    for (const request of packRequests(operations, this.requestBudget)) await this.send(name, request);
  }

  /** Shows a range to the user: activates its sheet and selects the cells. */
  async select(sheet: string, range: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(range).select();
      await context.sync();
    });
  }
}

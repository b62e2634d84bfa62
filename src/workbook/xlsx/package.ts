/**
 * An .xlsx file read at the package level (zip parts and the few XML parts that say what is where),
 * without ExcelJS: sheet names and order, visibility, used ranges, tables, defined names, drawings. Used to
 * list a big workbook without loading it, and to carry over what ExcelJS would lose when it rewrites a
 * file (defined names, charts of generated sheets).
 */
import { inputError, partMissing } from "../../input-errors";
import { parseRangeAddress, type RangeBox } from "../../sheet/a1";
import type { SheetVisibility } from "../../sheet/port";
import type { SheetView } from "../sheet-view";
import { inspectXlsxPackage } from "./zip-guard";
import { readZipEntry, readZipEntryStart, ZipFormatError, type ZipEntry } from "./zip-reader";
import {
  attributes,
  elementsWithText,
  parseRelationships,
  relsPathOf,
  startTags,
  type Relationship,
} from "./xml-text";

export const REL_WORKSHEET = "/worksheet";
export const REL_TABLE = "/table";
export const REL_DRAWING = "/drawing";
export const REL_CHART = "/chart";

export interface PackageSheet {
  name: string;
  visibility: SheetVisibility;
  /** Part path, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface PackageDefinedName {
  name: string;
  /** The formula text (a reference such as Sheet1!$A$1:$B$9, a constant, or a formula). */
  formula: string;
  /** Name of the sheet it is local to (from localSheetId), for sheet-scoped names. */
  localSheet?: string;
  /** The other attributes as written (hidden, comment, function, ...). */
  otherAttributes: Record<string, string>;
}

export class XlsxPackage {
  private readonly byName: Map<string, ZipEntry>;

  private constructor(
    readonly file: string,
    readonly buffer: Buffer,
    readonly entries: ZipEntry[],
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Checks the bytes (zip guard) and reads the directory; throws UserError for a bad file. */
  static fromBuffer(buffer: Buffer, file: string): XlsxPackage {
    return new XlsxPackage(file, buffer, inspectXlsxPackage(buffer, file));
  }

  has(part: string): boolean {
    return this.byName.has(part);
  }

  bytes(part: string): Buffer {
    const entry = this.byName.get(part);
    if (!entry) throw partMissing(this.file, part);
    try {
      return readZipEntry(this.buffer, entry);
    } catch (e) {
      if (e instanceof ZipFormatError)
        throw inputError("fileDamaged", { file: this.file, problem: { en: e.message, "zh-CN": e.zh } });
      throw e;
    }
  }

  /** The uncompressed size of all worksheet XML, from the zip directory (nothing is inflated). */
  worksheetXmlBytes(): number {
    return this.entries
      .filter((e) => e.name.startsWith("xl/worksheets/") && e.name.endsWith(".xml"))
      .reduce((n, e) => n + e.uncompressedSize, 0);
  }

  text(part: string): string {
    return this.bytes(part).toString("utf8");
  }

  relationships(ownerPart: string): Relationship[] {
    const rels = relsPathOf(ownerPart);
    return this.has(rels) ? parseRelationships(this.text(rels), ownerPart) : [];
  }

  sheets(): PackageSheet[] {
    const rels = this.relationships("xl/workbook.xml");
    return startTags(this.text("xl/workbook.xml"), "sheet").flatMap((tag) => {
      const a = attributes(tag);
      const rel = rels.find((r) => r.id === a["r:id"] || r.id === a.id);
      // Chart sheets (and dialog sheets) have no cells: they are not sheets a table can be read from.
      if (!rel || !rel.type.endsWith(REL_WORKSHEET)) return [];
      const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
      return [{ name: a.name, visibility: state, part: rel.target } satisfies PackageSheet];
    });
  }

  /** All sheets in workbook.xml order, worksheets or not: localSheetId counts them all. */
  private sheetNamesInOrder(): string[] {
    return startTags(this.text("xl/workbook.xml"), "sheet").map((tag) => attributes(tag).name);
  }

  definedNames(): PackageDefinedName[] {
    const order = this.sheetNamesInOrder();
    const xml = this.text("xl/workbook.xml");
    const block = /<(?:\w+:)?definedNames\b[^>]*>([\s\S]*?)<\/(?:\w+:)?definedNames>/.exec(xml);
    if (!block) return [];
    return elementsWithText(block[1], "definedName").map(({ attrs, text }) => {
      const { name, localSheetId, ...otherAttributes } = attrs;
      const n: PackageDefinedName = { name, formula: text, otherAttributes };
      if (localSheetId !== undefined && order[Number(localSheetId)] !== undefined) {
        n.localSheet = order[Number(localSheetId)];
      }
      return n;
    });
  }

  /** Tables of one worksheet part: displayName (the name formulas use) and range. */
  tables(sheetPart: string): { name: string; range: string }[] {
    return this.relationships(sheetPart)
      .filter((r) => r.type.endsWith(REL_TABLE) && this.has(r.target))
      .map((r) => {
        const a = attributes(startTags(this.text(r.target), "table")[0] ?? "");
        return { name: a.displayName ?? a.name, range: a.ref };
      });
  }

  /** The first kilobytes of a worksheet's XML (what stands before its cells), without inflating the rest. */
  private sheetHead(sheetPart: string): string | undefined {
    const entry = this.byName.get(sheetPart);
    return entry && readZipEntryStart(this.buffer, entry).toString("utf8");
  }

  /** The <dimension ref> at the top of a worksheet, read without inflating the whole sheet. */
  declaredDimension(sheetPart: string): RangeBox | undefined {
    const head = this.sheetHead(sheetPart);
    if (head === undefined) return undefined;
    const tag = startTags(head, "dimension")[0];
    if (!tag) return undefined;
    try {
      return parseRangeAddress(attributes(tag).ref);
    } catch {
      return undefined;
    }
  }

  /**
   * The tab colour and frozen panes at the top of a worksheet (<sheetPr><tabColor>, the first
   * <sheetView>'s frozen <pane>), read without inflating the whole sheet.
   */
  sheetView(sheetPart: string): SheetView | undefined {
    const head = this.sheetHead(sheetPart);
    if (head === undefined) return undefined;
    const cells = head.indexOf("<sheetData");
    const views = cells < 0 ? head : head.slice(0, cells);
    const colour = startTags(views, "tabColor")[0];
    const pane = startTags(views, "pane")[0];
    const frozen = pane ? attributes(pane) : undefined;
    const isFrozen = frozen?.state === "frozen" || frozen?.state === "frozenSplit";
    return {
      tabColor: colour ? tabColorOfFile(attributes(colour)) : "",
      freeze: {
        rows: isFrozen ? Math.round(Number(frozen?.ySplit ?? 0)) || 0 : 0,
        cols: isFrozen ? Math.round(Number(frozen?.xSplit ?? 0)) || 0 : 0,
      },
    };
  }

  /** Chart parts drawn on a worksheet (through its drawing part). */
  chartsOf(sheetPart: string): string[] {
    return this.relationships(sheetPart)
      .filter((r) => r.type.endsWith(REL_DRAWING))
      .flatMap((d) =>
        this.relationships(d.target)
          .filter((r) => r.type.endsWith(REL_CHART))
          .map((r) => r.target),
      );
  }
}

/**
 * The tab colour of a file's <tabColor> attributes: "#RRGGBB", or "theme:N[:tint]" / "indexed:N" for a
 * colour a user picked from the theme or palette (write-sheet.ts excelJsTabColor writes it back), or "".
 */
function tabColorOfFile(attrs: Record<string, string>): string {
  if (attrs.rgb) return `#${attrs.rgb.slice(-6).toUpperCase()}`;
  if (attrs.theme !== undefined) return `theme:${attrs.theme}${attrs.tint ? `:${attrs.tint}` : ""}`;
  if (attrs.indexed !== undefined) return `indexed:${attrs.indexed}`;
  return "";
}

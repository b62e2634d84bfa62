/**
 * The styles part (xl/styles.xml) of a new workbook, built as its sheets are written: each distinct
 * (cell style, number format) becomes one cell format (xf) whose index the cells' s="N" give, each
 * conditional format's look one differential format (dxf). Fonts, fills, borders and number formats are
 * shared between the formats that use the same ones, as Excel writes them.
 */
import { borderSides } from "../../sheet/sheet-model-cells";
import type { CellStyle } from "../../sheet/sheet-model";
import { escapeXml } from "./xml-text";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Number formats Excel knows by id (no <numFmt> needed); the others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};
const FIRST_CUSTOM_FORMAT = 164;

/** "#5B9BD5" -> "FF5B9BD5" (ARGB, as the file writes colours). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** An element's colour attributes for a model colour: "#RRGGBB", or a file's "theme:N[:tint]" / "indexed:N". */
export function colorAttributes(color: string): string {
  const [kind, value, tint] = color.split(":");
  if (kind === "theme" && value !== undefined)
    return `theme="${Number(value)}"${tint !== undefined ? ` tint="${Number(tint)}"` : ""}`;
  if (kind === "indexed" && value !== undefined) return `indexed="${Number(value)}"`;
  return `rgb="${argb(color)}"`;
}

/** The distinct XML items of one collection (fonts, fills...), by their text. */
class Collection {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(initial: string[]) {
    for (const item of initial) this.indexOf(item);
  }

  indexOf(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.push(xml) - 1;
      this.index.set(xml, i);
    }
    return i;
  }
}

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';

function fontXml(style: CellStyle): string | undefined {
  if (!style.bold && !style.italic && !style.fontSize && !style.fontColor) return undefined;
  // A font without a name falls back to the reader's default (a serif in LibreOffice): name it, as Excel does.
  return (
    "<font>" +
    (style.bold ? "<b/>" : "") +
    (style.italic ? "<i/>" : "") +
    `<sz val="${style.fontSize ?? 11}"/>` +
    (style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : '<color theme="1"/>') +
    '<name val="Calibri"/><family val="2"/></font>'
  );
}

function borderXml(style: CellStyle): string | undefined {
  if (!style.border) return undefined;
  const color = `<color rgb="${argb(style.borderColor ?? "#000000")}"/>`;
  const sides = borderSides(style.border, true);
  const side = (name: "left" | "right" | "top" | "bottom") =>
    sides[name] ? `<${name} style="thin">${color}</${name}>` : `<${name}/>`;
  return `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
}

/** The cell formats and differential formats of a workbook being written, and its styles part. */
export class CellFormats {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Collection([DEFAULT_FONT]);
  private readonly fills = new Collection([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Collection(["<border><left/><right/><top/><bottom/><diagonal/></border>"]);
  private readonly xfs = new Collection(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Collection([]);
  /** style object -> number format -> xf index: a table's cells share their resolved style objects. */
  private readonly known = new Map<CellStyle | undefined, Map<string | undefined, number>>();

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = FIRST_CUSTOM_FORMAT + this.numFmts.size));
    return id;
  }

  /** The index of the cell format for this style and number format code (0: the default). */
  xf(style: CellStyle | undefined, numberFormat: string | undefined): number {
    let byFormat = this.known.get(style);
    if (!byFormat) this.known.set(style, (byFormat = new Map()));
    let index = byFormat.get(numberFormat);
    if (index === undefined) {
      index = this.xfs.indexOf(this.xfXml(style ?? {}, numberFormat));
      byFormat.set(numberFormat, index);
    }
    return index;
  }

  private xfXml(style: CellStyle, numberFormat: string | undefined): string {
    const numFmtId = numberFormat ? this.numFmtId(numberFormat) : 0;
    const font = fontXml(style);
    const fontId = font ? this.fonts.indexOf(font) : 0;
    const fillId = style.fill
      ? this.fills.indexOf(
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const border = borderXml(style);
    const borderId = border ? this.borders.indexOf(border) : 0;
    const alignment =
      style.align || style.wrap
        ? `<alignment${style.align ? ` horizontal="${style.align}"` : ""}${style.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const applied =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ' applyAlignment="1"' : "");
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return alignment ? `${head}>${alignment}</xf>` : `${head}/>`;
  }

  /** The index of the differential format (a conditional format's look) for this style. */
  dxf(style: Pick<CellStyle, "fill" | "fontColor" | "bold">): number {
    const font =
      style.bold || style.fontColor
        ? `<font>${style.bold ? "<b/>" : ""}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ""}</font>`
        : "";
    const fill = style.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>`
      : "";
    return this.dxfs.indexOf(`<dxf>${font}${fill}</dxf>`);
  }

  /** xl/styles.xml. */
  xml(): string {
    const list = (name: string, items: string[]) =>
      `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const numFmts = [...this.numFmts].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs.items) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/**
 * What every section of the Benefit cost sheet writes with: the grid of cells, the defined names, data
 * validations and conditional formats, plus the projection being shown and where everything goes.
 */
import type { ProjectionAssumptions } from "../../engine/projection/assumptions";
import type { ProjectionBaseline } from "../../engine/projection/baseline";
import type { Projection } from "../../engine/projection/project";
import type { Reconciliation } from "../../engine/projection/reconciliation";
import type { Language } from "../../engine/text/language";
import { localName } from "../../engine/text/bilingual";
import type { BenefitCostSheetTexts } from "../../engine/text/benefit-cost-sheet";
import { BENEFIT_COST_TEXTS, type BenefitCostTexts } from "../../engine/text/benefit-cost";
import type { SensitivityGrid } from "../../engine/projection/sensitivity";
import { cellAddress, columnName, rangeAddress } from "../../sheet/a1";
import type {
  CellSpec,
  CellStyle,
  ConditionalFormat,
  DataValidation,
  NamedRange,
  NumberFormat,
  StyleName,
} from "../../sheet/sheet-model";
import { SheetGrid } from "./grid";
import type { CurrencyOrigin } from "../report-currency";
import { textLength } from "../sheets/content-width";
import { COLUMN_WIDTHS, periodColumn, type BenefitCostLayout } from "./layout";

export interface BenefitCostSheetInput {
  baseline: ProjectionBaseline;
  assumptions: ProjectionAssumptions;
  /** Where the data came from, for the subtitle (e.g. "orders.xlsx, sheet Orders"). */
  source?: string;
  /** What the business sold, the backtest and the next year's growth, from the data (reconciliation.ts). */
  reconciliation: Reconciliation;
  /** Currency symbol of the money formats ("" for none): the setting's, or the one the data names. */
  currency?: string;
  /** Where that currency came from, for the subtitle (absent: the setting, or none). */
  currencyOrigin?: CurrencyOrigin;
  /** Language of the sheet's words (default English). */
  language?: Language;
  /** Where the spend lift comes from, when it was measured (default: "assumption, not measured"). */
  liftSource?: string;
}

/** How far a sum of shares may be from 100 % before the sheet flags it. */
export const SHARE_TOLERANCE = 0.000001;

export const cell = (row: number, col: number): string => cellAddress(row, col);

/** A vertical range of `rows` cells of one column, e.g. "B34:B37". */
export const columnRange = (top: number, col: number, rows: number): string =>
  rangeAddress({ top, left: col, bottom: top + rows - 1, right: col }, false, true);

/** A horizontal range of `cols` cells of one row, e.g. "B51:G51". */
export const rowRange = (row: number, left: number, cols: number): string =>
  rangeAddress({ top: row, left, bottom: row, right: left + cols - 1 }, false, true);

/**
 * A header text as two lines for a column `width` characters wide (wide CJK characters count twice):
 * ["", text] when it fits on one, else split where the longer line is shortest: at a space, or between
 * two characters of Chinese text, which has no spaces.
 */
export function headerLines(text: string, width: number): [string, string] {
  if (textLength(text) < width) return ["", text];
  let best: [string, string] = ["", text];
  let longest = textLength(text);
  const chars = [...text];
  for (let i = 1; i < chars.length; i++) {
    const space = chars[i] === " ";
    if (!space && !(WIDE.test(chars[i - 1]) && WIDE.test(chars[i]))) continue;
    const lines: [string, string] = [chars.slice(0, i).join(""), chars.slice(space ? i + 1 : i).join("")];
    const length = Math.max(textLength(lines[0]), textLength(lines[1]));
    if (length < longest) [best, longest] = [lines, length];
  }
  return best;
}

/** A wide (CJK) character. */
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]/;

/** The header style without its bottom border: the first line of a two-line header. */
const HEADER_FIRST_LINE: CellStyle = { bold: true, fill: "#DDEBF7" };

type Style = StyleName | CellStyle | (StyleName | CellStyle)[];

export class BenefitCostWriter {
  readonly grid = new SheetGrid();
  readonly names: NamedRange[] = [];
  readonly validations: DataValidation[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  /** Tiers, states (tiers + lapsed), chain states (tier × tenure + lapsed), periods, the last period's column. */
  readonly k: number;
  readonly K: number;
  readonly S: number;
  readonly T: number;
  readonly lastCol: number;

  constructor(
    readonly input: BenefitCostSheetInput,
    readonly p: Projection,
    readonly sensitivity: SensitivityGrid,
    readonly at: BenefitCostLayout,
  ) {
    this.k = input.baseline.tierCount;
    this.K = this.k + 1;
    this.S = 2 * this.k + 1;
    this.T = input.assumptions.periods;
    this.lastCol = periodColumn(this.T);
  }

  /** The sheet's words in its language. */
  get words(): BenefitCostTexts {
    return BENEFIT_COST_TEXTS[this.input.language ?? "en"];
  }

  /** The labels, units and notes of the sheet's blocks in its language. */
  get s(): BenefitCostSheetTexts {
    return this.words.sheet;
  }

  get lastColumn(): string {
    return columnName(this.lastCol);
  }

  /** Display name of state s in the sheet's language: the tier's name, "No tier (lapsed)" for the last. */
  stateName(s: number): string {
    return s < this.k ? localName(this.input.baseline.states[s], this.input.language ?? "en") : this.s.lapsed;
  }

  /** Display name of chain state s: "Gold: new", "Gold: established", then "No tier (lapsed)". */
  chainStateName(s: number): string {
    const { tier, tenure } = this.input.baseline.chain.states[s];
    return tenure === "lapsed" ? this.s.lapsed : this.s.tenureState(this.stateName(tier), tenure);
  }

  /** Rows of the members block of column `c` (a letter): the tiers' new members and established ones. */
  tierMemberRanges(c: string): { new: string; established: string } {
    const { members } = this.at;
    const k = this.k;
    return {
      new: `${c}${members}:${c}${members + k - 1}`,
      established: `${c}${members + k}:${c}${members + 2 * k - 1}`,
    };
  }

  name(name: string, range: string, comment?: string): void {
    this.names.push(comment ? { name, range, comment } : { name, range });
  }

  text(r: number, c: number, value: string, style?: Style, note?: string): void {
    const spec: CellSpec = { value };
    if (style) spec.style = style;
    if (note) spec.note = note;
    this.grid.put(r, c, spec);
  }

  /**
   * A two-line header cell: the text on row r, or split at a space over rows r − 1 and r when it is wider
   * than the column (a wrapped cell would need a taller row, which a sheet model cannot set).
   */
  header(r: number, c: number, value: string, note?: string): void {
    const [first, second] = headerLines(value, COLUMN_WIDTHS[c - 1] ?? 12);
    this.text(r - 1, c, first, HEADER_FIRST_LINE);
    this.text(r, c, second, "header", note);
  }

  value(r: number, c: number, value: CellSpec["value"], format?: NumberFormat, style?: Style): void {
    const spec: CellSpec = { value };
    if (format) spec.format = format;
    if (style) spec.style = style;
    this.grid.put(r, c, spec);
  }

  /** An input cell (orange, kept on refresh when the user edited it) under a stable key. */
  inputCell(r: number, c: number, key: string, value: number | string, format?: NumberFormat): void {
    this.grid.put(r, c, format ? { value, input: key, format } : { value, input: key });
  }

  /** Number validation of input cells, with a message saying what to type. */
  decimal(range: string, min?: number, max?: number, whole = false): void {
    const v: DataValidation = { type: whole ? "whole" : "decimal", range, allowBlank: false };
    if (min !== undefined) v.min = min;
    if (max !== undefined) v.max = max;
    const say = this.s.validation;
    const what = whole ? say.wholeNumber : say.number;
    v.error =
      min !== undefined && max !== undefined
        ? say.between(what, min, max)
        : min !== undefined
          ? say.atLeast(what, min)
          : say.type(what);
    this.validations.push(v);
  }

  /** Red when outside 100 % ± SHARE_TOLERANCE: sums of shares that must be 100 %. */
  flagNotHundredPercent(range: string): void {
    const bad = { fill: "#FFC7CE", fontColor: "#9C0006" };
    this.conditionalFormats.push(
      { type: "cellValue", range, operator: "lessThan", operands: [1 - SHARE_TOLERANCE], style: bad },
      { type: "cellValue", range, operator: "greaterThan", operands: [1 + SHARE_TOLERANCE], style: bad },
    );
  }
}

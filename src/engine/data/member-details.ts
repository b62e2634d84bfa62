/**
 * Collects member details (birthday, join date, tier, points) while an order table is read: for each
 * customer the last readable non-blank value in table order. Unreadable values are counted as
 * `badMemberDetail` (the order line itself is still used).
 */
import type { CellValue, RawTable } from "./table";
import type { ColumnMapping, ColumnRole } from "./columns";
import type { MemberDetails } from "./orders";
import type { QualityCollector } from "./quality";
import { NO_DAY } from "./days";
import { explainDate, isBlankCell, parseDay, type DateParseOptions } from "./parse-date";
import { explainAmount, parseAmount, type AmountParseOptions } from "./parse-amount";
import { parseId } from "./parse-id";

interface NumericField {
  role: ColumnRole;
  column: number;
  cells: CellValue[];
  values: Int32Array | Float64Array;
  parse(cell: CellValue): number;
  explain(cell: CellValue): string;
}

export class MemberDetailCollector {
  private readonly numeric: NumericField[] = [];
  private readonly tierCells: CellValue[] | undefined;
  private readonly tiers: string[] | undefined;
  private readonly birthday: Int32Array | undefined;
  private readonly joinDay: Int32Array | undefined;
  private readonly points: Float64Array | undefined;

  /** `capacity`: the largest number of distinct customers possible (the table's row count). */
  constructor(
    table: RawTable,
    mapping: ColumnMapping,
    capacity: number,
    private readonly quality: QualityCollector,
    dates?: DateParseOptions,
    amounts?: AmountParseOptions,
  ) {
    const dateField = (role: "birthday" | "joinDate"): Int32Array | undefined => {
      const column = mapping[role];
      if (column === undefined) return undefined;
      const values = new Int32Array(capacity).fill(NO_DAY);
      this.numeric.push({
        role,
        column,
        cells: table.columns[column] ?? [],
        values,
        parse: (cell) => parseDay(cell, dates),
        explain: (cell) => explainDate(cell, dates),
      });
      return values;
    };
    this.birthday = dateField("birthday");
    this.joinDay = dateField("joinDate");
    if (mapping.points !== undefined) {
      const values = new Float64Array(capacity).fill(NaN);
      this.numeric.push({
        role: "points",
        column: mapping.points,
        cells: table.columns[mapping.points] ?? [],
        values,
        parse: (cell) => parseAmount(cell, amounts),
        explain: (cell) => explainAmount(cell, amounts),
      });
      this.points = values;
    }
    if (mapping.tier !== undefined) {
      this.tierCells = table.columns[mapping.tier] ?? [];
      this.tiers = [];
    }
  }

  /** Takes the details of data row `row` for customer `customer` (an index in table order). */
  collect(customer: number, row: number): void {
    for (const field of this.numeric) {
      const cell = field.cells[row];
      if (isBlankCell(cell)) continue;
      const value = field.parse(cell);
      if (Number.isNaN(value)) {
        this.quality.add("badMemberDetail", field.column, row, () => `${field.role}: ${field.explain(cell)}`);
      } else {
        field.values[customer] = value;
      }
    }
    if (this.tierCells && this.tiers) {
      const tier = parseId(this.tierCells[row]);
      if (tier !== "") this.tiers[customer] = tier;
    }
  }

  /** The details of the customers kept, in their new order: `keep[i]` is the old index of customer i. */
  finish(keep: Int32Array): MemberDetails {
    const pickDays = (all: Int32Array | undefined): Int32Array | null => {
      if (!all) return null;
      const out = new Int32Array(keep.length);
      for (let i = 0; i < keep.length; i++) out[i] = all[keep[i]];
      return out;
    };
    let points: Float64Array | null = null;
    if (this.points) {
      points = new Float64Array(keep.length);
      for (let i = 0; i < keep.length; i++) points[i] = this.points[keep[i]];
    }
    const tiers = this.tiers;
    return {
      birthday: pickDays(this.birthday),
      joinDay: pickDays(this.joinDay),
      tier: tiers ? Array.from(keep, (old) => tiers[old] ?? "") : null,
      points,
    };
  }
}

/** Charts of a placed table's columns, drawn the way every report sheet draws them. */
import type { ChartSpec } from "../../sheet/sheet-model";
import type { PlacedTable } from "./layout";

/** A series of a chart of a table: its name, the table's column (0-based) and the colour. */
export type ColumnSeries = readonly [name: string, column: number, color: string];

export interface TableChartSpec extends Omit<
  ChartSpec,
  "at" | "height" | "categories" | "series" | "legend"
> {
  series: readonly ColumnSeries[];
}

/**
 * A chart of a placed table's columns, as the report draws them: the table's first column gives the
 * categories, each series one column; the legend below the plot.
 */
export function tableChart<S extends TableChartSpec>(
  table: PlacedTable,
  { type, title, series, ...spec }: S,
) {
  return {
    type,
    title,
    categories: table.column(0),
    series: series.map(([name, column, color]) => ({ name, values: table.column(column), color })),
    ...spec,
    legend: "bottom" as const,
  };
}

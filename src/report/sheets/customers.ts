/**
 * The Customers sheet: one row per customer, the most valuable first, as an Excel table with filters:
 * purchase summary, R/F/M scores and segment, value band, tier now and at the last review, the model's
 * P(alive), expected purchases and predicted value, and the alerts that fired.
 */
import { formatDay } from "../../engine/data/days";
import type { Cell, CellStyle, SheetModel } from "../../sheet/sheet-model";
import { tierName, type ReportData } from "../report-data";
import { alertNamesByCustomer, shortRuleName } from "./alert-names";
import { excelDate, round, widthsByHeader } from "./cell-values";
import { CUSTOMER_ROWS, SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import { chosenPredictions } from "../report-models";
import { counted } from "../../engine/text/counted";

/** The text in the P(alive) cell of a customer without repeat purchases under BG/NBD. */
const NOT_YET_REPEATED = "not yet repeated";

/**
 * P(alive) colours on a fixed scale, one legend for every workbook: red below 0.3, amber to 0.7, green
 * from 0.7. "between" leaves text cells ("not yet repeated") uncoloured.
 */
const P_ALIVE_BANDS = [
  { from: 0, to: 0.29999, fill: "#F8696B" },
  { from: 0.3, to: 0.69999, fill: "#FFEB84" },
  { from: 0.7, to: 1, fill: "#63BE7B" },
] as const;

/** One style object for every centred cell (adapters share styles by identity). */
const CENTER: CellStyle = { align: "center" };

export function buildCustomersSheet(data: ReportData): SheetModel {
  const { analysis, models, config } = data;
  const n = analysis.summary.customerIds.length;
  const layout = new SheetLayout().title(
    "Customers",
    `${counted(n, "customer")} as of ${formatDay(analysis.asOf)}, from ${data.source}. The most valuable first; ` +
      "use the filter buttons to narrow the list down.",
  );
  const chosen = chosenPredictions(models);
  if (!chosen.available) layout.note(`Model columns are blank: ${chosen.reason.en}`);
  else if (models?.spend.problem) layout.note(`Predicted value is blank: ${models.spend.problem}.`);
  if (chosen.available && chosen.notYetRepeated) {
    layout.note(
      `${chosen.label} holds every customer without a repeat purchase certainly alive, however long ago they bought: ` +
        `their P(alive) says "${NOT_YET_REPEATED}" instead of 100 %. See the Model sheet.`,
    );
  }
  const tableTop = layout.gap().row;
  const header = customerHeader(data);
  const rowOf = customerRow(data);
  const order = indexesByDescending(analysis.summary.spend);
  const rows: Cell[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = rowOf(order[i]);
  const money = moneyFormat(config.currency);
  const table = layout.table({
    header,
    rows,
    table: { name: "LL_Customers", style: "TableStyleMedium2", carry: CUSTOMER_ROWS },
    formats: [
      "text",
      null,
      null,
      null,
      null,
      "date",
      "date",
      "integer",
      "integer",
      "integer",
      money,
      money,
      "integer",
      "integer",
      "integer",
      "text",
      "percent1",
      { code: "0.00" },
      money,
      null,
    ],
  });
  if (n > 0) {
    layout.format({ type: "dataBar", range: table.column(10), color: "#5B9BD5" });
    for (const band of P_ALIVE_BANDS) {
      layout.format({
        type: "cellValue",
        range: table.column(16),
        operator: "between",
        operands: [band.from, band.to],
        style: { fill: band.fill },
      });
    }
  }
  return layout.finish({
    kind: "customers",
    freeze: { rows: tableTop, cols: 1 },
    // R, F, M: narrow; the alerts list is cut rather than making the table very wide.
    columnWidths: widthsByHeader(header, { R: 6, F: 6, M: 6, RFM: 7, Alerts: 40 }),
    tabColor: "#4472C4",
  });
}

/** The header of the customer table, with a note on every column whose meaning is not plain. */
function customerHeader({ analysis, models, config }: ReportData): Cell[] {
  const { rfm } = analysis;
  const band = analysis.valueBands[0];
  const horizon = models?.horizonDays ?? config.model.horizonDays;
  const months = models?.clvMonths ?? config.model.clvMonths;
  const chosen = chosenPredictions(models);
  const byModel = chosen.available ? ` (${chosen.label})` : "";
  return [
    "Customer ID",
    "Segment",
    "Tier",
    { value: "Previous tier", note: "Tier at the last review" },
    { value: "Value band", note: band ? `${band.scheme.name}: rank by net spend` : "" },
    "First purchase",
    "Last purchase",
    { value: "Days since purchase", note: "Days from the last purchase to the as-of date" },
    "Orders",
    {
      value: "Purchase days",
      note: "Days with at least one purchase (several orders on one day count once)",
    },
    { value: "Net spend", note: "Purchases minus refunds, up to the as-of date" },
    "Avg order value",
    { value: "R", note: `Recency score 1-${rfm.bins} (${rfm.bins} = bought most recently)` },
    { value: "F", note: `Frequency score 1-${rfm.bins} (${rfm.bins} = most orders)` },
    { value: "M", note: `Monetary score 1-${rfm.bins} (${rfm.bins} = highest net spend)` },
    { value: "RFM", note: "The three scores together" },
    {
      value: "P(alive)",
      note: `Probability that the customer still buys${byModel}. Red below 30 %, amber to 70 %, green from 70 %: the same in every workbook.`,
    },
    {
      value: `Exp. purchases ${horizon}d`,
      note: `Purchase days the purchase model${byModel} expects in the next ${horizon} days`,
    },
    {
      value: `Value next ${months} mo`,
      note: `Predicted value: the discounted value of the purchases expected in the next ${months} months (purchase and spend models)`,
    },
    "Alerts",
  ];
}

/** The row of customer `c`, in the columns of `customerHeader`. */
function customerRow({ analysis, models }: ReportData): (c: number) => Cell[] {
  const { summary, rfm, segments, tiers } = analysis;
  const band = analysis.valueBands[0];
  const alerts = alertNamesByCustomer(analysis);
  const chosen = chosenPredictions(models);
  return (c) => [
    summary.customerIds[c],
    segments.segments[segments.segment[c]].name,
    tierName(analysis, tiers.current[c]),
    tierName(analysis, tiers.previous[c]),
    band ? band.assignment.segments[band.assignment.segment[c]].name : "",
    excelDate(summary.firstDay[c]),
    excelDate(summary.lastDay[c]),
    round(summary.recencyDays[c], 0),
    summary.orders[c],
    summary.purchaseDays[c],
    round(summary.spend[c], 2),
    round(summary.meanOrderValue[c], 2),
    { value: rfm.r[c], style: CENTER },
    { value: rfm.f[c], style: CENTER },
    { value: rfm.m[c], style: CENTER },
    { value: rfm.codes[c], style: CENTER },
    !chosen.available
      ? null
      : chosen.notYetRepeated?.[c]
        ? NOT_YET_REPEATED
        : round(chosen.probabilityAlive[c], 4),
    chosen.available ? round(chosen.expectedPurchases[c], 3) : null,
    chosen.available && chosen.clv ? round(chosen.clv[c], 2) : null,
    alerts.get(c)?.map(shortRuleName).join("; ") ?? "",
  ];
}

/** Customer indexes ordered by a value, highest first (NaN last), ties in customer order. */
function indexesByDescending(values: ArrayLike<number>, n = values.length): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const key = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  return order.sort((a, b) => key(b) - key(a) || a - b);
}

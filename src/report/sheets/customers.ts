/**
 * The Customers sheet: one row per customer, the most valuable first, as an Excel table with filters:
 * the contact columns the orders have (name, phone, e-mail, store, channel), purchase summary, R/F/M scores and segment, value band, tier now and at the last review, the model's
 * P(alive), expected purchases and predicted value, and the alerts that fired.
 */
import { formatDay } from "../../engine/data/days";
import type { Cell, CellStyle, NumberFormat, SheetModel } from "../../sheet/sheet-model";
import { tierName, type ReportData } from "../report-data";
import { alertNamesByCustomer, shortRuleName } from "./alert-names";
import { excelDate, round, widthsByHeader } from "./cell-values";
import { customerRows, SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import { chosenPredictions, fitProblemText } from "../report-models";
import { localName } from "../../engine/text/bilingual";
import { CUSTOMER_TEXTS } from "../../engine/text/customers";
import { SUMMARY_BASIS_TEXTS } from "../../engine/text/summary-basis";
import { PREFERENCE_ROLE_WORDS } from "../../engine/text/preferences";
import { MAX_ROWS } from "../../sheet/a1";
import { contactColumns, idHeader, shownCustomerIds, type ContactColumns } from "../contact-columns";
import { int32Of } from "../../engine/math/typed-arrays";

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

/**
 * A centred cell of `value`, one object per distinct value (R, F and M take five values, the RFM code
 * 125): four objects a row were 160 MB of a million customers' sheet. Cells are plain data no adapter
 * changes, so rows can share them.
 */
function centredCells(): (value: string | number) => Cell {
  const cells = new Map<string | number, Cell>();
  return (value) => {
    let cell = cells.get(value);
    if (!cell) cells.set(value, (cell = { value, style: CENTER }));
    return cell;
  };
}

/** `gridRows`: the rows a worksheet holds (a test gives fewer, to see the limit without a million customers). */
export function buildCustomersSheet(data: ReportData, gridRows: number = MAX_ROWS): SheetModel {
  const { analysis, models, config } = data;
  const language = config.language;
  const t = CUSTOMER_TEXTS[language];
  const n = analysis.summary.customerIds.length;
  const layout = new SheetLayout().title(t.title, t.intro(n, formatDay(analysis.asOf), data.source));
  if (analysis.basis === "summary") layout.note(SUMMARY_BASIS_TEXTS[language].customersNote);
  const chosen = chosenPredictions(models);
  if (!chosen.available) layout.note(t.modelBlank(models ? chosen.reason[language] : t.modelsNotRun));
  else if (models?.spend.problem) layout.note(t.valueBlank(fitProblemText(models.spend, language) ?? ""));
  if (chosen.available && chosen.notYetRepeated) layout.note(t.notYetRepeatedNote(chosen.label));
  // A worksheet holds 1,048,576 rows: beyond that (order files read with DuckDB), the most valuable.
  const shown = Math.min(n, gridRows - layout.row - 3);
  if (shown < n) layout.note(t.gridLimit(shown, n));
  const tableTop = layout.gap().row;
  const contacts = contactColumns(data);
  const header = customerHeader(data, contacts);
  const rowOf = customerRow(data, contacts);
  // The columns after the customer id and its contact columns.
  const after = (column: number) => column + contacts.header.length;
  const order = indexesByDescending(analysis.summary.spend);
  const rows: Cell[][] = new Array(shown);
  for (let i = 0; i < shown; i++) rows[i] = rowOf(order[i]);
  const money = moneyFormat(config.currency);
  const table = layout.table({
    header,
    rows,
    table: { name: "LL_Customers", style: "TableStyleMedium2", carry: customerRows(language) },
    formats: [
      "text",
      ...contacts.formats,
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
      ...(data.preferences ? PREFERENCE_FORMATS : []),
    ],
  });
  if (n > 0) {
    layout.format({ type: "dataBar", range: table.column(after(10)), color: "#5B9BD5" });
    for (const band of P_ALIVE_BANDS) {
      layout.format({
        type: "cellValue",
        range: table.column(after(16)),
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
    columnWidths: widthsByHeader(header, { R: 6, F: 6, M: 6, RFM: 7, [t.header.alerts]: 40 }),
    tabColor: "#4472C4",
  });
}

/** The header of the customer table, with a note on every column whose meaning is not plain. */
function customerHeader(data: ReportData, contacts: ContactColumns): Cell[] {
  const { analysis, models, config } = data;
  const { rfm } = analysis;
  const h = CUSTOMER_TEXTS[config.language].header;
  const band = analysis.valueBands[0];
  const horizon = models?.horizonDays ?? config.model.horizonDays;
  const months = models?.clvMonths ?? config.model.clvMonths;
  const chosen = chosenPredictions(models);
  const model = chosen.available ? chosen.label : "—";
  return [
    idHeader(data, h.customerId),
    ...contacts.header,
    h.segment,
    h.tier,
    { value: h.previousTier, note: h.previousTierNote(formatDay(analysis.tiers.previousReview)) },
    { value: h.valueBand, note: band ? h.valueBandNote(localName(band.scheme, config.language)) : "" },
    h.firstPurchase,
    h.lastPurchase,
    { value: h.daysSince, note: h.daysSinceNote },
    h.orders,
    { value: h.purchaseDays, note: h.purchaseDaysNote },
    { value: h.netSpend, note: h.netSpendNote },
    h.aov,
    { value: "R", note: h.rNote(rfm.bins) },
    { value: "F", note: h.fNote(rfm.bins) },
    { value: "M", note: h.mNote(rfm.bins) },
    { value: "RFM", note: h.rfmNote },
    { value: h.alive, note: h.aliveNote(model) },
    { value: h.expected(horizon), note: h.expectedNote(horizon, model) },
    { value: h.value(months), note: h.valueNote(months) },
    h.alerts,
    ...preferenceHeaders(data),
  ];
}

/** The row of customer `c`, in the columns of `customerHeader`. */
function customerRow(data: ReportData, contacts: ContactColumns): (c: number) => Cell[] {
  const { analysis, models, config } = data;
  const { summary, rfm, segments, tiers } = analysis;
  const language = config.language;
  const t = CUSTOMER_TEXTS[language];
  const band = analysis.valueBands[0];
  const alerts = alertNamesByCustomer(analysis, language);
  const chosen = chosenPredictions(models);
  const ids = shownCustomerIds(data);
  const centred = centredCells();
  // One array of the row's exact length: built with spreads, a row's array kept the room it grew into,
  // 200 MB of a million customers' sheet.
  return (c) =>
    ([ids[c]] as Cell[]).concat(
      contacts.cells(c),
      [
        localName(segments.segments[segments.segment[c]], language),
        tierName(analysis, tiers.current[c], language),
        tierName(analysis, tiers.previous[c], language),
        band ? localName(band.assignment.segments[band.assignment.segment[c]], language) : "",
        excelDate(summary.firstDay[c]),
        excelDate(summary.lastDay[c]),
        round(summary.recencyDays[c], 0),
        summary.orders[c],
        summary.purchaseDays[c],
        round(summary.spend[c], 2),
        round(summary.meanOrderValue[c], 2),
        centred(rfm.r[c]),
        centred(rfm.f[c]),
        centred(rfm.m[c]),
        centred(rfm.codes[c]),
        !chosen.available
          ? null
          : chosen.notYetRepeated?.[c]
            ? t.notYetRepeated
            : round(chosen.probabilityAlive[c], 4),
        chosen.available ? round(chosen.expectedPurchases[c], 3) : null,
        chosen.available && chosen.clv ? round(chosen.clv[c], 2) : null,
        alerts.get(c)?.map(shortRuleName).join(t.separator) ?? "",
      ],
      preferenceCells(data, c),
    );
}

/** Customer indexes ordered by a value, highest first (NaN last), ties in customer order. */
function indexesByDescending(values: ArrayLike<number>, n = values.length): Int32Array {
  const order = int32Of(n, (i) => i);
  const key = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  return order.sort((a, b) => key(b) - key(a) || a - b);
}

const PREFERENCE_FORMATS: NumberFormat[] = ["text", "percent1", "integer", "text", "date", "text"];

/** The preference columns (when the orders have a category, brand or product column), in the report's language. */
function preferenceHeaders(data: ReportData): Cell[] {
  const prefs = data.preferences;
  if (!prefs) return [];
  const language = data.config.language;
  const word = PREFERENCE_ROLE_WORDS[prefs.role][language];
  return CUSTOMER_TEXTS[language].preferenceHeaders(word, prefs.windowDays);
}

function preferenceCells(data: ReportData, c: number): Cell[] {
  const prefs = data.preferences;
  if (!prefs) return [];
  const names = prefs.members.categories;
  const f = prefs.favourites;
  const name = (k: number) => (k >= 0 ? names[k] : "");
  return [
    name(f.favourite[c]),
    round(f.share[c], 4),
    f.count[c],
    name(f.lastNew[c]),
    f.lastNew[c] >= 0 ? excelDate(f.lastNewDay[c]) : null,
    name(prefs.next.category[c]),
  ];
}

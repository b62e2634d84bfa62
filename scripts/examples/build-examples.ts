/**
 * The examples workbook: the CDNOW sample as an order table, and one sheet per family of functions with
 * the formulas in place, chained as an analyst would chain them (SUMMARY → RFM → RFMSEGMENT, SUMMARY →
 * BGNBD → PALIVE / CLV), each with a note. Every cached result is what the registered function returns
 * when called with the cells Excel would pass, so the file shows real numbers before the add-in loads.
 */
import { excelSerialFromDay } from "../../src/sheet/serial-dates";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { dayFromYmd } from "../../src/engine/data/days";
import { parseDay } from "../../src/engine/data/parse-date";
import { deriveSpendThresholds } from "../../src/engine/tiers/thresholds";
import { DEFAULT_DERIVE_SHARES } from "../../src/engine/tiers/program";
import { quality, summary } from "../../src/functions/catalogue/customers";
import { bgbb, bgnbd, gammaGamma, mbgnbd, paretoNbd } from "../../src/functions/catalogue/models";
import { expected, pAlive, probPurchases } from "../../src/functions/catalogue/predictions";
import { pareto, rfm, rfmScore, rfmSegment, valueBand } from "../../src/functions/catalogue/rfm";
import { tier } from "../../src/functions/catalogue/tiers";
import { avgValue, clv, ltv } from "../../src/functions/catalogue/value";
import { lift } from "../../src/functions/catalogue/campaigns";
import { generateCampaignHistory } from "../../src/engine/sample/planted-effects";
import { installOfflineRuntime } from "../../src/functions/excel/offline-runtime";
import { ExampleSheet, type PlacedFormula } from "./example-sheet";

installOfflineRuntime();

/** The public test data in the repository (test/data/README.md says where each file comes from). */
export const TEST_DATA = join(__dirname, "..", "..", "test", "data");

type Column = unknown[][];
const col = (values: readonly unknown[]): Column => values.map((v) => [v]);
const pick = (rows: unknown[][], c: number): Column => rows.map((r) => [r[c]]);
const serial = (y: number, m: number, d: number) => excelSerialFromDay(dayFromYmd(y, m, d));

interface Orders {
  ids: string[];
  dates: number[];
  cds: number[];
  amounts: number[];
}

/** CDNOW_sample.txt: whitespace-separated master id, sample id, YYYYMMDD, CDs, dollars. */
function readCdnow(): Orders {
  const o: Orders = { ids: [], dates: [], cds: [], amounts: [] };
  for (const line of readFileSync(join(TEST_DATA, "CDNOW_sample.txt"), "utf8").split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 5) continue;
    o.ids.push(f[1]);
    o.dates.push(excelSerialFromDay(parseDay(f[2])));
    o.cds.push(Number(f[3]));
    o.amounts.push(Number(f[4]));
  }
  return o;
}

function readDonations(): number[][] {
  return readFileSync(join(TEST_DATA, "donations.csv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(",").map(Number));
}

export interface ExamplesWorkbook {
  workbook: ExcelJS.Workbook;
  formulas: PlacedFormula[];
}

export function buildExamples(): ExamplesWorkbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Loyalty Lens";
  const formulas: PlacedFormula[] = [];
  const sheet = (name: string) => new ExampleSheet(workbook.addWorksheet(name), formulas);
  const readMe = sheet("Read me");

  // Orders: the CDNOW sample as a sheet of order lines.
  const o = readCdnow();
  const last = o.ids.length + 1;
  const orders = sheet("Orders");
  orders.values("A1", [["customer", "date", "CDs", "amount"]], true);
  orders.values("A2", o.ids.map((id, i) => [id, o.dates[i], o.cds[i], o.amounts[i]]));
  orders.format(`B2:B${last}`, "yyyy-mm-dd");
  orders.format(`D2:D${last}`, "#,##0.00");
  orders.widths(11, 12, 6, 10);
  const ordersRef = `Orders!A2:A${last},Orders!B2:B${last},Orders!D2:D${last}`;

  // Customers: SUMMARY and QUALITY.
  const customers = sheet("Customers");
  customers.heading(
    "Customers: one row per customer from the order lines",
    "Calibration period 1997-01-01 to 1997-09-30 in weeks, as in the literature on the CDNOW data.",
  );
  const asOf = serial(1997, 9, 30);
  const summaryRows = summary(col(o.ids), col(o.dates), col(o.amounts), asOf, "week", true);
  customers.formula(
    "A4",
    `LOYALTY.SUMMARY(${ordersRef},DATE(1997,9,30),"week",TRUE)`,
    summaryRows,
    "One row per customer: first and last purchase, orders, x (repeat purchase days), t_x and T in weeks, " +
      "recency in days, total spend and mean repeat value. Same-day purchases are merged; lines after the " +
      "as-of date are left out.",
    "A3",
  );
  const n = summaryRows.length - 1;
  const end = 4 + n;
  const data = summaryRows.slice(1);
  customers.format(`B5:C${end}`, "yyyy-mm-dd");
  customers.format(`F5:G${end}`, "0.00");
  customers.format(`I5:J${end}`, "#,##0.00");
  customers.widths(10, 14, 14, 8, 10, 10, 10, 10, 12, 12, 3, 34, 8, 14, 10, 48);
  customers.formula(
    "L4",
    `LOYALTY.QUALITY(${ordersRef},DATE(1997,9,30))`,
    quality(col(o.ids), col(o.dates), col(o.amounts), asOf),
    "What the summary did with the order lines: rows read, lines after the as-of date, duplicates kept...",
    "L3",
  );
  const range = (c: string) => `Customers!${c}5:${c}${end}`;
  const [ids, x, tx, T, recency, orderCount, spend, mean] = [0, 4, 5, 6, 7, 3, 8, 9].map((c) => pick(data, c));

  // RFM: scores, segments, bands, tiers, Pareto.
  const r = sheet("RFM");
  r.heading("RFM: scores, segments, value bands and tiers", "Chained from the Customers sheet.");
  r.values("A4", [["customer", "R", "F", "M", "RFM code", "segment", "分群", "1-8-1 band", "tier", "R (fixed cut points)"]], true);
  r.formula("A5", `Customers!A5:A${end}`, ids, "The customer ids of the Customers sheet.");
  const scores = rfm(recency, orderCount, spend, null);
  r.formula(
    "B5",
    `LOYALTY.RFM(${range("H")},${range("D")},${range("I")})`,
    scores,
    "R, F and M scores 1 to 5 by quantiles of these customers (recency in days, orders, spend), and the RFM code.",
  );
  const [rs, fs, ms] = [0, 1, 2].map((c) => pick(scores, c));
  r.formula(
    "F5",
    `LOYALTY.RFMSEGMENT(B5:B${end},C5:C${end},D5:D${end})`,
    rfmSegment(rs, fs, ms, null, null, null),
    "The 11 RFM segments (Champions ... Lost) from the scores.",
  );
  r.formula(
    "G5",
    `LOYALTY.RFMSEGMENT(B5:B${end},C5:C${end},D5:D${end},"rfm11",5,"zh")`,
    rfmSegment(rs, fs, ms, "rfm11", 5, "zh"),
    "The same segments, named in Chinese.",
  );
  r.formula(
    "H5",
    `LOYALTY.VALUEBAND(${range("I")})`,
    valueBand(spend, null, null),
    "The 1-8-1 rule: top 10 %, middle 80 % and bottom 10 % of customers by spend.",
  );
  const spendValues = spend.map(([v]) => v as number);
  const thresholds = deriveSpendThresholds(spendValues, DEFAULT_DERIVE_SHARES);
  const tierNames = ["Platinum", "Gold", "Silver", "Member"];
  r.values("L4", [["tier", "minimum spend"], ...tierNames.map((name, i) => [name, thresholds[i] ?? ""])], true);
  r.text("L9", "Minimums: the top 10 %, 20 % and 30 % of spend, rounded (the engine's rule). Edit them.");
  r.formula(
    "I5",
    `LOYALTY.TIER(${range("I")},M5:M7,L5:L8)`,
    tier(spend, col(thresholds), col(tierNames)),
    "The highest tier whose minimum spend the customer reaches (minimums in M5:M7, names in L5:L8).",
  );
  const cuts = [30, 90, 180, 270];
  r.values("O4", [["recency cut points (days)"], ...cuts.map((c) => [c])], true);
  r.formula(
    "J5",
    `LOYALTY.RFMSCORE(${range("H")},O5:O8,TRUE)`,
    rfmScore(recency, col(cuts), true),
    "R scored against fixed cut points (O5:O8) instead of quantiles: fewer days since the last purchase score higher.",
  );
  r.formula(
    "L12",
    `LOYALTY.PARETO(${range("I")},,TRUE)`,
    pareto(spend, null as never, true),
    "Share of spend from the top 1, 5, 10, 20 and 50 % of customers.",
    "L11",
  );
  r.format("O13:O17", "0.0%");
  r.format("L13:L17", "0%");
  r.format("N13:N17", "#,##0");
  r.widths(10, 4, 4, 4, 9, 20, 16, 13, 10, 12, 3, 12, 14, 14, 22);

  // Models: the fits, each beside its published values.
  const m = sheet("Models");
  m.heading(
    "Models: fitted on the customers' x, t_x and T (weeks)",
    "Each fit returns a model row: the model's name, its parameters and the log-likelihood.",
  );
  const cdnowArgs = `${range("E")},${range("F")},${range("G")}`;
  const fits: [string, string, unknown[][], string, unknown[]][] = [
    ["A5", `LOYALTY.BGNBD(${cdnowArgs},,TRUE)`, bgnbd(x, tx, T, null, true), "BG/NBD (Fader, Hardie & Lee 2005).", ["published", 0.2426, 4.4137, 0.793, 2.4262, -9582.43]],
    ["A9", `LOYALTY.PARETONBD(${cdnowArgs},,TRUE)`, paretoNbd(x, tx, T, null, true), "Pareto/NBD (Schmittlein, Morrison & Colombo 1987).", ["published", 0.5534, 10.5802, 0.6061, 11.6562, -9594.98]],
    ["A13", `LOYALTY.MBGNBD(${cdnowArgs},,TRUE)`, mbgnbd(x, tx, T, null, true), "MBG/NBD (Batislam, Denizel & Filiztekin 2007).", ["published", 0.525, 6.183, 0.891, 1.614]],
    ["A17", `LOYALTY.GAMMAGAMMA(${range("E")},${range("J")},,TRUE)`, gammaGamma(x, mean, null, true), "Gamma-Gamma spend model, on the customers with repeat purchases.", ["published", 6.25, 3.74, 15.44, -4055.92]],
  ];
  for (const [cell, formula, result, note, published] of fits) {
    const row = Number(cell.slice(1));
    m.formula(cell, formula, result, note, `A${row - 1}`);
    m.values(`A${row + 2}`, [published]);
    m.ws.getCell(`A${row + 2}`).font = { italic: true };
  }
  m.widths(14, 10, 10, 10, 10, 14);
  const bgRow = "Models!$A$6:$F$6";
  const ggRow = "Models!$A$18:$E$18";
  const bgModel = bgnbd(x, tx, T, null, null);
  const ggModel = gammaGamma(x, mean, null, null);
  const paretoModel = paretoNbd(x, tx, T, null, null);

  // Predictions: per customer, from the model rows.
  const p = sheet("Predictions");
  p.heading("Predictions per customer", "From the model rows of the Models sheet and the Customers sheet.");
  p.values("A4", [["customer", "P(alive) BG/NBD", "E[X(39)] BG/NBD", "E[value]", "CLV 12 months", "P(alive) Pareto/NBD"]], true);
  p.formula("A5", `Customers!A5:A${end}`, ids, "The customer ids of the Customers sheet.");
  p.formula(
    "B5",
    `LOYALTY.PALIVE(${bgRow},${range("E")},${range("F")},${range("G")})`,
    pAlive(bgModel, x, tx, T),
    "Probability that the customer is still active at the end of the calibration period.",
  );
  p.formula(
    "C5",
    `LOYALTY.EXPECTED(${bgRow},39,${range("E")},${range("F")},${range("G")})`,
    expected(bgModel, [[39]], x, tx, T),
    "Expected repeat purchases in the next 39 weeks (customer 0001: 1.226, the published figure).",
  );
  p.formula(
    "D5",
    `LOYALTY.AVGVALUE(${ggRow},${range("E")},${range("J")})`,
    avgValue(ggModel, x, mean),
    "Expected value of a purchase, from the Gamma-Gamma model.",
  );
  p.formula(
    "E5",
    `LOYALTY.CLV(${bgRow},${ggRow},${range("E")},${range("F")},${range("G")},${range("J")},12,0.01,0.3,4.345)`,
    clv(bgModel, ggModel, x, tx, T, mean, 12, 0.01, 0.3, 4.345),
    "Lifetime value over 12 months of 4.345 weeks, 30 % margin, 1 % discount a month.",
  );
  p.formula(
    "F5",
    `LOYALTY.PALIVE(Models!$A$10:$F$10,${range("E")},${range("F")},${range("G")})`,
    pAlive(paretoModel, x, tx, T),
    "P(alive) from the Pareto/NBD model.",
  );
  p.format(`B5:C${end}`, "0.000");
  p.format(`D5:E${end}`, "#,##0.00");
  p.format(`F5:F${end}`, "0.000");
  const horizons = [1, 13, 26, 39, 52, 78];
  p.values("H4", [["weeks", "E[X(t)] new customer"], ...horizons.map((h) => [h])], true);
  p.formula(
    "I5",
    `LOYALTY.EXPECTED(${bgRow},H5:H10)`,
    expected(bgModel, col(horizons), null as never),
    "Expected repeat purchases of a new customer within t weeks (the x, t_x, T arguments left out).",
  );
  const counts = Array.from({ length: 11 }, (_, k) => k);
  p.values("K4", [["n", "P(X(39) = n)"], ...counts.map((k) => [k])], true);
  p.formula(
    "L5",
    `LOYALTY.PROBPURCHASES(${bgRow},39,K5:K15)`,
    probPurchases(bgModel, [[39]], col(counts)),
    "Probability that a new customer makes exactly n repeat purchases in 39 weeks.",
  );
  p.format("I5:I10", "0.000");
  p.format("L5:L15", "0.0000");
  p.widths(10, 16, 16, 10, 14, 18, 3, 8, 20, 3, 4, 14);

  // Value: the classic LTV when no model fits.
  const v = sheet("Value");
  v.heading("Lifetime value without a model", "LTV = m·r/(1+d−r), m = average value × purchases per period × margin.");
  const assumptions: [string, number, string][] = [
    ["average value", 35, "#,##0.00"],
    ["purchases per year", 2.5, "0.0"],
    ["retention per year", 0.8, "0%"],
    ["margin", 0.3, "0%"],
    ["discount rate per year", 0.1, "0%"],
    ["years", 5, "0"],
  ];
  v.values("A4", [["assumption", "value"], ...assumptions.map(([a, b]) => [a, b])], true);
  assumptions.forEach(([, , fmt], i) => v.format(`B${5 + i}`, fmt));
  const [avg, freq, ret, mar, disc, years] = assumptions.map(([, value]) => [[value]]);
  v.text("A12", "LTV for ever (perpetuity)", true);
  v.formula("B12", "LOYALTY.LTV(B5,B6,B7,B8,B9)", ltv(avg, freq, ret, mar, disc, null as never), "The perpetuity m·r/(1+d−r): periods left out.");
  v.text("A13", "LTV over the years in B10", true);
  v.formula("B13", "LOYALTY.LTV(B5,B6,B7,B8,B9,B10)", ltv(avg, freq, ret, mar, disc, years), "The sum over B10 years of the retained, discounted margin.");
  const retentions = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
  v.values("D4", [["retention", "LTV for ever"], ...retentions.map((x1) => [x1])], true);
  v.formula(
    "E5",
    "LOYALTY.LTV(B5,B6,D5:D10,B8,B9)",
    ltv(avg, freq, col(retentions), mar, disc, null as never),
    "One LTV per retention rate: the single cells are used for every row.",
  );
  v.format("D5:D10", "0%");
  v.format("B12:B13", "#,##0.00");
  v.format("E5:E10", "#,##0.00");
  v.widths(24, 12, 3, 11, 14);

  // Campaign: LIFT on a generated history whose effect (+15 % for 8 weeks) is known.
  campaignSheet(sheet("Campaign"));

  // Donations: BG/BB for discrete opportunities.
  const d = sheet("Donations");
  d.heading("BG/BB: yearly donations (Fader, Hardie & Shang 2010)", "11,104 donors, 6 yearly opportunities after the first gift.");
  const donations = readDonations();
  d.values("A4", [["frequency", "recency", "periods", "donors"], ...donations], true);
  const dEnd = 4 + donations.length;
  d.formula(
    "G5",
    `LOYALTY.BGBB(A5:A${dEnd},B5:B${dEnd},C5:C${dEnd},D5:D${dEnd},,TRUE)`,
    bgbb(pick(donations, 0), pick(donations, 1), pick(donations, 2), pick(donations, 3), null, true),
    "The BG/BB fit of the recency/frequency table, each row weighted by its donors.",
    "G4",
  );
  d.values("G7", [["published", 1.2035, 0.7498, 0.6568, 2.7839, -33225.58]]);
  const histories = [
    [0, 0],
    [2, 4],
    [6, 6],
  ];
  const bbModel = bgbb(pick(donations, 0), pick(donations, 1), pick(donations, 2), pick(donations, 3), null, null);
  d.values("G10", [["x", "t_x", "P(alive in 2002)"], ...histories], true);
  d.formula(
    "I11",
    "LOYALTY.PALIVE($G$6:$L$6,G11:G13,H11:H13,6)",
    pAlive(bbModel, pick(histories, 0), pick(histories, 1), [[6]]),
    "Table 6 of the paper: 0.11, 0.59, 0.93.",
  );
  d.format("I11:I13", "0.00");
  d.widths(10, 9, 9, 9, 3, 3, 12, 10, 10, 10, 10, 12);

  // Read me, last so it can list what the other sheets hold.
  readMe.heading(
    "Loyalty Lens: the LOYALTY functions on the CDNOW sample",
    "Load the Loyalty Lens add-in, then recalculate (Ctrl+Alt+F9). Until it loads, Excel shows the formulas as _xldudf_LOYALTY_... and the values saved here.",
  );
  readMe.values("A4", [["sheet", "what it shows"]], true);
  readMe.values("A5", [
    ["Orders", "The CDNOW sample: 6,919 order lines of 2,357 customers (1997-01-01 to 1998-06-30)."],
    ["Customers", "LOYALTY.SUMMARY and LOYALTY.QUALITY: from order lines to one row per customer."],
    ["RFM", "LOYALTY.RFM → RFMSEGMENT, VALUEBAND, TIER, RFMSCORE, PARETO, chained from Customers."],
    ["Models", "LOYALTY.BGNBD, PARETONBD, MBGNBD, GAMMAGAMMA: model rows, beside the published values."],
    ["Predictions", "LOYALTY.PALIVE, EXPECTED, AVGVALUE, CLV, PROBPURCHASES from the model rows."],
    ["Value", "LOYALTY.LTV: the classic lifetime value when no model fits, with its assumptions."],
    ["Donations", "LOYALTY.BGBB and PALIVE for discrete opportunities (yearly donations)."],
    ["Campaign", "LOYALTY.LIFT: a campaign's lift against a matched control, on a history with a planted +15 %."],
  ]);
  readMe.text("A13", "Every formula has a note (hover over its cell) saying what it computes. The chains:", true);
  readMe.values("A14", [
    ["1", "Orders → LOYALTY.SUMMARY (Customers) → LOYALTY.RFM → LOYALTY.RFMSEGMENT (RFM)"],
    ["2", "Customers → LOYALTY.BGNBD and GAMMAGAMMA (Models) → LOYALTY.PALIVE and CLV (Predictions)"],
  ]);
  readMe.values("A17", [["formulas", formulas.length]]);
  readMe.widths(14, 100);
  return { workbook, formulas };
}

/** The Campaign sheet: a generated history (seeded) whose participants spent 15 % more for 8 weeks. */
function campaignSheet(c: ExampleSheet): void {
  const history = generateCampaignHistory({ customers: 800, seed: 2 });
  const [ids, dates, amounts] = history.orders.columns as string[][];
  const n = ids.length;
  c.heading(
    "LIFT: what a campaign did, against members who looked the same before it",
    "Generated history (seed 2): the more active members joined a campaign that raised their spend by 15 % for 8 weeks.",
  );
  const dateSerials = dates.map((d) => excelSerialFromDay(parseDay(d)));
  c.values("A4", [["member", "date", "amount"]], true);
  c.values("A5", ids.map((id, i) => [id, dateSerials[i], Number(amounts[i])]));
  c.format(`B5:B${n + 4}`, "yyyy-mm-dd");
  const participants = history.truth.participants;
  c.values("E4", [["participant"]], true);
  c.values("E5", participants.map((id) => [id]));
  c.values("G4", [["campaign start"]], true);
  const start = excelSerialFromDay(history.truth.start);
  c.values("G5", [[start]]);
  c.format("G5", "yyyy-mm-dd");
  const result = lift(
    ids.map((v) => [v]),
    dateSerials.map((v) => [v]),
    amounts.map((v) => [Number(v)]),
    participants.map((v) => [v]),
    start,
    56,
    true,
  );
  c.formula(
    "I4",
    `LOYALTY.LIFT(A5:A${n + 4},B5:B${n + 4},C5:C${n + 4},E5:E${participants.length + 4},G5,56,TRUE)`,
    result,
    "Lift with its 95 % interval (the planted +15 % is inside it), the spend effect per member, matched and " +
      "unmatched participants, and the naive lift (participants vs everyone else), which selection inflates.",
  );
  c.widths(10, 12, 10, 3, 12, 3, 14, 3, 10, 12, 12, 14, 9, 10, 10);
}

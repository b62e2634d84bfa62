/** `loyalty demo`: the report on the bundled sample, and the sample's orders written beside it. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { runJson } from "../helpers/cli-io";
import { REPORT_SHEETS } from "../helpers/report-sheets";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-demo-"));
const file = (name: string) => path.join(dir, name);

/**
 * The demo's counts worked out here from the orders it writes beside the report (the generated sample
 * with its planted campaign effect), by the rules the README and the Data quality
 * sheet state, not by the engine's reader: a row is a purchase line when its member id is filled and not a
 * test account (TEST...), its date is a real day and its amount a number; a row repeating an earlier row
 * cell for cell is a duplicate and left out; refunds (negative amounts) are not purchase lines but are kept
 * and reduce the revenue (net spend).
 */
function expectedDemoCounts(csvFile: string) {
  const [headers, ...rows] = Papa.parse<string[]>(readFileSync(csvFile, "utf8").replace(/^\uFEFF/, ""), {
    skipEmptyLines: true,
  }).data;
  const col = (name: string) => rows.map((row) => row[headers.indexOf(name)]);
  const [member, date, amount, order] = ["Member ID", "Order Date", "Amount", "Order ID"].map(col);
  const seen = new Set<string>();
  const kept: { id: string; day: string; value: number; order: string }[] = [];
  let revenue = 0;
  for (let r = 0; r < member.length; r++) {
    const row = JSON.stringify(rows[r]);
    const duplicate = seen.has(row);
    seen.add(row);
    const id = String(member[r] ?? "").trim();
    const text = String(date[r]);
    const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    const day = ymd ? new Date(Date.UTC(+ymd[1], +ymd[2] - 1, +ymd[3])) : null;
    const realDay = day !== null && day.getUTCDate() === +ymd![3];
    const value = amount[r].trim() === "" ? NaN : Number(amount[r]);
    if (duplicate || id === "" || /^TEST/i.test(id) || !realDay || !Number.isFinite(value)) continue;
    revenue += value;
    kept.push({ id, day: ymd![0], value, order: String(order[r]) });
  }
  // A day (or an order of that day) with a return whose lines net to zero or less is not a purchase.
  const sums = new Map<string, { sum: number; lowest: number }>();
  const add = (key: string, value: number) => {
    const s = sums.get(key) ?? { sum: 0, lowest: Infinity };
    sums.set(key, { sum: s.sum + value, lowest: Math.min(s.lowest, value) });
  };
  for (const k of kept) {
    add(`${k.id}|${k.day}`, k.value);
    add(`${k.id}|${k.day}|${k.order}`, k.value);
  }
  const nettedOut = (key: string) => {
    const s = sums.get(key)!;
    return s.lowest < 0 && s.sum <= 0;
  };
  const customers = new Set<string>();
  const orders = new Set<string>();
  let lines = 0;
  for (const k of kept) {
    if (k.value < 0 || nettedOut(`${k.id}|${k.day}`) || nettedOut(`${k.id}|${k.day}|${k.order}`)) continue;
    lines++;
    customers.add(k.id);
    orders.add(k.order);
  }
  return { customers: customers.size, orderLines: lines, orders: orders.size, revenue };
}

describe("loyalty demo", () => {
  it("writes the report on the bundled sample and the sample's orders beside it", async () => {
    const out = file("demo/loyalty-demo.xlsx");
    let leftOut = "";
    const summary = await runJson(["demo", "--out", out], (line) => (leftOut = line));
    // The sample's test accounts (TEST0047 ...) are left out, and said so in one line.
    expect(leftOut).toMatch(
      /^loyalty: left out \d+ lines of \d+ customers as test accounts \(rule: test word in the id\): TEST\d{4}/,
    );
    expect(summary.file).toBe(out);
    const expected = expectedDemoCounts(file("demo/loyalty-demo-orders.csv"));
    expect(summary.customers).toBe(expected.customers);
    expect(summary.orderLines).toBe(expected.orderLines);
    expect(summary.orders).toBe(expected.orders);
    expect(summary.revenue).toBeCloseTo(expected.revenue, 2);
    expect(summary.sheets.map((s: { sheetName: string }) => s.sheetName)).toEqual(REPORT_SHEETS);
    expect(summary.dataQuality.findings.length).toBeGreaterThan(3);
    expect(existsSync(file("demo/loyalty-demo-orders.csv"))).toBe(true);
    // The CSV holds the same orders: reporting on it gives the same customers.
    const again = await runJson([
      "report",
      file("demo/loyalty-demo-orders.csv"),
      "--sheets",
      "segments",
      "--out",
      file("demo/again.xlsx"),
    ]);
    expect(again.customers).toBe(summary.customers);
    expect(again.revenue).toBeCloseTo(summary.revenue, 2);
    // The campaign history is written beside them, and --campaigns measures it.
    expect(existsSync(file("demo/loyalty-demo-campaigns.csv"))).toBe(true);
    const measured = await runJson([
      "report",
      file("demo/loyalty-demo-orders.csv"),
      "--campaigns",
      file("demo/loyalty-demo-campaigns.csv"),
      "--sheets",
      "campaigns,preferences",
      "--out",
      file("demo/campaigns.xlsx"),
    ]);
    expect(measured.sheets.map((s: { sheetName: string }) => s.sheetName)).toEqual([
      "LL Campaigns",
      "LL Preferences",
    ]);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { capture, runJson } from "../helpers/cli-io";
import { readTestDataText, testDataPath } from "../helpers/test-data";

const fitJson = (args: string[]) => runJson(["fit", ...args]);

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-fit-"));

/** CDNOW_sample.txt as the CSV a user would export: customer, date, amount. */
function cdnowCsv(): string {
  const file = path.join(dir, "cdnow.csv");
  const lines = readTestDataText("CDNOW_sample.txt")
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map(([, id, date, , amount]) => `${id},${date},${amount}`);
  writeFileSync(file, ["customer,date,amount", ...lines].join("\n"));
  return file;
}

describe("loyalty fit", () => {
  it("fits BG/NBD to the CDNOW summary file and prints the JSON the issue specifies", async () => {
    const out = await fitJson([testDataPath("cdnow_customers_summary.csv"), "--model", "bgnbd"]);
    expect(Object.keys(out).slice(0, 7)).toEqual([
      "model",
      "params",
      "logLikelihood",
      "customers",
      "converged",
      "iterations",
      "seconds",
    ]);
    expect(out.model).toBe("bgnbd");
    expect(Object.keys(out.params)).toEqual(["r", "alpha", "a", "b"]);
    expect(out.params.r).toBeCloseTo(0.2426, 3);
    expect(out.params.alpha).toBeCloseTo(4.414, 2);
    expect(out.logLikelihood).toBeCloseTo(-9582.43, 1);
    expect(out.customers).toBe(2357);
    expect(out.converged).toBe(true);
    expect(out.iterations).toBeGreaterThan(0);
    expect(out.seconds).toBeGreaterThan(0);
  });

  it("fits Pareto/NBD and MBG/NBD with their parameter names", async () => {
    const pnbd = await fitJson([testDataPath("cdnow_customers_summary.csv"), "--model", "pnbd"]);
    expect(Object.keys(pnbd.params)).toEqual(["r", "alpha", "s", "beta"]);
    expect(pnbd.logLikelihood).toBeCloseTo(-9594.97, 1);
    const mbg = await fitJson([testDataPath("cdnow_customers_summary.csv"), "--model", "mbgnbd"]);
    expect(mbg.params.r).toBeCloseTo(0.525, 3);
  });

  it("fits Gamma-Gamma on x/t_x/T/zbar columns and says whom it left out", async () => {
    const out = await fitJson([
      testDataPath("cdnow_customers_summary_with_transactions.csv"),
      "--model",
      "gg",
    ]);
    expect(Object.keys(out.params)).toEqual(["p", "q", "v"]);
    expect(out.params.p).toBeCloseTo(6.25, 1);
    expect(out.customers).toBe(946);
    expect(out.excluded).toEqual({ noRepeatPurchases: 1411, nonPositiveValue: 0 });
    const io = capture();
    await run(["fit", testDataPath("cdnow_customers_summary_with_transactions.csv"), "--model", "gg"], io);
    expect(io.stdout).toContain("left out: 1,411 customers without repeat purchases");
  });

  it("fits BG/BB to donations.csv (frequency, recency, periods, weights)", async () => {
    const out = await fitJson([testDataPath("donations.csv"), "--model", "bgbb"]);
    expect(Object.keys(out.params)).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect(out.customers).toBe(11104);
    expect(out.logLikelihood).toBeCloseTo(-33225.58, 1);
  });

  it("summarises a transaction CSV (calibration end, weeks) and fits it", async () => {
    const out = await fitJson([cdnowCsv(), "--model", "pnbd", "--calibration-end", "1997-09-30"]);
    expect(out.customers).toBe(2357);
    expect(out.logLikelihood).toBeCloseTo(-9594.976, 2);
    const days = await fitJson([
      cdnowCsv(),
      "--model",
      "bgnbd",
      "--calibration-end",
      "1997-09-30",
      "--unit",
      "day",
    ]);
    // The same fit in days: r is unchanged and α scales by 7.
    expect(days.params.r).toBeCloseTo(0.2426, 3);
    expect(days.params.alpha / 7).toBeCloseTo(4.4136, 2);
  });

  it("reads an .xlsx summary through the workbook adapter", async () => {
    const file = path.join(dir, "summary.xlsx");
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Summary");
    sheet.addRow(["frequency", "recency", "T"]);
    for (const line of readTestDataText("cdnow_customers_summary.csv").split(/\r?\n/).slice(1)) {
      if (line.trim()) sheet.addRow(line.split(",").slice(1).map(Number));
    }
    await wb.xlsx.writeFile(file);
    const out = await fitJson([file, "--model", "bgnbd"]);
    expect(out.customers).toBe(2357);
    expect(out.logLikelihood).toBeCloseTo(-9582.43, 1);
  });

  it.each([
    [
      "frequency,recency,T\n1,2,3\n2,abc,5\n",
      /bad\.csv, row 3, column B \(recency\): expected a number, got "abc"/,
    ],
    ["frequency,recency,T\n1,2,3\n2,6,5\n", /bad\.csv, row 3, column B \(recency\): expected 0 ≤ t_x ≤ T/],
    [
      "frequency,recency,T\n-1,0,3\n",
      /bad\.csv, row 2, column A \(frequency\): expected a repeat-purchase count/,
    ],
  ])("exits 2 with one line naming file, row and column for bad input (%#)", async (text, message) => {
    const file = path.join(dir, "bad.csv");
    writeFileSync(file, text);
    const io = capture();
    expect(await run(["fit", file, "--model", "bgnbd"], io)).toBe(2);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
    expect(io.stderr).toMatch(message);
  });

  it("exits 2 for a missing file, a summary without the needed column and a bad unit", async () => {
    for (const args of [
      [path.join(dir, "missing.csv"), "--model", "bgnbd"],
      [testDataPath("cdnow_customers_summary.csv"), "--model", "gg"],
      [testDataPath("cdnow_customers_summary.csv"), "--model", "bgnbd", "--unit", "fortnight"],
    ]) {
      const io = capture();
      expect(await run(["fit", ...args], io)).toBe(2);
      expect(io.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

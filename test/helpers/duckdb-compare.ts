/**
 * Reading one file with the DuckDB engine and in process, and comparing what the two give: the same
 * data-quality report (counts, actions, examples and notes; sums to the cent), as-of date, customers,
 * members, and the same analysis customer by customer.
 */
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { orderTableFromDuckDb } from "../../src/cli/duckdb/to-engine";
import type { CliIO } from "../../src/cli/io";
import { analyzeOrderTable, type Analysis } from "../../src/engine/analyze";
import type { DataQualityReport } from "../../src/engine/data/quality";
import { readOrderTable, type ReadOrdersOptions } from "../../src/engine/data/read-orders";
import { readCsvTable } from "../../src/workbook/csv/read";
import type { CsvReadOptions } from "../../src/workbook/csv/table";
import { capture } from "./cli-io";
import { totalsOf, type ExpectedExport } from "../exports/expected";

const silent: CliIO = capture();

/** Amount sums compared to the cent, everything else exactly (the file's name left out). */
export function comparable(report: DataQualityReport): DataQualityReport {
  const named = JSON.stringify(report).split(JSON.stringify(report.source).slice(1, -1)).join("FILE");
  const parsed = JSON.parse(named) as DataQualityReport;
  const cents = (amount: number | undefined) => (amount === undefined ? undefined : Math.round(amount * 100));
  return { ...parsed, findings: parsed.findings.map((f) => ({ ...f, amount: cents(f.amount) })) };
}

/**
 * The report of files read joined one below the other (the header once, on row 1) with each example named
 * as the glob of those files names it: in its file, at its row there (each file's header on row 1).
 */
export function asInGlobFiles(
  report: DataQualityReport,
  files: readonly { name: string; rows: number }[],
): DataQualityReport {
  const inFile = (row: number) => {
    let first = 2;
    for (const f of files) {
      if (row < first + f.rows) return { file: f.name, row: row - first + 2 };
      first += f.rows;
    }
    throw new Error(`row ${row} is in none of the files`);
  };
  const findings = report.findings.map((f) => ({
    ...f,
    examples: f.examples.map((e) => {
      const { file, row } = inFile(e.row);
      return {
        ...e,
        file,
        row,
        where: e.where.replace(`${report.source}, row ${e.row},`, `${file}, row ${row},`),
      };
    }),
  }));
  return { ...report, findings };
}

export async function bothEngines(
  file: string,
  read: ReadOrdersOptions & { csv?: CsvReadOptions },
  csv: CsvReadOptions = {},
  duckDbOnly: { materializedRows?: number } = {},
) {
  const { table } = await readCsvTable(file, csv);
  const inProcess = analyzeOrderTable(readOrderTable(table, read));
  const duck = await readWithDuckDb(file, { ...read, ...duckDbOnly }, silent);
  try {
    const viaDuckDb = analyzeOrderTable(await orderTableFromDuckDb(duck.db, duck.read));
    return { inProcess, viaDuckDb, table, duck: duck.read };
  } finally {
    duck.close();
  }
}

/** Every customer's figures, by id: summary, RFM code and tier level. */
export function perCustomer(a: Analysis) {
  const s = a.summary;
  return new Map(
    s.customerIds.map((id, c) => [
      id,
      {
        x: s.x[c],
        tX: s.tX[c],
        T: s.T[c],
        spend: Math.round(s.spend[c] * 100),
        orders: s.orders[c],
        purchaseDays: s.purchaseDays[c],
        monetary: Math.round(s.monetary[c] * 100),
        rfm: a.rfm.codes[c],
        tier: a.tiers.current[c],
      },
    ]),
  );
}

export function expectSameAnalysis(inProcess: Analysis, viaDuckDb: Analysis) {
  expect(viaDuckDb.asOf).toBe(inProcess.asOf);
  expect(comparable(viaDuckDb.table.quality)).toEqual(comparable(inProcess.table.quality));
  expect(viaDuckDb.table.customersWithoutPurchase).toEqual(inProcess.table.customersWithoutPurchase);
  expect(viaDuckDb.summary.customerIds).toEqual(inProcess.summary.customerIds);
  expect(perCustomer(viaDuckDb)).toEqual(perCustomer(inProcess));
  expect(viaDuckDb.tiers.counts).toEqual(inProcess.tiers.counts);
  expect(viaDuckDb.table.members).toEqual(inProcess.table.members);
  expect(viaDuckDb.keyDates).toEqual(inProcess.keyDates);
}

/** The customers, net revenue and each one's spend and purchase days worked out by hand (test/exports/expected.ts). */
export function expectHandComputed(a: Analysis, e: ExpectedExport) {
  const s = a.summary;
  expect([...s.customerIds].sort()).toEqual(Object.keys(e.customers).sort());
  const revenue = Array.from(s.spend).reduce((x, y) => x + y, 0);
  expect(Math.round(revenue * 100)).toBe(Math.round(totalsOf(e).revenue * 100));
  for (const [id, want] of Object.entries(e.customers)) {
    const c = s.customerIds.indexOf(id);
    expect([id, Math.round(s.spend[c] * 100), s.purchaseDays[c]]).toEqual([
      id,
      Math.round(want.spend * 100),
      want.purchaseDays,
    ]);
  }
}

/** The public test data in test/data (sources, licence and the published numbers: test/data/README.md). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RawTable } from "../../src/engine/data/table";

const REPO_ROOT = join(__dirname, "../..");

/** Path of a file in test/data, computed from the repository root. */
export function testDataPath(file: string): string {
  return join(REPO_ROOT, "test/data", file);
}

export function readTestDataText(file: string): string {
  return readFileSync(testDataPath(file), "utf8");
}

/**
 * CDNOW_sample.txt as a raw table, the way a user would paste it into a sheet: whitespace-separated
 * fields, no header row in the file (so the table gets one), ids and dates as text.
 */
export function cdnowSampleTable(): RawTable {
  const headers = ["masterid", "sampleid", "date", "cds", "sales"];
  const columns: string[][] = headers.map(() => []);
  for (const line of readTestDataText("CDNOW_sample.txt").split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== headers.length) continue;
    fields.forEach((f, i) => columns[i].push(f));
  }
  return { source: "CDNOW_sample.txt", headers, columns, firstRow: 1 };
}

/** A CSV file of test/data (simple: no quoted fields) as rows of fields, header first. */
export function readTestDataCsv(file: string): string[][] {
  return readTestDataText(file)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(","));
}

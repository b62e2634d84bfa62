/** The public test data in ../shared/data beside the repository (see ../shared/data/README.md). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RawTable } from "../../src/engine/data/table";

const REPO_ROOT = join(__dirname, "../..");

/** Path of a file in ../shared/data, computed from the repository root. */
export function sharedDataPath(file: string): string {
  return join(REPO_ROOT, "../shared/data", file);
}

export function readSharedText(file: string): string {
  return readFileSync(sharedDataPath(file), "utf8");
}

/**
 * CDNOW_sample.txt as a raw table, the way a user would paste it into a sheet: whitespace-separated
 * fields, no header row in the file (so the table gets one), ids and dates as text.
 */
export function cdnowSampleTable(): RawTable {
  const headers = ["masterid", "sampleid", "date", "cds", "sales"];
  const columns: string[][] = headers.map(() => []);
  for (const line of readSharedText("CDNOW_sample.txt").split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== headers.length) continue;
    fields.forEach((f, i) => columns[i].push(f));
  }
  return { source: "CDNOW_sample.txt", headers, columns, firstRow: 1 };
}

/** A CSV file of ../shared/data (simple: no quoted fields) as rows of fields, header first. */
export function readSharedCsv(file: string): string[][] {
  return readSharedText(file)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(","));
}

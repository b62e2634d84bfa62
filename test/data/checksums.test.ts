/**
 * The public test data are byte-for-byte copies of published files (test/data/README.md gives each
 * file's source and sha256): a changed byte, such as line endings rewritten by an editor or by git,
 * would make every published-number test compare against other data. The order exports (export-*) are
 * written by scripts/make-export-fixtures.ts and checked the same way.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { testDataPath } from "../helpers/test-data";
import { EDGE_FIXTURES, EXPORT_FIXTURES } from "../../scripts/make-export-fixtures";

/** The table of test/data/README.md: file name → sha256. */
function publishedChecksums(): Map<string, string> {
  const readme = readFileSync(testDataPath("README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `([^`]+)`[^|]*\|[^|]*\|[^|]*\| `([0-9a-f]{64})` \|$/gm)];
  return new Map(rows.map((m) => [m[1], m[2]]));
}

describe("test/data", () => {
  const checksums = publishedChecksums();

  it("lists the six data files, the seven order exports and the edges of reading with their checksums", () => {
    expect([...checksums.keys()].sort()).toEqual([
      "CDNOW_sample.txt",
      "cdnow_customers_summary.csv",
      "cdnow_customers_summary_with_transactions.csv",
      "cdnow_sample_lifetimes_predictions.csv",
      "donations.csv",
      "edge-backslash-quotes.csv",
      "edge-glob-blank-1.csv",
      "edge-glob-blank-2.csv",
      "edge-no-header-title.txt",
      "edge-short-first-line.csv",
      "edge-space-before-quote.csv",
      "example_transactions.csv",
      "export-cdnow-master-shape.txt",
      "export-day-first.csv",
      "export-european.csv",
      "export-latin1.csv",
      "export-marketplace-gbk.csv",
      "export-shopify.csv",
      "export-uk-retail.csv",
    ]);
  });

  it("holds the order exports and the edges exactly as scripts/make-export-fixtures.ts writes them", () => {
    for (const [file, bytes] of Object.entries({ ...EXPORT_FIXTURES, ...EDGE_FIXTURES })) {
      expect([file, readFileSync(testDataPath(file)).equals(bytes)]).toEqual([file, true]);
    }
  });

  it.each([...publishedChecksums()])("%s is the published file (sha256 %s)", (file, sha256) => {
    const digest = createHash("sha256").update(readFileSync(testDataPath(file))).digest("hex");
    expect(digest).toBe(sha256);
  });
});

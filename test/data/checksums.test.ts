/**
 * The public test data are byte-for-byte copies of published files (test/data/README.md gives each
 * file's source and sha256): a changed byte, such as line endings rewritten by an editor or by git,
 * would make every published-number test compare against other data.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { testDataPath } from "../helpers/test-data";

/** The table of test/data/README.md: file name → sha256. */
function publishedChecksums(): Map<string, string> {
  const readme = readFileSync(testDataPath("README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `([^`]+)`[^|]*\|[^|]*\|[^|]*\| `([0-9a-f]{64})` \|$/gm)];
  return new Map(rows.map((m) => [m[1], m[2]]));
}

describe("test/data", () => {
  const checksums = publishedChecksums();

  it("lists the six data files with their checksums", () => {
    expect([...checksums.keys()].sort()).toEqual([
      "CDNOW_sample.txt",
      "cdnow_customers_summary.csv",
      "cdnow_customers_summary_with_transactions.csv",
      "cdnow_sample_lifetimes_predictions.csv",
      "donations.csv",
      "example_transactions.csv",
    ]);
  });

  it.each([...publishedChecksums()])("%s is the published file (sha256 %s)", (file, sha256) => {
    const digest = createHash("sha256").update(readFileSync(testDataPath(file))).digest("hex");
    expect(digest).toBe(sha256);
  });
});

/**
 * A Jest reporter that says, in one line per tool at the end of the run, how many tests were skipped
 * because a program they need is not installed (their groups are marked by test/helpers/libreoffice.ts,
 * test/helpers/postgres.ts and test/report/pdf-no-hashes.test.ts) and how to install it.
 */
const TOOLS = [
  {
    marker: "[needs LibreOffice]",
    why: "LibreOffice is not installed, so the workbooks' formulas were not recalculated",
    install: "apt-get install libreoffice-calc-nogui, or set SOFFICE=/path/to/soffice",
  },
  {
    marker: "[needs PostgreSQL]",
    why: "PostgreSQL is not installed, so the SQL written for it was not run in it",
    install: "apt-get install postgresql",
  },
  {
    marker: "[needs pdftotext]",
    why: "pdftotext is not installed, so the demo report's PDF was not checked for ###",
    install: "apt-get install poppler-utils",
  },
];

class MissingToolsReporter {
  onRunComplete(_contexts, results) {
    const lines = [];
    for (const tool of TOOLS) {
      let skipped = 0;
      for (const file of results.testResults) {
        for (const test of file.testResults) {
          if (test.status === "pending" && test.ancestorTitles.some((t) => t.includes(tool.marker)))
            skipped += 1;
        }
      }
      if (skipped > 0)
        lines.push(
          `${skipped} tests skipped: ${tool.why}. Install it (${tool.install}) and run npm test again.`,
        );
    }
    // Said when the process exits, so that these are the run's last lines, after Jest's own summary.
    if (lines.length > 0) process.once("exit", () => process.stderr.write(`\n${lines.join("\n")}\n`));
  }
}

module.exports = MissingToolsReporter;

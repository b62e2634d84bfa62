/**
 * A Jest reporter that says, in one line at the end of the run, how many tests were skipped because
 * LibreOffice is not installed (test/helpers/libreoffice.ts marks their groups) and how to install it.
 */
const NEEDS_LIBREOFFICE = "[needs LibreOffice]";

class LibreOfficeSkipReporter {
  onRunComplete(_contexts, results) {
    let skipped = 0;
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === "pending" && test.ancestorTitles.some((t) => t.includes(NEEDS_LIBREOFFICE))) {
          skipped += 1;
        }
      }
    }
    // Said when the process exits, so that it is the run's last line, after Jest's own summary.
    if (skipped > 0) {
      process.once("exit", () =>
        process.stderr.write(
          `\n${skipped} tests skipped: LibreOffice is not installed, so the workbooks' formulas were not ` +
            "recalculated. Install it (apt-get install libreoffice-calc-nogui, or set SOFFICE=/path/to/soffice) " +
            "and run npm test again.\n",
        ),
      );
    }
  }
}

module.exports = LibreOfficeSkipReporter;

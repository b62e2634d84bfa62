/**
 * A refresh killed at any moment leaves the workbook whole, for every writer of the corpus: the edited
 * workbook of refresh-corpus-matrix.test.ts, saved by each writer, refreshed by `loyalty` in a child
 * process that is killed (SIGKILL, no clean-up of its own) at each phase of the write: right after taking
 * the lock, after the temporary file is written and flushed, after it is renamed over the workbook. The
 * kill comes from the child itself at that point (LOYALTY_CRASH_AT), never from a timer. After the kill
 * that leaves a temporary file, the next run (in this process) takes the dead run's lock over, removes
 * the temporary file and refreshes.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { lockPathOf } from "../../src/workbook/atomic-write";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { runJson } from "../helpers/cli-io";
import { managersWeek, withExcelObjects } from "../helpers/corpus-edits";
import { saveAs, WRITERS, type Writer } from "../helpers/corpus-writers";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { baseBook, expectUserPartsIdentical, leftovers } from "../helpers/refresh-corpus";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-corpus-kill-"));
const loyalty = path.join(__dirname, "..", "..", "bin", "loyalty.js");
let built: Buffer;
let edited: Buffer;

beforeAll(async () => {
  const builtPath = await baseBook(path.join(dir, "built.xlsx"));
  await managersWeek(builtPath, path.join(dir, "edited.xlsx"));
  built = readFileSync(builtPath);
  edited = readFileSync(path.join(dir, "edited.xlsx"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function killCases(w: Writer) {
  const folder = path.join(dir, w.file.replace(/\W/g, "-"));
  const saved = path.join(folder, "saved", w.file);
  // Saved once (LibreOffice converts once), copied for each phase.
  beforeAll(async () => saveAs(w, await withExcelObjects(edited, w.keepsCharts ? built : undefined), saved));

  it.each(["locked", "temp-written", "renamed"])(
    "killed at phase %s: the workbook is whole (after the temporary file is written, the next run cleans up)",
    async (phase) => {
      const book = path.join(folder, phase, w.file);
      mkdirSync(path.dirname(book), { recursive: true });
      copyFileSync(saved, book);
      const before = readFileSync(book);
      // --force: the corpus's workbook has objects the refresh lists; without it the run stops before writing.
      const killed = spawnSync(process.execPath, [loyalty, "report", book, "--in-place", "--force"], {
        env: { ...process.env, LOYALTY_CRASH_AT: phase },
        encoding: "utf8",
      });
      expect(killed.signal).toBe("SIGKILL");
      const now = readFileSync(book);
      if (phase === "renamed") {
        // The new workbook is complete: it reads, and the user's parts are as they were.
        expect(XlsxPackage.fromBuffer(now, w.file).sheets().length).toBeGreaterThan(5);
        expectUserPartsIdentical(before, now);
      } else expect(now.equals(before)).toBe(true);
      // The dead run's lock is left; its temporary file too once it was written.
      expect(existsSync(lockPathOf(book))).toBe(true);
      expect(leftovers(book).filter((f) => f.endsWith(".tmp"))).toHaveLength(
        phase === "temp-written" ? 1 : 0,
      );
      if (phase !== "temp-written") return;
      // The next run takes the lock over, removes the temporary file and refreshes (once per writer: the
      // clean-up is the same whatever the phase).
      await runJson(["report", book, "--in-place", "--force"]);
      expect(leftovers(book)).toEqual([]);
      expectUserPartsIdentical(before, readFileSync(book));
    },
  );
}

for (const w of WRITERS) {
  const title = `a workbook saved by ${w.name}, killed while refreshed`;
  if (w.name === "LibreOffice") describeWithLibreOffice(title, () => killCases(w));
  else describe(title, () => killCases(w));
}

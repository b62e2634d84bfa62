/**
 * A DuckDB run stopped by the user (Ctrl-C) or killed with SIGTERM removes the temporary folder where
 * DuckDB spills what does not fit in memory (gigabytes on a 50-million-line file) before it exits.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDuckDb } from "../../src/cli/duckdb/session";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-interrupt-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The folders DuckDB runs made under `tmp`. */
const duckDbFolders = (tmp: string) => readdirSync(tmp).filter((f) => f.startsWith("loyalty-duckdb-"));

it.each([
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)(
  "a run stopped by %s removes DuckDB's temporary folder and exits with %i",
  async (signal, code) => {
    const orders = path.join(dir, `orders-${signal}.csv`);
    const db = await openDuckDb();
    try {
      // Large enough that the run is still reading when the signal comes (it is sent as soon as the folder appears).
      await db.run(`COPY (SELECT 'M' || CAST(range % 5000 AS VARCHAR) AS "Member", DATE '2024-01-01' + CAST(range % 300 AS INTEGER) AS "Date",
      CAST(range % 97 AS DOUBLE) + 0.5 AS "Amount" FROM range(300000)) TO '${orders}' (HEADER)`);
    } finally {
      db.close();
    }
    const tmp = mkdtempSync(path.join(dir, "tmp-"));
    const loyalty = path.join(__dirname, "..", "..", "bin", "loyalty.js");
    const child = spawn(process.execPath, [loyalty, "fit", orders, "-m", "bgnbd", "--engine", "duckdb"], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
    let seen = false;
    while (!seen && child.exitCode === null) {
      seen = duckDbFolders(tmp).length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBe(true);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(duckDbFolders(tmp)).toEqual([]);
  },
  60_000,
);

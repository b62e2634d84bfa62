/**
 * The progress line of a DuckDB read on stderr: each step said as it starts, then DuckDB's estimate of
 * the running query every time it moves by 5 points (polled each second: fake timers here), in the
 * in-process reader's form; and, in a real run, nothing on stderr unless it is a terminal.
 */
import { progressOnStderr, progressText } from "../../src/cli/duckdb/progress";
import { run } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { testDataPath } from "../helpers/test-data";

describe("the DuckDB progress line", () => {
  afterEach(() => jest.useRealTimers());

  it("says a step at 0 %, then the query's percentage each time it moved by 5 points", () => {
    jest.useFakeTimers();
    const estimates = [-1, 3, 12, 14, 16, 99.6, -1];
    const db = { progress: () => estimates.shift() ?? -1 };
    const lines: string[] = [];
    const progress = progressOnStderr(db, (line) => lines.push(line));
    jest.advanceTimersByTime(1000); // no step yet: nothing said
    progress.step("Loading orders.csv into DuckDB");
    jest.advanceTimersByTime(6000);
    progress.step("Checking every line");
    progress.stop();
    jest.advanceTimersByTime(5000);
    expect(lines).toEqual([
      "[  0%] Loading orders.csv into DuckDB",
      "[ 12%] Loading orders.csv into DuckDB",
      "[ 16%] Loading orders.csv into DuckDB",
      "[ 99%] Loading orders.csv into DuckDB",
      "[  0%] Checking every line",
    ]);
  });

  it("writes percentages as the in-process progress line does, within 0 to 100", () => {
    expect(progressText(7.9, "Reading")).toBe("[  7%] Reading");
    expect(progressText(100.2, "Reading")).toBe("[100%] Reading");
    expect(progressText(-1, "Reading")).toBe("[  0%] Reading");
  });

  it("loyalty fit --engine duckdb says its steps on a terminal's stderr only", async () => {
    const args = ["fit", testDataPath("export-uk-retail.csv"), "-m", "bgnbd", "--engine", "duckdb"];
    const terminal = capture();
    terminal.interactive = true;
    expect(await run(args, terminal)).toBe(0);
    expect(terminal.stderr).toMatch(/\[ {2}0%\] Loading export-uk-retail\.csv into DuckDB/);
    const piped = capture();
    expect(await run(args, piped)).toBe(0);
    expect(piped.stderr).not.toMatch(/%\]/);
  });
});

/**
 * `--engine auto` (the default) reads with DuckDB what only DuckDB can read (Parquet, a glob, a .gz file)
 * and text files larger than 200 MB (src/cli/duckdb/engine-choice.ts), and says so on a terminal. The
 * large files are sparse (truncated to their size, no bytes written): only their size is looked at.
 */
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { duckDbReason, usesDuckDb } from "../../src/cli/duckdb/engine-choice";
import { capture } from "../helpers/cli-io";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-engine-choice-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 2 ** 20;

/** A sparse file of `bytes` bytes. */
function sized(name: string, bytes: number): string {
  const file = path.join(dir, name);
  closeSync(openSync(file, "w"));
  truncateSync(file, bytes);
  return file;
}

/** What a command prints on stderr when it is a terminal. */
function terminal() {
  const io = capture();
  io.interactive = true;
  return io;
}

describe("--engine auto", () => {
  it("takes DuckDB for Parquet, globs, .gz files and text files over 200 MB, and the in-process reader otherwise", () => {
    const small = path.join(dir, "small.csv");
    writeFileSync(small, "Member,Date,Amount\n1,2024-01-02,10\n");
    expect(duckDbReason(small)).toBeNull();
    expect(duckDbReason(sized("at-limit.csv", 200 * MB))).toBeNull();
    expect(duckDbReason(sized("over-limit.csv", 200 * MB + 1))).toBe("large");
    expect(duckDbReason(path.join(dir, "orders-*.csv"))).toBe("glob");
    expect(duckDbReason(path.join(dir, "orders.parquet"))).toBe("parquet");
    expect(duckDbReason(path.join(dir, "orders.csv.gz"))).toBe("compressed");
    // A file that is not there is left to the in-process reader, which names it.
    expect(duckDbReason(path.join(dir, "missing.csv"))).toBeNull();
  });

  it("says why on a terminal, in the command's language; --engine js and duckdb decide alone", () => {
    const large = sized("large.tsv", 201 * MB);
    const en = terminal();
    expect(usesDuckDb(large, "auto", en)).toBe(true);
    expect(en.stderr).toBe(
      "Reading large.tsv with DuckDB: it is larger than 200 MB (--engine js reads it in process)",
    );
    const zh = terminal();
    zh.language = "zh-CN";
    expect(usesDuckDb(path.join(dir, "orders.parquet"), "auto", zh)).toBe(true);
    expect(zh.stderr).toBe(
      '用 DuckDB 读取 orders.parquet：它是 "Parquet" 文件（--engine js 会在进程内读取）',
    );
    const quiet = capture();
    expect(usesDuckDb(large, "js", quiet)).toBe(false);
    expect(usesDuckDb(path.join(dir, "small.csv"), "duckdb", quiet)).toBe(true);
    expect(usesDuckDb(large, "auto", quiet)).toBe(true);
    expect(quiet.stderr).toBe("");
  });
});

/**
 * Every error the command line can meet is said in the language of --lang (#20):
 *
 * - statically: no `new UserError(...)` or `new DataError(...)` without a code (its third argument) in
 *   the code the CLI runs (src/cli, src/report, src/sql, src/workbook but the pane's adapters, src/engine),
 *   outside a short list of checks the user cannot reach first, each with its reason;
 * - by running it: bad flags, files and settings under --lang zh-CN give one Chinese line, exit 2, naming
 *   the file or flag, with no English word outside those kept as typed (flags, file names, the values a
 *   user types); and the same runs without --lang say the English message as before;
 * - `--help` of the program and of each command speaks Chinese under --lang zh-CN.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../helpers/kept-latin-words";

const SRC = path.join(__dirname, "../../src");

/** Folders the CLI never runs: the front ends beside it and the adapters of the pane. */
const NOT_THE_CLI = ["taskpane", "functions", "workbook/office", "workbook/memory"];

/**
 * Uncoded errors allowed, at most so many per file, each with why a user of the CLI does not meet it in
 * English. A file whose errors get codes may go below its count; a new uncoded error fails.
 */
const ALLOWED: Record<string, { count: number; why: string }> = {
  "engine/alerts/rules.ts": { count: 1, why: "the report's settings check says alert-rule problems first" },
  "engine/tiers/program.ts": { count: 1, why: "the report's settings check says tier-rule problems first" },
  "engine/tiers/thresholds.ts": { count: 1, why: "the settings check counts tiers.deriveShares first" },
  "engine/projection/project.ts": {
    count: 1,
    why: "the Benefit cost sheet's inputs are checked with coded errors first (benefit-cost/inputs.ts)",
  },
  "engine/rfm/segments.ts": { count: 3, why: "only the built-in schemes (segmentScheme rfm11 or rfm8) run" },
  "engine/data/test-accounts.ts": { count: 2, why: "only the built-in test-account rules run" },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    const relative = path.relative(SRC, file).split(path.sep).join("/");
    if (NOT_THE_CLI.some((n) => relative === n || relative.startsWith(`${n}/`))) return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith(".ts") ? [file] : [];
  });
}

/**
 * The `new NAME(...)` expressions of the files under `dir` whose NAME is in `names` and that `keep` keeps,
 * by file (relative to src/), each as "file:line: its text".
 */
function newExpressions(
  dir: string,
  names: readonly string[],
  keep: (node: ts.NewExpression) => boolean = () => true,
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const relative = path.relative(SRC, file).split(path.sep).join("/");
    const visit = (node: ts.Node) => {
      if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        names.includes(node.expression.text)
      ) {
        if (keep(node)) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.set(relative, [
            ...(found.get(relative) ?? []),
            `${relative}:${line}: ${node.getText().slice(0, 90)}`,
          ]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** `new UserError(...)` and `new DataError(...)` without a detail (their third argument), by file. */
const uncodedErrors = () =>
  newExpressions(SRC, ["UserError", "DataError"], (node) => (node.arguments?.length ?? 0) < 3);

describe("the errors the CLI can meet", () => {
  it("all carry a code, but for a few checks the user cannot reach first", () => {
    const found = uncodedErrors();
    const over = [...found].flatMap(([file, sites]) =>
      sites.length > (ALLOWED[file]?.count ?? 0) ? sites : [],
    );
    expect(over).toEqual([]);
    // The scan sees the code it should: it finds the uncoded checks allowed above.
    expect(found.get("engine/rfm/segments.ts")).toHaveLength(3);
  });
});

/**
 * The engine's plain errors (Error, RangeError, TypeError without a rule or a code), by file: checks of what
 * every caller checks first with a coded error, so a user never meets them; should one be met it is said
 * as a fault of ours (the CLI's internal error, the functions' "internal" code), in the run's language. A
 * new one fails until it is given a code or its caller's coded check is named here.
 */
const ENGINE_INTERNAL: Record<string, { count: number; why: string }> = {
  "engine/rfm/rfm-scores.ts": {
    count: 1,
    why: "R, F and M of different lengths: the report passes one summary's columns, LOYALTY.RFM reads rows of one range",
  },
  "engine/rfm/quantile-scores.ts": {
    count: 1,
    why: "bins: the settings' number rule (rfm.bins) and LOYALTY.RFM's BINS_RULE check it first",
  },
  "engine/projection/scenarios.ts": {
    count: 1,
    why: "a scenario by its key: the keys are the engine's own; a typed scenario is checked (unknownScenario)",
  },
  "engine/projection/baseline.ts": {
    count: 1,
    why: "the period length: the sheet's input is checked first (assumptionOutOfRange, assumptionNotWhole)",
  },
  "engine/summary/customer-summary.ts": {
    count: 1,
    why: "the as-of date: every caller passes a day (the data's last, or a parsed --as-of)",
  },
  "engine/models/registry.ts": {
    count: 1,
    why: "a purchase model by name: the report's names are purchase models; loyalty fit says BG/BB's needs (bgbbNeedsPeriods)",
  },
  "engine/analyze.ts": { count: 1, why: "the data-quality report's own bookkeeping" },
  "engine/data/quality.ts": { count: 1, why: "a finding by a reason the engine lists" },
  "engine/keydates/key-dates.ts": {
    count: 1,
    why: "days ahead: the settings' number rule (keyDates.days) and the Key dates input cell check it first",
  },
};

/** `new Error/RangeError/TypeError(...)` in the engine, by file (relative to src/). */
const plainEngineThrows = () =>
  newExpressions(path.join(SRC, "engine"), ["Error", "RangeError", "TypeError"]);

describe("the engine's errors without a code", () => {
  it("are each a check of what its callers check first with a code, listed with the check", () => {
    const found = plainEngineThrows();
    const over = [...found].flatMap(([file, sites]) =>
      sites.length > (ENGINE_INTERNAL[file]?.count ?? 0) ? sites : [],
    );
    expect(over).toEqual([]);
    // Every listed one is still there (a file whose throw got a code leaves the list).
    for (const [file, { count }] of Object.entries(ENGINE_INTERNAL))
      expect([file, found.get(file)?.length]).toEqual([file, count]);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-coded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const ORDERS = "Customer ID,Order Date,Amount\nA1,2024-01-05,20\nA1,2024-02-05,30\nA2,2024-01-09,15\n";
const SUMMARY = "customer_id,frequency,recency,T\nA1,1,4,10\nA2,0,0,8\n";

/** Flags and values a user types, kept as typed in Chinese (besides the front ends' kept words). */
const TYPED = new Set([
  ...KEPT_FRONT_END_WORDS,
  "day",
  "week",
  "month",
  "auto",
  "perLine",
  "orderTotal",
  "x",
  "T",
  "t_x",
  "frequency",
  "recency",
  "input",
  "FILE",
  "MODEL",
  "NAME",
  // File formats, named as they are.
  "zip",
  "gzip",
  "CSV",
  "PDF",
  "parquet",
  "tsv",
  "gz",
]);

/** The Latin words of `text` once the user's own names (the folder, file names, headers) are taken out. */
function englishIn(text: string, own: string[] = []): string[] {
  const stripped = own
    .reduce((t, name) => t.split(name).join(""), text.split(dir).join(""))
    .replace(/[\w.*/-]+\.(csv|xlsx|xls|ods|json|txt|gz|parquet|foo|tsv)\b/g, "")
    .replace(/“[^”]*”/g, "");
  return latinWordsOf(stripped, TYPED);
}

async function loyalty(args: string[]) {
  const io = capture();
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** A bad run: its arguments, and what its one line must name (a file, a flag). */
type Bad = [what: string, args: () => string[] | Promise<string[]>, names: string[]];

const BAD: Bad[] = [
  [
    "--summary with --in-place",
    () => ["report", "--summary", put("s1.csv", SUMMARY), "--in-place"],
    ["--summary", "--in-place"],
  ],
  [
    "orders and --summary",
    () => ["report", put("o1.csv", ORDERS), "--summary", put("s2.csv", SUMMARY), "--out", "r.xlsx"],
    ["--summary"],
  ],
  [
    "--campaigns with --summary",
    () => ["report", "--summary", put("s3.csv", SUMMARY), "--campaigns", "c.csv"],
    ["--campaigns"],
  ],
  [
    "--sheet on a CSV",
    () => ["report", put("o2.csv", ORDERS), "--sheet", "Orders", "--out", "r.xlsx"],
    ["--sheet"],
  ],
  ["--in-place on a CSV", () => ["report", put("o3.csv", ORDERS), "--in-place"], ["--in-place", "o3.csv"]],
  [
    "--force without --in-place",
    () => ["report", put("o4.csv", ORDERS), "--force", "--out", path.join(dir, "f.xlsx")],
    ["--force"],
  ],
  [
    "a --summary that is not one",
    () => ["report", "--summary", put("s4.csv", ORDERS), "--out", "r.xlsx"],
    ["--summary", "s4.csv"],
  ],
  ["fit without an input", () => ["fit", "-m", "bgnbd"], ["--summary"]],
  [
    "fit with a bad --unit",
    () => ["fit", put("o5.csv", ORDERS), "-m", "bgnbd", "--unit", "fortnight"],
    ["--unit", "fortnight"],
  ],
  [
    "fit with a bad --penalizer",
    () => ["fit", put("o6.csv", ORDERS), "-m", "bgnbd", "--penalizer", "-1"],
    ["--penalizer"],
  ],
  [
    "fit with a bad --calibration-end",
    () => ["fit", put("o7.csv", ORDERS), "-m", "bgnbd", "--calibration-end", "soon"],
    ["--calibration-end", "soon"],
  ],
  ["fit auto on a summary", () => ["fit", put("s5.csv", SUMMARY), "-m", "auto"], ["--model"]],
  ["BG/BB on orders", () => ["fit", put("o8.csv", ORDERS), "-m", "bgbb"], ["o8.csv"]],
  [
    "fit --summary without its columns",
    () => ["fit", "--summary", put("s6.csv", ORDERS), "-m", "bgnbd"],
    ["--summary", "frequency"],
  ],
  [
    "a summary cell that is not a number",
    () => ["fit", put("s7.csv", "customer_id,frequency,recency,T\nA1,one,4,10\n"), "-m", "bgnbd"],
    ["s7.csv", "第 2 行", "B 列"],
  ],
  ["sql without --table", () => ["sql", "--as-of", "2024-12-31"], ["--table"]],
  ["sql without --as-of", () => ["sql", "--table", "orders"], ["--as-of"]],
  [
    "sql with a bad date",
    () => ["sql", "--table", "orders", "--as-of", "2024-13-45"],
    ["--as-of", "2024-13-45"],
  ],
  [
    "sql with --calibration-end after --as-of",
    () => ["sql", "--table", "t", "--as-of", "2024-01-01", "--calibration-end", "2024-06-30"],
    ["--calibration-end", "--as-of"],
  ],
  [
    "sql with --quantity alone",
    () => ["sql", "--table", "t", "--as-of", "2024-01-01", "--quantity", "q"],
    ["--quantity", "--price"],
  ],
  [
    "sql with a bad --unit",
    () => ["sql", "--table", "t", "--as-of", "2024-01-01", "--unit", "year"],
    ["--unit"],
  ],
  [
    "sql with a bad --line-amounts",
    () => ["sql", "--table", "t", "--as-of", "2024-01-01", "--line-amounts", "some"],
    ["--line-amounts"],
  ],
  [
    "an unknown role in --columns",
    () => ["report", put("o9.csv", ORDERS), "--columns", "id,when,amount", "--out", "r.xlsx"],
    ["--columns", "when"],
  ],
  [
    "a role twice in --columns",
    () => ["report", put("o10.csv", ORDERS), "--columns", "id,amount,amount", "--out", "r.xlsx"],
    ["--columns"],
  ],
  [
    "a bad --delimiter",
    () => ["report", put("o11.csv", ORDERS), "--delimiter", "slash", "--out", "r.xlsx"],
    ["--delimiter", "slash"],
  ],
  [
    "a bad --encoding",
    () => ["report", put("o12.csv", ORDERS), "--encoding", "ebcdic", "--out", "r.xlsx"],
    ["--encoding", "ebcdic"],
  ],
  [
    "a quote never closed, named by its row and column",
    () => [
      "report",
      put(
        "quote.csv",
        'Customer ID,Order Date,Amount,Note\nA1,2024-01-05,20,ok\nA1,2024-02-05,30,"bad\nA2,2024-01-09,15,x\n',
      ),
      "--out",
      "r.xlsx",
    ],
    ["quote.csv", "第 3 行", "D 列（Note）"],
  ],
  [
    "a file without a header row and no --columns: its columns said by their letters",
    () => [
      "report",
      put("plain.csv", "A1,2024-01-05,20\nA2,2024-01-06,5\n"),
      "--no-header",
      "--out",
      "r.xlsx",
    ],
    ["plain.csv", "A、B、C 列（无表头行）"],
  ],
  ["an empty CSV", () => ["report", put("empty.csv", ""), "--out", "r.xlsx"], ["empty.csv"]],
  [
    "a zip named .csv",
    () => ["report", put("zip.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), "--out", "r.xlsx"],
    ["zip.csv"],
  ],
  [
    "binary data named .csv",
    () => ["report", put("bin.csv", Buffer.from([1, 2, 0, 4, 5])), "--out", "r.xlsx"],
    ["bin.csv"],
  ],
  [
    "a folder named .csv",
    () => {
      mkdirSync(path.join(dir, "folder.csv"), { recursive: true });
      return ["report", path.join(dir, "folder.csv"), "--out", "r.xlsx"];
    },
    ["folder.csv"],
  ],
  [
    "a text file named .xlsx",
    () => ["report", put("text.xlsx", ORDERS), "--out", path.join(dir, "t.xlsx")],
    ["text.xlsx"],
  ],
  [
    "a truncated .xlsx",
    () => [
      "report",
      put("cut.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      "--out",
      path.join(dir, "t.xlsx"),
    ],
    ["cut.xlsx"],
  ],
  [
    "a settings file that is not JSON",
    () => ["report", put("o13.csv", ORDERS), "--config", put("broken.json", '{"model": '), "--out", "r.xlsx"],
    ["broken.json", "JSON"],
  ],
  [
    "settings with wrong values",
    () => [
      "report",
      put("o14.csv", ORDERS),
      "--config",
      put("bad.json", '{"model": {"margin": "x"}, "bogus": 1}'),
      "--out",
      "r.xlsx",
    ],
    ["bad.json", "model.margin", "bogus"],
  ],
  [
    "tier rules that do not fit together (the engine's check), tiers named in the language",
    () => [
      "report",
      put("o18.csv", ORDERS),
      "--config",
      put(
        "tiers.json",
        '{"tiers": {"tiers": [{"key": "a", "name": "Gold", "nameZh": "金卡", "minSpend": 100}, ' +
          '{"key": "a", "name": "Base", "nameZh": "普通", "minSpend": 5}]}}',
      ),
      "--out",
      "r.xlsx",
    ],
    ["tiers.json", "普通"],
  ],
  [
    "tier minimums that clash in a settings file: named by the file, not as the report's settings",
    () => [
      "report",
      put("o19.csv", ORDERS),
      "--config",
      put(
        "minimums.json",
        '{"tiers": {"tiers": [{"key": "gold", "name": "Gold", "nameZh": "金卡", "minSpend": 100}, ' +
          '{"key": "silver", "name": "Silver", "nameZh": "银卡", "minSpend": 500}, ' +
          '{"key": "base", "name": "Base", "nameZh": "普通"}]}}',
      ),
      "--out",
      "r.xlsx",
    ],
    ["minimums.json", "银卡", "500"],
  ],
  [
    "a campaign table without its columns",
    () => [
      "report",
      put("o15.csv", ORDERS),
      "--campaigns",
      put("camp.csv", "Who,What\nA1,x\n"),
      "--out",
      path.join(dir, "c.xlsx"),
    ],
    ["camp.csv"],
  ],
  [
    "an .xlsx without the sheet named",
    async () => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet("Orders").addRows(
        ORDERS.trim()
          .split("\n")
          .map((l) => l.split(",")),
      );
      const file = path.join(dir, "book.xlsx");
      await book.xlsx.writeFile(file);
      return ["report", file, "--sheet", "Sales", "--out", path.join(dir, "b.xlsx")];
    },
    ["Sales"],
  ],
  [
    "a file DuckDB does not read",
    () => ["report", put("o16.foo", ORDERS), "--engine", "duckdb", "--out", "r.xlsx"],
    ["o16.foo"],
  ],
  [
    "a settings file that is a folder: said in words, with what to do",
    () => {
      mkdirSync(path.join(dir, "settings.json"), { recursive: true });
      return [
        "report",
        put("o17.csv", ORDERS),
        "--config",
        path.join(dir, "settings.json"),
        "--out",
        "r.xlsx",
      ];
    },
    ["settings.json", "文件夹"],
  ],
  [
    "a DuckDB input that is a folder",
    () => {
      mkdirSync(path.join(dir, "lines.csv"), { recursive: true });
      return ["report", path.join(dir, "lines.csv"), "--engine", "duckdb", "--out", path.join(dir, "d.xlsx")];
    },
    ["lines.csv", "文件夹"],
  ],
  [
    "a glob that names no file",
    () => ["report", path.join(dir, "none-*.csv"), "--engine", "duckdb", "--out", path.join(dir, "g.xlsx")],
    ["none-*.csv"],
  ],
];

describe("bad flags, files and settings", () => {
  it.each(BAD)(
    "%s: one Chinese line under --lang zh-CN, exit 2, naming it",
    async (_what, args, names) => {
      const r = await loyalty([...(await args()), "--lang", "zh-CN"]);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^loyalty: .*[\u4e00-\u9fff]/);
      for (const name of names) expect(lines[0]).toContain(name);
      expect(
        englishIn(lines[0], ["Orders", "Customer ID", "Order Date", "Amount", "Note", "Who", "What"]),
      ).toEqual([]);
      expect(r.code).toBe(2);
    },
    60_000,
  );

  it.each(BAD)(
    "%s: the English message without --lang",
    async (_what, args, names) => {
      const r = await loyalty(await args());
      expect(r.code).toBe(2);
      const line = r.stderr.trim();
      expect(line.split("\n")).toHaveLength(1);
      expect(line).not.toMatch(/[\u4e00-\u9fff]/);
      for (const name of names.filter((n) => !/[\u4e00-\u9fff]/.test(n))) expect(line).toContain(name);
    },
    60_000,
  );
});

describe("--help", () => {
  it.each(["", "report ", "fit ", "sql ", "demo "])(
    "says loyalty %s--help in Chinese under --lang zh-CN",
    async (command) => {
      const r = await loyalty([...command.split(" ").filter(Boolean), "--help", "--lang", "zh-CN"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法： loyalty/);
      // The usage line's and the commands' names, the examples' command lines and the placeholders of the
      // flags (<file>) are what a user types.
      const text = r.stdout
        .split("\n")
        .filter((line) => !/^(用法|\s+loyalty )/.test(line))
        .join("\n")
        .replace(/<[a-z]+>/g, "")
        .replace(/^\s+(demo|fit|report|sql|help)\b.*?\s{2}/gm, "")
        .replace(/\[[a-z]+\]/g, "")
        .replace(/^\s+[a-z_]+:/gm, "")
        .replace(/-[a-z]\b/g, "")
        .replace(/# .*$/gm, "");
      expect(englishIn(text)).toEqual([]);
    },
  );

  it("says it in English without --lang, as before", async () => {
    const r = await loyalty(["report", "--help"]);
    expect(r.stdout).toMatch(/^Usage: loyalty report \[options\] \[input\]/);
    expect(r.stdout).toContain("write the report to this new .xlsx workbook");
    expect(r.stdout).toContain('(choices: "auto", "js", "duckdb", default: "auto")');
    expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

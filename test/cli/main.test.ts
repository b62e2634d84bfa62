import fs from "node:fs";
import { run } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import packageJson from "../../package.json";

describe("loyalty CLI", () => {
  it("prints help and exits 0", async () => {
    const io = capture();
    expect(await run(["--help"], io)).toBe(0);
    expect(io.stdout).toContain("Usage: loyalty");
    expect(io.stdout).toContain("demo");
  });

  it("prints the version of package.json", async () => {
    const io = capture();
    expect(await run(["--version"], io)).toBe(0);
    expect(io.stdout.trim()).toBe(packageJson.version);
  });

  it("exits 2 with one line for an unknown command", async () => {
    const io = capture();
    expect(await run(["frobnicate"], io)).toBe(2);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
    expect(io.stderr).toContain("frobnicate");
  });

  it("exits 2 with one line for an unknown option", async () => {
    const io = capture();
    expect(await run(["demo", "--nope"], io)).toBe(2);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
  });

  describe("an option that takes a file, followed by another option", () => {
    it("refuses `report --out --lang zh-CN` in Chinese, naming --out, instead of writing a file named --lang", async () => {
      const io = capture();
      const args = ["report", "test/data/example_transactions.csv", "--out", "--lang", "zh-CN"];
      expect(await run(args, io)).toBe(2);
      expect(io.stderr.trim().split("\n")).toEqual([
        "loyalty: --out 后面应是文件名，但跟着的是选项 --lang；请把文件名直接写在它后面（--out FILE），" +
          "文件名以“-”开头时写作 ./--lang",
      ]);
      expect(fs.existsSync("--lang")).toBe(false);
    });

    it.each([
      [["report", "test/data/example_transactions.csv", "--out", "--json"]],
      [["report", "test/data/example_transactions.csv", "-o", "-c", "settings.json"]],
      [["report", "test/data/example_transactions.csv", "--config", "--json", "--out", "x.xlsx"]],
      [["report", "test/data/example_transactions.csv", "--campaigns", "--out", "x.xlsx"]],
      [["report", "--summary", "--out", "x.xlsx"]],
      [["fit", "--summary", "--json", "-m", "bgnbd"]],
      [["sql", "--table", "orders", "--as-of", "2024-12-31", "--out", "--json"]],
      [["demo", "--out", "--json"]],
    ])("refuses %j in English, naming the option and what followed it", async (args) => {
      const io = capture();
      expect(await run(args, io)).toBe(2);
      const at = args.findIndex((a, i) => i > 0 && a.startsWith("-") && args[i + 1]?.startsWith("-"));
      const option = { "-o": "--out" }[args[at]] ?? args[at];
      expect(io.stderr).toBe(
        `loyalty: ${option} needs a file name, but it is followed by the option ${args[at + 1]}; write the ` +
          `file right after it (${option} FILE), or ./${args[at + 1]} for a file whose name starts with "-"`,
      );
    });

    it("takes ./--name as a file whose name starts with --", async () => {
      const io = capture();
      const args = ["report", "book.xlsx", "--out", "./--lang.xlsx", "--in-place"];
      expect(await run(args, io)).toBe(2);
      // The next check: --out was taken as a file, and clashes with --in-place.
      expect(io.stderr).toBe("loyalty: give either --out FILE or --in-place, not both");
    });
  });
});

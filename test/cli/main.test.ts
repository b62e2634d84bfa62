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
});

/** A CliIO for running CLI commands in-process: what they print is kept in `stdout` and `stderr`. */
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";

export function capture(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    interactive: false,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}

/** The one line every command prints on stderr when test accounts were left out. */
export const TEST_ACCOUNT_LINE =
  /^loyalty: left out .* as test accounts \(rule: .*--keep-test-accounts keeps them$/;

/**
 * Runs a CLI command in-process with --json and expects success (exit 0, nothing on stderr but the line on
 * test accounts left out, which `leftOut` receives): its output.
 */
export async function runJson(args: string[], leftOut?: (line: string) => void) {
  const io = capture();
  const code = await run([...args, "--json"], io);
  const lines = io.stderr.split("\n").filter((l) => l !== "");
  const testAccounts = lines.filter((l) => TEST_ACCOUNT_LINE.test(l));
  expect(lines.filter((l) => !TEST_ACCOUNT_LINE.test(l))).toEqual([]);
  if (testAccounts[0]) leftOut?.(testAccounts[0]);
  expect(code).toBe(0);
  return JSON.parse(io.stdout);
}

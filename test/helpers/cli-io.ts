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

/** Runs a CLI command in-process with --json and expects success (exit 0, nothing on stderr): its output. */
export async function runJson(args: string[]) {
  const io = capture();
  const code = await run([...args, "--json"], io);
  expect(io.stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(io.stdout);
}

/** A CliIO for running CLI commands in-process: what they print is kept in `stdout` and `stderr`. */
import type { CliIO } from "../../src/cli/io";

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

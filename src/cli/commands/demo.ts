import type { Command } from "commander";
import type { CliIO } from "../io";

/** `loyalty demo`: at this stage it describes what the CLI does on the bundled sample. */
export function registerDemo(program: Command, io: CliIO): void {
  program
    .command("demo")
    .description("run the full analysis on the bundled sample data")
    .action(() => {
      io.out(
        [
          "Loyalty Lens demo",
          "",
          "The report builders are not wired into the CLI yet. Commands available now:",
          "  loyalty --help      list the commands",
          "  loyalty --version   print the version",
        ].join("\n"),
      );
    });
}

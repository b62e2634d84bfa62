/* The `loyalty` command line: the same report builders as the task pane, on .xlsx/.csv files. */
import { Command, CommanderError } from "commander";
import { processIO, UserError, type CliIO } from "./io";
import { VERSION } from "./version";
import { registerDemo } from "./commands/demo";
import { registerFit } from "./commands/fit";
import { registerReport } from "./commands/report";
import { registerSql } from "./commands/sql";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function buildProgram(io: CliIO): Command {
  const program = new Command("loyalty")
    .description(
      "Loyalty Lens: loyalty and membership analysis (RFM, tiers, KPIs, CLV) on .xlsx and .csv files",
    )
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      // Commander's own errors are turned into one line by run(); its extra help text is dropped.
      writeErr: () => undefined,
    });
  registerDemo(program, io);
  registerFit(program, io);
  registerReport(program, io);
  registerSql(program, io);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code; never throws. */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.out(program.helpInformation());
    return EXIT_OK;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      ) {
        return EXIT_OK;
      }
      io.err(`loyalty: ${e.message.replace(/^error: /, "")}`);
      return EXIT_USAGE;
    }
    if (e instanceof UserError) {
      io.err(`loyalty: ${e.message}`);
      return EXIT_USAGE;
    }
    io.err(`loyalty: internal error: ${(e as Error)?.stack ?? String(e)}`);
    return EXIT_FAILURE;
  }
}

export function runFromProcess(): void {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();

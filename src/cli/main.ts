/* The `loyalty` command line: the same report builders as the task pane, on .xlsx/.csv files. */
import { Command, CommanderError, Help, type Option } from "commander";
import { HELP_TEXTS } from "../i18n/command-help";
import { processIO, UserError, type CliIO } from "./io";
import { CLI_TEXTS, type CommanderCode } from "../i18n/command-line";
import { shownText } from "../i18n/messages";
import { LANGUAGES, type Language } from "../engine/text/language";
import { VERSION } from "./version";
import { DAY_ORDER_UNKNOWN } from "../engine/data/parse-date";
import { registerDemo } from "./commands/demo";
import { registerFit } from "./commands/fit";
import { registerReport } from "./commands/report";
import { registerSql } from "./commands/sql";
import { exitCleanlyWhenStopped } from "./stop-signals";
import { inputError } from "../input-errors";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function buildProgram(io: CliIO): Command {
  const help = HELP_TEXTS[io.language ?? "en"];
  const program = new Command("loyalty")
    .description(help.program)
    .version(VERSION, "-v, --version", help.version)
    .helpOption("-h, --help", help.help)
    .helpCommand("help [command]", help.helpCommand)
    // Set before the commands are added: they inherit it, so each command's help speaks the language.
    .configureHelp(helpInLanguage(help))
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
  program.commands.forEach((c) => {
    c.exitOverride();
    c.options.filter(takesFile).forEach(refuseOptionAsFile);
  });
  return program;
}

/** An option whose value is a file name (`--out <file>`, `--config <file>` ...). */
function takesFile(option: Option): boolean {
  return /<file>$/.test(option.flags);
}

/**
 * Commander takes whatever follows an option that needs a value as that value, so `--out --lang zh-CN`
 * would write the report to a file named "--lang". A long option (or a one-letter flag such as -c) where a
 * file name belongs is refused instead, naming the option; a file whose name does start with "-" can be
 * given as ./-name.
 */
function refuseOptionAsFile(option: Option): void {
  const parse = option.parseArg;
  option.argParser((value: string, previous: unknown) => {
    if (value.startsWith("--") || /^-[A-Za-z]$/.test(value)) {
      throw inputError("fileOptionWithoutFile", { option: option.long ?? option.flags, value });
    }
    return parse ? parse(value, previous) : value;
  });
}

/**
 * Commander's own words in the help (its headings, the usage line's [options], the notes on choices and
 * defaults) in the language of `help`; the values themselves are shown as commander quotes them.
 */
function helpInLanguage(help: (typeof HELP_TEXTS)["en"]): Partial<Help> {
  const notes = (choices: readonly string[] | undefined, shownDefault: string | undefined) => [
    ...(choices ? [help.choices(choices.map((c) => JSON.stringify(c)))] : []),
    ...(shownDefault !== undefined ? [help.defaultIs(shownDefault)] : []),
  ];
  const withNotes = (description: string, extra: string[]) =>
    extra.length === 0 ? description : help.withNotes(description, extra).trim();
  const inUsage = (usage: string) =>
    usage.replace("[options]", help.usage.options).replace("[command]", help.usage.command);
  return {
    styleTitle: (title) => help.headings[title as keyof typeof help.headings] ?? title,
    commandUsage: (cmd) => inUsage(new Help().commandUsage(cmd)),
    subcommandTerm: (cmd) => inUsage(new Help().subcommandTerm(cmd)),
    optionDescription: (option) => {
      // As commander shows them: a default of an option that takes a value, never of a plain flag.
      const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
      const shown = option.defaultValueDescription ?? JSON.stringify(option.defaultValue);
      return withNotes(option.description, notes(option.argChoices, showDefault ? shown : undefined));
    },
    argumentDescription: (argument) => {
      const shown =
        argument.defaultValue === undefined
          ? undefined
          : (argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue));
      return withNotes(argument.description, notes(argument.argChoices, shown));
    },
  };
}

/** The language --lang names on the command line (before the command reads a workbook's stored one). */
function argvLanguage(argv: readonly string[]): Language | undefined {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (at < 0) return undefined;
  const value = argv[at].startsWith("--lang=") ? argv[at].slice("--lang=".length) : argv[at + 1];
  return LANGUAGES.find((l) => l === value);
}

/** Commander's message in `language`: by its code, the value it names taken from its English words. */
function commanderText(e: CommanderError, language: Language): string {
  const english = e.message.replace(/^error: /, "");
  const texts = CLI_TEXTS[language].commander;
  if (language === "en" || !(e.code in texts)) return english;
  // "unknown option '--nope'", "option '--out <file>' argument missing": the quoted name, else what follows ": ".
  const value = /'([^']*)'/.exec(english)?.[1] ?? english.slice(english.indexOf(":") + 1).trim();
  return texts[e.code as CommanderCode](value);
}

/** A user's error as one line in `language`: from its code when it has one, with the flag that fixes it. */
function userErrorText(e: UserError, language: Language): string {
  const text = language === "en" ? e.message : shownText(language, e.detail, e.message);
  // The engine names the setting; the command line has a flag for it.
  const needsFlag =
    (e.fix === "dayOrder" || e.message.includes(DAY_ORDER_UNKNOWN)) && !text.includes("--date-order");
  return `${text}${needsFlag ? CLI_TEXTS[language].dateOrderFlag : ""}`;
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code; never throws. */
export async function run(argv: string[], given: CliIO = processIO): Promise<number> {
  // The language of this run: --lang, or (a refresh) the workbook's, which the command sets when it reads it.
  const io: CliIO = { ...given, language: argvLanguage(argv) ?? given.language };
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
      io.err(`loyalty: ${commanderText(e, io.language ?? "en")}`);
      return EXIT_USAGE;
    }
    if (e instanceof UserError) {
      io.err(`loyalty: ${userErrorText(e, io.language ?? "en")}`);
      return EXIT_USAGE;
    }
    io.err(`loyalty: ${CLI_TEXTS[io.language ?? "en"].internalError((e as Error)?.stack ?? String(e))}`);
    return EXIT_FAILURE;
  }
}

export function runFromProcess(): void {
  exitCleanlyWhenStopped();
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();

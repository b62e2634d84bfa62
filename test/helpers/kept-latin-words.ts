/** Latin words a Chinese sheet keeps: abbreviations read the same in Chinese, the "LL " prefix, formats, commands. */
export const KEPT_LATIN_WORDS: ReadonlySet<string> = new Set([
  "LL",
  "RFM",
  "R",
  "F",
  "M",
  "CLV",
  "ID",
  "VIP",
  "App",
  "MM",
  "DD",
  "YYYY",
  "loyalty",
  "sql",
  // The setting and the flag that mask phones and e-mails, named as the user types them.
  "maskContacts",
  "mask",
  "contacts",
  // The models' names, as the literature and every tool write them (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB).
  "BG",
  "NBD",
  "MBG",
  "BB",
  "Pareto",
  "Gamma",
  // Abbreviations and symbols the models' literature writes the same in Chinese: the information criterion
  // and the parameters (r, a, b, s of the purchase models, p, q of Gamma-Gamma).
  "BIC",
  "r",
  "a",
  "b",
  "s",
  "p",
  "q",
  // The authors the models are cited by, as Chinese texts cite them.
  "Fader",
  "Hardie",
  "Lee",
  "Schmittlein",
  "Morrison",
  "Colombo",
  "Batislam",
  "Denizel",
  "Filiztekin",
]);

/**
 * Latin words the front ends' Chinese texts keep besides: the product's name, Excel, the file types and
 * units a user types or sees as they are (xlsx, csv, MB, s), ROI, ISO dates, a language's own name, the
 * values of --date-order and --engine (DuckDB, js), and Excel's TRUE and FALSE (Chinese Excel writes them so).
 */
export const KEPT_FRONT_END_WORDS: ReadonlySet<string> = new Set([
  "Loyalty",
  "Lens",
  "Excel",
  "ISO",
  "ROI",
  "xlsx",
  "xlsm",
  "csv",
  "txt",
  "json",
  // JSON and SQL, named as every Chinese manual names them (the formats of --json, --config and loyalty sql).
  "JSON",
  "SQL",
  "MB",
  "s",
  "English",
  "dmy",
  "mdy",
  "DuckDB",
  // The warehouses loyalty sql writes for, named as they name themselves.
  "Snowflake",
  "PostgreSQL",
  "js",
  "TRUE",
  "FALSE",
]);

/**
 * The Latin words of a Chinese text that are not kept as they are. What a user types as it is written is
 * taken out first: a setting's path (preferences.minSupport), a command-line flag and its value
 * (--campaigns FILE), anything in straight double quotes (a sheet name to create, JSON settings) and
 * column letters before 列 (B 列, A、B、C 列).
 */
export function latinWordsOf(text: string, kept: ReadonlySet<string> = KEPT_LATIN_WORDS): string[] {
  const own = text
    .replace(/"[^"]*"/g, "")
    .replace(/--[a-z-]+( [A-Z]+)?/g, "")
    .replace(/\b[a-z]+[A-Za-z]*(\.[a-z][A-Za-z]*)+\b/g, "")
    .replace(/\b[A-Z]{1,3}(、[A-Z]{1,3})* ?(?=列)/g, "");
  return (own.match(/\b[A-Za-z][A-Za-z']*\b/g) ?? []).filter((w) => !KEPT_LATIN_WORDS.has(w) && !kept.has(w));
}

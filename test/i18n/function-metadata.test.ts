/**
 * The functions' metadata in both languages: the English descriptions Excel shows come from the JSDoc of
 * src/functions/catalogue/ (as the build generates functions.json), the Chinese from
 * src/functions/i18n/zh-CN.json. Every function and parameter in English has its Chinese, the Chinese names
 * nothing that does not exist, and the Chinese descriptions hold no English word outside what Excel and the
 * user write as it is: function and parameter names, the values a choice takes, the models and the authors
 * they are cited by, TRUE and FALSE.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { loadTranslations, localiseMetadata, type Metadata } from "../../scripts/functions-metadata";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../helpers/kept-latin-words";

const CATALOGUE_DIR = join(__dirname, "..", "..", "src", "functions", "catalogue");

/** Latin words the Chinese descriptions keep besides the names of the functions and parameters. */
const KEPT = new Set([
  ...KEPT_FRONT_END_WORDS,
  // The values a choice or a language argument takes, as the user types them.
  "day",
  "week",
  "month",
  "either",
  "both",
  "en",
  "zh",
  // Model symbols and names of the literature, and the authors and the library the descriptions cite.
  "x",
  "T",
  "n",
  "t",
  "m",
  "d",
  "E",
  "M",
  "X",
  "P",
  "L",
  "Gupta",
  "Lehmann",
  "Shang",
  "lifetimes",
  "CLVTools",
  "CDNOW",
  // The parameters of a model row, as its label row writes them (p, q, r, a, b, s are kept everywhere).
  "alpha",
  "beta",
  "gamma",
  "delta",
  "v",
]);

let english: Metadata;

beforeAll(async () => {
  const sources = readdirSync(CATALOGUE_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(CATALOGUE_DIR, f));
  const generated = await generateCustomFunctionsMetadata(sources);
  expect(generated.errors).toEqual([]);
  english = JSON.parse(generated.metadataJson) as Metadata;
}, 60_000);

describe("the functions' metadata in Chinese", () => {
  it("describes every function and parameter the English metadata has, and nothing else", () => {
    expect(english.functions.length).toBeGreaterThanOrEqual(20);
    const { meta, problems } = localiseMetadata(english, loadTranslations("zh-CN"), "zh-CN");
    expect(problems).toEqual([]);
    expect(meta.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
  });

  it("says the descriptions in Chinese", () => {
    const zh = loadTranslations("zh-CN");
    const names = english.functions.flatMap((f) => [f.id, ...f.parameters.map((p) => p.name)]);
    const kept = new Set([...KEPT, "LOYALTY", ...names]);
    const englishWords = Object.entries(zh).flatMap(([id, t]) =>
      [[id, t.description], ...Object.entries(t.parameters).map(([p, text]) => [`${id}.${p}`, text])].flatMap(
        ([where, text]) => latinWordsOf(text, kept).map((w) => `${where}: ${w}`),
      ),
    );
    expect(englishWords).toEqual([]);
  });
});

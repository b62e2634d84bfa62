// @ts-check
/**
 * What the build does with functions.json after custom-functions-metadata has generated it from JSDoc:
 *
 * - checks that every function and parameter has a description and a help URL, and that the
 *   translation table covers them all (a function added without its Chinese text fails the build);
 * - rewrites the help URLs to the production base URL, as the manifest's URLs are rewritten;
 * - writes functions.zh-CN.json, the metadata Excel loads when its display language is Chinese (the
 *   manifest points at it with a bt:Override Locale="zh-CN"). Function and parameter names stay as in
 *   English, as Chinese Excel keeps SUM and VLOOKUP; descriptions are translated;
 * - writes help.html and help.zh-CN.html, static pages generated from the metadata (no fetch at run time).
 *
 * Plain CommonJS so that webpack.config.js can require it; tests call the same functions.
 */
const fs = require("fs");
const path = require("path");

/**
 * @typedef {{ name: string, description?: string, optional?: boolean, dimensionality?: string }} ParamMeta
 * @typedef {{ id: string, name: string, description?: string, helpUrl?: string, parameters: ParamMeta[] } & Record<string, unknown>} FunctionMeta
 * @typedef {{ functions: FunctionMeta[] } & Record<string, unknown>} Metadata
 * @typedef {{ description: string, parameters: Record<string, string> }} FunctionTranslation
 * @typedef {Record<string, FunctionTranslation>} TranslationTable
 */

const NAMESPACE = "LOYALTY";
/** Longest description Excel's function dialog shows in full (the limit of its built-in help texts). */
const MAX_DESCRIPTION = 255;
const LOCALES = ["zh-CN"];
const ROOT = path.join(__dirname, "..");
const TRANSLATIONS_DIR = path.join(ROOT, "src", "functions", "i18n");
const HELP_TEXT = path.join(ROOT, "src", "help", "help-text.json");

/** The help page of a locale: help.html for English, help.zh-CN.html for Chinese. */
function helpFile(locale) {
  return locale ? `help.${locale}.html` : "help.html";
}

/** @param {string} locale */
function loadTranslations(locale) {
  return /** @type {TranslationTable} */ (
    JSON.parse(fs.readFileSync(path.join(TRANSLATIONS_DIR, `${locale}.json`), "utf8"))
  );
}

/**
 * Problems that make the metadata unfit to ship: missing or overlong descriptions, missing help URLs.
 * @param {Metadata} meta
 * @param {string} [locale] the locale of localised metadata (its help page differs)
 * @returns {string[]}
 */
function checkMetadata(meta, locale) {
  const problems = [];
  const where = locale ? `${locale}: ` : "";
  const tooLong = (/** @type {string} */ text) => (oneLine(text) ?? "").length > MAX_DESCRIPTION;
  for (const f of meta.functions) {
    const page = `${helpFile(locale)}#${f.id.toLowerCase()}`;
    if (!f.description || f.description.length < 5) problems.push(`${where}${f.id}: no description`);
    else if (tooLong(f.description))
      problems.push(`${where}${f.id}: description longer than ${MAX_DESCRIPTION} characters`);
    if (!f.helpUrl) problems.push(`${where}${f.id}: no help URL (@helpurl)`);
    else if (!f.helpUrl.endsWith(page))
      problems.push(`${where}${f.id}: help URL ${f.helpUrl} should end with ${page}`);
    for (const p of f.parameters) {
      if (!p.description || p.description.length < 3)
        problems.push(`${where}${f.id}: parameter ${p.name} has no description`);
      else if (tooLong(p.description))
        problems.push(
          `${where}${f.id}: parameter ${p.name}: description longer than ${MAX_DESCRIPTION} characters`,
        );
    }
  }
  return problems;
}

/** @param {string | undefined} text */
function oneLine(text) {
  return text === undefined ? undefined : text.replace(/\s+/g, " ").trim();
}

/**
 * Descriptions on one line: JSDoc wraps them at the source's line width, Excel would show the breaks.
 * @param {Metadata} meta
 * @returns {Metadata}
 */
function normaliseDescriptions(meta) {
  return {
    ...meta,
    functions: meta.functions.map((f) => ({
      ...f,
      description: oneLine(f.description),
      parameters: f.parameters.map((p) => ({ ...p, description: oneLine(p.description) })),
    })),
  };
}

/**
 * Help URLs moved from the development base URL to the production one.
 * @param {Metadata} meta
 * @param {string} from
 * @param {string} to
 * @returns {Metadata}
 */
function rewriteHelpUrls(meta, from, to) {
  return {
    ...meta,
    functions: meta.functions.map((f) =>
      f.helpUrl && f.helpUrl.startsWith(from) ? { ...f, helpUrl: to + f.helpUrl.slice(from.length) } : f,
    ),
  };
}

/**
 * The metadata of one locale: descriptions from the translation table, help URLs to that locale's page.
 * Returns the problems instead when the table misses or has extra entries.
 * @param {Metadata} meta
 * @param {TranslationTable} table
 * @param {string} locale
 * @returns {{ meta: Metadata, problems: string[] }}
 */
function localiseMetadata(meta, table, locale) {
  const problems = [];
  const ids = new Set(meta.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${locale}: ${id} is not a function`);
  const functions = meta.functions.map((f) => {
    const t = table[f.id];
    if (!t || !t.description) {
      problems.push(`${locale}: no translation of ${f.id}`);
      return f;
    }
    const names = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters ?? {}))
      if (!names.has(name)) problems.push(`${locale}: ${f.id} has no parameter ${name}`);
    const parameters = f.parameters.map((p) => {
      const d = t.parameters?.[p.name];
      if (!d) problems.push(`${locale}: no translation of ${f.id} parameter ${p.name}`);
      return d ? { ...p, description: d } : p;
    });
    const helpUrl = f.helpUrl?.replace(helpFile(), helpFile(locale));
    return { ...f, description: t.description, helpUrl, parameters };
  });
  return { meta: { ...meta, functions }, problems };
}

/** @param {unknown} s */
function escapeHtml(s) {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** @param {FunctionMeta} f */
function signature(f) {
  const params = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `=${NAMESPACE}.${f.name}(${params})`;
}

/**
 * The help page: the conventions every function follows, then one section per function with the
 * anchor its helpUrl points at.
 * @param {Metadata} meta
 * @param {{ lang: string, title: string, intro: string, conventionsTitle: string, conventions: string[][], functionsTitle: string, parameters: string, optional: string, otherLanguage: { href: string, label: string } }} text
 */
function helpPage(meta, text) {
  const conventions = text.conventions
    .map(([term, body]) => `      <dt>${escapeHtml(term)}</dt>\n      <dd>${escapeHtml(body)}</dd>`)
    .join("\n");
  const toc = meta.functions
    .map((f) => `      <li><a href="#${f.id.toLowerCase()}">${NAMESPACE}.${escapeHtml(f.name)}</a></li>`)
    .join("\n");
  const sections = meta.functions
    .map((f) => {
      const params = f.parameters
        .map(
          (p) =>
            `        <li><code>${escapeHtml(p.name)}</code>${p.optional ? ` (${escapeHtml(text.optional)})` : ""}: ` +
            `${escapeHtml(p.description)}</li>`,
        )
        .join("\n");
      return [
        `    <section id="${f.id.toLowerCase()}">`,
        `      <h3><code>${escapeHtml(signature(f))}</code></h3>`,
        `      <p>${escapeHtml(f.description)}</p>`,
        params ? `      <p>${escapeHtml(text.parameters)}</p>\n      <ul>\n${params}\n      </ul>` : "",
        `    </section>`,
      ]
        .filter(Boolean)
        .join("\n");
    })
    .join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(text.lang)}">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(text.title)}</title>
    <style>
      body { font-family: "Segoe UI", "Microsoft YaHei", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
      code { background: #f3f2f1; padding: 0 0.2em; }
      dt { font-weight: 600; margin-top: 0.6em; }
      section { border-top: 1px solid #e1dfdd; margin-top: 1.5em; }
      section:target { background: #fff8e1; }
    </style>
  </head>
  <body>
    <p><a href="${escapeHtml(text.otherLanguage.href)}">${escapeHtml(text.otherLanguage.label)}</a></p>
    <h1>${escapeHtml(text.title)}</h1>
    <p>${escapeHtml(text.intro)}</p>
    <h2 id="conventions">${escapeHtml(text.conventionsTitle)}</h2>
    <dl>
${conventions}
    </dl>
    <h2 id="functions">${escapeHtml(text.functionsTitle)}</h2>
    <ul>
${toc}
    </ul>
${sections}
  </body>
</html>
`;
}

/**
 * Everything the build writes from the generated metadata, or the problems that stop the build.
 * @param {Metadata} generated the functions.json of custom-functions-metadata
 * @param {{ devBaseUrl: string, baseUrl: string }} urls
 * @returns {{ files: Record<string, string>, problems: string[] }}
 */
function buildMetadataFiles(generated, urls) {
  const problems = checkMetadata(generated);
  const meta = rewriteHelpUrls(normaliseDescriptions(generated), urls.devBaseUrl, urls.baseUrl);
  const helpText = JSON.parse(fs.readFileSync(HELP_TEXT, "utf8"));
  const files = {
    "functions.json": JSON.stringify(meta, null, 2),
    [helpFile()]: helpPage(meta, helpText.en),
  };
  for (const locale of LOCALES) {
    const local = localiseMetadata(meta, loadTranslations(locale), locale);
    problems.push(...local.problems, ...checkMetadata(local.meta, locale));
    files[`functions.${locale}.json`] = JSON.stringify(local.meta, null, 2);
    files[helpFile(locale)] = helpPage(local.meta, helpText[locale]);
  }
  return { files, problems };
}

/** Webpack plugin: runs buildMetadataFiles on the functions.json asset once it exists. */
class FunctionsMetadataFilesPlugin {
  /** @param {{ devBaseUrl: string, baseUrl: string }} urls */
  constructor(urls) {
    this.urls = urls;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin has already reported why
          const generated = JSON.parse(asset.source.source().toString());
          const { files, problems } = buildMetadataFiles(generated, this.urls);
          for (const p of problems) compilation.errors.push(new WebpackError(`functions metadata: ${p}`));
          for (const [name, text] of Object.entries(files)) {
            const source = new sources.RawSource(text);
            if (compilation.getAsset(name)) compilation.updateAsset(name, source);
            else compilation.emitAsset(name, source);
          }
        },
      );
    });
  }
}

module.exports = {
  LOCALES,
  helpFile,
  checkMetadata,
  normaliseDescriptions,
  rewriteHelpUrls,
  localiseMetadata,
  helpPage,
  buildMetadataFiles,
  loadTranslations,
  FunctionsMetadataFilesPlugin,
};

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettierConfig from "eslint-config-prettier";
import { noImportCycle } from "./eslint-rules/no-import-cycle.mjs";

/** The Office add-in rules of eslint-plugin-office-addins, taken from its recommended set (whose own
 *  copy of typescript-eslint would clash with ours). */
const officeAddinRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) =>
    name.startsWith("office-addins/"),
  ),
);

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "out/**",
      "lib/**",
      "coverage/**",
      "node_modules/**",
      "examples/**",
      "test/artifacts/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      ...officeAddinRules,
      "no-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Our own rules (eslint-rules/): a broken one is reported with its name, e.g. loyalty/no-import-cycle.
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts"],
    plugins: { loyalty: { rules: { "no-import-cycle": noImportCycle } } },
    rules: { "loyalty/no-import-cycle": "error" },
  },
  ...layerRules(),
);

/**
 * The layers (docs/architecture.md): each folder of src/ may import only the layers below it. A broken
 * rule is reported as "layer <folder>: ..." naming what it may import.
 *
 *   engine  ->  nothing of ours (pure TypeScript: no Office, no DOM, no I/O)
 *   sheet   ->  engine (the sheet model, A1 addressing, the workbook port)
 *   report  ->  engine, sheet
 *   workbook -> engine, sheet
 *   sql     ->  engine (the customer summary as SQL for warehouses and DuckDB)
 *   i18n    ->  engine, sheet, report, workbook (the one message catalogue: every text of the front ends)
 *   functions, cli, taskpane -> anything below; never each other
 */
function layerRules() {
  const layers = {
    engine: [],
    sheet: ["engine"],
    report: ["engine", "sheet"],
    workbook: ["engine", "sheet"],
    sql: ["engine"],
    i18n: ["engine", "sheet", "report", "workbook"],
    functions: ["engine", "sheet", "report", "workbook", "i18n"],
    cli: ["engine", "sheet", "report", "workbook", "functions", "sql", "i18n"],
    taskpane: ["engine", "sheet", "report", "workbook", "i18n"],
  };
  const all = Object.keys(layers);
  return all.map((layer) => {
    const allowed = layers[layer];
    const forbidden = all.filter((other) => other !== layer && !allowed.includes(other));
    const may = allowed.length > 0 ? `it may import ${allowed.join(", ")}` : "it imports nothing of ours";
    const patterns = forbidden.map((other) => ({
      group: [`**/${other}/**`, `**/${other}`],
      message: `layer ${layer}: ${layer}/ must not import ${other}/ (${may}; see docs/architecture.md).`,
    }));
    if (layer === "engine") {
      patterns.push({
        group: ["fs", "node:*", "react*", "exceljs", "jszip", "papaparse"],
        message: "layer engine: the engine is pure TypeScript (no I/O, no DOM, no Office, no file formats).",
      });
    }
    return {
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: {
        "no-restricted-imports": ["error", { patterns }],
        ...(layer === "engine"
          ? {
              "no-restricted-globals": [
                "error",
                "window",
                "document",
                "Office",
                "Excel",
                "fetch",
                "XMLHttpRequest",
              ],
            }
          : {}),
      },
    };
  });
}

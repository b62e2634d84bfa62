import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettierConfig from "eslint-config-prettier";

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
    // The engine is pure: no Office, no DOM, no I/O.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "node:*", "react*", "exceljs", "**/workbook/**", "**/report/**", "**/cli/**"] },
      ],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "fetch", "XMLHttpRequest"],
    },
  },
);

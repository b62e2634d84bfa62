/* Builds the task pane, the custom-functions runtime script and functions.json into dist/. */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsMetadataFilesPlugin } = require("./scripts/functions-metadata");

const DEV_BASE_URL = "https://localhost:3000/";
/** Where the production add-in is hosted; the manifest's dev URLs are rewritten to it. */
const PROD_BASE_URL = process.env.LOYALTY_BASE_URL || DEV_BASE_URL;

/** Office.js is copied from the package, not loaded from a CDN, so no request leaves the machine. */
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** Host scripts the Excel add-in never loads; leaving them out keeps dist/ small. */
const OTHER_HOSTS = /^(access|onenote|outlook|powerpoint|project|visio|word|o15apptofilemappingtable\.debug)/;

/** The modules that declare custom functions (JSDoc @customfunction); functions.json is generated from them. */
const CATALOGUE_DIR = path.join(__dirname, "src", "functions", "catalogue");
const FUNCTION_SOURCES = fs
  .readdirSync(CATALOGUE_DIR)
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => path.join(CATALOGUE_DIR, f));

function devServerHttps() {
  // office-addin-dev-certs installs its certificates here; without them the dev server falls back to its own.
  const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return {};
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

const config = (_env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = PROD_BASE_URL.endsWith("/") ? PROD_BASE_URL : `${PROD_BASE_URL}/`;
  return {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    // Each worker carries all of its code: chunks shared between workers would be loaded with
    // importScripts, a network API the privacy check refuses in the built add-in (scripts/privacy-check.ts).
    optimization: { splitChunks: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_SOURCES }),
      // Production help URLs, functions.zh-CN.json and the help pages, all from functions.json.
      new FunctionsMetadataFilesPlugin({ devBaseUrl: DEV_BASE_URL, baseUrl: dev ? DEV_BASE_URL : baseUrl }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: one page runs the pane and the custom functions.
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_BASE_URL).join(baseUrl)),
          },
          {
            from: OFFICE_JS_DIR,
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/office-vsdoc.js"] },
            filter: (file) => !OTHER_HOSTS.test(path.basename(file)),
            // Already minimised by Microsoft: skip Terser, which would take minutes.
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: devServerHttps() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
    },
  };
};

module.exports = config;
module.exports.FUNCTION_SOURCES = FUNCTION_SOURCES;

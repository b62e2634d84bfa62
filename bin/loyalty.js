#!/usr/bin/env node
/* The `loyalty` command. A packed release runs the compiled CLI in lib/; a checkout runs the TypeScript through tsx. */
const path = require("path");
const fs = require("fs");

const compiled = path.join(__dirname, "..", "lib", "cli", "main.js");
if (fs.existsSync(compiled)) {
  require(compiled).runFromProcess();
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "main.ts")).runFromProcess();
}

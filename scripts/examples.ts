/**
 * `npm run examples`: writes examples/loyalty-functions.xlsx, the LOYALTY functions on the CDNOW sample
 * (see scripts/examples/build-examples.ts), with every formula a dynamic array.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildExamples } from "./examples/build-examples";
import { withDynamicArrays } from "./examples/dynamic-arrays";

async function main(): Promise<void> {
  const started = Date.now();
  const { workbook, formulas } = buildExamples();
  const bytes = await withDynamicArrays(await workbook.xlsx.writeBuffer());
  const dir = join(__dirname, "..", "examples");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "loyalty-functions.xlsx");
  writeFileSync(file, bytes);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${file}: ${formulas.length} formulas on ${workbook.worksheets.length} sheets, ` +
      `${(bytes.length / 1024).toFixed(0)} KB, in ${seconds} s`,
  );
}

main().catch((e) => {
  console.error(`examples: ${(e as Error).message}`);
  process.exitCode = 1;
});

/**
 * The task pane in a real browser (npm run test:e2e, after npm run build): the browser preview on the
 * bundled sample. Screenshots go to test/artifacts/e2e/ (git-ignored) for a person to look at.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launch } from "./browser";
import { serveFolder } from "./serve";

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test", "artifacts", "e2e");

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The text of the chosen option of the dropdown named `name`. */
async function chosen(page: Page, name: string | RegExp): Promise<string> {
  const select = page.getByRole("combobox", { name });
  await select.waitFor();
  return select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    return s.options[s.selectedIndex]?.text ?? "";
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await serveFolder(join(ROOT, "dist"));
  const browser = await launch(server.url);
  const errors: string[] = [];
  try {
    const page = await browser.context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${server.url}taskpane.html`);

    // Source: the sample's order table is proposed and its columns mapped.
    await page.getByRole("heading", { name: "1. Orders" }).waitFor();
    assert.match(await chosen(page, "Order data"), /Table OrderLines \(sheet Orders\)/);
    await page.getByRole("region", { name: /First 5 of 15,\d{3} rows/ }).waitFor();
    assert.equal(await chosen(page, /^Customer ID/), "B: Member ID");
    assert.equal(await chosen(page, /^Order date/), "C: Order Date");
    assert.equal(await chosen(page, /^Amount/), "E: Amount");
    await shot(page, "1-source");

    await page.getByLabel("Language").selectOption("zh-CN");
    await page.getByRole("heading", { name: "1. 订单数据" }).waitFor();
    await shot(page, "5-zh-CN");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  } finally {
    await browser.close();
    await server.close();
  }
  assert.deepEqual(browser.blocked, [], "the pane asked for something outside the add-in");
  assert.deepEqual(errors, [], "the page reported errors");
  console.log(`e2e: passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${ARTIFACTS}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

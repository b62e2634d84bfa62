/**
 * The order-export fixtures of test/data (issue 16) and a customer summary (issue 23) in the browser
 * preview, as a user has them: each file loaded through the file input, a header-less file's columns
 * named in the Orders step, Build pressed, and the customers and net revenue the result card shows
 * compared with the expectations worked out by hand in test/exports/expected.ts and
 * test/taskpane/hand-summary.ts (the numbers are not copied here). Small files: a few seconds each.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import type { ColumnRole } from "../../src/engine/data/columns";
import { STRINGS } from "../../src/i18n/pane";
import { EXPECTED_EXPORTS, totalsOf } from "../exports/expected";
import { testDataPath } from "../helpers/test-data";
import { HAND_SUMMARY, handSummaryCsv } from "../taskpane/hand-summary";

/** What the main test lends this one: its screenshots at 320 px and its accessibility check. */
export interface PaneChecks {
  keep: (page: Page, name: string) => Promise<void>;
  axe: (page: Page, screen: string) => Promise<string[]>;
}

const en = STRINGS.en;

/** A number as the English card writes it (thousands separators, at most `decimals` decimals). */
const shown = (n: number, decimals = 0) => n.toLocaleString("en-US", { maximumFractionDigits: decimals });

/** The figure `label` of the result card (its number as shown). */
async function figure(page: Page, label: string): Promise<string> {
  const figures = page.getByTestId("result-figures");
  const item = figures.locator("div", { has: page.locator("dt", { hasText: label }) });
  return (await item.locator("dd").innerText()).trim();
}

async function load(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/plain", buffer });
  await page.getByText(`Working on ${name}.`).waitFor();
}

/** Presses Build and waits for the result card (a new file starts without one). */
async function build(page: Page): Promise<void> {
  await page.getByRole("button", { name: en.build }).click();
  await page.getByTestId("result-card").waitFor({ timeout: 60_000 });
  assert.equal(await page.getByRole("alert").count(), 0, "the build showed an error");
}

/** Names a header-less file's columns in order, as the user does in the Orders step. */
async function mapColumns(page: Page, roles: readonly ColumnRole[]): Promise<void> {
  const optional = page.getByRole("button", { name: en.optionalColumns });
  if ((await optional.getAttribute("aria-expanded")) === "false") await optional.click();
  for (const [column, role] of roles.entries()) {
    const label = en.roleLabels[role];
    await page.getByRole("combobox", { name: new RegExp(`^${label}`) }).selectOption(String(column));
  }
}

/** Every export fixture opened, built and checked; a screenshot of the header-less one's Orders step. */
export async function checkExportFixtures(page: Page, checks: PaneChecks): Promise<string[]> {
  const axe: string[] = [];
  for (const expected of EXPECTED_EXPORTS) {
    const totals = totalsOf(expected);
    await load(page, expected.file, readFileSync(testDataPath(expected.file)));
    const noHeader = page.getByRole("checkbox", { name: en.noHeaderLabel });
    await noHeader.waitFor();
    assert.equal(await noHeader.isChecked(), expected.noHeaderRoles !== undefined, expected.file);
    if (expected.noHeaderRoles) {
      await page.getByText(en.noHeaderFound).waitFor();
      await mapColumns(page, expected.noHeaderRoles);
      axe.push(...(await checks.axe(page, `${expected.file}: no header row, columns named`)));
      await page.evaluate(() => window.scrollTo(0, 0));
      await checks.keep(page, "320-en-no-header");
    } else {
      await page.getByRole("combobox", { name: /^Customer ID/ }).waitFor();
    }
    await build(page);
    assert.equal(await figure(page, en.customers), shown(totals.customers), `${expected.file}: customers`);
    assert.equal(await figure(page, en.orders), shown(totals.orders), `${expected.file}: orders`);
    assert.equal(
      await figure(page, en.netRevenue),
      shown(Math.round(totals.revenue * 100) / 100, 2),
      `${expected.file}: net revenue`,
    );
  }
  console.log(`e2e: ${EXPECTED_EXPORTS.length} export fixtures built in the preview, as worked out by hand`);
  return axe;
}

/** A customer summary loaded as a file: proposed as one, built, the card and the sheets saying so. */
export async function checkCustomerSummary(page: Page, checks: PaneChecks): Promise<string[]> {
  const axe: string[] = [];
  await load(page, "customer-summary.csv", Buffer.from(handSummaryCsv()));
  const summary = page.getByTestId("summary-source");
  await summary.waitFor();
  const source = page.getByRole("combobox", { name: en.sourceLabel });
  assert.match(
    await source.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0].text),
    /customer summary/,
  );
  await summary.getByText(en.summaryAsOf(HAND_SUMMARY.asOf)).waitFor();
  await summary.getByText(en.summaryUnitRead).waitFor();
  // No column roles for a summary: it is read by its headers.
  assert.equal(await page.getByRole("combobox", { name: /^Customer ID/ }).count(), 0);
  axe.push(...(await checks.axe(page, "customer summary as the source")));
  await page.evaluate(() => window.scrollTo(0, 0));
  await checks.keep(page, "320-en-summary");

  await build(page);
  const card = page.getByTestId("result-card");
  assert.equal(await figure(page, en.customers), shown(HAND_SUMMARY.customers));
  assert.equal(await figure(page, en.orders), shown(HAND_SUMMARY.orders));
  assert.equal(await figure(page, en.netRevenue), shown(HAND_SUMMARY.revenue, 2));
  await card.getByText(en.fromSummary(shown(HAND_SUMMARY.customers))).waitFor();
  const needLines = await page.getByTestId("result-needs-lines").locator("li").allInnerTexts();
  assert.ok(needLines.includes("LL KPIs") && needLines.includes("LL Alerts"), needLines.join(", "));
  // The KPIs sheet says what it needs, in the grid.
  await page.getByRole("button", { name: "LL KPIs" }).first().click();
  await page
    .getByTestId("sheet-grid")
    .getByText(/This sheet needs the order lines/)
    .first()
    .waitFor();
  axe.push(...(await checks.axe(page, "result of a customer summary")));
  await page.evaluate(() => window.scrollTo(0, 0));
  await checks.keep(page, "320-en-summary-result");

  const zh = STRINGS["zh-CN"];
  await page.getByRole("combobox", { name: en.language }).selectOption("zh-CN");
  await card.getByText(zh.fromSummary(shown(HAND_SUMMARY.customers))).waitFor();
  await page.getByTestId("summary-source").getByText(zh.summaryUnitRead).waitFor();
  axe.push(...(await checks.axe(page, "result of a customer summary, Chinese")));
  await page.evaluate(() => window.scrollTo(0, 0));
  await checks.keep(page, "320-zh-summary-result");
  await page.getByRole("combobox", { name: zh.language }).selectOption("en");
  console.log(
    "e2e: a customer summary built in the preview: customers, orders and revenue as worked out by hand",
  );
  return axe;
}

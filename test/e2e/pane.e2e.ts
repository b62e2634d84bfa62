/**
 * The task pane in a real browser (npm run test:e2e, after npm run build): the browser preview on the
 * bundled sample. Screenshots go to test/artifacts/e2e/ (git-ignored) for a person to look at.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { buildReport } from "../../src/report/build-report";
import { sampleWorkbook } from "../../src/taskpane/preview/sample-workbook";
import { launch } from "./browser";
import { checkCustomerSummary, checkExportFixtures, type PaneChecks } from "./export-fixtures";
import { describeFigures, measureLargeFile } from "./responsiveness";
import { serveFolder } from "./serve";

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test", "artifacts", "e2e");
/** Screenshots of each screen at 320 px, kept in the repository for people to look at. */
const SCREENSHOTS = join(ROOT, "test", "e2e", "screenshots");

/** A screenshot of a part of the pane, or of what the pane's window shows. */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  const path = join(ARTIFACTS, `${name}.png`);
  if (part) await part.screenshot({ path });
  else await page.screenshot({ path });
}

/**
 * A screenshot of the whole pane at 320 px, kept under test/e2e/screenshots/: the window made as tall as
 * the page, so the action bar (fixed at the window's bottom) is drawn where it is at the end of the scroll
 * rather than over the middle of the page, and with animations run to their end (a panel just folded is
 * drawn folded).
 */
async function keep(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  assert.equal(viewport?.width, 320);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 320, height });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
  await page.setViewportSize({ width: 320, height: viewport?.height ?? 900 });
}

/** WCAG 2.1 A and AA rules axe finds broken on the page as it is now (none expected). */
async function accessibilityProblems(page: Page, screen: string): Promise<string[]> {
  // Fluent UI's focus manager (tabster) puts 1-pixel <i tabindex=0 aria-hidden> sentinels at the edges of
  // focus groups: they pass focus straight on to the next real control and are never announced, but axe
  // reports them as aria-hidden-focus. They are left out; every other element is checked.
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude("[data-tabster-dummy]")
    .analyze();
  return violations.map(
    (v) =>
      `${screen}: ${v.id} (${v.impact}): ${v.help}; ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
}

/** Opens every folded panel of the pane (optional columns, dates, sheets, thresholds typed here). */
async function unfoldEverything(page: Page): Promise<void> {
  const folded = page.locator("button[aria-expanded=false]");
  for (let i = 0; i < 20 && (await folded.count()) > 0; i++) await folded.first().click();
  const here = page.getByRole("radio", { name: /Set them here|在此设置/ });
  if ((await here.count()) > 0) await here.check();
}

/** Folds the panels again (and the thresholds back to the sheets' rule tables). */
async function foldEverything(page: Page): Promise<void> {
  const sheets = page.getByRole("radio", { name: /rule tables on the Tiers|工作表中的规则表/ });
  if ((await sheets.count()) > 0) await sheets.check();
  const open = page.locator("button[aria-expanded=true]");
  for (let i = 0; i < 20 && (await open.count()) > 0; i++) await open.first().click();
}

/** The pane at 320 and 350 px with every panel open: nothing may be wider than the pane. */
async function checkNarrow(page: Page, what: string): Promise<void> {
  await unfoldEverything(page);
  for (const width of [320, 350]) {
    await page.setViewportSize({ width, height: 900 });
    assert.equal(await overflowingWidth(page), 0, `${what} is wider than ${width} px`);
  }
  await foldEverything(page);
  await page.setViewportSize({ width: 320, height: 900 });
}

/** Tab presses from the top of the page until Build report has the focus. */
async function tabsToBuild(page: Page): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let tabs = 1; tabs <= 40; tabs++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.textContent === "Build report")) return tabs;
  }
  return Infinity;
}

/** Opens the "As-of date and time unit" panel (folded: rarely changed). */
async function showDates(page: Page): Promise<void> {
  const header = page.getByRole("button", { name: "As-of date and time unit" });
  if ((await header.getAttribute("aria-expanded")) === "false") await header.click();
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

/** How far the page is wider than the viewport (0: no sideways scrolling). */
async function overflowingWidth(page: Page): Promise<number> {
  const { excess, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()} ${Math.round(e.getBoundingClientRect().width)}px "${(e.textContent ?? "").slice(0, 60)}"`,
      );
    return { excess: document.documentElement.scrollWidth - width, culprits };
  });
  if (excess > 0) console.error("wider than the pane:", culprits);
  return excess;
}

/** Form controls a screen reader could not name (no label, no aria-label or aria-labelledby, no text). */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button")]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .filter((e) => {
        const labelled =
          (e as HTMLInputElement).labels?.length ||
          e.getAttribute("aria-label") ||
          e.getAttribute("aria-labelledby");
        return !labelled && !(e.textContent ?? "").trim();
      })
      .map((e) => e.outerHTML.slice(0, 120)),
  );
}

/** The cell selected in the preview's grid ("Orders!B121"), as its row and column headers name it. */
function selectedCell(page: Page): Promise<string> {
  return page.evaluate(() => {
    const td = document.querySelector(
      "[data-testid=sheet-grid] td[data-selected=true]",
    ) as HTMLTableCellElement;
    const row = td.parentElement?.querySelector("th")?.textContent ?? "";
    const column = td.closest("table")?.querySelectorAll("thead th")[td.cellIndex]?.textContent ?? "";
    const sheet = document.querySelector("[role=tab][aria-selected=true]")?.textContent ?? "";
    return `${sheet}!${column}${row}`;
  });
}

/** The report of the sample built in Node by the same builder, to check what the pane shows. */
async function expectedSummary() {
  const workbook = sampleWorkbook();
  // Every sheet, as the pane builds by default (the models give the value at risk the contacts are ordered by).
  const { summary } = await buildReport({ workbook });
  return summary;
}

/** A small .xlsx file with an Excel table under Chinese headers, as a store might export it. */
async function chineseWorkbookFile(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("消费");
  sheet.addTable({
    name: "消费记录",
    ref: "A1",
    columns: [{ name: "会员编号" }, { name: "消费日期" }, { name: "实付金额" }],
    rows: [
      ["M001", new Date(Date.UTC(2024, 0, 5)), 120],
      ["M002", new Date(Date.UTC(2024, 1, 9)), 80.5],
      ["M001", new Date(Date.UTC(2024, 2, 1)), 42],
    ],
  });
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    name: "会员消费.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveFolder(join(ROOT, "dist"));
  const browser = await launch(server.url);
  const errors: string[] = [];
  /** What axe found on each screen (nothing, expected). */
  const axe: string[] = [];
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
    assert.ok((await tabsToBuild(page)) <= 5, "Build report is not among the first 5 Tab stops");
    axe.push(...(await accessibilityProblems(page, "orders step")));
    await unfoldEverything(page);
    axe.push(...(await accessibilityProblems(page, "every panel open")));
    await page.setViewportSize({ width: 320, height: 900 });
    await keep(page, "320-en-settings-open");
    await foldEverything(page);
    await keep(page, "320-en-orders");
    await checkNarrow(page, "the pane (English, light)");
    await page.setViewportSize({ width: 400, height: 900 });

    // Thresholds can be typed in the pane instead of on the sheets.
    const buildSection = page.locator("section", { has: page.getByRole("heading", { name: "2. Build" }) });
    await page.getByRole("button", { name: "Thresholds" }).click();
    await page.getByRole("radio", { name: "Set them here" }).check();
    await page.getByRole("textbox", { name: "Platinum: minimum spend" }).fill("lots");
    await buildSection.getByText("“lots” is not a number.").waitFor();
    // The action bar says why Build waits.
    assert.equal(await page.getByTestId("progress-step").innerText(), "“lots” is not a number.");
    assert.equal(await page.getByRole("button", { name: "Build report" }).isEnabled(), false);
    await shot(page, "2-thresholds", buildSection);
    await page.getByRole("textbox", { name: "Platinum: minimum spend" }).fill("");
    await page.getByRole("radio", { name: /rule tables on the Tiers and Alerts sheets/ }).check();
    await page.getByRole("button", { name: "Thresholds" }).click();

    // Build: a determinate progress bar naming the step, then the result card.
    // By keyboard: every control has a name, and Tab reaches Build report, which Enter presses.
    assert.deepEqual(await unnamedControls(page), []);
    await page.getByRole("combobox", { name: "Language" }).focus();
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.textContent === "Build report"))) {
      assert.ok(++tabs < 80, "Tab never reached Build report");
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.getByRole("progressbar").waitFor();
    const step = await page.getByTestId("progress-step").innerText();
    assert.match(step, /Reading|Checking|Summarising|Fitting|Writing sheet \d of 8/);
    const card = page.getByTestId("result-card");
    await card.waitFor({ timeout: 60_000 });
    const expected = await expectedSummary();
    assert.match(
      await card.innerText(),
      new RegExp(`Customers\\s+${expected.customers.toLocaleString("en-US")}`),
    );
    const tiers = await page.getByTestId("result-tiers").locator("li").allInnerTexts();
    assert.deepEqual(
      tiers.map((t) => t.replace(/\s+/g, " ").trim()),
      expected.tiers.map((t) => `${t.name} ${t.customers.toLocaleString("en-US")}`),
    );
    for (const sheet of ["LL Segments", "LL Tiers", "LL Customers", "LL Data quality"]) {
      await page.getByRole("tab", { name: sheet }).waitFor();
    }
    // The Benefit cost totals, as the report computes them.
    const projection = expected.projection;
    assert.ok(projection);
    assert.match(
      await page.getByTestId("result-benefit-cost").innerText(),
      new RegExp(`Revenue\\s+${projection.revenue.toLocaleString("en-US", { maximumFractionDigits: 0 })}`),
    );
    await shot(page, "2-result-card", card);
    // The focus is on the result's heading, and the status line (a live region) said the report is ready.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "result-heading");
    assert.match(await page.getByTestId("progress-step").innerText(), /^Report ready: [\d,]+ customers\.$/);
    // Whom to contact this week: the first members of the Alerts sheet's list, with their reasons.
    const contacts = await page.getByTestId("result-contacts").locator("li").allInnerTexts();
    assert.equal(contacts.length, expected.contacts.first.length);
    expected.contacts.first.forEach((c, i) => {
      assert.ok(contacts[i].startsWith(c.customerId), `${contacts[i]} is not ${c.customerId}`);
      if (c.valueAtRisk !== null) assert.match(contacts[i], /value at risk [\d,.]+/);
    });
    axe.push(...(await accessibilityProblems(page, "result")));
    await page.getByRole("button", { name: "Open the list" }).click();
    const alertsSheet = expected.sheets.find((x) => x.kind === expected.contacts.sheet)?.sheetName ?? "";
    await page.getByRole("tab", { name: alertsSheet, selected: true }).waitFor();
    // A count opens its sheet; the grid shows dates as dates (as Excel does), never as serial numbers.
    await page.getByRole("button", { name: /^Customers: [\d,]+\. Show sheet LL Customers$/ }).click();
    await page.getByRole("tab", { name: "LL Customers", selected: true }).waitFor();
    await page
      .getByTestId("sheet-grid")
      .getByText(/^\d{4}-\d{2}-\d{2}$/)
      .first()
      .waitFor();
    const cells = await page.getByTestId("sheet-grid").locator("td").allInnerTexts();
    assert.ok(
      cells.some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t)),
      "no date shown as a date on LL Customers",
    );
    await page.setViewportSize({ width: 320, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await keep(page, "320-en-result");
    await page.setViewportSize({ width: 400, height: 900 });

    // A data-quality finding links to its first case (in the preview: the grid selects that cell).
    const firstPlaced = expected.warnings.find((w) => w.about && "finding" in w.about && w.where);
    assert.ok(firstPlaced?.where);
    // By keyboard: the link takes focus and Enter follows it.
    await page.getByTestId("result-quality").getByRole("button").first().focus();
    await page.keyboard.press("Enter");
    await page.locator("[data-testid=sheet-grid] td[data-selected=true]").first().waitFor();
    assert.equal(await selectedCell(page), `${firstPlaced.where.sheet}!${firstPlaced.where.range}`);
    await shot(page, "3-warning-selected", page.getByRole("region", { name: /Cells of sheet/ }));

    // 450 px, the widest a task pane usually is: nothing wider than the pane.
    await page.setViewportSize({ width: 450, height: 900 });
    assert.equal(await overflowingWidth(page), 0, "the pane is wider than 450 px");
    await shot(page, "3-result-450px", card);

    // Refresh with the stored settings: the result card is rebuilt.
    const refresh = page.getByRole("button", { name: "Refresh" });
    assert.equal(await refresh.isEnabled(), true);
    await refresh.click();
    await page.getByRole("button", { name: "Refreshing…" }).waitFor({ state: "detached", timeout: 60_000 });
    assert.match(
      await card.innerText(),
      new RegExp(`Customers\\s+${expected.customers.toLocaleString("en-US")}`),
    );

    // The pane in Chinese, 320 px wide.
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await page.getByRole("heading", { name: "1. 订单数据" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    await page.getByRole("heading", { name: "报告已生成" }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "4-zh-CN-320px-top");
    await shot(
      page,
      "4-zh-CN-build",
      page.locator("section", { has: page.getByRole("heading", { name: "2. 生成" }) }),
    );
    await shot(page, "4-zh-CN-card-320px", card);
    assert.equal(await overflowingWidth(page), 0, "the pane is wider than 320 px");
    await keep(page, "320-zh-result");
    axe.push(...(await accessibilityProblems(page, "result in Chinese")));
    await unfoldEverything(page);
    axe.push(...(await accessibilityProblems(page, "every panel open in Chinese")));
    await keep(page, "320-zh-settings-open");
    await checkNarrow(page, "the pane (Chinese, light)");

    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    // An .xlsx file opened in the preview: its table is found and its Chinese headers mapped.
    await page.getByTestId("file-input").setInputFiles(await chineseWorkbookFile());
    await page.getByText("Working on 会员消费.xlsx.").waitFor();
    assert.match(await chosen(page, "Order data"), /Table 消费记录 \(sheet 消费\) · 3 rows/);
    assert.equal(await chosen(page, /^Customer ID/), "A: 会员编号");
    assert.equal(await chosen(page, /^Order date/), "B: 消费日期");
    assert.equal(await chosen(page, /^Amount/), "C: 实付金额");

    // Dates written day first (a .csv from a European shop): 25/12/2023 proves it, so the Orders step
    // proposes day first and says why, and the build reads every date without a choice by hand. 320 px.
    const csvOf = (dates: string[]) =>
      Buffer.from(
        ["Customer ID,Order date,Amount", ...dates.map((d, i) => `C${(i % 3) + 1},${d},${i + 5}`)].join("\n"),
      );
    const dayFirst = ["05/01/2024", "25/12/2023", "17/02/2024", "01/03/2024", "23/05/2024", "02/06/2024"];
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "day-first.csv", mimeType: "text/csv", buffer: csvOf(dayFirst) });
    await page.getByText("Working on day-first.csv.").waitFor();
    assert.equal(await chosen(page, "Date order"), "Day first (31/12/2024)");
    await page.getByText("Proposed from the dates: 25/12/2023 is day first.").waitFor();
    await showDates(page);
    await page.getByText("Default: the last order date, 2024-06-02.").waitFor();
    const orders = page.locator("section", { has: page.getByRole("heading", { name: "1. Orders" }) });
    await shot(page, "5-date-order-320px", orders);
    assert.equal(
      await overflowingWidth(page),
      0,
      "the pane with the proposed date order is wider than 320 px",
    );
    await page.getByRole("button", { name: "Build report" }).click();
    await card.getByText("6 rows read").waitFor({ timeout: 60_000 });
    assert.match(await card.innerText(), /Customers\s+3/);
    assert.equal(await page.getByRole("alert").count(), 0);

    // Dates that do not say (every day up to 12): nothing is proposed, the build says to set the date
    // order in the Orders step, and with "Day first" chosen there it builds.
    const ambiguous = ["05/01/2024", "12/11/2023", "11/02/2024", "01/03/2024", "03/05/2024", "02/06/2024"];
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "ambiguous.csv", mimeType: "text/csv", buffer: csvOf(ambiguous) });
    await page.getByText("Working on ambiguous.csv.").waitFor();
    assert.equal(await chosen(page, "Date order"), "Year first (ISO, Excel dates)");
    await orders.getByText("For dates typed as text, such as 03/04/2024.").waitFor();
    assert.equal(await orders.getByText(/Proposed from the dates/).count(), 0);
    await page.getByRole("button", { name: "Build report" }).click();
    const advice = page.getByRole("alert");
    await advice.getByText(/day\/month order unknown/).waitFor({ timeout: 60_000 });
    assert.match(
      await advice.innerText(),
      /What to do: In “1\. Orders”, set the date order to day first or month first, then build again\./,
    );
    assert.equal(await overflowingWidth(page), 0, "the pane with the date-order advice is wider than 320 px");
    await shot(page, "5-date-order-advice-320px", advice);
    // The focus went to the error, so a keyboard or screen-reader user is taken to it.
    assert.ok(
      await advice.evaluate((el) => el.contains(document.activeElement)),
      "the error did not take the focus",
    );
    axe.push(...(await accessibilityProblems(page, "error")));
    await page.evaluate(() => window.scrollTo(0, 0));
    await keep(page, "320-en-error");
    // The same advice in Chinese: the error's code and values are said in the pane's words.
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await advice.getByText(/ambiguous\.csv.*：6 行中没有可用的订单明细.*日\/月顺序未知/).waitFor();
    assert.match(await advice.innerText(), /处理方法：\s*请在“1\. 订单数据”中将日期顺序设为/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await keep(page, "320-zh-error");
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await page
      .getByRole("combobox", { name: "Date order" })
      .selectOption({ label: "Day first (31/12/2024)" });
    await showDates(page);
    await page.getByText("Default: the last order date, 2024-06-02.").waitFor();
    await page.getByRole("button", { name: "Build report" }).click();
    await card.getByText("6 rows read").waitFor({ timeout: 60_000 });
    assert.equal(await page.getByRole("alert").count(), 0);

    // The order-export fixtures as a user loads them (a header-less one's columns named), and a customer
    // summary as the source: the card's customers and revenue as worked out by hand. 320 px.
    const checks: PaneChecks = { keep, axe: accessibilityProblems };
    assert.equal(page.viewportSize()?.width, 320);
    axe.push(...(await checkExportFixtures(page, checks)));
    axe.push(...(await checkCustomerSummary(page, checks)));
    assert.equal(await overflowingWidth(page), 0, "the pane with a customer summary is wider than 320 px");

    // A file the preview cannot read: a message bar says what is wrong and what to do.
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "orders.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    const alert = page.getByRole("alert");
    await alert.getByText("orders.pdf: the preview reads .xlsx and .csv files").waitFor();
    assert.match(await alert.innerText(), /What to do: Open an \.xlsx or \.csv file/);
    await shot(page, "5-error", alert);
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await alert.getByText("orders.pdf：预览只能读取 .xlsx 和 .csv 文件；请另存为其中一种格式").waitFor();
    assert.match(await alert.innerText(), /处理方法：\s*请打开每行一笔订单/);
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");

    // Cancel during a build of about 100,000 order lines: it stops at the next step and says so.
    await page.goto(`${server.url}taskpane.html?customers=10000`);
    await page.getByRole("region", { name: /First 5 of 100,\d{3} rows/ }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Build report" }).click();
    await page.getByRole("progressbar").waitFor();
    // The pane while it builds, as its window shows it (quick: the build must still be running to cancel).
    assert.equal(page.viewportSize()?.width, 320);
    await page.screenshot({ path: join(SCREENSHOTS, "320-en-building.png") });
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Build cancelled.", { exact: false }).waitFor({ timeout: 2_000 });
    assert.equal(await page.getByTestId("result-card").count(), 0);
    assert.equal(await page.getByRole("button", { name: "Build report" }).isEnabled(), true);
  } finally {
    await browser.close();
  }
  // Dark and Chinese, as the host's colour scheme and language say.
  const dark = await launch(server.url, { colorScheme: "dark", locale: "zh-CN" });
  try {
    const page = await dark.context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole("combobox", { name: /^客户ID/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor,
    );
    assert.match(background, /^rgb\((\d{1,2}), \1, \1\)$/, `a dark background, not ${background}`);
    await shot(page, "6-dark");
    axe.push(...(await accessibilityProblems(page, "orders step, dark, Chinese")));
    await unfoldEverything(page);
    axe.push(...(await accessibilityProblems(page, "every panel open, dark, Chinese")));
    await checkNarrow(page, "the pane (Chinese, dark)");
    await page.setViewportSize({ width: 320, height: 900 });
    await keep(page, "320-zh-dark-orders");
    await page.getByRole("button", { name: "生成报告" }).click();
    await page.getByTestId("result-card").waitFor({ timeout: 60_000 });
    await shot(page, "6-dark-card", page.getByTestId("result-card"));
    assert.equal(await page.evaluate(() => document.activeElement?.id), "result-heading");
    axe.push(...(await accessibilityProblems(page, "result, dark, Chinese")));
    await page.evaluate(() => window.scrollTo(0, 0));
    await keep(page, "320-zh-dark-result");
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    axe.push(...(await accessibilityProblems(page, "result, dark, English")));
    await keep(page, "320-en-dark-result");
    await checkNarrow(page, "the pane (English, dark)");
  } finally {
    await dark.close();
    await server.close();
  }
  assert.deepEqual(axe, [], "axe found WCAG 2.1 A/AA problems");
  console.log("e2e: axe found no WCAG 2.1 A/AA problem on any screen, in both languages and themes");
  // A real-size file: 541,909 generated lines opened and built at 350 px. It takes two to three minutes on
  // a busy 2-core machine (it once seemed to hang: the build had failed at once on the unit price mapped
  // as the amount, and the run waited 10 minutes for a card; it now stops at the first error shown).
  // LOYALTY_E2E_LARGE=0 leaves it out, saying so.
  if (process.env.LOYALTY_E2E_LARGE !== "0") {
    const large = await serveFolder(join(ROOT, "dist"));
    try {
      // Asserted inside: the result card appears with the file's line and customer counts, worked out
      // from the file's text, and the status line told how far opening and reading had come.
      const figures = await measureLargeFile(large.url);
      console.log(describeFigures(figures));
      // Issue 21's acceptance: the page answers clicks and repaints within 200 ms all along, and Cancel
      // within 200 ms. Timings are not a test's to assert (they vary with the machine's load): they are
      // printed here with whether they were met on this run, and kept by `npm run bench -- 541,909`.
      const met = (ms: number) =>
        ms <= 200 ? "MET (≤ 200 ms)" : "MISSED (budget 200 ms; see npm run bench)";
      console.log(
        `e2e ACCEPTANCE: longest main-thread task ${Math.round(figures.longestTaskMs)} ms ` +
          `(${figures.longTasks} over 50 ms): ${met(figures.longestTaskMs)}`,
      );
      console.log(
        `e2e ACCEPTANCE: Cancel answered in ${Math.round(figures.cancelMs)} ms: ${met(figures.cancelMs)}`,
      );
    } finally {
      await large.close();
    }
  } else {
    console.log(
      "e2e: SKIPPED the 541,909-line run, as LOYALTY_E2E_LARGE=0 asked (npm run bench -- 541,909 runs it)",
    );
  }
  assert.deepEqual(
    [...browser.blocked, ...dark.blocked],
    [],
    "the pane asked for something outside the add-in",
  );
  assert.deepEqual(errors, [], "the page reported errors");
  console.log(`e2e: passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${ARTIFACTS}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

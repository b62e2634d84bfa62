/**
 * The result card as the pane renders it (server-side to HTML, no browser): a real report on the sample
 * with a user sheet that has a generated sheet's name, in English and in Chinese.
 */
import { QUALITY_REASONS } from "../../src/engine/data/quality";
import { buildReport, type ReportResult } from "../../src/report/build-report";
import { ResultCard } from "../../src/taskpane/components/ResultCard";
import { messageText } from "../../src/i18n/messages";
import { formatNumber, STRINGS, type Language } from "../../src/i18n/pane";
import { sampleWorkbook } from "../../src/taskpane/preview/sample-workbook";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { renderInLanguage } from "./render-in-language";

let result: ReportResult;

beforeAll(async () => {
  const workbook = sampleWorkbook({ customers: 300 });
  workbook.addUserSheet({ name: "LL Tiers", rows: [["My own tier notes"]] });
  result = (await buildReport({ workbook, config: { sheets: ["tiers", "benefit-cost"] } })) as ReportResult;
});

/** The card's HTML, and its text in reading order (a label before its number). */
function cardText(language: Language): { html: string; text: string } {
  const html = renderInLanguage(language, <ResultCard result={result} onSelect={() => undefined} />);
  const text = html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
  return { html, text };
}

describe("the result card", () => {
  it("shows customers, orders, members to act on, the tiers with their counts and the time taken", () => {
    const s = result.summary;
    const en = (v: number) => formatNumber("en", v);
    const { text } = cardText("en");
    expect(text).toContain(`Customers ${en(s.customers)} Orders ${en(s.orders)}`);
    expect(text).toContain(`Members with an alert ${en(s.alerts)}`);
    expect(s.alerts).toBeGreaterThan(0);
    expect(text).toContain(`Tiers ${s.tiers.map((t) => `${t.name} ${en(t.customers)}`).join(" ")}`);
    expect(text).toContain(STRINGS.en.seconds(formatNumber("en", s.seconds, 1)));
    const zh = cardText("zh-CN").text;
    expect(zh).toContain(
      `会员等级 ${result.config.tiers.tiers[0].nameZh} ${formatNumber("zh-CN", s.tiers[0].customers)}`,
    );
  });

  it("says how many are on this week's list, and each contact's days since the last purchase once", () => {
    const { contacts } = result.summary;
    expect(contacts.first.length).toBeGreaterThan(0);
    for (const language of ["en", "zh-CN"] as const) {
      const { text } = cardText(language);
      const total = formatNumber(language, contacts.total);
      expect(text).toContain(
        language === "en" ? `${total} members on this week’s list` : `本周名单共 ${total} 位会员`,
      );
      for (const c of contacts.first) {
        const days = STRINGS[language].daysSince(formatNumber(language, c.daysSinceLast));
        const times = (t: string) => t.split(days).length - 1;
        // Said by the reasons (as often as they say it), else once after the value at risk.
        const expected = contacts.first
          .filter((o) => o.daysSinceLast === c.daysSinceLast)
          .reduce(
            (n, o) => n + (times(o.reasons.map((r) => (language === "en" ? r.en : r.zh)).join()) || 1),
            0,
          );
        expect(times(text)).toBe(expected);
      }
    }
  });

  it("says that a user sheet kept its name and which name the report sheet got", () => {
    expect(result.summary.renamedSheets).toEqual([
      { kind: "tiers", requested: "LL Tiers", actual: "LL Tiers (2)" },
    ]);
    expect(cardText("en").text).toContain(STRINGS.en.renamed("LL Tiers", "LL Tiers (2)"));
    expect(cardText("zh-CN").text).toContain(STRINGS["zh-CN"].renamed("LL Tiers", "LL Tiers (2)"));
  });

  it("shows the Benefit cost totals the report computed, and where to edit the assumptions", () => {
    const p = result.summary.projection!;
    expect(p.revenue).toBeGreaterThan(0);
    const { text } = cardText("en");
    expect(text).toContain(`Revenue ${formatNumber("en", p.revenue)}`);
    expect(text).toContain(
      `Benefit cost (${formatNumber("en", p.costShareOfRevenue * 100, 1)} % of revenue) ${formatNumber("en", p.benefitCost)}`,
    );
    expect(text).toContain(`Return on benefit cost (ROI) ${formatNumber("en", p.roi * 100, 1)} %`);
    expect(text).toContain(STRINGS.en.projectionHint("LL Benefit cost"));
    expect(cardText("zh-CN").text).toContain(`净效应 ${formatNumber("zh-CN", p.netEffect)}`);
  });

  it("makes every data-quality finding with a place a link naming the cells it selects", () => {
    const { html } = cardText("en");
    const placed = result.summary.warnings.filter((w) => w.about && "finding" in w.about && w.where);
    expect(placed.length).toBeGreaterThan(1);
    for (const w of placed) {
      const reason = (w.about as { finding: string }).finding;
      const finding = result.summary.dataQuality.findings.find((f) => f.reason === reason)!;
      const label = QUALITY_REASONS.find((r) => r.reason === reason)!.label;
      expect(html).toContain(
        `aria-label="${label}: ${formatNumber("en", finding.count)} ${finding.unit === "customers" ? "customer" : "row"}`,
      );
      expect(html).toContain(`${STRINGS.en.showCells}: Orders!${w.where!.range}"`);
    }
  });

  it("makes another warning with a place a link naming its cells as Excel does, one without plain text", () => {
    const warnings = [
      ...result.summary.warnings,
      { message: "Look at this fit", where: { sheet: "LL Model", range: "B4:C9" } },
      { message: "Nothing to select" },
    ];
    const html = renderInLanguage(
      "en",
      <ResultCard
        result={{ ...result, summary: { ...result.summary, warnings } }}
        onSelect={() => undefined}
      />,
    );
    expect(html).toContain(
      `aria-label="Look at this fit. ${STRINGS.en.showCells}: &#x27;LL Model&#x27;!B4:C9"`,
    );
    expect(html).toMatch(/<span[^>]*role="button"[^>]*>Look at this fit<\/span>/);
    expect(html).not.toMatch(/role="button"[^>]*>Nothing to select/);
    expect(html).toContain(">Nothing to select<");
  });

  it("writes the findings in Chinese, and keeps only the other warnings in their own list", () => {
    const { text } = cardText("zh-CN");
    for (const f of result.summary.dataQuality.findings) {
      const info = QUALITY_REASONS.find((r) => r.reason === f.reason)!;
      expect(text).toContain(`${info.labelZh}：${formatNumber("zh-CN", f.count)}`);
      expect(text).not.toContain(info.label);
    }
    const others = result.summary.warnings.filter((w) => !w.about);
    for (const w of others) {
      expect(text).toContain(w.detail ? messageText("zh-CN", w.detail) : w.message);
    }
    expect(text.includes(STRINGS["zh-CN"].otherWarnings)).toBe(others.length > 0);
  });

  it("says why a model was not used in the pane's language, naming the model", async () => {
    // Two customers who each bought once on the last day: neither model has anything to fit.
    const workbook = MemoryWorkbook.withSheets([
      {
        name: "Orders",
        rows: [
          ["Customer", "Date", "Amount"],
          ["A", "2024-03-01", 10],
          ["B", "2024-03-01", 20],
        ],
      },
    ]);
    const built = await buildReport({ workbook, config: { sheets: ["model"] } });
    const models = built.summary.warnings.filter((w) => w.detail);
    expect(models.map((w) => w.detail)).toEqual([
      { code: "modelNoHistory", model: "BG/NBD" },
      { code: "modelFailed", model: "Gamma-Gamma" },
    ]);
    const html = (language: Language) =>
      renderInLanguage(language, <ResultCard result={built} onSelect={() => undefined} />);
    const zh = html("zh-CN");
    expect(zh).toContain("模型：BG/NBD 无法拟合：没有客户有可用于拟合的购买记录");
    expect(zh).toContain("模型：Gamma-Gamma 无法拟合，因此未给出其预测；详见“模型”工作表");
    expect(zh).not.toContain(models[1].message);
    // In English the words the CLI prints, or plain words where the CLI gives the optimiser's details.
    expect(html("en")).toContain(models[0].message);
    expect(html("en")).toContain("Model: Gamma-Gamma could not be fitted, so its predictions are left out");
  });
});

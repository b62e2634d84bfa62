/**
 * The thresholds typed in the pane, as it renders them (server-side to HTML, no browser): each tier but
 * the base one has its two minimums, labelled with the tier, showing what was typed, a bad number flagged.
 */
import { ThresholdFields } from "../../src/taskpane/components/ThresholdFields";
import { STRINGS } from "../../src/i18n/pane";
import { buildFormOf, type BuildForm } from "../../src/taskpane/state/build-form";
import { resolveReportConfig } from "../../src/report/config";
import { renderInLanguage } from "./render-in-language";

function html(form: BuildForm, problems = new Map<string, string>()): string {
  return renderInLanguage(
    "en",
    <ThresholdFields form={form} problems={problems} dispatch={() => undefined} disabled={false} />,
  );
}

/** The inputs in page order: the label text that names each, its inputmode and value. */
function inputs(markup: string): { label: string; inputMode: string; value: string }[] {
  const labels = new Map(
    [...markup.matchAll(/<label[^>]*for="([^"]+)"[^>]*>([^<]*)/g)].map((m) => [m[1], m[2]] as const),
  );
  return [...markup.matchAll(/<input([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => /type="text"/.test(attrs))
    .map((attrs) => ({
      label: labels.get(/id="([^"]+)"/.exec(attrs)?.[1] ?? "") ?? "",
      inputMode: /inputmode="([^"]+)"/i.exec(attrs)?.[1] ?? "",
      value: /value="([^"]*)"/.exec(attrs)?.[1] ?? "",
    }));
}

describe("the thresholds typed in the pane", () => {
  const form: BuildForm = { ...buildFormOf(resolveReportConfig([])), thresholds: "here" };
  form.tiers = form.tiers.map((t, i) => ({
    ...t,
    minSpend: `${1000 * (i + 1)}`,
    minPurchaseDays: `${i + 2}`,
  }));

  it("gives every tier above the base its minimum spend and purchase days, labelled with the tier", () => {
    const tiers = form.tiers.slice(0, -1);
    expect(tiers.length).toBeGreaterThan(0);
    const tierInputs = inputs(html(form)).slice(0, 2 * tiers.length);
    expect(tierInputs).toEqual(
      tiers.flatMap((t) => [
        { label: STRINGS.en.minSpend(t.name), inputMode: "decimal", value: t.minSpend },
        { label: STRINGS.en.minPurchaseDays(t.name), inputMode: "numeric", value: t.minPurchaseDays },
      ]),
    );
  });

  it("flags the field whose text is not a number", () => {
    const markup = html(form, new Map([["tier:0:minPurchaseDays", "a few"]]));
    expect(markup).toContain(STRINGS.en.notANumber("a few"));
    expect(markup.match(/aria-invalid="true"/g)).toHaveLength(1);
  });
});

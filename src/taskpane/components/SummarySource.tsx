/**
 * The Orders step when the chosen table is a customer summary (one row per customer, as `loyalty sql`
 * makes it): what the report builds from it and which sheets need the order lines, the columns it lacks
 * (Build waits for them), its as-of date, and the time unit its recency and T are counted in (read from
 * its rows where they show it; the build must use that unit).
 */
import { Body1, Body1Strong, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import { needsOrderLines } from "../../engine/text/summary-basis";
import type { TimeUnit } from "../../engine/summary/time-unit";
import { SHEET_KINDS } from "../../report/sheet-kinds";
import { useStrings } from "../i18n/context";
import { formatList } from "../../i18n/pane";
import type { SummaryFacts } from "../source/summary-facts";
import { TimeUnitSelect } from "./TimeUnitSelect";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  subheading: { display: "block", margin: 0 },
  // The field's grid column would otherwise be as wide as its longest option.
  fill: { width: "100%", minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

interface SummarySourceProps {
  facts: SummaryFacts;
  timeUnit: TimeUnit;
  onTimeUnit: (unit: TimeUnit) => void;
}

export function SummarySource({ facts, timeUnit, onTimeUnit }: SummarySourceProps) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const names = (lines: boolean) =>
    formatList(
      language,
      SHEET_KINDS.filter((k) => needsOrderLines(k) === lines).map((k) => strings.sheetNames[k]),
    );
  const unitRead = facts.unit === timeUnit;
  return (
    <div className={styles.block} data-testid="summary-source">
      <Body1Strong as="h3" className={styles.subheading}>
        {strings.summaryHeading}
      </Body1Strong>
      <Body1>{strings.summaryIntro(names(false), names(true))}</Body1>
      {facts.missing.length > 0 ? (
        <Body1 className={styles.missing} data-testid="summary-missing">
          {strings.summaryMissing(formatList(language, facts.missing))}
        </Body1>
      ) : null}
      {facts.asOf ? <Caption1>{strings.summaryAsOf(facts.asOf)}</Caption1> : null}
      <Field
        className={styles.fill}
        label={strings.summaryUnitLabel}
        hint={unitRead ? strings.summaryUnitRead : strings.summaryUnitHint}
      >
        <TimeUnitSelect value={timeUnit} onChange={onTimeUnit} />
      </Field>
    </div>
  );
}

/**
 * Step 2's result: customers, orders, members to act on, tiers with their counts, the Benefit cost
 * projection when built, the data-quality findings (links that select the cells concerned), other
 * warnings, the sheets written and the time taken.
 */
import { memo } from "react";
import {
  Body1,
  Body1Strong,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  typographyStyles,
  tokens,
} from "@fluentui/react-components";
import type { Ref } from "react";
import { LAPSED } from "../../engine/tiers/program";
import { needsOrderLines } from "../../engine/text/summary-basis";
import type { ReportResult } from "../../report/build-report";
import { useStrings } from "../i18n/context";
import { shownText } from "../../i18n/messages";
import { formatNumber } from "../../i18n/pane";
import { sheetLabel } from "../state/run-state";
import { BenefitCostSummary } from "./BenefitCostSummary";
import { ContactList } from "./ContactList";
import { Figures } from "./Figures";
import { PlaceLink } from "./PlaceLink";
import { QualityFindings } from "./QualityFindings";
import { useResultStyles } from "./result-styles";
import type { RangePlace } from "./Workspace";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // A Subtitle2 heading that can take the focus (Fluent's text components pass no ref).
  resultHeading: { ...typographyStyles.subtitle2, margin: 0 },
  tierRow: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
});

interface ResultCardProps {
  result: ReportResult;
  onSelect: (place: RangePlace) => void;
  /** The card's heading, which takes the focus after a build. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** A written sheet's name, which opens it; in Chinese with what it is beside it (tabs keep "LL "). */
function SheetLink(props: { sheet: string; kind: string; onSelect: (place: RangePlace) => void }) {
  const { strings, language } = useStrings();
  const { sheet, kind, onSelect } = props;
  return (
    <>
      <Link as="button" onClick={() => onSelect({ sheet, range: "A1" })}>
        {sheet}
      </Link>
      {language === "zh-CN" ? <Caption1> （{sheetLabel(strings, kind)}）</Caption1> : null}
    </>
  );
}

function ResultCardParts({ result, onSelect, headingRef }: ResultCardProps) {
  const styles = { ...useResultStyles(), ...useStyles() };
  const { strings, language } = useStrings();
  const s = result.summary;
  const n = (v: number) => formatNumber(language, v);
  const zh = language === "zh-CN";
  // The tiers of the program, and the customers with none in the window (lapsed).
  const tierNames = new Map(
    [...result.config.tiers.tiers, LAPSED].map((t) => [t.key, zh ? t.nameZh : t.name]),
  );
  // Findings and renamed sheets are shown with their subject; the rest (the model's) here.
  const otherWarnings = s.warnings.filter((w) => !w.about);
  const renamed = new Map(s.renamedSheets.map((r) => [r.kind, r]));
  // A count opens the sheet it comes from, when that sheet was built.
  const opener = (kind: string) => {
    const sheet = s.sheets.find((w) => w.kind === kind)?.sheetName;
    return sheet
      ? { onOpen: () => onSelect({ sheet, range: "A1" }), opens: strings.showSheet(sheet) }
      : undefined;
  };

  const tiersSheet = opener("tiers");
  const fromSummary = s.basis === "summary";
  // From a summary, the sheets built that need the order lines: each says what it needs.
  const needLines = fromSummary ? s.sheets.filter((w) => needsOrderLines(w.kind)) : [];
  return (
    <Card className={styles.card} aria-labelledby="result-heading" data-testid="result-card">
      <CardHeader
        header={
          <h2 id="result-heading" tabIndex={-1} ref={headingRef} className={styles.resultHeading}>
            {strings.resultHeading}
          </h2>
        }
        description={<Caption1>{strings.seconds(formatNumber(language, s.seconds, 1))}</Caption1>}
      />
      <Figures
        testId="result-figures"
        figures={[
          { label: strings.customers, value: n(s.customers), open: opener("customers") },
          { label: strings.orders, value: n(s.orders), open: opener("data-quality") },
          { label: strings.netRevenue, value: formatNumber(language, s.revenue, 2) },
          // A summary has no purchase dates to raise alerts from: its Alerts sheet says so instead.
          ...(fromSummary ? [] : [{ label: strings.alerts, value: n(s.alerts), open: opener("alerts") }]),
        ]}
      />
      <Caption1>
        {fromSummary ? strings.fromSummary(n(s.dataQuality.rowsRead)) : strings.orderLines(n(s.orderLines))}
      </Caption1>

      <ContactList result={result} tierNames={tierNames} onSelect={onSelect} />

      <Body1Strong as="h3" className={styles.heading}>
        {strings.tiers}
      </Body1Strong>
      <ul className={styles.list} aria-label={strings.tiers} data-testid="result-tiers">
        {s.tiers.map((t) => (
          <li key={t.key} className={styles.tierRow}>
            <Body1>{tierNames.get(t.key) ?? t.name}</Body1>
            {tiersSheet ? (
              <Link
                as="button"
                onClick={tiersSheet.onOpen}
                aria-label={`${tierNames.get(t.key) ?? t.name}: ${n(t.customers)}. ${tiersSheet.opens}`}
              >
                {n(t.customers)}
              </Link>
            ) : (
              <Body1>{n(t.customers)}</Body1>
            )}
          </li>
        ))}
      </ul>

      {s.projection ? (
        <BenefitCostSummary
          totals={s.projection}
          sheetName={s.sheets.find((sheet) => sheet.kind === "benefit-cost")?.sheetName}
        />
      ) : null}

      {needLines.length > 0 ? (
        <>
          <Body1Strong as="h3" className={styles.heading}>
            {strings.needsLinesHeading}
          </Body1Strong>
          <Caption1>{strings.needsLinesHint}</Caption1>
          <ul className={styles.list} data-testid="result-needs-lines">
            {needLines.map((sheet) => (
              <li key={sheet.kind} className={styles.wrap}>
                <SheetLink sheet={sheet.sheetName} kind={sheet.kind} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <QualityFindings summary={s} onSelect={onSelect} />

      {otherWarnings.length > 0 ? (
        <>
          <Body1Strong as="h3" className={styles.heading}>
            {strings.otherWarnings}
          </Body1Strong>
          <ul className={styles.list} data-testid="result-warnings">
            {otherWarnings.map((w, i) => (
              <li key={i} className={styles.wrap}>
                <PlaceLink
                  text={shownText(language, w.detail, w.message)}
                  where={w.where}
                  onSelect={onSelect}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Body1Strong as="h3" className={styles.heading}>
        {strings.sheetsWritten}
      </Body1Strong>
      <ul className={styles.list} data-testid="result-sheets">
        {s.sheets.map((sheet) => {
          const r = renamed.get(sheet.kind);
          return (
            <li key={sheet.kind} className={styles.wrap}>
              <SheetLink sheet={sheet.sheetName} kind={sheet.kind} onSelect={onSelect} />
              {r ? (
                <Caption1 className={styles.place}>{strings.renamed(r.requested, r.actual)}</Caption1>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** Drawn again only when its own props change (not on every progress step of a build). */
export const ResultCard = memo(ResultCardParts);

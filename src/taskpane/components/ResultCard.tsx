/**
 * Step 2's result: customers, orders, tiers with their counts, members to act on, the data-quality
 * findings, warnings as links that select the cells concerned, the sheets written and the time taken.
 */
import {
  Body1,
  Body1Strong,
  Caption1,
  Card,
  CardHeader,
  Link,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { QUALITY_REASONS } from "../../engine/data/quality";
import { LAPSED } from "../../engine/tiers/program";
import type { ReportResult } from "../../report/build-report";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../i18n/strings";
import { sheetLabel } from "../state/run-state";
import type { RangePlace } from "./Workspace";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(8em, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  // The number above its label (the label first for screen readers), numbers aligned at the top.
  figure: { display: "flex", flexDirection: "column-reverse", justifyContent: "flex-end", margin: 0 },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  tierRow: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { display: "block", margin: 0 },
  warning: { overflowWrap: "anywhere" },
  // A link that wraps over lines stays with its bullet.
  inlineLink: { display: "inline", textAlign: "left" },
});

interface ResultCardProps {
  result: ReportResult;
  onSelect: (place: RangePlace) => void;
}

export function ResultCard({ result, onSelect }: ResultCardProps) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const s = result.summary;
  const n = (v: number) => formatNumber(language, v);
  const zh = language === "zh-CN";
  // The tiers of the program, and the customers with none in the window (lapsed).
  const tierNames = new Map(
    [...result.config.tiers.tiers, LAPSED].map((t) => [t.key, zh ? t.nameZh : t.name]),
  );
  const reasonLabel = (reason: string, label: string) => {
    const info = QUALITY_REASONS.find((r) => r.reason === reason);
    return info ? (zh ? info.labelZh : info.label) : label;
  };

  return (
    <Card className={styles.card} aria-labelledby="result-heading" data-testid="result-card">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="result-heading">
            {strings.resultHeading}
          </Subtitle2>
        }
        description={<Caption1>{strings.seconds(formatNumber(language, s.seconds, 1))}</Caption1>}
      />
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>
            <Caption1>{strings.customers}</Caption1>
          </dt>
          <dd className={styles.number}>{n(s.customers)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>
            <Caption1>{strings.orders}</Caption1>
          </dt>
          <dd className={styles.number}>{n(s.orders)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>
            <Caption1>{strings.alerts}</Caption1>
          </dt>
          <dd className={styles.number}>{n(s.alerts)}</dd>
        </div>
      </dl>
      <Caption1>{strings.orderLines(n(s.orderLines))}</Caption1>

      <Body1Strong as="h3" className={styles.heading}>
        {strings.tiers}
      </Body1Strong>
      <ul className={styles.list} aria-label={strings.tiers} data-testid="result-tiers">
        {s.tiers.map((t) => (
          <li key={t.key} className={styles.tierRow}>
            <Body1>{tierNames.get(t.key) ?? t.name}</Body1>
            <Body1>{n(t.customers)}</Body1>
          </li>
        ))}
      </ul>

      <Body1Strong as="h3" className={styles.heading}>
        {strings.dataQuality}
      </Body1Strong>
      <Caption1>{strings.rowsRead(n(s.dataQuality.rowsRead))}</Caption1>
      {s.dataQuality.findings.length > 0 ? (
        <ul className={styles.list}>
          {s.dataQuality.findings.map((f) => (
            <li key={f.reason}>
              <Body1>
                {reasonLabel(f.reason, f.label)}: {n(f.count)}
              </Body1>
            </li>
          ))}
        </ul>
      ) : null}

      <Body1Strong as="h3" className={styles.heading}>
        {strings.warnings}
      </Body1Strong>
      {s.warnings.length === 0 ? (
        <Body1>{strings.noWarnings}</Body1>
      ) : (
        <ul className={styles.list} data-testid="result-warnings">
          {s.warnings.map((w, i) => (
            <li key={i} className={styles.warning}>
              {w.where ? (
                <Link
                  as="button"
                  className={styles.inlineLink}
                  onClick={() => onSelect(w.where as RangePlace)}
                  aria-label={`${w.message}. ${strings.showCells}: ${w.where.sheet}!${w.where.range}`}
                >
                  {w.message}
                </Link>
              ) : (
                <Body1>{w.message}</Body1>
              )}
            </li>
          ))}
        </ul>
      )}

      <Body1Strong as="h3" className={styles.heading}>
        {strings.sheetsWritten}
      </Body1Strong>
      <ul className={styles.list}>
        {s.sheets.map((sheet) => (
          <li key={sheet.kind}>
            <Link as="button" onClick={() => onSelect({ sheet: sheet.sheetName, range: "A1" })}>
              {sheet.sheetName}
            </Link>
            {zh ? <Caption1> （{sheetLabel(strings, sheet.kind)}）</Caption1> : null}
          </li>
        ))}
      </ul>
      {s.renamedSheets.map((r) => (
        <Caption1 key={r.kind}>{strings.renamed(r.requested, r.actual)}</Caption1>
      ))}
    </Card>
  );
}

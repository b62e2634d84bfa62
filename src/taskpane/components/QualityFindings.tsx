/**
 * The data-quality part of the result card: rows read, the title rows left out above a header-less table
 * (as the Data quality sheet says them), and each finding in the pane's language with its count and what
 * was done; a finding with a place is a link that selects its first case.
 */
import { Body1, Body1Strong, Caption1 } from "@fluentui/react-components";
import type { ReportSummary, WarningPlace } from "../../report/report-summary";
import { useStrings } from "../i18n/context";
import { findingLabel } from "../../i18n/messages";
import { formatNumber } from "../../i18n/pane";
import { titleRowsSentences } from "../../engine/text/reading";
import { PlaceLink, placeReference } from "./PlaceLink";
import { useResultStyles } from "./result-styles";

type Finding = ReportSummary["dataQuality"]["findings"][number];

/** The place of the report's warning about this finding, if it has one. */
function placeOf(summary: ReportSummary, finding: Finding): WarningPlace | undefined {
  return summary.warnings.find((w) => w.about && "finding" in w.about && w.about.finding === finding.reason)
    ?.where;
}

interface QualityFindingsProps {
  summary: ReportSummary;
  onSelect: (place: WarningPlace) => void;
}

export function QualityFindings({ summary, onSelect }: QualityFindingsProps) {
  const styles = useResultStyles();
  const { strings, language } = useStrings();
  const n = (v: number) => formatNumber(language, v);
  const { rowsRead, findings, titleRows } = summary.dataQuality;
  const text = (f: Finding) => {
    const label = findingLabel(language, f.reason, f.label);
    const count = f.unit === "customers" ? strings.customersCount(n(f.count)) : strings.rowsCount(n(f.count));
    return strings.finding(label, count, strings.qualityActions[f.action] ?? f.action);
  };

  return (
    <>
      <Body1Strong as="h3" className={styles.heading}>
        {strings.dataQuality}
      </Body1Strong>
      <Caption1>{strings.rowsRead(n(rowsRead))}</Caption1>
      {titleRows
        ? titleRowsSentences(language, titleRows, titleRows.rows).map((said) => (
            <Caption1 as="p" key={said} className={styles.wrap} data-testid="result-title-rows">
              {said}
            </Caption1>
          ))
        : null}
      {findings.length === 0 ? (
        <Body1>{strings.noWarnings}</Body1>
      ) : (
        <ul className={styles.list} data-testid="result-quality">
          {findings.map((f) => {
            const where = placeOf(summary, f);
            return (
              <li key={f.reason} className={styles.wrap}>
                <PlaceLink text={text(f)} where={where} onSelect={onSelect} />
                {where ? (
                  <Caption1 className={styles.place}>{strings.firstAt(placeReference(where))}</Caption1>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

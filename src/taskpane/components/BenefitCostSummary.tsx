/**
 * The Benefit cost part of the result card: the projection's totals as the sheet computes them (with the
 * assumptions edited there), and where to edit them.
 */
import { Body1Strong, Caption1 } from "@fluentui/react-components";
import type { ProjectionTotals } from "../../engine/projection/project";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../../i18n/pane";
import { Figures } from "./Figures";
import { useResultStyles } from "./result-styles";

interface BenefitCostSummaryProps {
  totals: ProjectionTotals;
  /** The sheet the assumptions are edited on. */
  sheetName: string | undefined;
}

export function BenefitCostSummary({ totals: t, sheetName }: BenefitCostSummaryProps) {
  const styles = useResultStyles();
  const { strings, language } = useStrings();
  const n = (v: number) => formatNumber(language, v);
  const percent = (share: number) => strings.percent(formatNumber(language, share * 100, 1));
  return (
    <>
      <Body1Strong as="h3" className={styles.heading}>
        {strings.benefitCostHeading}
      </Body1Strong>
      <Caption1>
        {strings.projectionSpan(n(t.periods), n(t.periodMonths), strings.scenarios[t.scenario] ?? t.scenario)}
      </Caption1>
      <Figures
        testId="result-benefit-cost"
        figures={[
          { label: strings.revenue, value: n(t.revenue) },
          { label: strings.benefitCostShare(percent(t.costShareOfRevenue)), value: n(t.benefitCost) },
          { label: strings.netEffect, value: n(t.netEffect) },
          { label: strings.roi, value: percent(t.roi) },
          { label: strings.pointsLiabilityAtEnd, value: n(t.pointsLiabilityAtEnd) },
        ]}
      />
      {sheetName ? <Caption1>{strings.projectionHint(sheetName)}</Caption1> : null}
    </>
  );
}

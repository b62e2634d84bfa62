/**
 * The part of the result card that says what to do this week: the members to contact first, each with
 * the reasons to call (in the pane's language), tier and value at risk, and a button
 * that opens the whole list (selects its sheet in Excel, or shows it in the preview's grid).
 */
import { Body1, Body1Strong, Button, Caption1 } from "@fluentui/react-components";
import type { ReportResult } from "../../report/build-report";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../../i18n/pane";
import { useResultStyles } from "./result-styles";
import type { RangePlace } from "./Workspace";

interface ContactListProps {
  result: ReportResult;
  tierNames: Map<string, string>;
  onSelect: (place: RangePlace) => void;
}

export function ContactList({ result, tierNames, onSelect }: ContactListProps) {
  const styles = useResultStyles();
  const { strings, language } = useStrings();
  const { contacts, sheets } = result.summary;
  const zh = language === "zh-CN";
  const money = (v: number) => formatNumber(language, v, 2);
  const sheet = sheets.find((s) => s.kind === contacts.sheet)?.sheetName;
  const byRisk = contacts.first.some((c) => c.valueAtRisk !== null);
  return (
    <>
      <Body1Strong as="h3" className={styles.heading}>
        {strings.thisWeekHeading}
      </Body1Strong>
      <Body1>
        {strings.thisWeekIntro(
          formatNumber(language, contacts.total),
          formatNumber(language, contacts.first.length),
          byRisk,
        )}
      </Body1>
      {contacts.first.length > 0 ? (
        <ol className={styles.list} data-testid="result-contacts">
          {contacts.first.map((c) => {
            const reasons = c.reasons.map((r) => (zh ? r.zh : r.en)).join(zh ? "；" : "; ");
            const days = strings.daysSince(formatNumber(language, c.daysSinceLast));
            return (
              <li key={c.customerId} className={styles.wrap}>
                <Body1Strong>
                  {strings.contactLine(c.customerId, tierNames.get(c.tier) ?? c.tier)}
                </Body1Strong>
                <Caption1 className={styles.place}>{reasons}</Caption1>
                <Caption1 className={styles.place}>
                  {[
                    c.valueAtRisk !== null
                      ? strings.valueAtRisk(money(c.valueAtRisk))
                      : strings.netSpend(money(c.spend)),
                    // Most reasons already say how long since the last purchase: not twice on one card.
                    Number.isFinite(c.daysSinceLast) && !reasons.includes(days) ? days : "",
                  ]
                    .filter(Boolean)
                    .join(zh ? "，" : ", ")}
                </Caption1>
              </li>
            );
          })}
        </ol>
      ) : null}
      {sheet && contacts.total > 0 ? (
        <div>
          <Button size="small" appearance="primary" onClick={() => onSelect({ sheet, range: "A1" })}>
            {strings.openList}
          </Button>
        </div>
      ) : null}
    </>
  );
}

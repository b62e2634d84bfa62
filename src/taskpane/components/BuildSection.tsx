/**
 * Step 2, Build: which sheets (all by default), the thresholds and whether contacts are masked, folded
 * away as settings rarely changed. The Build button, its progress and Cancel are in the action bar (ActionBar.tsx).
 */
import { memo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Checkbox,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SHEET_KINDS } from "../../report/sheet-kinds";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../../i18n/pane";
import type { BuildForm, BuildFormAction } from "../state/build-form";
import { sheetLabel } from "../state/run-state";
import { ThresholdFields } from "./ThresholdFields";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sheets: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(9em, 100%), 1fr))" },
  problem: { color: tokens.colorPaletteRedForeground1 },
  hint: { display: "block", color: tokens.colorNeutralForeground3 },
});

interface BuildSectionProps {
  form: BuildForm;
  dispatch: (action: BuildFormAction) => void;
  problems: Map<string, string>;
  busy: boolean;
}

function BuildSectionParts({ form, dispatch, problems, busy }: BuildSectionProps) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const all = form.sheets.length === SHEET_KINDS.length;
  const none = form.sheets.length === 0;

  return (
    <section className={styles.section} aria-labelledby="build-heading">
      <Subtitle2 as="h2" id="build-heading">
        {strings.buildHeading}
      </Subtitle2>
      <Accordion collapsible multiple>
        <AccordionItem value="sheets">
          <AccordionHeader size="small">
            {strings.sheetsSummary(
              formatNumber(language, form.sheets.length),
              formatNumber(language, SHEET_KINDS.length),
            )}
          </AccordionHeader>
          <AccordionPanel>
            {/* A group, not a Field: a Field gives its one id to every checkbox inside it. */}
            <div role="group" aria-label={strings.sheetsLabel}>
              <Checkbox
                label={strings.allSheets}
                checked={all ? true : none ? false : "mixed"}
                disabled={busy}
                onChange={(_, d) => dispatch({ type: "allSheets", on: d.checked === true })}
              />
              <div className={styles.sheets}>
                {SHEET_KINDS.map((kind) => (
                  <Checkbox
                    key={kind}
                    label={sheetLabel(strings, kind)}
                    checked={form.sheets.includes(kind)}
                    disabled={busy}
                    onChange={(_, d) => dispatch({ type: "sheet", kind, on: d.checked === true })}
                  />
                ))}
              </div>
            </div>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="thresholds">
          <AccordionHeader size="small">{strings.thresholdsHeading}</AccordionHeader>
          <AccordionPanel>
            <ThresholdFields form={form} problems={problems} dispatch={dispatch} disabled={busy} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="sharing">
          <AccordionHeader size="small">{strings.sharingHeading}</AccordionHeader>
          <AccordionPanel>
            <Checkbox
              label={strings.maskContacts}
              checked={form.maskContacts}
              disabled={busy}
              aria-describedby="mask-contacts-hint"
              onChange={(_, d) => dispatch({ type: "maskContacts", on: d.checked === true })}
            />
            <Caption1 id="mask-contacts-hint" className={styles.hint}>
              {strings.maskContactsHint}
            </Caption1>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {none ? (
        <Caption1 role="alert" className={styles.problem}>
          {strings.noSheets}
        </Caption1>
      ) : null}
    </section>
  );
}

/** Drawn again only when its own props change (not on every progress step of a build). */
export const BuildSection = memo(BuildSectionParts);

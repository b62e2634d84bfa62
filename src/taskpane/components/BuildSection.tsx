/**
 * Step 2, Build: the sheets (all by default), the thresholds, the Build button; while building, a
 * determinate progress bar naming the step, and Cancel.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SHEET_KINDS } from "../../report/sheet-kinds";
import { useStrings } from "../i18n/context";
import type { BuildForm, BuildFormAction } from "../state/build-form";
import { progressText, sheetLabel, type RunState } from "../state/run-state";
import { ThresholdFields } from "./ThresholdFields";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sheets: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(9em, 1fr))" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  primary: { flexGrow: 1 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  // Above the checkboxes, as a Field puts its label.
  groupLabel: { display: "block", marginBottom: tokens.spacingVerticalXXS },
});

interface BuildSectionProps {
  form: BuildForm;
  dispatch: (action: BuildFormAction) => void;
  problems: Map<string, string>;
  run: RunState;
  /** False while the Source step is incomplete. */
  ready: boolean;
  onBuild: () => void;
  onCancel: () => void;
}

export function BuildSection({ form, dispatch, problems, run, ready, onBuild, onCancel }: BuildSectionProps) {
  const styles = useStyles();
  const { strings } = useStrings();
  const busy = run.running !== undefined;
  const all = form.sheets.length === SHEET_KINDS.length;
  const none = form.sheets.length === 0;
  const building = run.running?.kind === "build";
  const progress = run.running?.progress;

  return (
    <section className={styles.section} aria-labelledby="build-heading">
      <Subtitle2 as="h2" id="build-heading">
        {strings.buildHeading}
      </Subtitle2>
      {/* A group, not a Field: a Field gives its one id to every checkbox inside it. */}
      <div role="group" aria-labelledby="sheets-label">
        <Label id="sheets-label" className={styles.groupLabel}>
          {strings.sheetsLabel}
        </Label>
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
        {none ? (
          <Caption1 role="alert" className={styles.problem}>
            {strings.noSheets}
          </Caption1>
        ) : null}
      </div>
      <Accordion collapsible>
        <AccordionItem value="thresholds">
          <AccordionHeader size="small">{strings.thresholdsHeading}</AccordionHeader>
          <AccordionPanel>
            <ThresholdFields form={form} problems={problems} dispatch={dispatch} disabled={busy} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={styles.actions}>
        <Button
          className={styles.primary}
          appearance="primary"
          disabled={busy || !ready || none || problems.size > 0}
          onClick={onBuild}
        >
          {building ? strings.building : strings.build}
        </Button>
        {busy ? <Button onClick={onCancel}>{strings.cancel}</Button> : null}
      </div>
      {busy ? (
        <div>
          <Field label={strings.progressLabel}>
            <ProgressBar value={progress?.fraction ?? 0} max={1} thickness="large" />
          </Field>
          <Body1 role="status" aria-live="polite" data-testid="progress-step">
            {progressText(strings, progress)}
          </Body1>
        </div>
      ) : null}
      {run.cancelled ? (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.cancelled}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

/**
 * The action bar, fixed at the bottom of the pane so Build is always in reach however long the steps
 * above are: Build (and Cancel while a build runs), a determinate progress bar naming the step, and one
 * status line that screen readers hear as it changes (progress, cancelled, ready, or why Build waits).
 * It comes right after the pane's header in the page, so Build is among the first few Tab stops.
 */
import { Body1, Button, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../../i18n/pane";
import { progressText, type RunState } from "../state/run-state";

const useStyles = makeStyles({
  bar: {
    position: "fixed",
    left: 0,
    right: 0,
    bottom: 0,
    zIndex: 10,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow8,
    boxSizing: "border-box",
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, maxWidth: "40em" },
  primary: { flexGrow: 1, minWidth: 0 },
  status: { overflowWrap: "anywhere", minHeight: tokens.lineHeightBase300 },
});

/** Room the bar takes at the bottom, so the last step is not hidden under it. */
export const ACTION_BAR_ROOM = "9rem";

interface ActionBarProps {
  run: RunState;
  /** Why Build cannot start, when it cannot (undefined: it can). */
  blocked: string | undefined;
  /** How far opening a file in the preview has come, while it opens (Build waits for it). */
  opening?: string;
  onBuild: () => void;
  onCancel: () => void;
}

export function ActionBar({ run, blocked, opening, onBuild, onCancel }: ActionBarProps) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const busy = run.running !== undefined;
  const building = run.running?.kind === "build";
  const progress = run.running?.progress;
  const status = busy
    ? progressText(strings, progress, run.running?.rows, language)
    : opening
      ? opening
      : run.cancelled
        ? strings.cancelled
        : blocked
          ? blocked
          : run.result
            ? strings.reportAnnounced(formatNumber(language, run.result.summary.customers))
            : "";
  return (
    <div role="region" aria-label={strings.actionsLabel} className={styles.bar} data-testid="action-bar">
      <div className={styles.buttons}>
        <Button
          className={styles.primary}
          appearance="primary"
          disabled={busy || opening !== undefined || blocked !== undefined}
          onClick={onBuild}
        >
          {building ? strings.building : strings.build}
        </Button>
        {busy ? <Button onClick={onCancel}>{strings.cancel}</Button> : null}
      </div>
      {busy ? (
        <ProgressBar
          value={progress?.fraction ?? 0}
          max={1}
          thickness="large"
          aria-label={strings.progressLabel}
        />
      ) : null}
      <Body1 role="status" aria-live="polite" className={styles.status} data-testid="progress-step">
        {status}
      </Body1>
    </div>
  );
}

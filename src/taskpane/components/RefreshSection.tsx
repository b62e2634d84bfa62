/**
 * Step 3, Refresh: rerun everything with the settings saved in the workbook. When a run stopped because
 * it would remove something the user wrote on the report's sheets (listed in the message bar), a checkbox
 * lets the next run go on without it.
 */
import { memo } from "react";
import { Body1, Button, Caption1, Checkbox, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n/context";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
});

interface RefreshSectionProps {
  saved: boolean;
  busy: boolean;
  refreshing: boolean;
  onRefresh: () => void;
  /** The last run stopped before writing because it would remove something of the user's. */
  stoppedForLosses: boolean;
  /** "Refresh anyway" is ticked: the next run writes without what was listed. */
  force: boolean;
  onForce: (force: boolean) => void;
}

function RefreshSectionParts(props: RefreshSectionProps) {
  const { saved, busy, refreshing, onRefresh, stoppedForLosses, force, onForce } = props;
  const styles = useStyles();
  const { strings } = useStrings();
  return (
    <section className={styles.section} aria-labelledby="refresh-heading">
      <Subtitle2 as="h2" id="refresh-heading">
        {strings.refreshHeading}
      </Subtitle2>
      <Caption1 id="refresh-hint">{saved ? strings.refreshHint : strings.noSavedSettings}</Caption1>
      {stoppedForLosses ? (
        <Checkbox
          checked={force}
          disabled={busy}
          onChange={(_e, data) => onForce(data.checked === true)}
          label={strings.refreshAnyway}
        />
      ) : null}
      <Button disabled={!saved || busy} onClick={onRefresh} aria-describedby="refresh-hint">
        {refreshing ? strings.refreshing : strings.refresh}
      </Button>
      {refreshing ? <Body1 className="visually-hidden">{strings.refreshing}</Body1> : null}
    </section>
  );
}

/** Drawn again only when its own props change (not on every progress step of a build). */
export const RefreshSection = memo(RefreshSectionParts);

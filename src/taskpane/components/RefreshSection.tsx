/** Step 3, Refresh: rerun everything with the settings saved in the workbook. */
import { memo } from "react";
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
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
}

function RefreshSectionParts({ saved, busy, refreshing, onRefresh }: RefreshSectionProps) {
  const styles = useStyles();
  const { strings } = useStrings();
  return (
    <section className={styles.section} aria-labelledby="refresh-heading">
      <Subtitle2 as="h2" id="refresh-heading">
        {strings.refreshHeading}
      </Subtitle2>
      <Caption1 id="refresh-hint">{saved ? strings.refreshHint : strings.noSavedSettings}</Caption1>
      <Button disabled={!saved || busy} onClick={onRefresh} aria-describedby="refresh-hint">
        {refreshing ? strings.refreshing : strings.refresh}
      </Button>
      {refreshing ? <Body1 className="visually-hidden">{strings.refreshing}</Body1> : null}
    </section>
  );
}

/** Drawn again only when its own props change (not on every progress step of a build). */
export const RefreshSection = memo(RefreshSectionParts);

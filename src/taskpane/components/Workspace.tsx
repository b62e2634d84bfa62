/** The steps on one workbook: Source, then Build and its Result, then Refresh. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { JsonValue, Workbook } from "../../workbook/port";
import { useSource } from "../hooks/useSource";
import { storedSourceSettings } from "../state/stored-settings";
import { SourceSection } from "./SourceSection";
import { useMemo } from "react";

/** A range to show the user (a warning's cells). */
export interface RangePlace {
  sheet: string;
  range: string;
}

export interface WorkspaceProps {
  workbook: Workbook;
  /** The settings a previous build stored in this workbook. */
  stored: JsonValue | undefined;
  onError: (e: unknown) => void;
  onClearError: () => void;
  onSelect: (place: RangePlace) => void;
  /** Called when sheets were written. */
  onWritten: () => void;
}

const useStyles = makeStyles({
  steps: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
});

export function Workspace({ workbook, stored, onError }: WorkspaceProps) {
  const styles = useStyles();
  const storedSource = useMemo(() => storedSourceSettings(stored), [stored]);
  const source = useSource(workbook, storedSource, onError);
  return (
    <div className={styles.steps}>
      <SourceSection source={source} />
    </div>
  );
}

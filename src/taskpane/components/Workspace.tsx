/** The steps on one workbook: Source, then Build and its Result, then Refresh. */
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReportResult } from "../../report/build-report";
import type { JsonValue, Workbook } from "../../sheet/port";
import { useStrings } from "../i18n/context";
import { useRun } from "../hooks/useRun";
import { useSource } from "../hooks/useSource";
import { buildConfigLayer, buildFormOf, buildFormReducer, formProblems } from "../state/build-form";
import { resultMessageOf, type PaneWarning } from "../state/pane-message";
import { sourceSettings } from "../state/source-state";
import { storedStart } from "../state/stored-settings";
import { BuildSection } from "./BuildSection";
import { RefreshSection } from "./RefreshSection";
import { ResultCard } from "./ResultCard";
import { SourceSection } from "./SourceSection";

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
  /** Called after a build that worked but wants a setting changed. */
  onWarning: (warning: PaneWarning) => void;
  onClearError: () => void;
  onSelect: (place: RangePlace) => void;
  /** Called when sheets were written. */
  onWritten: () => void;
}

const useStyles = makeStyles({
  steps: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
});

export function Workspace(props: WorkspaceProps) {
  const { workbook, stored, onError, onWarning, onClearError, onSelect, onWritten } = props;
  const styles = useStyles();
  const start = useMemo(() => storedStart(stored), [stored]);
  useEffect(() => {
    if (start.error) onError(start.error);
  }, [start, onError]);
  const source = useSource(workbook, start.source, onError);
  const [form, dispatchForm] = useReducer(buildFormReducer, start.config, buildFormOf);
  const [saved, setSaved] = useState(stored !== undefined && start.error === undefined);
  const run = useRun(workbook, onError, onClearError);

  const settings = sourceSettings(source.state);
  const problems = useMemo(() => formProblems(form), [form]);
  const { language } = useStrings();
  const layer = settings && buildConfigLayer(settings, form, language);

  const finish = useCallback(
    (result: ReportResult | undefined) => {
      if (!result) return;
      setSaved(true);
      onWritten();
      const warning = resultMessageOf(result.summary);
      if (warning) onWarning(warning);
    },
    [onWritten, onWarning],
  );
  const build = () => {
    if (layer) void run.run("build", { config: layer }).then(finish);
  };
  const refresh = () => void run.run("refresh", {}).then(finish);

  return (
    <div className={styles.steps}>
      <SourceSection source={source} />
      <BuildSection
        form={form}
        dispatch={dispatchForm}
        problems={problems}
        run={run.state}
        ready={settings !== undefined}
        onBuild={build}
        onCancel={run.cancel}
      />
      {run.state.result ? <ResultCard result={run.state.result} onSelect={onSelect} /> : null}
      <RefreshSection
        saved={saved}
        busy={run.state.running !== undefined}
        refreshing={run.state.running?.kind === "refresh"}
        onRefresh={refresh}
      />
    </div>
  );
}

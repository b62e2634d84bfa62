/** The steps on one workbook: Source, then Build and its Result, then Refresh. */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReportResult } from "../../report/build-report";
import type { JsonValue, Workbook } from "../../sheet/port";
import type { UserError } from "../../user-error";
import { useStrings } from "../i18n/context";
import { useRun } from "../hooks/useRun";
import { useSource } from "../hooks/useSource";
import { buildConfigLayer, buildFormOf, buildFormReducer, formProblems } from "../state/build-form";
import { resultMessageOf, type PaneWarning } from "../state/pane-message";
import { currentSummary, currentTable, selectedCandidate, sourceSettings } from "../state/source-state";
import { storedStart } from "../state/stored-settings";
import { ActionBar } from "./ActionBar";
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
  /** How far opening another file in the preview has come, while it opens. */
  opening?: string;
}

const useStyles = makeStyles({
  steps: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
});

export function Workspace(props: WorkspaceProps) {
  const { workbook, stored, onError, onWarning, onClearError, onSelect, onWritten, opening } = props;
  const styles = useStyles();
  const start = useMemo(() => storedStart(stored), [stored]);
  useEffect(() => {
    if (start.error) onError(start.error);
  }, [start, onError]);
  const source = useSource(workbook, start.source, onError);
  const [form, dispatchForm] = useReducer(buildFormReducer, start.config, buildFormOf);
  const [saved, setSaved] = useState(stored !== undefined && start.error === undefined);
  // A run stopped because it would remove something of the user's: the Refresh section then offers to go on.
  const [stoppedForLosses, setStoppedForLosses] = useState(false);
  const [force, setForce] = useState(false);
  const onRunError = useCallback(
    (e: unknown) => {
      setStoppedForLosses((e as UserError | undefined)?.detail?.code === "refreshWouldLose");
      setForce(false);
      onError(e);
    },
    [onError],
  );
  const run = useRun(workbook, onRunError, onClearError);

  const { strings, language } = useStrings();
  const settings = sourceSettings(source.state);
  const problems = useMemo(() => formProblems(form), [form]);
  const layer = settings && buildConfigLayer(settings, form, language);
  const firstProblem = [...problems.values()][0];
  // While the chosen table is still being read, Build waits for that, not for a choice of the user's.
  const reading = source.state.searching || (selectedCandidate(source.state) && !currentTable(source.state));
  const blocked = !settings
    ? reading
      ? strings.readingTable
      : currentSummary(source.state)
        ? strings.summaryBlocked
        : strings.buildBlocked
    : form.sheets.length === 0
      ? strings.noSheets
      : firstProblem !== undefined
        ? strings.notANumber(firstProblem)
        : undefined;

  // After a build, focus goes to the result's heading, so a screen reader says it and Tab goes on from there.
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const result = run.state.result;
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const finish = useCallback(
    (result: ReportResult | undefined) => {
      if (!result) return;
      setStoppedForLosses(false);
      setForce(false);
      setSaved(true);
      onWritten();
      const warning = resultMessageOf(result.summary);
      if (warning) onWarning(warning);
    },
    [onWritten, onWarning],
  );
  const build = () => {
    if (layer) void run.run("build", { config: layer, force }).then(finish);
  };
  const refresh = () => void run.run("refresh", { force }).then(finish);

  return (
    <div className={styles.steps}>
      <ActionBar run={run.state} blocked={blocked} opening={opening} onBuild={build} onCancel={run.cancel} />
      <SourceSection source={source} />
      <BuildSection
        form={form}
        dispatch={dispatchForm}
        problems={problems}
        busy={run.state.running !== undefined}
      />
      {result ? <ResultCard result={result} onSelect={onSelect} headingRef={resultHeading} /> : null}
      <RefreshSection
        saved={saved}
        busy={run.state.running !== undefined}
        refreshing={run.state.running?.kind === "refresh"}
        onRefresh={refresh}
        stoppedForLosses={stoppedForLosses}
        force={force}
        onForce={setForce}
      />
    </div>
  );
}

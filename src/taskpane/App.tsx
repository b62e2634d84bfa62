/**
 * The task pane: the same components inside Excel (the open workbook through the Office adapter) and in a
 * plain browser (the preview: an in-memory workbook with the bundled sample or a file the user opens,
 * and a grid showing its sheets). Language and theme follow the host.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { Caption1, FluentProvider, Select, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Workbook } from "../sheet/port";
import type { OfficeWorkbook } from "../workbook/office/office-workbook";
import { ACTION_BAR_ROOM } from "./components/ActionBar";
import { PaneMessageBar } from "./components/PaneMessageBar";
import { FileOpener } from "./components/FileOpener";
import { SheetGrid, type GridSelection } from "./components/SheetGrid";
import { Workspace, type RangePlace } from "./components/Workspace";
import { LanguageContext, useStrings } from "./i18n/context";
import { formatNumber, LANGUAGES, type Language } from "../i18n/pane";
import { useDarkTheme, useLanguage } from "./hooks/useHostLook";
import { useStoredSettings } from "./hooks/useStoredSettings";
import { sampleCustomersFrom, SAMPLE } from "./preview/sample-workbook";
import type { OpenProgress } from "./preview/open-file";
import { paneMessageOf, type PaneMessage } from "./state/pane-message";
import { openingText } from "./state/run-state";
import { fluentTheme } from "./theme";
import { WorkContext } from "./work/context";
import { paneWork, PreviewHost, type PaneWork } from "./work/workers";
import { startPaneWorker, startWorkbookWorker } from "./work/worker-scripts";

/** Inside Excel: the host's name and the open workbook. */
export interface OfficeConnection {
  host: string;
  workbook: OfficeWorkbook;
}

/** The preview's sample, as large as the address asks. */
function sampleSize(): number {
  return sampleCustomersFrom(location.search) ?? SAMPLE.customers;
}

/** The preview's workbook (held by its worker): the sample (name null) or an opened file. */
interface PreviewBook {
  workbook: Workbook;
  name: string | null;
  /** Tells workbooks apart: a new one starts the steps afresh. */
  id: number;
}

/** Where the pane's work runs: its workers, and in the preview the worker holding the workbook. */
interface Hosting {
  work: PaneWork;
  preview: PreviewHost | null;
}

function hosting(office: boolean): Hosting {
  if (office) return { work: paneWork(startPaneWorker), preview: null };
  const preview = new PreviewHost(startWorkbookWorker());
  return { work: paneWork(startPaneWorker, () => preview.port()), preview };
}

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    // Room for the action bar fixed at the bottom.
    paddingBottom: ACTION_BAR_ROOM,
    maxWidth: "40em",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  language: { width: "7.5em", flexShrink: 0 },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

function LanguageSwitch() {
  const styles = useStyles();
  const { language, strings, setLanguage } = useStrings();
  return (
    <Select
      className={styles.language}
      size="small"
      aria-label={strings.language}
      value={language}
      onChange={(_, d) => setLanguage(d.value as Language)}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {strings.languageNames[l]}
        </option>
      ))}
    </Select>
  );
}

function Pane({ office, host }: { office: OfficeConnection | null; host: PreviewHost | null }) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const opened = useRef(0);
  const [preview, setPreview] = useState<PreviewBook | null>(null);
  const workbook: Workbook | undefined = office?.workbook ?? preview?.workbook;
  const [message, setMessage] = useState<PaneMessage>();
  const onError = useCallback((e: unknown) => setMessage(paneMessageOf(e)), []);
  const stored = useStoredSettings(workbook, onError);
  const [selection, setSelection] = useState<GridSelection>();
  // Bumped after each build, so the preview's grid shows the sheets written.
  const [written, setWritten] = useState(0);

  const select = useCallback(
    (place: RangePlace) => {
      if (office) office.workbook.select(place.sheet, place.range).catch(onError);
      else setSelection(place);
    },
    [office, onError],
  );
  // A file being opened in the preview and how far its worker has come (said in the status line).
  const [opening, setOpening] = useState<{ name: string; progress?: OpenProgress }>();
  const openFile = useCallback(
    async (file: File) => {
      if (!host) return;
      const name = file.name;
      setOpening({ name });
      try {
        await host.open(file, (progress) => setOpening({ name, progress }));
        setMessage(undefined);
        setSelection(undefined);
        setPreview({ workbook: host.workbook(), name, id: ++opened.current });
      } catch (e) {
        setMessage(paneMessageOf(e, true));
      } finally {
        setOpening(undefined);
      }
    },
    [host],
  );
  const openingStatus = opening && openingText(strings, opening.name, opening.progress, language);
  const openSample = useCallback(async () => {
    if (!host) return;
    try {
      await host.sample(sampleSize());
      setMessage(undefined);
      setSelection(undefined);
      setPreview({ workbook: host.workbook(), name: null, id: ++opened.current });
    } catch (e) {
      setMessage(paneMessageOf(e));
    }
  }, [host]);
  // The preview starts with the sample.
  useEffect(() => {
    void openSample();
  }, [openSample]);
  const gridView = useCallback(
    (sheet?: string, range?: string) => (host as PreviewHost).grid(sheet, range),
    [host],
  );

  return (
    <main className={styles.main}>
      <div className={styles.header}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        <LanguageSwitch />
      </div>
      <div className={styles.intro}>
        <Caption1>{office ? strings.officeNote(office.host) : strings.previewNote}</Caption1>
        {host ? (
          <>
            {preview ? (
              <Caption1>
                {strings.workingOn(preview.name ?? strings.sampleName(formatNumber(language, sampleSize())))}
              </Caption1>
            ) : null}
            <FileOpener onFile={openFile} onSample={() => void openSample()} progress={openingStatus} />
          </>
        ) : null}
      </div>
      {message ? <PaneMessageBar message={message} onDismiss={() => setMessage(undefined)} /> : null}
      {stored && workbook ? (
        <Workspace
          key={preview?.id ?? "office"}
          workbook={workbook}
          stored={stored.settings}
          onError={onError}
          onWarning={setMessage}
          onClearError={() => setMessage(undefined)}
          onSelect={select}
          onWritten={() => setWritten((n) => n + 1)}
          opening={openingStatus}
        />
      ) : null}
      {preview ? (
        <SheetGrid
          view={gridView}
          version={`${preview.id}:${written}`}
          selection={selection}
          onSelect={setSelection}
        />
      ) : null}
    </main>
  );
}

export function App({ office }: { office: OfficeConnection | null }) {
  const styles = useStyles();
  const language = useLanguage(office !== null);
  const dark = useDarkTheme(office !== null);
  const [{ work, preview }] = useState(() => hosting(office !== null));
  return (
    <FluentProvider theme={fluentTheme(dark)} className={styles.root}>
      <LanguageContext.Provider value={language}>
        <WorkContext.Provider value={work}>
          <Pane office={office} host={preview} />
        </WorkContext.Provider>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}

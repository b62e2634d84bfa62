/**
 * The browser preview's way in: drop an .xlsx or .csv file onto the pane, choose one, or go back to the
 * bundled sample. The file is read in this page only.
 */
import { useRef, useState, type DragEvent } from "react";
import { Button, Caption1, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n/context";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: { backgroundColor: tokens.colorBrandBackground2, border: `1px dashed ${tokens.colorBrandStroke1}` },
  hidden: { display: "none" },
});

interface FileOpenerProps {
  /** The file as the browser gives it: its bytes are read by the workbook's worker, not on the page. */
  onFile: (file: File) => Promise<void>;
  onSample: () => void;
  /** How far the file has come while it opens (the status line says it too, for screen readers). */
  progress?: string;
}

export function FileOpener({ onFile, onSample, progress }: FileOpenerProps) {
  const styles = useStyles();
  const { strings } = useStrings();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState<string | null>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setReading(file.name);
    try {
      await onFile(file);
    } finally {
      setReading(null);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      {reading ? (
        <Spinner size="tiny" labelPosition="after" label={progress ?? strings.loadingFile(reading)} />
      ) : (
        <>
          <Caption1>{strings.dropHere}</Caption1>
          <Button size="small" onClick={() => input.current?.click()}>
            {strings.chooseFile}
          </Button>
          <Button size="small" appearance="subtle" onClick={onSample}>
            {strings.loadSample}
          </Button>
        </>
      )}
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,.csv,.txt"
        aria-label={strings.chooseFile}
        data-testid="file-input"
        onChange={(e) => {
          void open(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </div>
  );
}

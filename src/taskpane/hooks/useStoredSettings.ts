/**
 * The settings a previous build stored in the workbook, read once per workbook (undefined while reading, or
 * while there is no workbook yet: the preview's is being made).
 */
import { useEffect, useState } from "react";
import type { JsonValue, Workbook } from "../../sheet/port";

export interface StoredSettings {
  workbook: Workbook;
  /** undefined: the workbook has none. */
  settings: JsonValue | undefined;
}

export function useStoredSettings(
  workbook: Workbook | undefined,
  onError: (e: unknown) => void,
): StoredSettings | undefined {
  const [stored, setStored] = useState<StoredSettings>();
  useEffect(() => {
    if (!workbook) return;
    let current = true;
    workbook.readSettings().then(
      (settings) => current && setStored({ workbook, settings }),
      (e: unknown) => {
        if (!current) return;
        // Damaged settings: say so, and let the user start afresh.
        onError(e);
        setStored({ workbook, settings: undefined });
      },
    );
    return () => {
      current = false;
    };
  }, [workbook, onError]);
  return stored?.workbook === workbook ? stored : undefined;
}

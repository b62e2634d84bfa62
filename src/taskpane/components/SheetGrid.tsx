/**
 * The browser preview's stand-in for Excel's grid: the workbook's visible sheets as tabs, a window of each
 * sheet's cells (as the workbook's worker formats them, see preview/grid.ts), and the range a warning link
 * selected, highlighted and scrolled into view.
 */
import { useEffect, useRef, useState } from "react";
import { Caption1, Subtitle2, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { boxContains, parseRangeAddress } from "../../sheet/a1";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../../i18n/pane";
import type { GridView } from "../preview/workbook-host";

export interface GridSelection {
  sheet: string;
  range?: string;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tabs: { overflowX: "auto", flexWrap: "nowrap" },
  scroller: {
    overflow: "auto",
    maxHeight: "22em",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  cell: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    maxWidth: "14em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
});

interface SheetGridProps {
  /** Asks the workbook's worker for a window of a sheet (the selection's, else the first). */
  view: (sheet?: string, range?: string) => Promise<GridView>;
  /** Changes when the workbook changed (a build wrote sheets), so the window is asked for again. */
  version: unknown;
  selection: GridSelection | undefined;
  onSelect: (selection: GridSelection) => void;
}

export function SheetGrid({ view, version, selection, onSelect }: SheetGridProps) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const [shown, setShown] = useState<GridView>();
  useEffect(() => {
    let current = true;
    view(selection?.sheet, selection?.range).then(
      (v) => current && setShown(v),
      () => current && setShown(undefined),
    );
    return () => {
      current = false;
    };
  }, [view, version, selection]);

  useEffect(() => {
    selectedRow.current?.scrollIntoView?.({ block: "nearest" });
  }, [shown]);

  const sheet = shown?.sheet;
  const grid = shown?.window;
  if (!shown || sheet === undefined || !grid) return null;
  const box = selection?.sheet === sheet && selection.range ? parseRangeAddress(selection.range) : undefined;
  const sheets = shown.sheets;
  return (
    <section className={styles.section} aria-labelledby="grid-heading">
      <Subtitle2 as="h2" id="grid-heading">
        {strings.generatedSheets}
      </Subtitle2>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet}
        onTabSelect={(_, d) => onSelect({ sheet: String(d.value) })}
      >
        {sheets.map((s) => (
          <Tab key={s} value={s}>
            {s}
          </Tab>
        ))}
      </TabList>
      {grid.total === 0 ? (
        <Caption1>{strings.gridEmpty}</Caption1>
      ) : (
        <>
          <Caption1>
            {strings.gridRows(
              formatNumber(language, grid.first),
              formatNumber(language, grid.last),
              formatNumber(language, grid.total),
            )}
          </Caption1>
          <div className={styles.scroller} tabIndex={0} role="region" aria-label={strings.gridCaption(sheet)}>
            <table className={styles.table} data-testid="sheet-grid">
              <thead>
                <tr>
                  <th className={`${styles.cell} ${styles.head}`} />
                  {grid.columns.map((c) => (
                    <th key={c} scope="col" className={`${styles.cell} ${styles.head}`}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.cells.map((cells, i) => {
                  const row = grid.first + i;
                  const inSelection = box !== undefined && row >= box.top && row <= box.bottom;
                  return (
                    <tr key={row} ref={inSelection && row === box?.top ? selectedRow : undefined}>
                      <th scope="row" className={`${styles.cell} ${styles.head}`}>
                        {row}
                      </th>
                      {cells.map((text, c) => (
                        <td
                          key={c}
                          title={text}
                          data-selected={box !== undefined && boxContains(box, row, c + 1)}
                          className={`${styles.cell} ${box && boxContains(box, row, c + 1) ? styles.selected : ""}`}
                        >
                          {text}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

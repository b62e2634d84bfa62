/**
 * The browser preview's stand-in for Excel's grid: the workbook's visible sheets as tabs, a window of each
 * sheet's cells, and the range a warning link selected, highlighted and scrolled into view.
 */
import { useEffect, useRef } from "react";
import { Caption1, Subtitle2, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { boxContains, parseRangeAddress } from "../../sheet/a1";
import type { MemoryWorkbook } from "../../workbook/memory/memory-workbook";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../i18n/strings";
import { gridWindow } from "../preview/grid";

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
  workbook: MemoryWorkbook;
  selection: GridSelection | undefined;
  onSelect: (selection: GridSelection) => void;
}

export function SheetGrid({ workbook, selection, onSelect }: SheetGridProps) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const sheets = workbook.sheets.filter((s) => s.visibility === "visible");
  const sheet = sheets.find((s) => s.name === selection?.sheet) ?? sheets[0];
  const box =
    sheet && selection?.sheet === sheet.name && selection.range
      ? parseRangeAddress(selection.range)
      : undefined;
  const grid = sheet ? gridWindow(sheet, box) : undefined;

  useEffect(() => {
    selectedRow.current?.scrollIntoView?.({ block: "nearest" });
  }, [selection]);

  if (!sheet || !grid) return null;
  return (
    <section className={styles.section} aria-labelledby="grid-heading">
      <Subtitle2 as="h2" id="grid-heading">
        {strings.generatedSheets}
      </Subtitle2>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet.name}
        onTabSelect={(_, d) => onSelect({ sheet: String(d.value) })}
      >
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
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
          <div
            className={styles.scroller}
            tabIndex={0}
            role="region"
            aria-label={strings.gridCaption(sheet.name)}
          >
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

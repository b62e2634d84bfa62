/** The first rows of the chosen order table, scrolling sideways inside the pane rather than widening it. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { RawTable } from "../../engine/data/table";
import { formatNumber } from "../../i18n/pane";
import { useStrings } from "../i18n/context";
import { previewRows } from "../source/inspect";

const PREVIEW_ROWS = 5;

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    maxWidth: "12em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
});

/** `table`: its header and first rows; `rows`: how many rows the whole table has. */
export function PreviewTable({ table, rows: total }: { table: RawTable; rows: number }) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const rows = previewRows(table, PREVIEW_ROWS);
  const caption = strings.previewCaption(formatNumber(language, rows.length), formatNumber(language, total));
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.headers.map((h, c) => (
              <th key={c} scope="col" className={`${styles.cell} ${styles.header}`} title={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((v, c) => (
                <td key={c} className={styles.cell} title={v}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <Caption1>{strings.gridEmpty}</Caption1> : null}
    </div>
  );
}

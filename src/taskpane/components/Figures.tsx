/**
 * Headline numbers of the result card: each number large, its label below it. A number with a sheet
 * behind it is a link that opens that sheet.
 */
import { Caption1, Link } from "@fluentui/react-components";
import { useResultStyles } from "./result-styles";

export interface Figure {
  label: string;
  value: string;
  /** Opens the sheet the number comes from; `opens` says which, for screen readers. */
  open?: { onOpen: () => void; opens: string };
}

export function Figures({ figures, testId }: { figures: Figure[]; testId?: string }) {
  const styles = useResultStyles();
  return (
    <dl className={styles.figures} data-testid={testId}>
      {figures.map((f) => (
        <div key={f.label} className={styles.figure}>
          <dt>
            <Caption1>{f.label}</Caption1>
          </dt>
          <dd className={styles.number}>
            {f.open ? (
              <Link
                as="button"
                className={styles.number}
                onClick={f.open.onOpen}
                aria-label={`${f.label}: ${f.value}. ${f.open.opens}`}
              >
                {f.value}
              </Link>
            ) : (
              f.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

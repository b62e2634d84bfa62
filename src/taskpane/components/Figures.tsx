/** Headline numbers of the result card: each number large, its label below it. */
import { Caption1 } from "@fluentui/react-components";
import { useResultStyles } from "./result-styles";

export interface Figure {
  label: string;
  value: string;
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
          <dd className={styles.number}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Tier minimums and alert thresholds, when the user sets them in the pane rather than on the Tiers and
 * Alerts sheets. Each field is labelled with its tier or rule, for screen readers as well as the eye.
 */
import {
  Body1Strong,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useStrings } from "../i18n/context";
import type { BuildForm, BuildFormAction } from "../state/build-form";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Inputs side by side stay level when one label wraps onto two lines.
  // Two columns that may shrink below their inputs' natural width: the pane is 320 px at the narrowest.
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  heading: { display: "block", margin: 0 },
  shrink: { minWidth: 0, width: "100%" },
});

/** A tier's two minimums, side by side: net spend (with decimals) and purchase days (whole). */
const TIER_MINIMUMS = [
  { field: "minSpend", inputMode: "decimal" },
  { field: "minPurchaseDays", inputMode: "numeric" },
] as const;

interface ThresholdFieldsProps {
  form: BuildForm;
  problems: Map<string, string>;
  dispatch: (action: BuildFormAction) => void;
  disabled: boolean;
}

export function ThresholdFields({ form, problems, dispatch, disabled }: ThresholdFieldsProps) {
  const styles = useStyles();
  const { strings, language } = useStrings();
  const nameOf = (t: { name: string; nameZh: string }) => (language === "zh-CN" ? t.nameZh : t.name);
  const problem = (id: string) => {
    const text = problems.get(id);
    return text === undefined
      ? {}
      : { validationState: "error" as const, validationMessage: strings.notANumber(text) };
  };
  return (
    <div className={styles.list}>
      <Field label={strings.thresholdsFrom}>
        <RadioGroup
          value={form.thresholds}
          disabled={disabled}
          onChange={(_, d) => dispatch({ type: "thresholds", from: d.value as BuildForm["thresholds"] })}
        >
          <Radio value="sheets" label={strings.rulesFromSheets} />
          <Radio value="here" label={strings.rulesHere} />
        </RadioGroup>
      </Field>
      {form.thresholds === "here" ? (
        <>
          <Caption1>{strings.rulesHereHint}</Caption1>
          <Body1Strong as="h4" className={styles.heading}>
            {strings.tierThresholds}
          </Body1Strong>
          <Caption1>{strings.derivedHint}</Caption1>
          {form.tiers.slice(0, -1).map((t, i) => (
            <div key={t.key} className={styles.pair}>
              {TIER_MINIMUMS.map(({ field, inputMode }) => (
                <Field
                  key={field}
                  className={styles.shrink}
                  label={strings[field](nameOf(t))}
                  size="small"
                  {...problem(`tier:${i}:${field}`)}
                >
                  <Input
                    className={styles.shrink}
                    size="small"
                    inputMode={inputMode}
                    placeholder={strings.derived}
                    value={t[field]}
                    disabled={disabled}
                    onChange={(_, d) => dispatch({ type: "tier", index: i, field, value: d.value })}
                  />
                </Field>
              ))}
            </div>
          ))}
          <Body1Strong as="h4" className={styles.heading}>
            {strings.alertThresholds}
          </Body1Strong>
          {form.alerts.map((r, i) =>
            r.conditions.map((c, j) => (
              <Field
                key={`${r.key}:${j}`}
                size="small"
                label={`${nameOf(r)} — ${strings.alertMetrics[c.metric] ?? c.metric} ${c.op}`}
                {...problem(`alert:${i}:${j}`)}
              >
                <Input
                  className={styles.shrink}
                  size="small"
                  inputMode="decimal"
                  value={c.value}
                  disabled={disabled}
                  onChange={(_, d) => dispatch({ type: "alert", index: i, condition: j, value: d.value })}
                />
              </Field>
            )),
          )}
        </>
      ) : null}
    </div>
  );
}

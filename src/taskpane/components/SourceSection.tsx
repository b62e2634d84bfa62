/**
 * Step 1, the orders: which table or sheet (proposed, changeable), its first rows, the column of each
 * role, the as-of date (default: the last order date), the models' time unit and the order of day and
 * month in dates typed as text (03/04/2024; proposed from the dates when they show it).
 */
import { memo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DAY_ORDERS, type DayOrder } from "../../engine/data/parse-date";
import { useStrings } from "../i18n/context";
import { formatNumber } from "../../i18n/pane";
import type { SourceHook } from "../hooks/useSource";
import type { OrderSourceCandidate } from "../source/discover";
import { proposedSource } from "../source/discover";
import {
  currentMapping,
  currentSummary,
  currentTable,
  defaultAsOf,
  selectedCandidate,
} from "../state/source-state";
import { MappingFields } from "./MappingFields";
import { PreviewTable } from "./PreviewTable";
import { SummarySource } from "./SummarySource";
import { TimeUnitSelect } from "./TimeUnitSelect";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  // Fields lay out in a grid whose column would otherwise be as wide as the longest option.
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  // A long option (table name, sheet, row count) must not widen the pane.
  fill: { width: "100%", minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  subheading: { display: "block", margin: 0 },
});

function useCandidateLabel(): (c: OrderSourceCandidate) => string {
  const { strings, language } = useStrings();
  return (c) =>
    `${c.kind === "table" ? strings.sourceTable(c.name, c.sheet) : strings.sourceSheet(c.name, c.range)} · ` +
    strings.rowsCount(formatNumber(language, c.rows)) +
    (c.noHeaderRow ? ` · ${strings.noHeaderRowTag}` : "") +
    (c.summary ? ` · ${strings.summaryTag}` : "");
}

/**
 * "No header row": every row of the table is data and its columns are named by letter, as the CLI's
 * --no-header reads a file; ticked from the start where no row of titles was found (`found` false).
 */
function HeaderSetting(props: { none: boolean; found: boolean; onChange: (none: boolean) => void }) {
  const { strings } = useStrings();
  const { none, found, onChange } = props;
  return (
    <div>
      <Checkbox
        checked={none}
        label={strings.noHeaderLabel}
        onChange={(_, d) => onChange(d.checked === true)}
      />
      {none ? <Caption1 block>{found ? strings.noHeaderHint : strings.noHeaderFound}</Caption1> : null}
    </div>
  );
}

function SourceSectionParts({ source }: { source: SourceHook }) {
  const styles = useStyles();
  const { strings } = useStrings();
  const labelOf = useCandidateLabel();
  const { state, dispatch, search } = source;
  const candidate = selectedCandidate(state);
  const table = currentTable(state);
  const mapping = currentMapping(state);
  const summary = currentSummary(state);
  const lastDate = defaultAsOf(state);
  const proposed = proposedSource(state.candidates);
  const { dayOrderProposal } = state;

  return (
    <section className={styles.section} aria-labelledby="source-heading">
      <Subtitle2 as="h2" id="source-heading">
        {strings.sourceHeading}
      </Subtitle2>
      {state.searching && state.candidates.length === 0 ? (
        <Spinner size="tiny" labelPosition="after" label={strings.sourceSearching} />
      ) : null}
      {!state.searching && state.candidates.length === 0 ? <Body1>{strings.sourceNone}</Body1> : null}
      {state.candidates.length > 0 ? (
        <Field
          className={styles.fill}
          label={strings.sourceLabel}
          hint={
            candidate && candidate.key === proposed?.key
              ? candidate.summary
                ? strings.summaryProposed
                : strings.sourceProposed
              : undefined
          }
        >
          <Select
            className={styles.fill}
            select={{ className: styles.fill, title: candidate ? labelOf(candidate) : undefined }}
            value={state.selected ?? ""}
            onChange={(_, d) => dispatch({ type: "select", key: d.value })}
          >
            {state.candidates.map((c) => (
              <option key={c.key} value={c.key}>
                {labelOf(c)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {/* An Excel table always has its header row: only a sheet may lack one. */}
      {candidate?.kind === "sheet" ? (
        <HeaderSetting
          none={state.header === "none"}
          found={!candidate.noHeaderRow}
          onChange={(none) => dispatch({ type: "header", header: none ? "none" : "auto" })}
        />
      ) : null}
      {!state.searching ? (
        <div>
          <Button size="small" onClick={search}>
            {strings.lookAgain}
          </Button>
        </div>
      ) : null}

      {candidate && !table ? (
        <Spinner size="tiny" labelPosition="after" label={strings.readingTable} />
      ) : null}
      {table ? (
        <>
          <Body1Strong as="h3" className={styles.subheading}>
            {strings.previewHeading}
          </Body1Strong>
          <PreviewTable table={table} rows={state.table?.rows ?? 0} />
        </>
      ) : null}
      {table && summary ? (
        <SummarySource
          facts={summary}
          timeUnit={state.timeUnit}
          onTimeUnit={(unit) => dispatch({ type: "timeUnit", unit })}
        />
      ) : null}
      {table && mapping && !summary ? (
        <>
          <div>
            <Body1Strong as="h3" className={styles.subheading}>
              {strings.mappingHeading}
            </Body1Strong>
            <Caption1>{strings.mappingHint}</Caption1>
          </div>
          <MappingFields
            table={table}
            mapping={mapping}
            onMap={(role, column) => dispatch({ type: "map", role, column })}
          />
          <Accordion collapsible>
            <AccordionItem value="dates">
              <AccordionHeader size="small">{strings.datesAndUnit}</AccordionHeader>
              <AccordionPanel>
                <div className={styles.row}>
                  <Field
                    className={styles.grow}
                    label={strings.asOfLabel}
                    hint={lastDate ? strings.asOfHint(lastDate) : undefined}
                  >
                    <Input
                      type="date"
                      value={state.asOf ?? lastDate ?? ""}
                      onChange={(_, d) => dispatch({ type: "asOf", value: d.value === "" ? null : d.value })}
                    />
                  </Field>
                  <Field className={styles.grow} label={strings.timeUnitLabel}>
                    <TimeUnitSelect
                      value={state.timeUnit}
                      onChange={(unit) => dispatch({ type: "timeUnit", unit })}
                    />
                  </Field>
                </div>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          <div className={styles.row}>
            <Field
              className={styles.grow}
              label={strings.dayOrderLabel}
              hint={
                dayOrderProposal
                  ? strings.dayOrderProposed(dayOrderProposal.example, dayOrderProposal.order)
                  : strings.dayOrderHint
              }
            >
              <Select
                className={styles.fill}
                select={{ className: styles.fill }}
                value={state.dayOrder}
                onChange={(_, d) => dispatch({ type: "dayOrder", order: d.value as DayOrder })}
              >
                {DAY_ORDERS.map((o) => (
                  <option key={o} value={o}>
                    {strings.dayOrders[o]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Drawn again only when its own props change (not on every progress step of a build). */
export const SourceSection = memo(SourceSectionParts);

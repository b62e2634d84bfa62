/**
 * The Source step's state: the candidate order tables, the chosen one and its rows, the column mapping
 * (detected, with the user's overrides), the as-of date, the time unit and the order of day and month in
 * text dates (proposed from the date column unless saved or chosen). Pure: a reducer and selectors, tested
 * without a browser.
 */
import type { ColumnOverrides, ColumnRole, DetectedColumns } from "../../engine/data/columns";
import type { DayOrder, DayOrderProposal } from "../../engine/data/parse-date";
import { rowCount, type RawTable } from "../../engine/data/table";
import { isCustomerSummaryHeaders } from "../../engine/summary/summary-columns";
import type { TimeUnit } from "../../engine/summary/time-unit";
import type { ReadTableOptions, TableSource } from "../../sheet/port";
import { proposedSource, type OrderSourceCandidate } from "../source/discover";
import { columnReference, mappingFor, overrideRole, ROLES_IN_ORDER, type DateFacts } from "../source/inspect";
import { summaryFacts, type SummaryFacts } from "../source/summary-facts";

/** Where the chosen table's header is: found ("auto"), none (every row is data), or that sheet row. */
export type HeaderChoice = NonNullable<ReadTableOptions["header"]>;

export interface SourceState {
  searching: boolean;
  candidates: OrderSourceCandidate[];
  /** Key of the chosen candidate. */
  selected?: string;
  /**
   * Where the chosen table's header is. A sheet on which no row of titles was found starts with "none"
   * (every row is data, the columns named by letter), as the CLI's --no-header reads a file.
   */
  header: HeaderChoice;
  /**
   * The chosen table once read (for the key it was read for): its header and first rows (the whole table
   * stays in the worker that read it), and how many rows it has.
   */
  table?: { key: string; data: RawTable; rows: number };
  /** What the worker found in the table's date columns (asked for as the date column is mapped). */
  dates?: { key: string; facts: Record<number, DateFacts> };
  overrides: ColumnOverrides;
  /** YYYY-MM-DD the user chose; null: the last order date. */
  asOf: string | null;
  timeUnit: TimeUnit;
  /** How text dates such as 03/04/2024 are read; "ymd" reads only year-first text (and Excel dates). */
  dayOrder: DayOrder;
  /** The order was saved in the workbook or picked by the user: the data never changes it then. */
  dayOrderChosen: boolean;
  /** What the dates of the chosen table propose, while the order is not chosen (the pane says why). */
  dayOrderProposal?: DayOrderProposal;
}

/** What a previous build stored in the workbook and the pane starts from. */
export interface StoredSourceSettings {
  source?: { table?: string; sheet?: string };
  /** The header as the settings say (absent: found). */
  header?: HeaderChoice;
  columns?: ColumnOverrides;
  asOf?: string | null;
  timeUnit?: TimeUnit;
  /** undefined when none was saved: the pane proposes one from the dates. */
  dayOrder?: DayOrder;
}

export type SourceAction =
  | { type: "search" }
  | { type: "found"; candidates: OrderSourceCandidate[] }
  | { type: "select"; key: string }
  | { type: "read"; key: string; header: HeaderChoice; table: RawTable; rows?: number }
  | { type: "dates"; key: string; header: HeaderChoice; facts: DateFacts }
  | { type: "header"; header: HeaderChoice }
  | { type: "map"; role: ColumnRole; column: number | null }
  | { type: "asOf"; value: string | null }
  | { type: "timeUnit"; unit: TimeUnit }
  | { type: "dayOrder"; order: DayOrder }
  | { type: "restore"; settings: StoredSourceSettings };

export const INITIAL_SOURCE_STATE: SourceState = {
  searching: true,
  candidates: [],
  header: "auto",
  overrides: {},
  asOf: null,
  timeUnit: "week",
  dayOrder: "ymd",
  dayOrderChosen: false,
};

function keyOf(source: StoredSourceSettings["source"]): string | undefined {
  if (source?.table) return `table:${source.table}`;
  if (source?.sheet) return `sheet:${source.sheet}`;
  return undefined;
}

/**
 * The date order the current table's date column proves (31/12/2024: day first), or year first when it does
 * not say, unless the order is chosen. The worker that read the table looked at the whole column; a column
 * that contradicts itself or has only days up to 12 proposes nothing, and the build then says to choose.
 * Until its answer arrives the order stays as it is.
 */
function withProposedDayOrder(state: SourceState): SourceState {
  if (state.dayOrderChosen) return state;
  const facts = currentDates(state);
  if (!facts) return state.dayOrderProposal ? { ...state, dayOrderProposal: undefined } : state;
  const proposal = facts.proposal;
  return { ...state, dayOrder: proposal?.order ?? "ymd", dayOrderProposal: proposal };
}

/** The header a candidate is read with at first: none where no row of titles was found on it. */
function proposedHeader(candidate: OrderSourceCandidate | undefined): HeaderChoice {
  return candidate?.noHeaderRow ? "none" : "auto";
}

/** True when an answer of the inspect worker is about the table as the state now wants it read. */
function isCurrentRead(state: SourceState, key: string, header: HeaderChoice): boolean {
  return key === state.selected && header === state.header;
}

export function sourceReducer(state: SourceState, action: SourceAction): SourceState {
  switch (action.type) {
    case "search":
      return { ...state, searching: true };
    case "found":
      return withCandidates(state, action.candidates);
    case "select":
      if (action.key === state.selected) return state;
      return withProposedDayOrder({
        ...state,
        selected: action.key,
        header: proposedHeader(state.candidates.find((c) => c.key === action.key)),
        ...unread(),
        asOf: null,
      });
    case "header":
      // Other columns (named by letter, or by the titles now read): the mapping starts afresh.
      if (action.header === state.header) return state;
      return withProposedDayOrder({ ...state, header: action.header, ...unread() });
    case "read":
      return withTableRead(state, action);
    case "dates":
      return withDateFacts(state, action);
    case "map":
      if (!state.table) return state;
      // Any role may move the date column (a column serves one role), so the proposal is made again.
      return withProposedDayOrder({
        ...state,
        overrides: overrideRole(state.table.data, state.overrides, action.role, action.column),
      });
    case "asOf":
      return { ...state, asOf: action.value };
    case "timeUnit":
      return { ...state, timeUnit: action.unit };
    case "dayOrder":
      return { ...state, dayOrder: action.order, dayOrderChosen: true, dayOrderProposal: undefined };
    case "restore":
      return withStoredSettings(state, action.settings);
  }
}

/** Another table, or the same one read another way: nothing of it read yet, and no column mapped by hand. */
function unread(): Pick<SourceState, "table" | "dates" | "overrides"> {
  return { table: undefined, dates: undefined, overrides: {} };
}

/** The candidates found: the user's (or the stored) choice kept when it is still there, else the best one. */
function withCandidates(state: SourceState, candidates: OrderSourceCandidate[]): SourceState {
  const keep = state.selected && candidates.some((c) => c.key === state.selected);
  const selected = keep ? state.selected : (proposedSource(candidates) ?? candidates[0])?.key;
  const changed = selected !== state.selected;
  const header = proposedHeader(candidates.find((c) => c.key === selected));
  return withProposedDayOrder({
    ...state,
    searching: false,
    candidates,
    selected,
    ...(changed ? { ...unread(), header } : {}),
  });
}

/** The chosen table read (an answer about another choice is dropped). */
function withTableRead(state: SourceState, action: Extract<SourceAction, { type: "read" }>): SourceState {
  if (!isCurrentRead(state, action.key, action.header)) return state;
  const rows = action.rows ?? rowCount(action.table);
  const read = { ...state, table: { key: action.key, data: action.table, rows }, dates: undefined };
  // A customer summary's recency and T are in the unit it was made in: the build must use that one.
  const unit = isCustomerSummaryHeaders(action.table.headers) ? summaryFacts(action.table).unit : undefined;
  return withProposedDayOrder(unit ? { ...read, timeUnit: unit } : read);
}

/** What the worker found in one date column of the chosen table, beside those it found before. */
function withDateFacts(state: SourceState, action: Extract<SourceAction, { type: "dates" }>): SourceState {
  if (!isCurrentRead(state, action.key, action.header) || state.table?.key !== action.key) return state;
  const facts = { ...(state.dates?.key === action.key ? state.dates.facts : {}) };
  facts[action.facts.column] = action.facts;
  return withProposedDayOrder({ ...state, dates: { key: action.key, facts } });
}

/** The settings a previous build stored: a saved date order counts as chosen. */
function withStoredSettings(state: SourceState, s: StoredSourceSettings): SourceState {
  return {
    ...state,
    selected: keyOf(s.source) ?? state.selected,
    header: s.header ?? state.header,
    overrides: s.columns ?? state.overrides,
    asOf: s.asOf ?? null,
    timeUnit: s.timeUnit ?? state.timeUnit,
    ...(s.dayOrder ? { dayOrder: s.dayOrder, dayOrderChosen: true, dayOrderProposal: undefined } : {}),
  };
}

export function selectedCandidate(state: SourceState): OrderSourceCandidate | undefined {
  return state.candidates.find((c) => c.key === state.selected);
}

/** The table read for the current choice (undefined while reading). */
export function currentTable(state: SourceState): RawTable | undefined {
  return state.table && state.table.key === state.selected ? state.table.data : undefined;
}

export function currentMapping(state: SourceState): DetectedColumns | undefined {
  const table = currentTable(state);
  return table ? mappingFor(table, state.overrides) : undefined;
}

/**
 * What the Orders step sees of the chosen table when it is a customer summary (its headers say so: one row
 * per customer, as `loyalty sql` makes it); undefined for order lines and while the table is read.
 */
export function currentSummary(state: SourceState): SummaryFacts | undefined {
  const table = currentTable(state);
  return table && isCustomerSummaryHeaders(table.headers) ? summaryFacts(table) : undefined;
}

/** The mapped date column, while the worker has not said what it holds (undefined: nothing to ask). */
export function datesWanted(state: SourceState): number | undefined {
  if (currentSummary(state)) return undefined;
  const date = currentMapping(state)?.mapping.date;
  const { dates } = state;
  if (date === undefined || !dates || dates.key !== state.selected) return date;
  return dates.facts[date] ? undefined : date;
}

/** What the whole mapped date column holds, once the worker has said. */
function currentDates(state: SourceState): DateFacts | undefined {
  const date = currentMapping(state)?.mapping.date;
  const { dates } = state;
  if (date === undefined || !dates || dates.key !== state.selected) return undefined;
  return dates.facts[date];
}

/** The last order date in the mapped date column, its text dates read in the chosen order. */
export function defaultAsOf(state: SourceState): string | undefined {
  return currentDates(state)?.last[state.dayOrder];
}

/**
 * What the build is told about the orders: where they are, every column as mapped now, the as-of date,
 * the unit and the date order.
 */
export interface SourceSettings {
  source: TableSource;
  header: HeaderChoice;
  columns: ColumnOverrides;
  asOf: string | null;
  timeUnit: TimeUnit;
  dayOrder: DayOrder;
}

/**
 * The settings for a build, or undefined while the table is not read or a required column is missing.
 * Every role is written out (a column, or null for none), so a Refresh maps exactly as the user saw.
 */
export function sourceSettings(state: SourceState): SourceSettings | undefined {
  const candidate = selectedCandidate(state);
  const table = currentTable(state);
  const { asOf, timeUnit, dayOrder, header } = state;
  const summary = currentSummary(state);
  if (candidate && summary) {
    // A summary has no column roles and is made as of one date: the build reads it by its headers.
    if (summary.missing.length > 0) return undefined;
    return { source: candidate.source, header, columns: {}, asOf: null, timeUnit, dayOrder };
  }
  const mapping = currentMapping(state);
  if (!candidate || !table || !mapping || mapping.missing.length > 0) return undefined;
  const columns: ColumnOverrides = {};
  for (const role of ROLES_IN_ORDER) {
    const column = mapping.mapping[role];
    columns[role] = column === undefined ? null : columnReference(table, column);
  }
  return { source: candidate.source, header, columns, asOf, timeUnit, dayOrder };
}

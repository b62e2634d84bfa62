import type { RawTable } from "../../src/engine/data/table";
import { dateFacts, tableHead } from "../../src/taskpane/source/inspect";
import { sourceReducer, type SourceState } from "../../src/taskpane/state/source-state";

/**
 * What the inspect worker tells the Source step about a table it read: its head and row count, then what
 * each column would hold as the date column (the pane asks about the mapped one).
 */
export function answered(state: SourceState, key: string, table: RawTable): SourceState {
  let next = sourceReducer(state, {
    type: "read",
    key,
    header: state.header,
    table: tableHead(table),
    rows: table.columns[0]?.length ?? 0,
  });
  for (let c = 0; c < table.headers.length; c++) {
    next = sourceReducer(next, { type: "dates", key, header: state.header, facts: dateFacts(table, c) });
  }
  return next;
}

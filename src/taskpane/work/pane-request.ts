/**
 * What the pane asks its workers to do with the workbook: build (or refresh) the report, or look at the
 * chosen order table: its header and first rows (the pane detects the columns and shows them), and what
 * its whole date column says (date order, last order date). The table is read once and kept for the
 * questions that follow about the same read, so the page never holds the whole table.
 */
import type { ReportProgress } from "../../report/build-report";
import type { RawTable } from "../../engine/data/table";
import { rowCount } from "../../engine/data/table";
import type { ReadTableOptions, TableSource, Workbook } from "../../sheet/port";
import { dateFacts, tableHead, type DateFacts } from "../source/inspect";
import { runBuild, type BuildRequest } from "./build-request";
import type { RunInWorker } from "./channel";

/**
 * `read` tells reads apart: a new number reads the table afresh (the user may have changed it). `header`:
 * where its header is, as the Source step says (default: found).
 */
type TableQuestion = { source: TableSource; read: number; header?: ReadTableOptions["header"] };

export type PaneRequest =
  | ({ kind: "build" } & BuildRequest)
  | ({ kind: "head" } & TableQuestion)
  | ({ kind: "dates"; column: number } & TableQuestion);

export interface TableHead {
  head: RawTable;
  rows: number;
}

let kept: { key: string; table: Promise<RawTable> } | undefined;

function tableFor(workbook: Workbook, q: TableQuestion): Promise<RawTable> {
  const key = JSON.stringify([q.read, q.source, q.header]);
  if (kept?.key !== key) {
    const table = workbook.readTable(q.source, { header: q.header ?? "auto" });
    kept = { key, table };
    // A read that failed is not kept: the next question reads again.
    table.catch(() => {
      if (kept?.key === key) kept = undefined;
    });
  }
  return kept.table;
}

export const runPaneRequest: RunInWorker<PaneRequest, unknown, ReportProgress> = async (
  workbook,
  request,
  hooks,
) => {
  switch (request.kind) {
    case "build":
      return runBuild(workbook, request, hooks);
    case "head": {
      const table = await tableFor(workbook, request);
      return { head: tableHead(table), rows: rowCount(table) } satisfies TableHead;
    }
    case "dates":
      return dateFacts(await tableFor(workbook, request), request.column) satisfies DateFacts;
  }
};

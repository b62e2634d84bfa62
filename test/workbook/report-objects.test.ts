/**
 * The one rule every adapter uses to tell the report's notes and charts on a rebuilt sheet from the
 * user's (src/workbook/report-objects.ts), on cases worked out by hand.
 */
import type { SheetModel } from "../../src/sheet/sheet-model";
import {
  isReportChart,
  isReportNote,
  reportNotes,
  unmarkedReportCharts,
} from "../../src/workbook/report-objects";

const model: SheetModel = {
  kind: "example",
  name: "Example",
  blocks: [{ at: { row: 1, col: 1 }, rows: [[{ value: "Spend", note: "Net of refunds: 12 lines" }]] }],
};

describe("the report's notes", () => {
  const before = { B5: "Net of refunds: 9 lines" };

  it("without marked authors (Excel, the preview, an old file): the text written now anywhere, or the one the last build wrote at that cell", () => {
    const known = reportNotes(model, { moves: [], notes: before });
    expect(isReportNote({ cell: "C9", text: "Net of refunds: 12 lines" }, known)).toBe(true);
    expect(isReportNote({ cell: "B5", text: "Net of refunds: 9 lines" }, known)).toBe(true);
    // The last build's text somewhere else, and any other text, are the user's.
    expect(isReportNote({ cell: "B6", text: "Net of refunds: 9 lines" }, known)).toBe(false);
    expect(isReportNote({ cell: "B5", text: "call back" }, known)).toBe(false);
    // A note a file written by the command line brought keeps its mark in Excel.
    expect(isReportNote({ cell: "B5", text: "call back", author: "Loyalty Lens" }, known)).toBe(true);
  });

  it("where the authors carry the mark, a note without it is the user's whatever its text", () => {
    const known = reportNotes(model, { moves: [], notes: before }, true);
    expect(isReportNote({ cell: "A1", text: "Net of refunds: 12 lines", author: "Ann" }, known)).toBe(false);
    expect(isReportNote({ cell: "A1", text: "anything", author: "Loyalty Lens" }, known)).toBe(true);
  });
  it("a sheet written before notes were marked or recorded: ExcelJS's author on a cell the new build writes a note on, whatever the text; never by author alone", () => {
    const known = reportNotes(model, { moves: [] });
    expect(isReportNote({ cell: "A1", text: "Net of refunds: 9 lines", author: "Author" }, known)).toBe(true);
    expect(isReportNote({ cell: "A2", text: "Net of refunds: 9 lines", author: "Author" }, known)).toBe(
      false,
    );
    expect(isReportNote({ cell: "A1", text: "call back", author: "Ann" }, known)).toBe(false);
    expect(isReportNote({ cell: "A1", text: "call back" }, known)).toBe(false);
    // Once the last build recorded its notes, the record decides.
    const recorded = reportNotes(model, { moves: [], notes: before });
    expect(isReportNote({ cell: "A1", text: "call back", author: "Author" }, recorded)).toBe(false);
  });

  it("the old note on a carried table's header is on that header now, where the table moved", () => {
    // The table's header was on row 6 (columns A..B); it is on row 1 now, its columns swapped.
    const moves = [
      {
        from: { top: 6, left: 1, bottom: 9, right: 2 },
        columns: [2, 1],
        rows: new Map<number, number>(),
        to: { top: 1, left: 1, bottom: 4, right: 2 },
      },
    ];
    const known = reportNotes(model, { moves });
    expect(isReportNote({ cell: "B6", text: "old text", author: "Author" }, known)).toBe(true);
    expect(isReportNote({ cell: "A6", text: "old text", author: "Author" }, known)).toBe(false);
  });
});

describe("the report's charts", () => {
  const drawn = [
    {
      type: "pie" as const,
      title: "Members per tier",
      series: [],
      at: { row: 30, col: 2 },
      width: 1,
      height: 1,
    },
  ];

  it("a marked sheet: only charts named with the mark, wherever they are", () => {
    const previous = { moves: [] };
    expect(isReportChart({ name: "LL chart 1: Members per tier" }, previous)).toBe(true);
    expect(
      isReportChart({ name: "Chart 1", at: { row: 30, col: 2 }, title: "Members per tier" }, previous),
    ).toBe(false);
    expect(
      unmarkedReportCharts({ charts: drawn, formats: { conditionalFormats: [], validations: [] } }),
    ).toBe(undefined);
  });

  it("a sheet written before the mark: exactly where the last build drew one, with its title; never by place alone", () => {
    const previous = { moves: [], unmarkedCharts: unmarkedReportCharts({ charts: drawn }) };
    expect(
      isReportChart({ name: "Chart 1", at: { row: 30, col: 2 }, title: "Members per tier" }, previous),
    ).toBe(true);
    expect(isReportChart({ name: "Chart 2", at: { row: 30, col: 2 }, title: "My trend" }, previous)).toBe(
      false,
    );
    expect(
      isReportChart({ name: "Chart 3", at: { row: 31, col: 2 }, title: "Members per tier" }, previous),
    ).toBe(false);
    expect(isReportChart({ name: "Chart 4", title: "Members per tier" }, previous)).toBe(false);
  });
});

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

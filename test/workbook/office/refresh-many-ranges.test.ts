/**
 * A user's conditional format on many separate customers' cells (a highlight put on one customer after
 * another): after a refresh its cells are as many separate ranges, whose address is longer than Excel
 * takes (8,192 characters; the fake refuses it as Excel does). It is drawn again as one format per group
 * of ranges, the same rule on each; one whose formula is relative to its first cell cannot be cut so and
 * is listed instead.
 */
import { parseRangeList } from "../../../src/sheet/a1";
import { OfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import { callListModel } from "../contract";
import { FakeExcel } from "./fake-excel";

jest.setTimeout(60_000);

const CUSTOMERS = Array.from({ length: 1600 }, (_, i) => `C${1000 + i}`);

/** The call list written, then every other customer's Done cell (column C) highlighted by the user. */
async function highlighted(formula: string) {
  const excel = new FakeExcel();
  excel.model.addSheet("Mine");
  const wb = new OfficeWorkbook({ run: excel.run, supports: () => true });
  await wb.writeSheet(callListModel(CUSTOMERS));
  const sheet = excel.model.mustSheet("LL Calls");
  // The header is on row 3: customer i is on row 4 + i.
  const chosen = CUSTOMERS.filter((_, i) => i % 2 === 0);
  const range = chosen.map((c) => `C${4 + CUSTOMERS.indexOf(c)}`).join(" ");
  sheet.conditionalFormats.push({
    range,
    type: "Custom",
    settings: { "custom.rule.formula": formula, "custom.format.fill.color": "#FFEB9C" },
  });
  // The next build lists the customers the other way round: every row moves.
  return { excel, wb, sheet, chosen, next: callListModel([...CUSTOMERS].reverse()) };
}

describe("a user's format on more separate cells than one Excel address holds", () => {
  it("is drawn again on the same customers' cells, as several formats of the same rule", async () => {
    const { wb, sheet, chosen, next } = await highlighted("=TODAY()>DATE(2024,1,1)");
    expect(await wb.refreshLosses([next])).toEqual([]);
    await wb.writeSheet(next);
    const theirs = sheet.conditionalFormats.filter((f) => f.type === "Custom");
    expect(theirs.length).toBeGreaterThan(1);
    for (const f of theirs) {
      expect(f.settings).toEqual({
        "custom.rule.formula": "=TODAY()>DATE(2024,1,1)",
        "custom.format.fill.color": "#FFEB9C",
      });
    }
    // Reversed: customer i is on row 4 + (1599 - i).
    const rows = theirs
      .flatMap((f) => parseRangeList(f.range))
      .map((b) => [b.top, b.left, b.bottom, b.right]);
    const expected = chosen.map((c) => 4 + (CUSTOMERS.length - 1 - CUSTOMERS.indexOf(c)));
    expect(rows.map((r) => r[0]).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(rows.every(([top, left, bottom, right]) => top === bottom && left === 3 && right === 3)).toBe(
      true,
    );
  });

  it("is listed when its formula reads cells relative to its first cell", async () => {
    const { wb, next } = await highlighted('=$C4="yes"');
    const losses = await wb.refreshLosses([next]);
    expect(losses).toHaveLength(1);
    expect(losses[0]).toMatchObject({ kind: "format", sheet: "LL Calls" });
  });
});

/**
 * A user's format with a formula relative to its first cell follows a carried table's cells with the
 * formula written again for the new first cell, only where every cell keeps reading what it read
 * (reanchor.ts); otherwise it is lost (listed). Worked by hand on one move:
 *
 *   old table A5:F10 (header row 5, customers on rows 6-10, F is the user's "Called?")
 *   new table A6:G10 (a report column added at C, so C..F go to D..G; the header is on row 6),
 *   customers: row 6 -> 7, row 8 -> 9, row 9 -> 8, row 10 -> 10, row 7's customer left.
 */
import type { TableMove } from "../../src/workbook/carry";
import { hasRelativeReference } from "../../src/workbook/reanchor";
import { fateOf, type UserObject } from "../../src/workbook/user-objects";

const move: TableMove = {
  from: { top: 5, left: 1, bottom: 10, right: 6 },
  columns: [1, 2, 4, 5, 6, 7],
  rows: new Map([
    [6, 7],
    [8, 9],
    [9, 8],
    [10, 10],
  ]),
  to: { top: 6, left: 1, bottom: 10, right: 7 },
};
const previous = { moves: [move], formats: { conditionalFormats: [], validations: [] } };
const owned = [move.from];

function follow(ref: string, formula: string) {
  const object: UserObject = { what: "conditionalFormat", type: "Custom", ref, formulas: [formula] };
  const fate = fateOf(object, owned, previous);
  if (typeof fate !== "object") return fate;
  return { ref: fate.ref, formula: fate.formulas?.get(formula) ?? formula };
}

describe("formulas relative to the first cell, written again where the cells go", () => {
  it("a whole column reading its own row: the new column's rows, the formula for its new first cell", () => {
    expect(follow("F6:F10", '$F6="yes"')).toEqual({ ref: "G7:G10", formula: '$G7="yes"' });
    // A relative column too: F reads B (four to the left), G reads B (five): each still reads B.
    expect(follow("F6:F10", "B6>0")).toEqual({ ref: "G7:G10", formula: "B7>0" });
    // Quoted text is no reference; a function's name is none either.
    expect(follow("F6:F10", 'AND($F6="A1",LOG10(D6)>1)')).toEqual({
      ref: "G7:G10",
      formula: 'AND($G7="A1",LOG10(E7)>1)',
    });
  });

  it("customers' cells: each reads its own row wherever it went; the header row stays the header's", () => {
    // Rows 8 and 9 swap: the ranges are given top first, the formula for the top one (the customer of old row 9).
    expect(follow("D8 D9", "$D8>C$5")).toEqual({ ref: "E8 E9", formula: "$E8>D$6" });
  });

  it("a wholly absolute reference is kept as written; a formula without relative ones follows as it is", () => {
    expect(follow("F6:F10", "$F6>$B$2")).toEqual({ ref: "G7:G10", formula: "$G7>$B$2" });
    expect(hasRelativeReference("$B$2>0")).toBe(false);
    expect(follow("F8", "$B$2>0")).toEqual({ ref: "G9", formula: "$B$2>0" });
  });

  it("lost where a cell would read something else: the row above, a column beyond the table, another sheet, a column added between", () => {
    expect(follow("F6:F10", "F5>0")).toBe("lost");
    expect(follow("F6:F10", "$AZ6>0")).toBe("lost");
    expect(follow("F6:F10", "Mine!A6>0")).toBe("lost");
    expect(follow("F6:F10", "SUM(A6:B6)>0")).toBe("lost");
    // C and D go to D and E: D read C (one left), which is one left still, but C read B (one left), now two.
    expect(follow("C6:D10", "B6>0")).toBe("lost");
    // A customer who left.
    expect(follow("F7", "$F7>0")).toBe("lost");
  });
});

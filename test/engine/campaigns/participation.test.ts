import { readParticipations } from "../../../src/engine/campaigns/participation";
import { dayFromYmd } from "../../../src/engine/data/days";
import type { CellValue, RawTable } from "../../../src/engine/data/table";
import { columnNames } from "../../../src/sheet/a1";

function table(headers: string[], rows: CellValue[][]): RawTable {
  return {
    source: "campaigns.csv",
    headers,
    columns: headers.map((_, c) => rows.map((r) => r[c])),
    firstRow: 2,
    columnLabels: columnNames(headers.length),
  };
}

describe("readParticipations", () => {
  it("reads a Chinese campaign table and counts the rows it cannot use, with the first sheet row", () => {
    const read = readParticipations(
      table(
        ["会员编号", "活动名称", "开始日期", "结束日期", "成本"],
        [
          ["001", "双倍积分", "2024-03-01", "2024-03-31", "5"],
          ["", "双倍积分", "2024-03-01", "", ""], // row 3: blank id
          ["002", "双倍积分", "2024-02-30", "", ""], // row 4: unreadable start
          ["003", "生日礼", "2024-05-02", "2024-04-01", "abc"], // row 5: end before start, bad cost
        ],
      ),
    );
    expect(read.rows).toEqual([
      {
        customerId: "001",
        campaign: "双倍积分",
        start: dayFromYmd(2024, 3, 1),
        end: dayFromYmd(2024, 3, 31),
        cost: 5,
      },
      { customerId: "003", campaign: "生日礼", start: dayFromYmd(2024, 5, 2), end: NaN, cost: NaN },
    ]);
    expect(read.problems).toEqual([
      { reason: "blankId", count: 1, firstRow: 3 },
      { reason: "unreadableStart", count: 1, firstRow: 4 },
      { reason: "endBeforeStart", count: 1, firstRow: 5 },
      { reason: "badCost", count: 1, firstRow: 5 },
    ]);
  });

  it("names the table, its headers and the setting when a required column is missing", () => {
    expect(() => readParticipations(table(["Member", "When"], [["1", "2024-01-01"]]))).toThrow(
      /campaigns\.csv: no campaign, start date column found among the headers "Member", "When".*campaigns\.columns/,
    );
  });

  it("takes columns the user names", () => {
    const read = readParticipations(table(["Who", "What", "When"], [["1", "Gift", "2024-01-01"]]), {
      columns: { customerId: "Who", campaign: "B", start: 2 },
    });
    expect(read.rows[0]).toMatchObject({ customerId: "1", campaign: "Gift", start: dayFromYmd(2024, 1, 1) });
  });
});

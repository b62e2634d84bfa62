/**
 * "Since the last refresh" on LL This week and LL KPIs: a build, new orders appended, a refresh of the same
 * workbook. Seven members whose changes are worked out by hand below (tiers with set minimums: Platinum
 * 5,000, Gold 2,000, Silver 500, Member; a rolling 12-month window):
 *
 *   member  first build (2024-06-30)                          refresh (2024-07-31), after the new orders
 *   A       4 purchases 10 days apart to 02-04: a regular      bought 07-20: came back
 *           147 days past the last (2 × 10): at risk
 *   B       6 purchases 10 days apart to 06-20: no risk        41 days past the last (2 × 10, 14+): new at risk
 *   C       600 on 06-25: Silver                               1,500 on 07-10: 2,100, Gold: moved up
 *   D       5,000 on 2023-07-15 and 50 on 06-28: Platinum,     the 5,000 left the window: Member: moved down
 *           the 5,000 leaves the window within 30 days:
 *           at risk (tier drop)
 *   E       bought in 2022 only: lapsed, lost                  bought 07-25: came back, and moved up (Member)
 *   F       bought in 2022 only: lost                          still lost: no change
 *   G       (not a customer yet)                               200 on 07-05: new since, no change
 */
import { buildReport } from "../../src/report/build-report";
import type { PartialReportConfig } from "../../src/report/config";
import { CHANGE_TEXTS } from "../../src/engine/text/changes";
import type { CellValue, RawTable } from "../../src/engine/data/table";
import { memberKey } from "../../src/report/member-changes";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";

const FIRST: [string, string, number][] = [
  ["A", "2024-01-05", 50],
  ["A", "2024-01-15", 50],
  ["A", "2024-01-25", 50],
  ["A", "2024-02-04", 50],
  ...["05-01", "05-11", "05-21", "05-31", "06-10", "06-20"].map((d): [string, string, number] => [
    "B",
    `2024-${d}`,
    50,
  ]),
  ["C", "2024-06-25", 600],
  ["D", "2023-07-15", 5000],
  ["D", "2024-06-28", 50],
  ["E", "2022-03-01", 100],
  ["E", "2022-04-01", 100],
  ["F", "2022-05-01", 100],
];
const APPENDED: [string, string, number][] = [
  ["A", "2024-07-20", 50],
  ["C", "2024-07-10", 1500],
  ["E", "2024-07-25", 100],
  ["G", "2024-07-05", 200],
];

function orders(lines: [string, string, number][]): RawTable {
  return {
    source: "orders.csv",
    headers: ["Customer ID", "Date", "Amount"],
    columns: [0, 1, 2].map((k) => lines.map((l) => l[k])),
    firstRow: 2,
  };
}

function config(asOf: string, language: "en" | "zh-CN" = "en"): PartialReportConfig {
  return {
    asOf,
    language,
    sheets: ["this-week", "kpis"],
    tiers: {
      tiers: [
        { key: "platinum", name: "Platinum", nameZh: "铂金", minSpend: 5000 },
        { key: "gold", name: "Gold", nameZh: "黄金", minSpend: 2000 },
        { key: "silver", name: "Silver", nameZh: "白银", minSpend: 500 },
        { key: "member", name: "Member", nameZh: "普通会员" },
      ],
    },
  } as PartialReportConfig;
}

async function sheetRows(workbook: MemoryWorkbook, kind: string): Promise<CellValue[][]> {
  const sheet = (await workbook.listSheets()).find((s) => s.generatedKind === kind);
  if (!sheet) throw new Error(`no ${kind} sheet`);
  return workbook.readRange(sheet.name);
}

/** The rows below the first row whose first cell is `title`, up to a blank first cell. */
function tableAfter(rows: CellValue[][], title: string, from = 0): CellValue[][] {
  const start = rows.findIndex((r, i) => i >= from && r[0] === title);
  if (start < 0) return [];
  const out: CellValue[][] = [];
  for (const r of rows.slice(start + 1)) {
    if (r[0] === null || r[0] === undefined || r[0] === "") break;
    out.push(r);
  }
  return out;
}

describe("what changed since the last refresh", () => {
  const t = CHANGE_TEXTS.en;
  let workbook: MemoryWorkbook;
  let firstWeek: CellValue[][];
  let week: CellValue[][];
  let kpis: CellValue[][];

  beforeAll(async () => {
    workbook = new MemoryWorkbook();
    await buildReport({ workbook, orders: { table: orders(FIRST) }, config: config("2024-06-30") });
    firstWeek = await sheetRows(workbook, "this-week");
    await buildReport({
      workbook,
      orders: { table: orders([...FIRST, ...APPENDED]) },
      config: config("2024-07-31"),
    });
    week = await sheetRows(workbook, "this-week");
    kpis = await sheetRows(workbook, "kpis");
  }, 120_000);

  it("says on a first build that there is nothing to compare with", () => {
    expect(firstWeek.flat()).toContain(t.first);
  });

  it("counts the changes on This week and KPIs", () => {
    const expected = [
      [t.kinds.newAtRisk, 1],
      [t.kinds.cameBack, 2],
      [t.kinds.tierUp, 2],
      [t.kinds.tierDown, 1],
    ];
    for (const rows of [week, kpis]) {
      expect(rows.flat()).toContain(t.compared("2024-06-30", 6, 1));
      const counts = tableAfter(rows, t.countHeader[0]).map((r) => r.slice(0, 2));
      expect(counts).toEqual(expected);
    }
  });

  it("lists who changed on This week, with the tier before and now", () => {
    const section = week.findIndex((r) => r[0] === t.section && week.indexOf(r) > 0);
    const lastSection = week.map((r) => r[0]).lastIndexOf(t.section);
    expect(lastSection).toBeGreaterThan(section);
    const list = tableAfter(week, t.listHeader.change, lastSection).map((r) => r.slice(0, 5));
    expect(list).toEqual([
      [t.kinds.newAtRisk, "B", t.status.none, "Member", "Member"],
      [t.kinds.cameBack, "A", t.status.atRisk, "Member", "Member"],
      [t.kinds.cameBack, "E", t.status.lost, "Lapsed", "Member"],
      [t.kinds.tierUp, "C", t.status.none, "Silver", "Gold"],
      [t.kinds.tierUp, "E", t.status.lost, "Lapsed", "Member"],
      [t.kinds.tierDown, "D", t.status.atRisk, "Platinum", "Member"],
    ]);
  });

  it("keeps no customer id in the workbook's member state, only a key made from it", async () => {
    const state = (await workbook.readMemberState()) ?? [];
    expect(state.length).toBe(8);
    const keys = state.slice(1).map((r) => r[0]);
    expect(keys).toEqual(["A", "B", "C", "D", "E", "F", "G"].map(memberKey));
    expect(new Set(keys).size).toBe(7);
    expect(keys).not.toContain("A");
  });

  it("makes each member's key as cyrb53 in base 36, the form workbooks of earlier builds hold", () => {
    // cyrb53 as published (bryc, public domain), written out here, and JavaScript's own base 36: the keys
    // of a workbook built before must still find their members.
    const cyrb53 = (text: string) => {
      let h1 = 0xdeadbeef;
      let h2 = 0x41c6ce57;
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return 4294967296 * (2097151 & h2) + (h1 >>> 0);
    };
    const ids = [
      "",
      "A",
      "M00000001",
      "会员0001",
      "a@b.cn",
      ...Array.from({ length: 2000 }, (_, i) => `C${i * 7919}`),
    ];
    for (const id of ids) expect(memberKey(id)).toBe(cyrb53(id).toString(36));
  });

  it("compares with the refresh just made when built again on the same orders: nothing changed", async () => {
    await buildReport({
      workbook,
      orders: { table: orders([...FIRST, ...APPENDED]) },
      config: config("2024-07-31", "zh-CN"),
    });
    const zh = CHANGE_TEXTS["zh-CN"];
    const rows = await sheetRows(workbook, "this-week");
    expect(rows.flat()).toContain(zh.compared("2024-07-31", 7, 0));
    expect(tableAfter(rows, zh.countHeader[0]).map((r) => r[1])).toEqual([0, 0, 0, 0]);
    expect(rows.flat()).toContain(zh.nobodyChanged);
  });
});

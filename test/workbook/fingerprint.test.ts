/**
 * The fingerprint of what a build wrote (src/workbook/fingerprint.ts) and its check against the old sheet
 * (fingerprint-check.ts): the hashes on published values, and the cells a user changed found by row and
 * column, on a sheet written from a model and then edited as a manager would.
 */
import type { CellValue } from "../../src/engine/data/table";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../../src/sheet/a1";
import { resolveCells } from "../../src/sheet/sheet-model-cells";
import type { Cell, SheetModel } from "../../src/sheet/sheet-model";
import {
  decode24,
  encode24,
  fnv1a32,
  formulaText,
  hash24,
  valueText,
  type SheetFingerprint,
} from "../../src/workbook/fingerprint";
import { FingerprintCheck, type OvertypedCell } from "../../src/workbook/fingerprint-check";
import { writtenFingerprint } from "../../src/workbook/registry";

describe("the hashes", () => {
  it("FNV-1a gives the published 32-bit values", () => {
    // From the FNV reference test suite (http://www.isthe.com/chongo/tech/comp/fnv/, FNV-1a 32).
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("hash24 is FNV-1a through MurmurHash3's finaliser, cut to 24 bits (worked in BigInt here)", () => {
    const fmix = (x: bigint) => {
      const m = (a: bigint) => a & 0xffffffffn;
      let h = x;
      h = h ^ (h >> 16n);
      h = m(h * 0x85ebca6bn);
      h = h ^ (h >> 13n);
      h = m(h * 0xc2b2ae35n);
      h = h ^ (h >> 16n);
      return Number(h & 0xffffffn);
    };
    for (const text of ["", "a", "foobar", "s:Loyalty KPIs", "n:1234.5"]) {
      expect(hash24(text)).toBe(fmix(BigInt(fnv1a32(text))));
    }
  });

  it("encodes 24 bits in four characters and back", () => {
    expect(encode24(0)).toBe("0000");
    expect(encode24(0xffffff)).toBe("////");
    expect(encode24(64)).toBe("0010");
    expect(encode24(10 * 64 * 64 * 64 + 35)).toBe("A00Z");
    for (const n of [0, 1, 63, 64, 4095, 0xabcdef, 0xffffff]) expect(decode24(encode24(n))).toBe(n);
  });

  it("compares values as a user sees them, whoever wrote the file", () => {
    expect(valueText(null)).toBe("");
    expect(valueText("")).toBe("");
    expect(valueText("a\r\nb")).toBe("s:a\nb");
    expect(valueText(true)).toBe("b:1");
    expect(valueText({ error: "#N/A" })).toBe("e:#N/A");
    // A date is its serial number: 2024-01-01 is 45292 in Excel's 1900 system.
    expect(valueText(new Date(Date.UTC(2024, 0, 1)))).toBe(valueText(45292));
    expect(valueText(45292)).toBe("n:45292e4");
    expect(valueText(-0.000125)).toBe("n:-125e-4");
    // LibreOffice saves 0.4741968846147745 as 0.474196884614775 (half up on the shortest form).
    expect(valueText(0.4741968846147745)).toBe(valueText(0.474196884614775));
    expect(valueText(0.4741968846147745)).toBe("n:474196884614775e-1");
    expect(valueText(0.9999999999999999)).toBe(valueText(1));
    expect(valueText(1e21)).toBe("n:1e21");
    // 0.1 + 0.2 written with 17 digits by one program, 15 by another: the same number.
    expect(valueText(0.1 + 0.2)).toBe(valueText(0.3));
    expect(valueText(1234.5678901234567)).toBe(valueText(1234.56789012346));
    expect(valueText(1234.5)).not.toBe(valueText(1234.6));
    expect(valueText("1234.5")).not.toBe(valueText(1234.5));
    expect(formulaText('=_xlfn.IFERROR( A1 , "x y" )')).toBe(formulaText('iferror(A1,"x y")'));
    expect(formulaText('SUM(A1,"a")')).not.toBe(formulaText('SUM(A1,"A")'));
  });
});

describe("numbers as compared", () => {
  /**
   * The rule as the module states it, worked the slow way: the shortest digits from toExponential, rounded
   * half up to 15 significant digits in BigInt, the zeros that end them dropped.
   */
  const reference = (n: number): string => {
    if (n === 0) return "n:0";
    const [mantissa, exponent] = n.toExponential().split("e");
    const sign = n < 0 ? "-" : "";
    let digits = mantissa.replace(/[-.]/g, "");
    let exp = Number(exponent);
    if (digits.length > 15) {
      const up = Number(digits[15]) >= 5;
      let kept = BigInt(digits.slice(0, 15)) + (up ? 1n : 0n);
      if (kept.toString().length > 15) {
        kept /= 10n;
        exp++;
      }
      digits = kept.toString();
    }
    return `n:${sign}${digits.replace(/0+$/, "")}e${exp}`;
  };

  it("follows the rule on numbers of every size, the carries of rounding included", () => {
    const numbers = [
      1,
      -1,
      45292,
      1e20,
      1e21,
      1.5e21,
      1e-7,
      1.5e-7,
      9.5e-7,
      0.5,
      10.5,
      5.25,
      0.000125,
      123456789012345,
      1234567890123456,
      12345678901234568,
      0.30000000000000004,
      0.9999999999999999,
      9.999999999999999e22,
      99999999999999.98,
      0.00009999999999999999,
      2 ** 53 + 2,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      0.4741968846147745,
      1234.5678901234567,
    ];
    // A fixed sequence of doubles of every magnitude (a linear congruential generator, seeded).
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(next() * 40 - 20);
      const n = (next() - 0.5) * magnitude;
      numbers.push(n, Math.round(n * 100) / 100, Math.round(n));
    }
    const differing = numbers.filter((n) => valueText(n) !== reference(n));
    expect(differing.map((n) => [n, valueText(n), reference(n)])).toEqual([]);
    expect(numbers.length).toBeGreaterThan(60_000);
  });
});

const KEY = "Customer ID";

/** A sheet as a report writes it: a title, a KPI block, a table of customers, a table with a total. */
function model(customers: [string, string, string, number][]): SheetModel {
  const rows: Cell[][] = [[KEY, "Name", "Phone", "Spend", "Called?"]];
  for (const c of customers) rows.push([...c, null]);
  return {
    kind: "customers",
    name: "Customers",
    blocks: [
      { at: { row: 1, col: 1 }, rows: [[{ value: "Loyalty KPIs", style: "title" }]] },
      {
        at: { row: 2, col: 1 },
        rows: [
          ["Customers", customers.length, "Threshold", { value: 30, input: "k.threshold" }],
          ["Spend", { formula: "SUM(D7:D9)", result: 0 }],
        ],
      },
      {
        at: { row: 5, col: 1 },
        rows,
        table: { name: "LL_Customers", carry: { key: KEY, userColumns: ["Called?"] } },
      },
      {
        at: { row: 5, col: 8 },
        rows: [
          ["Segment", "Members"],
          ["Loyal", 2],
          ["Total", { formula: "SUM(I6:I6)", result: 2 }],
        ],
        table: { name: "LL_Segments" },
      },
    ],
  };
}

const CUSTOMERS: [string, string, string, number][] = [
  ["C1", "Ann", "555-0101", 120.5],
  ["C2", "Bob", "555-0102", 80],
  ["C3", "Cai", "555-0103", 300.25],
  ["C4", "Dee", "555-0104", 42],
];

/** The sheet as written from `m`: values (a formula's cached result) and formulas, by address. */
function written(m: SheetModel): { cells: Map<string, CellValue>; formulas: Map<string, string> } {
  const cells = new Map<string, CellValue>();
  const formulas = new Map<string, string>();
  for (const c of resolveCells(m)) {
    const at = cellAddress(c.row, c.col);
    if (c.formula !== undefined) formulas.set(at, c.formula);
    const v = c.formula !== undefined ? c.result : c.value;
    if (v !== null && v !== undefined) cells.set(at, v instanceof Date ? v : v);
  }
  return { cells, formulas };
}

/** Checks the sheet `sheet` against `print`, reading it as a backend does (rows of a box, blank rows left out). */
async function check(
  print: SheetFingerprint,
  sheet: { cells: Map<string, CellValue>; formulas: Map<string, string> },
  tables: Record<string, string>,
): Promise<OvertypedCell[]> {
  const inputs = new Set(["D2"]);
  const c = new FingerprintCheck(
    print,
    Object.entries(tables).map(([name, range]) => ({ name, box: parseRangeAddress(range) })),
    inputs,
  );
  const box = c.box;
  if (!box) return [];
  const byRow = new Map<number, CellValue[]>();
  for (const [at, v] of sheet.cells) {
    const p = parseCellAddress(at);
    if (p.col < box.left || p.col > box.right) continue;
    const row = byRow.get(p.row) ?? [];
    row[p.col - box.left] = v;
    byRow.set(p.row, row);
  }
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    c.row(
      r,
      Array.from(byRow.get(r) ?? [], (v) => v ?? null),
      box.left,
    );
  }
  c.finish();
  c.formulasRead(
    c.formulaCells().map((p) => {
      const at = cellAddress(p.row, p.col);
      const formula = sheet.formulas.get(at);
      return formula === undefined ? { value: sheet.cells.get(at) ?? null } : { value: 0, formula };
    }),
  );
  return c.result();
}

const TABLES = { LL_Customers: "A5:E9", LL_Segments: "H5:I7" };
const brief = (cells: OvertypedCell[]) =>
  cells
    .map((c) => [c.cell, c.value, c.key ?? null, c.header ?? null])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe("the check of an old sheet against the fingerprint of its build", () => {
  const m = model(CUSTOMERS);
  const print = writtenFingerprint(m);

  it("is small: two hashes per table row, one per column, one per cell of a block", () => {
    const table = print.tables.find((t) => t.name === "LL_Customers");
    expect(table?.headers).toEqual(["Name", "Phone", "Spend"]);
    expect(table?.key).toBe(KEY);
    expect(table?.rows).toHaveLength(CUSTOMERS.length * 8);
    expect(table?.columns).toHaveLength(3 * 4);
    expect(print.blocks.map((b) => [b.at, b.width, b.cells.length])).toEqual([
      ["A1", 1, 4],
      ["A2", 4, 2 * 4 * 4],
    ]);
    expect(Object.keys(print.formulas).sort()).toEqual(["B3", "I7"]);
    // Each row: the hash of its customer id, then the sum of its cells' hashes, each the hash of the id, the
    // header in lower case and the value's text joined by NULs (worked out here from hash24).
    const cell = (id: string, header: string, value: string) => hash24(`${id}\u0000${header}\u0000${value}`);
    const sum = (...hashes: number[]) => hashes.reduce((a, b) => (a + b) & 0xffffff, 0);
    expect(table?.rows.slice(8, 16)).toBe(
      encode24(hash24("C2")) +
        encode24(
          sum(cell("C2", "name", "s:Bob"), cell("C2", "phone", "s:555-0102"), cell("C2", "spend", "n:8e1")),
        ),
    );
    expect(table?.columns.slice(8, 12)).toBe(
      encode24(sum(...CUSTOMERS.map(([id, , , spend]) => cell(id, "spend", valueText(spend))))),
    );
    // The input cell and the formula are not compared as values.
    expect(print.blocks[1].cells.slice(12, 16)).toBe("~~~~");
  });

  it("finds nothing on the sheet as written, nor on it sorted, nor with the users' own column filled", async () => {
    const sheet = written(m);
    expect(await check(print, sheet, TABLES)).toEqual([]);
    const sorted = written(model([...CUSTOMERS].reverse()));
    sorted.cells.set("E7", "call back");
    sorted.cells.set("D2", 45);
    expect(await check(print, sorted, TABLES)).toEqual([]);
  });

  it("locates one cell typed over by its row and column, with the customer and the header", async () => {
    const sheet = written(m);
    sheet.cells.set("C8", "ask for Li");
    expect(brief(await check(print, sheet, TABLES))).toEqual([["C8", "ask for Li", "C3", "Phone"]]);
  });

  it("locates cells changed on several rows and columns: typed, cleared, pasted over a title and a formula", async () => {
    const sheet = written(m);
    sheet.cells.set("C6", "new phone 1");
    sheet.cells.set("D8", 999);
    sheet.cells.delete("B9");
    sheet.cells.set("A1", "My KPIs");
    sheet.cells.set("B3", 1234);
    sheet.formulas.delete("B3");
    sheet.cells.set("I7", 5);
    sheet.formulas.delete("I7");
    expect(brief(await check(print, sheet, TABLES))).toEqual([
      ["A1", "My KPIs", null, null],
      ["B3", 1234, null, null],
      ["B9", null, "C4", "Name"],
      ["C6", "new phone 1", "C1", "Phone"],
      ["D8", 999, "C3", "Spend"],
      ["I7", 5, null, null],
    ]);
  });

  it("several cells in one column, two in one row: each found", async () => {
    const sheet = written(m);
    sheet.cells.set("C6", "x1");
    sheet.cells.set("C7", "x2");
    sheet.cells.set("C9", "x4");
    sheet.cells.set("B8", "y3");
    sheet.cells.set("D8", 1);
    expect(brief(await check(print, sheet, TABLES)).map((c) => c[0])).toEqual(["B8", "C6", "C7", "C9", "D8"]);
  });

  it("a row a user added to the table is all theirs; a cell typed in a blank cell of a block is theirs", async () => {
    const sheet = written(m);
    sheet.cells.set("A10", "C9");
    sheet.cells.set("C10", "555-0199");
    expect(brief(await check(print, sheet, { ...TABLES, LL_Customers: "A5:E10" }))).toEqual([
      ["C10", "555-0199", "C9", "Phone"],
    ]);
    // C2 is "Threshold" as written: typing over it is found too.
    sheet.cells.set("C2", "memo");
    sheet.cells.set("B1", "typed beside the title");
    expect(brief(await check(print, sheet, { ...TABLES, LL_Customers: "A5:E10" })).map((c) => c[0])).toEqual([
      "C10",
      "C2",
    ]);
  });

  it("when a user deleted a row, what the sums cannot tell apart is taken whole: nothing typed is lost", async () => {
    const sheet = written(model(CUSTOMERS.filter((c) => c[0] !== "C2")));
    sheet.cells.set("B2", CUSTOMERS.length);
    sheet.cells.set("D8", "typed");
    sheet.cells.set("C6", "typed too");
    const found = brief(await check(print, sheet, { ...TABLES, LL_Customers: "A5:E8" }));
    expect(found.map((c) => c[0])).toEqual(expect.arrayContaining(["C6", "D8"]));
    // Only the rows that changed: their filled cells in the columns whose sums changed.
    expect(new Set(found.map((c) => c[2]))).toEqual(new Set(["C1", "C4"]));
  });

  it("compares nothing in a table the user removed", async () => {
    const sheet = written(m);
    sheet.cells.set("C6", "typed");
    expect(await check(print, sheet, { LL_Segments: "H5:I7" })).toEqual([]);
  });

  it("keeps one table row to eight characters: 100,000 customers add 0.8 MB", () => {
    const many = Array.from({ length: 1000 }, (_, i): [string, string, string, number] => [
      `C${i}`,
      `N${i}`,
      `555-${i}`,
      i,
    ]);
    const big = writtenFingerprint(model(many));
    expect(JSON.stringify(big).length).toBeLessThan(1000 * 8 + 400);
  });
});

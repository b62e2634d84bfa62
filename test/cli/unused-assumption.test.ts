/**
 * A value typed into a Benefit cost input that the refreshed model no longer has is not kept, and the
 * refresh says so (#20), end to end through `loyalty report --in-place`: a workbook built with the default
 * tiers, a per-tier assumption of Silver typed over on its Benefit cost sheet (as a user's save would write
 * it), then a refresh whose settings drop Silver. The warning names the sheet, the cell and the value, in
 * English and in Chinese (--lang zh-CN, with no English word but those kept), and the cell's value is gone
 * from the refreshed sheet.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { INPUT_KEYS } from "../../src/report/benefit-cost/fields";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { capture } from "../helpers/cli-io";
import { addOrdersSheet } from "../helpers/orders";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../helpers/kept-latin-words";
import { editSavedCells, readSavedSheet } from "../helpers/saved-xlsx";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-unused-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function loyalty(args: string[]) {
  const io = capture();
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Settings without the Silver tier: two tiers above the base, so two shares to derive their minimums. */
const WITHOUT_SILVER = {
  tiers: {
    tiers: [
      { key: "platinum", name: "Platinum", nameZh: "铂金" },
      { key: "gold", name: "Gold", nameZh: "黄金" },
      { key: "member", name: "Member", nameZh: "普通会员" },
    ],
    deriveShares: [0.05, 0.2],
  },
};

let built: string;
let address: string;
let sheet: string;

beforeAll(async () => {
  const table = generateOrders({ customers: 150, seed: 7, cells: "typed" });
  const book = new ExcelJS.Workbook();
  addOrdersSheet(book, table);
  built = path.join(dir, "book.xlsx");
  await book.xlsx.writeFile(built);
  const first = await loyalty(["report", built, "--in-place", "--sheets", "tiers,benefit-cost"]);
  expect(first.code).toBe(0);
  const wb = await XlsxWorkbook.open(built);
  sheet = (await wb.listGeneratedSheets()).find((s) => s.kind === "benefit-cost")!.sheetName;
  const input = (await wb.readInputs("benefit-cost")).find(
    (i) => i.key === INPUT_KEYS.tier("silver", "pointsPerUnit"),
  );
  expect(input).toBeDefined();
  address = input!.address;
  // The user types 2.5 points per unit of spend for Silver.
  await editSavedCells(built, sheet, { [address]: 2.5 });
}, 120_000);

describe("a typed Benefit cost assumption the refreshed model has no place for", () => {
  it.each([
    [
      "en",
      /^Warning: LL Benefit cost, cell ([A-Z]+\d+): the value typed there \(2\.5, bc\.tier\.silver\.pointsPerUnit\) is for the tier "silver", which the tier rules no longer have, and was not kept$/,
    ],
    [
      "zh-CN",
      /^提示：工作表 LL 权益成本 的单元格 ([A-Z]+\d+)：在那里输入的值（2\.5，"bc\.tier\.silver\.pointsPerUnit"）属于等级 "silver"，而等级规则中已没有该等级，未被保留$/,
    ],
  ] as const)(
    "is said in the run's language (%s), naming the sheet, the cell and the value, and is not kept",
    async (language, said) => {
      const book = path.join(dir, `refresh-${language}.xlsx`);
      copyFileSync(built, book);
      const config = path.join(dir, `without-silver-${language}.json`);
      writeFileSync(config, JSON.stringify(WITHOUT_SILVER));
      const r = await loyalty(["report", book, "--in-place", "--config", config, "--lang", language]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const line = r.stdout.split("\n").find((l) => said.test(l));
      expect(line).toBeDefined();
      expect(said.exec(line!)![1]).toBe(address);
      if (language === "zh-CN") {
        // The Chinese line keeps the input's key and value as they are (technical names), no other English.
        const words = latinWordsOf(
          line!.replace(/bc\.tier\.silver\.pointsPerUnit/, ""),
          KEPT_FRONT_END_WORDS,
        );
        expect(words).toEqual([]);
      }
      // The refreshed sheet has no Silver input, and 2.5 is nowhere on it as a typed value.
      const wb = await XlsxWorkbook.open(book);
      const refreshed = (await wb.listGeneratedSheets()).find((s) => s.kind === "benefit-cost")!.sheetName;
      const inputs = await wb.readInputs("benefit-cost");
      expect(inputs.some((i) => i.key.includes(".silver."))).toBe(false);
      const cells = readSavedSheet(book, refreshed);
      expect([...cells.values()].some((c) => c.formula === undefined && c.value === 2.5)).toBe(false);
      // The --json run lists it among the warnings with its code.
      copyFileSync(built, book);
      const json = await loyalty([
        "report",
        book,
        "--in-place",
        "--config",
        config,
        "--json",
        "--lang",
        language,
      ]);
      const warnings = JSON.parse(json.stdout).warnings as { detail?: { code: string; cell: string } }[];
      expect(
        warnings.filter((w) => w.detail?.code === "assumptionNotKept").map((w) => w.detail?.cell),
      ).toEqual([address]);
    },
    120_000,
  );
});

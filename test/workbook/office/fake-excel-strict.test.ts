/**
 * The fake Excel refuses what Office.js documents it refuses (node_modules/@types/office-js), so the
 * adapter cannot pass against the fake while Excel would fail it: an address over 8,192 characters, a
 * note on more than one cell, "stop if true" on a data bar, icon set or colour scale (whose value Excel
 * reads as null), a conditional format of no kind Excel has, a sheet name of 32 characters or more.
 */
import { FakeExcel } from "./fake-excel";

async function attempt(batch: (context: Excel.RequestContext) => Promise<void>): Promise<string> {
  const excel = new FakeExcel();
  excel.model.addSheet("S");
  return excel.run(batch).then(
    () => "ok",
    (e: unknown) => String((e as Error).message).split(":")[0],
  );
}

describe("the fake Excel refuses what Office.js documents it refuses", () => {
  it("an address longer than 8,192 characters", async () => {
    const long = Array.from({ length: 1000 }, (_, i) => `A${i + 1}:A${i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    expect(
      await attempt(async (c) => {
        c.workbook.worksheets.getItem("S").getRanges(long);
        await c.sync();
      }),
    ).toBe("InvalidArgument");
    expect(
      await attempt(async (c) => {
        c.workbook.worksheets.getItem("S").getRanges(long.slice(0, 8000).replace(/,[^,]*$/, ""));
        await c.sync();
      }),
    ).toBe("ok");
  });

  it("a note on a range of more than one cell", async () => {
    const add = (address: string) =>
      attempt(async (c) => {
        c.workbook.worksheets.getItem("S").notes.add(address, "hello");
        await c.sync();
      });
    expect(await add("A1:B2")).toBe("InvalidCellAddress");
    expect(await add("B2")).toBe("ok");
  });

  it('"stop if true" on a data bar (read as null there), and a kind of format Excel has not', async () => {
    const add = (type: string, stop: boolean) =>
      attempt(async (c) => {
        const cf = c.workbook.worksheets
          .getItem("S")
          .getRange("A1:A5")
          .conditionalFormats.add(type as Excel.ConditionalFormatType);
        if (stop) cf.stopIfTrue = true;
        await c.sync();
      });
    expect(await add("DataBar", true)).toBe("InvalidArgument");
    expect(await add("DataBar", false)).toBe("ok");
    expect(await add("CellValue", true)).toBe("ok");
    expect(await add("Sparkline", false)).toBe("InvalidArgument");

    const excel = new FakeExcel();
    excel.model.addSheet("S").conditionalFormats.push({ range: "A1:A5", type: "DataBar", settings: {} });
    const read = await excel.run(async (c) => {
      const formats = c.workbook.worksheets.getItem("S").getRange("A1:A5").conditionalFormats;
      formats.load("items/type,items/stopIfTrue");
      await c.sync();
      return formats.items.map((f) => f.stopIfTrue);
    });
    expect(read).toEqual([null]);
  });

  it("a sheet renamed to 32 characters or more", async () => {
    const rename = (name: string) =>
      attempt(async (c) => {
        c.workbook.worksheets.getItem("S").name = name;
        await c.sync();
      });
    expect(await rename("x".repeat(32))).toBe("InvalidArgument");
    expect(await rename("x".repeat(31))).toBe("ok");
  });
});

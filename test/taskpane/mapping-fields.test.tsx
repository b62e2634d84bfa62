/**
 * The column dropdowns, as the pane renders them (server-side to HTML, no browser): a line-item export
 * (quantity and unit price, no amount, as the Online Retail data set) is not shown as missing its amount,
 * and says how the amount is made; a table with neither says what to choose, in both languages.
 */
import { columnNames } from "../../src/sheet/a1";
import { detectColumns } from "../../src/engine/data/columns";
import type { RawTable } from "../../src/engine/data/table";
import { MappingFields } from "../../src/taskpane/components/MappingFields";
import type { Language } from "../../src/i18n/pane";
import { renderInLanguage } from "./render-in-language";

function table(headers: string[]): RawTable {
  return {
    source: "orders.csv",
    headers,
    columns: headers.map(() => []),
    firstRow: 2,
    columnLabels: columnNames(headers.length),
  };
}

function html(language: Language, headers: string[]): string {
  const t = table(headers);
  return renderInLanguage(
    language,
    <MappingFields table={t} mapping={detectColumns(t)} onMap={() => undefined} />,
  );
}

const LINE_ITEMS = ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"];

describe("the Amount dropdown", () => {
  it("says the amount is quantity × unit price when the table has those and no amount", () => {
    const en = html("en", LINE_ITEMS);
    expect(en).toContain("None: each line’s amount is B: Quantity × D: UnitPrice.");
    expect(en).not.toContain("Choose");
    const zh = html("zh-CN", LINE_ITEMS);
    expect(zh).toContain("未选：每行金额为 B：Quantity × D：UnitPrice。");
  });

  it("names the discount taken off when there is one", () => {
    expect(html("en", [...LINE_ITEMS, "Discount"])).toContain(
      "None: each line’s amount is B: Quantity × D: UnitPrice − F: Discount.",
    );
  });

  it("asks for the amount, or the quantity and unit price, when neither is there", () => {
    const headers = ["CustomerID", "InvoiceDate", "Quantity"];
    expect(html("en", headers)).toContain(
      "Choose the amount column, or the quantity and unit price columns under “More columns”.",
    );
    expect(html("zh-CN", headers)).toContain("请选择金额列，或在“更多列”中选择数量列和单价列。");
  });
});

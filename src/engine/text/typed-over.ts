/**
 * The words of the table a refresh puts below a generated sheet's content for what users typed over the
 * report's own cells (src/workbook/overtyped.ts): the report writes its value there again, theirs is kept.
 */
import { bilingual } from "./bilingual";

export const TYPED_OVER_TEXTS = bilingual({
  en: {
    title: "Typed over the report",
    note:
      "What was typed over cells the report writes: the refresh wrote the report's own values there again " +
      "and keeps yours here, with the cell and, in a customer table, the customer and the column.",
    cell: "Cell",
    customer: "Customer ID",
    column: "Column",
    typed: "Typed",
  },
  "zh-CN": {
    title: "改写过的报表单元格",
    note: "在报表写入的单元格中输入的内容：刷新已重新写入报表自己的值，您输入的内容保留在这里，附有单元格，以及客户表中的客户和列。",
    cell: "单元格",
    customer: "客户ID",
    column: "列",
    typed: "输入的内容",
  },
});

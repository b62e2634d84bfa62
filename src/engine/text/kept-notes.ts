/**
 * The words above a "Kept notes" table (src/workbook/carry.ts): what users wrote on rows of customers who
 * left a generated table, kept below it until they return. A table may give its own (LL This week speaks
 * of members on the list); these are every other table's, in the sheet's language.
 */
import { bilingual } from "./bilingual";

export const KEPT_NOTES_TEXTS = bilingual({
  en: {
    title: "Kept notes",
    note:
      "What was typed on rows of customers who are no longer in the table above; it goes back to their row " +
      "when they return.",
  },
  "zh-CN": {
    title: "保留的备注",
    note: "已不在上表中的客户行上输入的内容；客户回到表中时会放回其所在行。",
  },
});

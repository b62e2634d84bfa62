/**
 * Text in an .xlsx file is XML text, which cannot hold every string a cell can: every XML reader (Excel,
 * LibreOffice, ExcelJS) turns a carriage return into a line feed, and the other control characters are not
 * allowed at all (ExcelJS drops them). OOXML writes such a character as _xHHHH_ (the ST_Xstring escape),
 * and a literal "_xHHHH_" in the text as "_x005F_xHHHH_" so that it is not taken for an escape.
 *
 * ExcelJS decodes _xHHHH_ when it reads a file but does not encode when it writes, so an id "\r=1" came
 * back as "\n=1", one with a control character lost it, and an id "_x0041_" came back as "A". One text
 * writer of ExcelJS writes every <t> element (shared strings, rich text runs, notes) in both the in-memory
 * and the streaming writer, so encoding there, once, covers every cell we write and every user cell ExcelJS
 * writes back when it saves a workbook it opened. The in-memory model keeps the real text.
 */
import TextXform from "exceljs/lib/xlsx/xform/strings/text-xform";

/** Characters XML text cannot carry as they are (tab and line feed can), and a literal escape sequence. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[\x00-\x08\x0B-\x1F\x7F]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** The text in OOXML's ST_Xstring form: what a reader decodes back into exactly `text`. */
export function encodeXstring(text: string): string {
  return text.replace(NEEDS_ESCAPE, (c) =>
    c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

const MARK = Symbol.for("loyalty-lens.xstring-escape");
const proto = TextXform.prototype as {
  render(xmlStream: unknown, model: unknown): void;
  [MARK]?: boolean;
};
if (!proto[MARK]) {
  const render = proto.render;
  proto.render = function (this: unknown, xmlStream: unknown, model: unknown) {
    render.call(this, xmlStream, typeof model === "string" ? encodeXstring(model) : model);
  };
  proto[MARK] = true;
}

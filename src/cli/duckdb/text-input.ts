/**
 * A text file as DuckDB is to read it. DuckDB reads UTF-8 files with one separator character; the CLI's
 * own text reader (src/workbook/csv/) also reads Latin-1/Windows-1252, GBK, Big5 and UTF-16 files and
 * columns aligned with runs of blanks (the CDNOW master). For those the encoding and the separator are
 * decided as the in-process reader decides them, on the file's first megabyte, and the file is streamed
 * once into a UTF-8 copy in the session's temporary folder (tab-separated when its columns were aligned)
 * that DuckDB reads. A header-less file's columns are named as the in-process reader names them
 * ("Column A", ...), so that messages and settings name the same columns.
 */
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { decodeText, textDecoderOf, type TextEncodingName } from "../../workbook/csv/decode";
import { parseDelimitedText, type Delimiter } from "../../workbook/csv/parse";
import type { CsvReadOptions } from "../../workbook/csv/table";
import { columnName } from "../../sheet/a1";

/** How DuckDB reads the text: the file, its separator, and the column names of a header-less file. */
export interface DuckDbText {
  file: string;
  delimiter: string;
  header: boolean;
  names?: string[];
  encoding: TextEncodingName;
  /** Whether a UTF-8 copy was made (the file was in another encoding, or aligned with blanks). */
  copied: boolean;
}

const HEAD_BYTES = 1 << 20;

/** The file's first megabyte, cut after its last complete line when the file is longer. */
function head(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const bytes = new Uint8Array(HEAD_BYTES);
    const n = readSync(fd, bytes, 0, HEAD_BYTES, 0);
    if (n < HEAD_BYTES) return bytes.subarray(0, n);
    const lastNewline = bytes.lastIndexOf(0x0a);
    return bytes.subarray(0, lastNewline > 0 ? lastNewline + 1 : n);
  } finally {
    closeSync(fd);
  }
}

const isUtf8 = (encoding: TextEncodingName) => encoding === "utf-8" || encoding === "utf-8-bom";

/** Splits a line of aligned columns as the in-process reader does (parseDelimitedText). */
const alignedFields = (line: string) => (line.trim() === "" ? "" : line.trim().split(/\s+/).join("\t"));

export async function textForDuckDb(file: string, csv: CsvReadOptions, dir: string): Promise<DuckDbText> {
  const { text, encoding } = decodeText(head(file), csv.encoding);
  const parsed = parseDelimitedText(text, csv.delimiter);
  const delimiter: Delimiter = parsed.delimiter;
  const header = csv.header !== "none";
  const width = Math.max(0, ...parsed.rows.slice(0, 30).map((r) => r.length));
  const names = header ? undefined : Array.from({ length: width }, (_, c) => `Column ${columnName(c + 1)}`);
  if (isUtf8(encoding) && delimiter !== "whitespace") {
    return { file, delimiter, header, names, encoding, copied: false };
  }
  const copy = path.join(dir, `${path.basename(file)}.utf8.txt`);
  const out = createWriteStream(copy);
  const decoder = textDecoderOf(encoding);
  let pending = "";
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  const convert = (piece: string, last: boolean): string => {
    if (delimiter !== "whitespace") return piece;
    const lines = (pending + piece).split(/\r\n|\n|\r/);
    pending = lines.pop() ?? "";
    if (last && pending !== "") lines.push(pending);
    return lines.map((l) => `${alignedFields(l)}\n`).join("");
  };
  for await (const chunk of createReadStream(file)) {
    await write(convert(decoder.decode(chunk as Buffer, { stream: true }), false));
  }
  await write(convert(decoder.decode(), true));
  out.end();
  await once(out, "finish");
  return {
    file: copy,
    delimiter: delimiter === "whitespace" ? "\t" : delimiter,
    header,
    names,
    encoding,
    copied: true,
  };
}

/**
 * Delimited text -> rows of strings, with the delimiter detected: comma, tab, semicolon (Excel in
 * locales with a decimal comma) or pipe through papaparse, and whitespace-aligned columns (like the
 * CDNOW sample, "00004 0001 19970101 2 29.33") when no other delimiter is present. Values stay text; the
 * engine parses them. Works in the browser too.
 */
import Papa from "papaparse";
import { DELIMITER_CHARACTERS, type TextDelimiter } from "../../sheet/text-formats";

export type Delimiter = "," | "\t" | ";" | "|" | "whitespace";

export interface ParsedText {
  rows: string[][];
  delimiter: Delimiter;
  /** Problems papaparse reported (e.g. an unclosed quote), with the 1-based line. */
  problems: { row: number; message: string }[];
}

const SAMPLE_LINES = 20;

/** True when the sample lines have no usual delimiter but split on runs of spaces into 2+ fields alike. */
function isWhitespaceAligned(text: string): boolean {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, SAMPLE_LINES);
  if (lines.length === 0 || lines.some((l) => /[,\t;|"]/.test(l))) return false;
  const widths = new Set(lines.map((l) => l.trim().split(/\s+/).length));
  return widths.size === 1 && [...widths][0] >= 2;
}

const CANDIDATES: Exclude<Delimiter, "whitespace">[] = [",", "\t", ";", "|"];

/**
 * The delimiter that splits the first lines most consistently into more than one field (papaparse's own
 * guess prefers a comma even in "id;amount / 1;12,5", where decimal commas break the comma split).
 */
export function detectDelimiter(text: string): Exclude<Delimiter, "whitespace"> {
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: Exclude<Delimiter, "whitespace">; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of CANDIDATES) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 50 }).data.filter(
      (r) => !(r.length === 1 && r[0].trim() === ""),
    );
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [fields, rowsWithMode] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (fields < 2) continue;
    // Share of rows with the usual field count, then more fields, decides.
    const score = rowsWithMode / rows.length + fields / 1000;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** `given`: the separator the user named (default: detected). */
export function parseDelimitedText(text: string, given?: TextDelimiter): ParsedText {
  if (given === "whitespace" || (given === undefined && isWhitespaceAligned(text))) {
    const rows = text.split(/\r\n|\n|\r/).map((l) => (l.trim() === "" ? [] : l.trim().split(/\s+/)));
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return { rows, delimiter: "whitespace", problems: [] };
  }
  const delimiter = given
    ? (DELIMITER_CHARACTERS[given] as Exclude<Delimiter, "whitespace">)
    : detectDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = result.data.map((r) => (r.length === 1 && r[0] === "" ? [] : r));
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const problems = result.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  return { rows, delimiter, problems };
}

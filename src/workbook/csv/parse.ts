/**
 * Delimited text -> rows of strings, with the delimiter detected: comma, tab, semicolon (Excel in
 * locales with a decimal comma) or pipe through papaparse, and whitespace-aligned columns (like the
 * CDNOW sample, "00004 0001 19970101 2 29.33") when no other delimiter is present. Values stay text; the
 * engine parses them. Works in the browser too.
 */
import Papa from "papaparse";
import { DELIMITER_CHARACTERS, type TextDelimiter } from "../../sheet/text-formats";
import { MAX_TITLE_ROWS } from "../read-table";

export type Delimiter = "," | "\t" | ";" | "|" | "whitespace";

export interface ParsedText {
  rows: string[][];
  delimiter: Delimiter;
  /** Problems papaparse reported (e.g. an unclosed quote). */
  problems: TextProblem[];
}

/**
 * A problem papaparse reported: the 1-based row, the 1-based column of the field it is in (when the line
 * shows it), its English words and its code ("MissingQuotes", "InvalidQuotes").
 */
export interface TextProblem {
  row: number;
  column?: number;
  message: string;
  code: string;
}

/**
 * The 1-based field of `line`'s text that starts at `contentAt` (just after its opening quote, where
 * papaparse's quote errors point): the fields of the line before the quote, parsed alike, and one more.
 * Undefined where the line cannot be told (a quote error inside a row that an earlier quoted field broke
 * over lines).
 */
function fieldOfQuote(piece: string, contentAt: number | undefined, delimiter: string): number | undefined {
  if (contentAt === undefined || contentAt < 1 || piece[contentAt - 1] !== '"') return undefined;
  const quoteAt = contentAt - 1;
  const lineStart = Math.max(piece.lastIndexOf("\n", quoteAt - 1), piece.lastIndexOf("\r", quoteAt - 1)) + 1;
  const before = piece.slice(lineStart, quoteAt);
  if (before === "") return 1;
  const rows = Papa.parse<string[]>(before, { delimiter }).data;
  return rows.length === 1 ? rows[0].length : undefined;
}

/**
 * The problem code (ours, beside papaparse's) of a quote inside a quoted field escaped with a backslash
 * (\"), as MySQL's and some other databases' exports write it, where CSV doubles it ("").
 */
export const BACKSLASH_ESCAPE = "BackslashEscape";

/** Whether papaparse's InvalidQuotes at `contentAt` (a quoted field's first character) is a \" in that field's line. */
function escapedByBackslash(text: string, contentAt: number, code: string): boolean {
  if (code !== "InvalidQuotes") return false;
  const rest = text.slice(contentAt, contentAt + 4096);
  const lineEnd = rest.search(/[\r\n]/);
  return (lineEnd < 0 ? rest : rest.slice(0, lineEnd)).includes('\\"');
}

const SAMPLE_LINES = 20;

/**
 * True when the sample lines have no usual delimiter but split on runs of spaces into 2+ fields alike,
 * below title lines if any ("CDNOW purchases 1997-1998" above " 00004 19970101 2 29.33"): at most as many
 * as a header-less table leaves out above its rows (read-table.ts), each followed by 2+ aligned lines.
 */
function isWhitespaceAligned(text: string): boolean {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, SAMPLE_LINES + MAX_TITLE_ROWS);
  const aligned = (sample: string[]) => {
    if (sample.some((l) => /[,\t;|"]/.test(l))) return false;
    const widths = new Set(sample.map((l) => l.trim().split(/\s+/).length));
    return widths.size === 1 && [...widths][0] >= 2;
  };
  if (lines.length === 0) return false;
  for (
    let titles = 0;
    titles <= MAX_TITLE_ROWS && lines.length - titles >= (titles === 0 ? 1 : 2);
    titles++
  ) {
    if (aligned(lines.slice(titles, titles + SAMPLE_LINES))) return true;
  }
  return false;
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

/**
 * Told of the parsed rows a batch at a time: `firstIndex` is the 0-based index of `rows[0]` among all rows
 * (a row is a line, or several when a quoted field holds line breaks), `consumed` how many characters of
 * the text are parsed so far. A blank line is an empty row.
 */
export type RowsListener = (rows: string[][], firstIndex: number, consumed: number) => void;

/** What streamDelimitedText found: the delimiter used and the problems papaparse reported. */
export type TextShape = Omit<ParsedText, "rows">;

/** Characters papaparse reads to tell the line break (\n, \r\n or \r), as it does itself. */
const GUESS_LINE_BREAK_CHARACTERS = 1 << 20;
/** Characters parsed at a time: a batch's rows are garbage once the listener has them. */
const CHUNK_CHARACTERS = 1 << 16;
/** Lines of a whitespace-aligned file handed over at a time. */
const WHITESPACE_BATCH = 10_000;

/** Whitespace-aligned lines, split on runs of spaces (leading and trailing ones ignored). */
function streamWhitespaceAligned(text: string, onRows: RowsListener): void {
  const lineBreak = /\r\n|\n|\r/g;
  let batch: string[][] = [];
  let firstIndex = 0;
  let start = 0;
  for (;;) {
    const found = lineBreak.exec(text);
    const line = text.slice(start, found ? found.index : text.length).trim();
    batch.push(line === "" ? [] : line.split(/\s+/));
    start = found ? lineBreak.lastIndex : text.length;
    if (batch.length === WHITESPACE_BATCH || !found) {
      onRows(batch, firstIndex, start);
      firstIndex += batch.length;
      batch = [];
    }
    if (!found) return;
  }
}

/**
 * Parses text handed over in pieces (a whole string at once, or a file decoded as it is read), each up
 * to its last whole row, so that a file of millions of lines is never held as one array of rows. Papa.parse's
 * own chunks recurse a call deeper per chunk, and each call keeps its chunk's rows alive to the end: the
 * text is cut here instead. A row's problems are counted from the first row of all the text.
 */
class PiecewiseParser {
  readonly problems: TextProblem[] = [];
  /** Rows parsed so far. */
  private firstIndex = 0;

  constructor(
    private readonly delimiter: Exclude<Delimiter, "whitespace">,
    private readonly newline: string,
    private readonly onRows: RowsListener,
  ) {}

  /**
   * Parses the whole rows of `text` (all of it when `end`) and returns how many of its characters that
   * is: the rest starts the text of the next call. `before`: characters parsed before `text`.
   */
  parse(text: string, end: boolean, before = 0): number {
    let start = 0;
    let size = CHUNK_CHARACTERS;
    while (start < text.length) {
      const stop = Math.min(text.length, start + size);
      const last = end && stop === text.length;
      const parser = new Papa.Parser({
        delimiter: this.delimiter,
        newline: this.newline as Papa.ParseConfig["newline"],
      });
      const result = parser.parse(text.slice(start, stop), 0, !last) as Papa.ParseResult<string[]>;
      if (!last && result.meta.cursor === 0) {
        // The rest of the text is one row not yet ended: it comes again with the next piece.
        if (stop === text.length) break;
        // One row (a quoted field with line breaks) longer than the piece: take a longer piece.
        size *= 2;
        continue;
      }
      size = CHUNK_CHARACTERS;
      // Errors name the row within the piece.
      for (const e of result.errors) {
        // The column of the first problem only: the one a message names.
        const column =
          this.problems.length === 0
            ? fieldOfQuote(text.slice(start, stop), e.index, this.delimiter)
            : undefined;
        this.problems.push({
          row: this.firstIndex + (e.row ?? 0) + 1,
          ...(column === undefined ? {} : { column }),
          message: e.message,
          code: escapedByBackslash(text, start + (e.index ?? 0), e.code) ? BACKSLASH_ESCAPE : e.code,
        });
      }
      const rows = result.data.map((r) => (r.length === 1 && r[0] === "" ? [] : r));
      start = last ? stop : start + result.meta.cursor;
      this.onRows(rows, this.firstIndex, before + start);
      this.firstIndex += rows.length;
    }
    return start;
  }
}

/** The line break papaparse tells from the text's beginning (\n, \r\n or \r), as it does itself. */
const lineBreakOf = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text.slice(0, GUESS_LINE_BREAK_CHARACTERS), { delimiter, preview: 1 }).meta.linebreak;

/**
 * Parses `text` a chunk at a time, handing the rows to `onRows` as they come, so that a file of millions
 * of lines is never held as one array of rows. `given`: the separator the user named (default: detected).
 */
export function streamDelimitedText(
  text: string,
  given: TextDelimiter | undefined,
  onRows: RowsListener,
): TextShape {
  if (given === "whitespace" || (given === undefined && isWhitespaceAligned(text))) {
    streamWhitespaceAligned(text, onRows);
    return { delimiter: "whitespace", problems: [] };
  }
  const delimiter = given
    ? (DELIMITER_CHARACTERS[given] as Exclude<Delimiter, "whitespace">)
    : detectDelimiter(text);
  const parser = new PiecewiseParser(delimiter, lineBreakOf(text, delimiter), onRows);
  parser.parse(text, true);
  return { delimiter, problems: parser.problems };
}

/**
 * Parses a text given in pieces (a file too large for one string, decoded as it is read) as
 * streamDelimitedText parses it, handing the rows to `onRows` as they come; with `stopAtProblem`, the
 * pieces are read only up to the first problem. Returns the problems met.
 */
export async function streamTextPieces(
  pieces: AsyncIterable<string>,
  delimiter: Exclude<Delimiter, "whitespace">,
  onRows: RowsListener,
  stopAtProblem = false,
): Promise<TextProblem[]> {
  let parser: PiecewiseParser | undefined;
  let pending = "";
  let parsed = 0;
  for await (const piece of pieces) {
    pending += piece;
    // The line break is told from the text's first megabyte, as in process.
    if (!parser && pending.length < GUESS_LINE_BREAK_CHARACTERS) continue;
    parser ??= new PiecewiseParser(delimiter, lineBreakOf(pending, delimiter), onRows);
    const used = parser.parse(pending, false, parsed);
    parsed += used;
    pending = pending.slice(used);
    if (stopAtProblem && parser.problems.length > 0) return parser.problems;
  }
  parser ??= new PiecewiseParser(delimiter, lineBreakOf(pending, delimiter), onRows);
  parser.parse(pending, true, parsed);
  return parser.problems;
}

/**
 * The first problem the in-process reader (streamDelimitedText) meets in a text given in pieces, or
 * undefined: the pieces are read only up to it.
 */
export async function firstTextProblem(
  pieces: AsyncIterable<string>,
  delimiter: Exclude<Delimiter, "whitespace">,
): Promise<TextProblem | undefined> {
  const problems = await streamTextPieces(pieces, delimiter, () => undefined, true);
  return problems[0];
}

/** The whole text's rows at once (small texts); blank lines at the end are left out. */
export function parseDelimitedText(text: string, given?: TextDelimiter): ParsedText {
  const rows: string[][] = [];
  const shape = streamDelimitedText(text, given, (batch) => {
    for (const row of batch) rows.push(row);
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return { rows, ...shape };
}

/**
 * Writes the order-export fixtures of test/data (`export-*.csv`, `export-*.txt`): small files written by
 * hand here, each in the shape and the bytes of an export users really have (a UK retailer's invoice
 * lines, a Chinese marketplace's order export in GBK, Shopify's order export, the header-less CDNOW
 * master, a Latin-1 file, a European `;` file with decimal commas, a day-first file). Nothing is random:
 * the same bytes on every run, checked by test/data/checksums.test.ts. The expected revenue, orders,
 * customers and purchase days of each are worked out by hand in test/cli/export-fixtures.test.ts.
 *
 *   npx tsx scripts/make-export-fixtures.ts     # rewrites the files (then update the sha256 in the README)
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

const DIR = path.join(__dirname, "../test/data");

/**
 * GBK bytes of a text, from the GBK table of the platform's own decoder (Node's TextDecoder knows GBK; it
 * has no encoder): each two-byte code decoded once, the reverse looked up per character.
 */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder("gbk");
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== "\ufffd" && !codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = codes.get(ch);
      if (!pair) throw new Error(`"${ch}" has no GBK code`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** Latin-1 bytes (every character below U+0100). */
function latin1(text: string): Buffer {
  for (const ch of text) if (ch.codePointAt(0)! > 0xff) throw new Error(`"${ch}" is not Latin-1`);
  return Buffer.from(text, "latin1");
}

const lines = (rows: string[], eol = "\n") => rows.join(eol) + eol;

/**
 * (a) The UK online retailer's invoice lines (the Online Retail data set's columns and formats): quantity
 * and unit price but no amount, month-first dates with a time, `C` cancellation invoices, a return without
 * a C, blank customer ids, an exact duplicate line, and a customer who bought 74,215 and returned them the
 * same day (as 12346 did).
 */
const UK_RETAIL = lines(
  [
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
    "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom",
    "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom",
    "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom",
    "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom",
    "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,United Kingdom",
    "536368,22960,JAM MAKING SET WITH JARS,6,12/1/2010 8:34,4.25,13047,United Kingdom",
    "C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527,United Kingdom",
    "536380,22961,JAM MAKING SET PRINTED,24,12/1/2010 9:41,1.45,14527,United Kingdom",
    "536370,22728,ALARM CLOCK BAKELIKE PINK,20,12/2/2010 8:45,1.25,12583,France",
    "536381,22139,RETROSPOT TEA SET CERAMIC 11 PC,4,12/13/2010 10:00,4.95,15311,United Kingdom",
    "C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,12/13/2010 10:05,4.65,15311,United Kingdom",
    "536384,82484,WOOD BLACK BOARD ANT WHITE FINISH,3,12/14/2010 11:00,6.45,,United Kingdom",
    "536385,22086,PAPER CHAIN KIT 50'S CHRISTMAS,12,12/14/2010 11:05,2.95,,United Kingdom",
    "536386,84880,WHITE WIRE EGG HOLDER,36,12/15/2010 12:00,4.95,16029,United Kingdom",
    "536387,21754,HOME BUILDING BLOCK WORD,-2,12/16/2010 12:00,5.95,16029,United Kingdom",
    "536391,22197,SMALL POPCORN HOLDER,12,1/5/2011 9:00,2.10,17850,United Kingdom",
    "536400,21914,BLUE HARMONICA IN BOX,24,1/7/2011 10:30,3.75,12583,France",
    "C536401,21914,BLUE HARMONICA IN BOX,-24,1/7/2011 10:40,3.75,12583,France",
    "541431,23166,MEDIUM CERAMIC TOP STORAGE JAR,74215,1/18/2011 10:01,1.04,12346,United Kingdom",
    "C541433,23166,MEDIUM CERAMIC TOP STORAGE JAR,-74215,1/18/2011 10:17,1.04,12346,United Kingdom",
  ],
  "\r\n",
);

/**
 * (b) A Taobao/Tmall order export in GBK: the order's paid total (实付金额) repeated on each item line,
 * statuses 交易成功, 已退款 and 交易关闭, 手机号, 买家会员名 as the member, 付款时间 with a time.
 */
const MARKETPLACE = lines(
  [
    "订单编号,买家会员名,手机号,付款时间,宝贝标题,购买数量,实付金额,订单状态",
    "T1001,小明123,13812345678,2023-11-11 00:05:12,保温杯,1,198.00,交易成功",
    "T1001,小明123,13812345678,2023-11-11 00:05:12,杯套,2,198.00,交易成功",
    "T1002,lily_88,13900001111,2023-11-11 09:30:00,面膜,3,120.50,交易成功",
    "T1003,小明123,13812345678,2023-12-12 20:00:00,围巾,1,89.90,已退款",
    "T1004,张三丰,13700002222,2023-12-12 21:15:00,茶叶,2,356.00,交易成功",
    "T1004,张三丰,13700002222,2023-12-12 21:15:00,茶具,1,356.00,交易成功",
    "T1004,张三丰,13700002222,2023-12-12 21:15:00,茶盘,1,356.00,交易成功",
    "T1005,lily_88,13900001111,2024-01-05 10:00:00,口红,1,259.00,交易关闭",
    "T1005,lily_88,13900001111,2024-01-05 10:00:00,眼影,1,259.00,交易关闭",
    "T1006,lily_88,13900001111,2024-01-20 14:20:00,面霜,1,310.00,交易成功",
    "T1007,王小二,13600003333,2024-01-21 08:00:00,袜子,5,45.00,交易关闭",
    "T1008,小明123,13812345678,2024-02-01 12:00:00,手套,1,66.60,交易成功",
    "T1008,小明123,13812345678,2024-02-01 12:00:00,帽子,1,66.60,交易成功",
  ],
  "\r\n",
);

/**
 * (c) Shopify's order export: one line per line item, the order's fields (Total, Paid at, Financial
 * Status, ...) only on its first line and blank below, the customer known by Email, a refunded order.
 */
const SHOPIFY = lines([
  "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Billing Phone",
  "#1001,anna@example.com,paid,2024-03-01 10:15:22 +0100,fulfilled,EUR,50.00,5.00,0.00,55.00,0.00,2024-03-01 10:14:03 +0100,2,Mug,15.00,Anna Berg,+46 70 123 45 67",
  "#1001,anna@example.com,,,,,,,,,,,1,Teapot,20.00,,",
  "#1002,ben@example.com,paid,2024-03-05 18:02:10 +0100,fulfilled,EUR,30.00,4.90,0.00,34.90,0.00,2024-03-05 18:01:44 +0100,1,Scarf,30.00,Ben Ode,",
  "#1003,anna@example.com,refunded,2024-03-20 09:00:00 +0100,unfulfilled,EUR,80.00,0.00,0.00,80.00,0.00,2024-03-20 08:59:30 +0100,1,Lamp,80.00,Anna Berg,+46 70 123 45 67",
  "#1004,chloe@example.com,paid,2024-04-02 11:30:00 +0200,fulfilled,EUR,108.00,0.00,0.00,108.00,12.00,2024-04-02 11:29:00 +0200,1,Coat,100.00,Chloé Martin,",
  "#1004,chloe@example.com,,,,,,,,,,,2,Socks,10.00,,",
  "#1005,chloe@example.com,paid,2024-04-02 16:45:00 +0200,fulfilled,EUR,40.00,0.00,0.00,40.00,0.00,2024-04-02 16:44:00 +0200,1,Gloves,25.00,Chloé Martin,",
  "#1005,chloe@example.com,,,,,,,,,,,1,Hat,15.00,,",
  "#1006,anna@example.com,paid,2024-04-15 20:00:00 +0200,fulfilled,EUR,22.50,0.00,0.00,22.50,0.00,2024-04-15 19:58:00 +0200,3,Card,7.50,Anna Berg,+46 70 123 45 67",
]);

/**
 * (d) The CDNOW master's shape (Fader & Hardie's CDNOW_master.txt): no header, fields aligned with
 * spaces, CRLF, zero-padded customer ids, yyyymmdd dates, CDs bought, dollar value. The ids are a dense
 * run of member numbers (11101..11122) with the repeated-digit 11111 among them: a real customer.
 */
function cdnowMasterShape(): string {
  const rows: [number, string, number, string][] = [];
  for (let k = 1; k <= 22; k++) {
    // Customer 111xx first bought on 1 + xx January 1997, one CD for 10 + xx dollars.
    rows.push([11100 + k, `199701${String(k).padStart(2, "0")}`, 1, (10 + k).toFixed(2)]);
  }
  rows.push([11111, "19970215", 2, "25.98"]);
  rows.push([11111, "19970215", 1, "12.99"]);
  rows.push([11105, "19970301", 1, "9.99"]);
  rows.push([11111, "19970610", 3, "44.97"]);
  rows.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return lines(
    rows.map(
      ([id, date, cds, dollars]) =>
        ` ${String(id).padStart(5, "0")} ${date} ${String(cds).padStart(2)} ${dollars.padStart(8)}`,
    ),
    "\r\n",
  );
}

/** (e) A Latin-1 (ISO-8859-1) export of a European shop: Müller, Zoé/Zoè, René/Renè are six people. */
const LATIN1 = lines([
  "customer,date,amount",
  "Müller,2024-01-05,100.00",
  "Zoé,2024-01-06,20.00",
  "Zoè,2024-01-06,30.00",
  "René,2024-01-07,40.00",
  "François,2024-02-02,15.50",
  "Muller,2024-02-03,5.00",
  "Müller,2024-02-10,50.00",
  "Renè,2024-03-01,60.00",
]);

/** (f) A German-style `;` export: decimal comma and `.` thousands, `1.201` (= 1201) beside `12.345,67`. */
const EUROPEAN = lines([
  "customer;date;amount",
  "DE-1001;2024-01-05;1.201",
  "DE-1001;2024-02-01;12.345,67",
  "DE-1002;2024-01-10;0,99",
  "DE-1003;2024-01-11;250",
  "DE-1003;2024-01-11;1.000,01",
  "DE-1002;2024-02-01;-0,50",
]);

/** (g) Day-first dates where only one value (25/12/2011) proves the order; 12/09/2011 alone would not. */
const DAY_FIRST = lines([
  "customer,date,amount",
  "A1,03/04/2011,10.00",
  "A1,12/09/2011,20.00",
  "B2,01/12/2011,5.00",
  "B2,25/12/2011,30.00",
  "C3,05/06/2011,7.50",
  "C3,05/06/2011,2.50",
]);

/** The fixtures: file name → bytes. */
export const EXPORT_FIXTURES: Record<string, Buffer> = {
  "export-uk-retail.csv": Buffer.from(UK_RETAIL, "utf8"),
  "export-marketplace-gbk.csv": gbk(MARKETPLACE),
  "export-shopify.csv": Buffer.from(SHOPIFY, "utf8"),
  "export-cdnow-master-shape.txt": Buffer.from(cdnowMasterShape(), "ascii"),
  "export-latin1.csv": latin1(LATIN1),
  "export-european.csv": Buffer.from(EUROPEAN, "utf8"),
  "export-day-first.csv": Buffer.from(DAY_FIRST, "utf8"),
};

/**
 * (h) A MySQL-style export (`SELECT ... INTO OUTFILE ... ENCLOSED BY '"' ESCAPED BY '\\'`): a quote inside a
 * quoted note is escaped with a backslash (\"), not doubled as CSV writes it. Row 3's note is where
 * both readers stop: no reader may guess what such a cell holds.
 */
const BACKSLASH_QUOTES = lines([
  "member_id,order_date,amount,note",
  '1001,2024-01-05,25.00,"gift wrap"',
  '1002,2024-01-06,12.50,"said \\"thanks\\" at the till"',
  '1001,2024-02-01,30.00,""',
]);

/**
 * (i) Two files of one glob (`edge-glob-blank-*.csv`), saved by Excel as CSV (CRLF), which writes a row
 * of separators (`,,`) for a formatted row without values: file 1 has one between its order lines (row 3)
 * and three below them (rows 5, 6 and 8, row 7 empty); file 2 one above its order lines (row 2, then an
 * empty row 3), one between them (row 5) and one below (row 7). Read alone, each file's table runs from
 * its first to its last order line: rows 2-4 and 4-6.
 */
const GLOB_BLANK_1 = lines(
  ["Member,Date,Amount", "7,2024-01-02,10.00", ",,", "8,2024-01-03,5.00", ",,", ", ,", "", ",,"],
  "\r\n",
);
const GLOB_BLANK_2 = lines(
  ["Member,Date,Amount", ",,", "", "9,2024-01-04,abc", ",,", "10,2024-01-05,3.00", ",,"],
  "\r\n",
);

/**
 * (j) The CDNOW master's shape (d) under a title line, as a file cut from a report starts: read with
 * --no-header, the title is no order line (both readers leave it out and say so) and the columns are
 * still told apart by their alignment.
 */
const NO_HEADER_TITLE = `CDNOW purchases 1997-1998\r\n${cdnowMasterShape()}`;

/**
 * (k) Order lines without a header under a title, the first of them short (its amount not typed, so no
 * separator written for it): read with --no-header, the title is left out and the first line is an order
 * line without an amount, as in a sheet. DuckDB's format sniffer once failed on it.
 */
const SHORT_FIRST_LINE = lines([
  "Till export, March 2024",
  "7,2024-03-01",
  "7,2024-03-05,10.50",
  "8,2024-03-06,4.25",
  "7,2024-03-09,3.00",
]);

/**
 * (l) A file typed by hand with a space after each comma before a quoted cell (`, "window seat"`). Excel,
 * as the in-process reader, takes a cell for quoted only when a quote is its first character: ` "9"` is
 * that text, quotes and all, ` "2.50"` no number, and ` "a, b"` two cells (` "a` and ` b"`, right of the
 * header, left out). DuckDB's own reader once dropped the space and read 9, 2.50 and "a, b".
 */
const SPACE_BEFORE_QUOTE = lines([
  "Member,Date,Amount,Note",
  '7,2024-03-01,10.50, "window seat"',
  '8,2024-03-02,4.25,"paid, cash"',
  ' "9",2024-03-03,3.00,',
  '7,2024-03-09, "2.50",',
  '9,2024-03-10,1.00, "a, b"',
]);

/**
 * Files for the edges of reading, each read by both the in-process reader and DuckDB (test/cli/duckdb-*):
 * what each must give is counted by hand in the tests that read it.
 */
export const EDGE_FIXTURES: Record<string, Buffer> = {
  "edge-backslash-quotes.csv": Buffer.from(BACKSLASH_QUOTES, "utf8"),
  "edge-glob-blank-1.csv": Buffer.from(GLOB_BLANK_1, "utf8"),
  "edge-glob-blank-2.csv": Buffer.from(GLOB_BLANK_2, "utf8"),
  "edge-no-header-title.txt": Buffer.from(NO_HEADER_TITLE, "ascii"),
  "edge-short-first-line.csv": Buffer.from(SHORT_FIRST_LINE, "utf8"),
  "edge-space-before-quote.csv": Buffer.from(SPACE_BEFORE_QUOTE, "utf8"),
};

if (require.main === module) {
  for (const [name, bytes] of Object.entries({ ...EXPORT_FIXTURES, ...EDGE_FIXTURES })) {
    writeFileSync(path.join(DIR, name), bytes);
    console.log(`${name}  ${bytes.length} bytes`);
  }
}

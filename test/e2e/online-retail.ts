/**
 * A generated order export with the shape of the UCI "Online Retail" data set (a UK online shop's
 * invoice lines, 2010-12-01 to 2011-12-09): 541,909 lines of InvoiceNo, StockCode, Description,
 * Quantity, InvoiceDate, UnitPrice, CustomerID, Country, about 4,400 customers, 4,000 products, 38
 * countries, a quarter of the lines without a customer id and cancelled invoices ("C536379") with
 * negative quantities, dates written month first with a time ("12/1/2010 8:26"). Seeded: the same file
 * on every machine. Made on the spot for the browser test and the benchmark, never committed.
 */

/** Lines of the real data set, which the generated file matches. */
export const ONLINE_RETAIL_LINES = 541_909;

export const ONLINE_RETAIL_HEADER = [
  "InvoiceNo",
  "StockCode",
  "Description",
  "Quantity",
  "InvoiceDate",
  "UnitPrice",
  "CustomerID",
  "Country",
];

/** mulberry32: a small seeded generator, uniform on [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLOURS = [
  "WHITE",
  "RED",
  "PINK",
  "BLUE",
  "GREEN",
  "IVORY",
  "BLACK",
  "VINTAGE",
  "RETROSPOT",
  "PAISLEY",
];
const THINGS = [
  "HANGING HEART T-LIGHT HOLDER",
  "METAL LANTERN",
  "CREAM CUPID HEARTS COAT HANGER",
  "KNITTED UNION FLAG HOT WATER BOTTLE",
  "WOOLLY HOTTIE",
  "LUNCH BAG",
  "JUMBO BAG",
  "CAKE CASES",
  "PARTY BUNTING",
  "ALARM CLOCK BAKELIKE",
  "TEA CUP AND SAUCER",
  "REGENCY CAKESTAND 3 TIER",
  "SET OF 3 CAKE TINS",
  "NAPKINS",
  "DOORMAT",
  "CHILDRENS APRON",
];
const COUNTRIES = [
  "Germany",
  "France",
  "EIRE",
  "Spain",
  "Netherlands",
  "Belgium",
  "Switzerland",
  "Portugal",
  "Australia",
  "Norway",
  "Italy",
  "Channel Islands",
  "Finland",
  "Cyprus",
  "Sweden",
  "Austria",
  "Denmark",
  "Japan",
  "Poland",
  "Israel",
  "USA",
  "Hong Kong",
  "Singapore",
  "Iceland",
  "Canada",
  "Greece",
  "Malta",
  "United Arab Emirates",
  "European Community",
  "RSA",
  "Lebanon",
  "Lithuania",
  "Brazil",
  "Czech Republic",
  "Bahrain",
  "Saudi Arabia",
  "Unspecified",
];

/** "12/1/2010 8:26", as the data set writes its dates. */
function invoiceDate(minutes: number): string {
  const d = new Date(Date.UTC(2010, 11, 1, 8, 26) + minutes * 60_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

/** The file's text, `lines` invoice lines below the header. */
export function onlineRetailCsv(lines = ONLINE_RETAIL_LINES, seed = 20101201): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];

  const products = Array.from({ length: 4070 }, (_, i) => {
    const code = i % 9 === 0 ? `${20000 + i}${"ABCDE"[i % 5]}` : String(20000 + i);
    const description = `${pick(COLOURS)} ${pick(THINGS)}`;
    // Prices of a gift shop: mostly under £5, a few dear ones.
    const price = Math.round(Math.exp(next() * 3.2 - 0.9) * 100) / 100;
    return { code, description, price };
  });
  const customers = Array.from({ length: 4372 }, (_, i) => ({
    id: String(12346 + i),
    // Nine in ten are in the United Kingdom.
    country: next() < 0.9 ? "United Kingdom" : pick(COUNTRIES),
    // Some buy often, most now and then.
    weight: 0.02 + next() ** 2,
  }));
  const cumulative: number[] = [];
  let total = 0;
  for (const c of customers) cumulative.push((total += c.weight));
  const customerAt = () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return customers[lo];
  };

  const out: string[] = [ONLINE_RETAIL_HEADER.join(",")];
  let invoice = 536365;
  // 373 days of trading, about 25,900 invoices.
  const minutesPerInvoice = (373 * 24 * 60) / 25_900;
  let minutes = 0;
  while (out.length <= lines) {
    const guest = next() < 0.14;
    const customer = guest ? undefined : customerAt();
    const cancelled = !guest && next() < 0.05;
    const number = cancelled ? `C${invoice}` : String(invoice);
    // Invoices without a customer id are the large ones: a quarter of the lines.
    const size = Math.max(1, Math.round(-Math.log(1 - next()) * (guest ? 42 : cancelled ? 6 : 18)));
    const when = invoiceDate(Math.floor(minutes));
    for (let l = 0; l < size && out.length <= lines; l++) {
      const p = pick(products);
      const quantity =
        (next() < 0.7 ? 1 + Math.floor(next() * 12) : pick([12, 24, 36, 48, 96])) * (cancelled ? -1 : 1);
      const description = p.description.includes(",") ? `"${p.description}"` : p.description;
      out.push(
        [
          number,
          p.code,
          description,
          quantity,
          when,
          p.price,
          customer?.id ?? "",
          customer?.country ?? "United Kingdom",
        ].join(","),
      );
    }
    invoice++;
    minutes += minutesPerInvoice * (0.5 + next());
  }
  return out.join("\n") + "\n";
}

/**
 * What a report on the file must count, worked out from its text alone: its lines, and its customers as
 * the engine counts them (ids with at least one line of an invoice that is not a cancellation "C…": the
 * generator's cancellations are whole invoices of their own, so none nets a purchase away).
 */
export function onlineRetailCounts(csv: string): { lines: number; buyers: number } {
  const rows = csv.trimEnd().split("\n").slice(1);
  const id = ONLINE_RETAIL_HEADER.indexOf("CustomerID");
  const buyers = new Set<string>();
  for (const row of rows) {
    // No field of the generated file holds a comma.
    const fields = row.split(",");
    if (fields[id] && !fields[0].startsWith("C")) buyers.add(fields[id]);
  }
  return { lines: rows.length, buyers: buyers.size };
}

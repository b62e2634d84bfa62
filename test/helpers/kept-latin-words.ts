/** Latin words a Chinese sheet keeps: abbreviations read the same in Chinese, the "LL " prefix, formats, commands. */
export const KEPT_LATIN_WORDS: ReadonlySet<string> = new Set([
  "LL",
  "RFM",
  "R",
  "F",
  "M",
  "CLV",
  "ID",
  "VIP",
  "App",
  "MM",
  "DD",
  "YYYY",
  "loyalty",
  "sql",
  // The setting and the flag that mask phones and e-mails, named as the user types them.
  "maskContacts",
  "mask",
  "contacts",
  // The models' names, as the literature and every tool write them (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB).
  "BG",
  "NBD",
  "MBG",
  "BB",
  "Pareto",
]);

/**
 * A count and its noun for English messages: "1 customer", "2,500 customers", "0 rows". The number is
 * written as en-US writes it (thousands separators), as everywhere in the CLI's and the report's text.
 */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}

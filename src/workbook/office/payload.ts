/**
 * Measuring what goes over the wire to Excel. Excel on the web refuses a request or a response larger than
 * 5 MB (RequestPayloadSizeLimitExceeded), so the Office adapter sizes its chunks by the bytes it actually
 * sends: the JSON of the values, formulas, formats and properties of each operation, UTF-8 encoded (a
 * Chinese character is 3 bytes), plus a fixed allowance per operation for the request's own wrapping.
 */

/** Default budget per request: well below the 5 MB limit, leaving room for the measuring error of the overhead. */
export const DEFAULT_REQUEST_BUDGET = 2 * 1024 * 1024;

/** Allowance per queued operation for the object path, method name and JSON wrapping Office.js adds. */
export const OPERATION_OVERHEAD = 300;

/** Bytes of a string once UTF-8 encoded, without allocating the encoding. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of a value's JSON, as Office.js serialises it into the request. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : utf8Length(text);
}

/** Something to send to Excel, with its measured size. */
export interface Measured {
  bytes: number;
}

/**
 * Packs operations, in order, into requests of at most `budget` bytes (an operation larger than the
 * budget goes alone: the caller makes sure none comes near the hard limit).
 */
export function packRequests<T extends Measured>(operations: T[], budget: number): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const op of operations) {
    if (current.length > 0 && size + op.bytes > budget) {
      requests.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

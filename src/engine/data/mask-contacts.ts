/**
 * Contact details masked for workbooks that are shared: enough left to recognise a member on the phone or
 * in a list ("138****1234", "a***@example.com"), not enough to call or write to them. The one definition of
 * masking, used by every sheet that shows a phone or an e-mail (and by customer ids that are phones).
 */

/** How many digits stay visible at the start and at the end of a phone number with `digits` digits. */
function visibleDigits(digits: number): { first: number; last: number } {
  // A mobile number (11 digits in China, 12 with +44 in the UK): the operator prefix and the last 4.
  if (digits >= 11) return { first: 3, last: 4 };
  // A landline or a number without its country code: the last 4, so that at least 4 stay hidden.
  if (digits >= 8) return { first: 0, last: 4 };
  // A short number (an extension, a typo): the last 2 at most, at least 3 hidden; 4 digits or fewer, none.
  if (digits >= 5) return { first: 0, last: 2 };
  return { first: 0, last: 0 };
}

/**
 * A phone number with its middle digits written as "*": 13812341234 → 138****1234, "+44 7700 900123" →
 * "+44 7*** **0123" (spaces, "+", dashes and brackets stay where they are). Blank stays blank; text
 * without digits is not a phone number and stays as written.
 */
export function maskPhone(phone: string): string {
  let digits = 0;
  for (let i = 0; i < phone.length; i++) if (isDigit(phone.charCodeAt(i))) digits++;
  if (digits === 0) return phone;
  const { first, last } = visibleDigits(digits);
  let seen = 0;
  let out = "";
  for (let i = 0; i < phone.length; i++) {
    const ch = phone[i];
    if (!isDigit(phone.charCodeAt(i))) {
      out += ch;
      continue;
    }
    seen++;
    out += seen <= first || seen > digits - last ? ch : "*";
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * An e-mail address with its local part hidden but its first character: alice@example.com →
 * a***@example.com. Always three stars, so the length of the name is not told; a one-letter local part is
 * hidden whole (x@example.com → ***@example.com). Text without "@" is masked as a local part. Blank
 * stays blank.
 */
export function maskEmail(email: string): string {
  const text = email.trim();
  if (text === "") return email;
  const at = text.lastIndexOf("@");
  const local = at < 0 ? text : text.slice(0, at);
  const host = at < 0 ? "" : text.slice(at);
  const chars = Array.from(local);
  return `${chars.length > 1 ? chars[0] : ""}***${host}`;
}

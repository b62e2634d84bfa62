/** Masking phones and e-mails for shared workbooks, on examples worked out by hand. */
import { maskEmail, maskPhone } from "../../../src/engine/data/mask-contacts";

describe("maskPhone", () => {
  it.each([
    // A Chinese mobile: 11 digits, the first 3 and the last 4 shown.
    ["13812341234", "138****1234"],
    // A UK mobile with +44 and spaces: 12 digits 447700900123, 447 and 0123 shown; "+" and spaces kept.
    ["+44 7700 900123", "+44 7*** **0123"],
    ["138-1234-1234", "138-****-1234"],
    // A landline without its area code (8 digits): the last 4 shown, 4 hidden.
    ["62345678", "****5678"],
    // A short number (7 digits): the last 2 shown; 4 digits or fewer: none.
    ["5551234", "*****34"],
    ["110", "***"],
    // Blank stays blank; text without digits is not a number and stays as written.
    ["", ""],
    ["n/a", "n/a"],
  ])("%p → %p", (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe("maskEmail", () => {
  it.each([
    ["alice@example.com", "a***@example.com"],
    ["Bob.Smith@mail.co.uk", "B***@mail.co.uk"],
    // A one-letter name is hidden whole: its first letter would be all of it.
    ["x@example.org", "***@example.org"],
    ["张三@例子.cn", "张***@例子.cn"],
    // Not an address: masked as a name.
    ["alice", "a***"],
    ["", ""],
  ])("%p → %p", (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

import { cellText, parseId } from "../../../src/engine/data/parse-id";

describe("parseId", () => {
  it("keeps text ids as written, leading zeros included", () => {
    expect(parseId("00042")).toBe("00042");
    expect(parseId("  M-001 ")).toBe("M-001");
    expect(parseId("会员001")).toBe("会员001");
  });

  it("writes numbers without a trailing .0", () => {
    expect(parseId(42)).toBe("42");
    expect(parseId(13812345678)).toBe("13812345678");
    expect(parseId("42.0")).toBe("42");
    expect(parseId("0042.00")).toBe("0042");
    expect(parseId(4.5)).toBe("4.5");
  });

  it("gives '' for blanks and errors", () => {
    expect(parseId("")).toBe("");
    expect(parseId("   ")).toBe("");
    expect(parseId(null)).toBe("");
    expect(parseId(undefined)).toBe("");
    expect(parseId({ error: "#N/A" })).toBe("");
    expect(parseId(NaN)).toBe("");
  });

  it("shows cells as a person reads them", () => {
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText(null)).toBe("(blank)");
    expect(cellText(new Date(Date.UTC(2024, 0, 2)))).toBe("2024-01-02");
    expect(cellText(true)).toBe("TRUE");
  });
});

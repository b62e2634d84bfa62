import { chooseSheetName, isEdited, requestedSheetName, sameStoredValue } from "../../src/workbook/registry";

describe("the generated-sheet registry", () => {
  it("names a generated sheet so it never takes a user's sheet name, within 31 characters", () => {
    expect(requestedSheetName({ kind: "k", name: "Segments", blocks: [] })).toBe("LL Segments");
    expect(chooseSheetName("LL Segments", ["Orders"])).toBe("LL Segments");
    expect(chooseSheetName("LL Segments", ["ll segments"])).toBe("LL Segments (2)");
    expect(chooseSheetName("LL Segments", ["LL Segments", "LL Segments (2)"])).toBe("LL Segments (3)");
    const long = requestedSheetName({ kind: "k", name: "A very long sheet name for members", blocks: [] });
    expect(long).toHaveLength(31);
    const renamed = chooseSheetName(long, [long]);
    expect(renamed).toHaveLength(31);
    expect(renamed.endsWith(" (2)")).toBe(true);
  });

  it("tells an edited input from an unchanged one, dates and blanks as Excel shows them", () => {
    const input = { key: "k", address: "B2", defaultValue: 45_292 };
    expect(isEdited(input, { value: new Date(Date.UTC(2024, 0, 1)) })).toBe(false);
    expect(isEdited(input, { value: 45_293 })).toBe(true);
    expect(isEdited(input, { value: 45_292, formula: "45292" })).toBe(true);
    expect(isEdited({ ...input, defaultValue: null }, { value: "" })).toBe(false);
    expect(sameStoredValue(0.1 + 0.2, 0.3)).toBe(true);
  });
});

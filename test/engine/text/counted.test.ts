import { counted } from "../../../src/engine/text/counted";

describe("counted", () => {
  it("writes the noun in the singular for one only, with en-US thousands separators", () => {
    expect(counted(1, "customer")).toBe("1 customer");
    expect(counted(0, "row")).toBe("0 rows");
    expect(counted(2500, "customer")).toBe("2,500 customers");
    expect(counted(1, "occasion", "occasions")).toBe("1 occasion");
    expect(counted(3, "child", "children")).toBe("3 children");
  });
});

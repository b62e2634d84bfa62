/** The Customers sheet's preference headers name what they count in plain English plurals. */
import { CUSTOMER_TEXTS } from "../../../src/engine/text/customers";

describe("the Customers sheet's preference headers", () => {
  it("count categories, brands and products", () => {
    const counted = (word: string) => CUSTOMER_TEXTS.en.preferenceHeaders(word, 365)[2];
    expect(counted("category")).toEqual({
      value: "Categories bought",
      note: "Distinct categories ever bought",
    });
    expect(counted("brand")).toEqual({ value: "Brands bought", note: "Distinct brands ever bought" });
    expect(counted("product").value).toBe("Products bought");
  });
});

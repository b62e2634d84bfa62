import { detectColumns, normalizeHeader, requireColumns } from "../../../src/engine/data/columns";
import type { RawTable } from "../../../src/engine/data/table";

const tableWith = (headers: string[]): RawTable => ({
  source: "Orders",
  headers,
  columns: headers.map(() => []),
  firstRow: 2,
});

describe("detectColumns", () => {
  it("finds the roles of a typical English export", () => {
    const t = tableWith([
      "Order ID",
      "Customer ID",
      "Customer Name",
      "Order Date",
      "Quantity",
      "Order Total",
      "Channel",
      "Date of Birth",
      "Member Since",
      "Tier",
      "Points Balance",
    ]);
    expect(detectColumns(t).mapping).toEqual({
      orderId: 0,
      customerId: 1,
      name: 2,
      date: 3,
      quantity: 4,
      amount: 5,
      channel: 6,
      birthday: 7,
      joinDate: 8,
      tier: 9,
      points: 10,
    });
  });

  it("finds what was bought: category, brand, product and campaign, in English and Chinese", () => {
    const en = tableWith([
      "Customer",
      "Date",
      "Amount",
      "Product Category",
      "Brand",
      "SKU",
      "Quantity",
      "Promotion",
    ]);
    expect(detectColumns(en).mapping).toEqual({
      customerId: 0,
      date: 1,
      amount: 2,
      category: 3,
      brand: 4,
      product: 5,
      quantity: 6,
      campaign: 7,
    });
    const zh = tableWith([
      "会员编号",
      "消费日期",
      "实付金额",
      "商品编码",
      "商品数量",
      "类目",
      "品牌名称",
      "活动名称",
    ]);
    expect(detectColumns(zh).mapping).toEqual({
      customerId: 0,
      date: 1,
      amount: 2,
      product: 3,
      quantity: 4,
      category: 5,
      brand: 6,
      campaign: 7,
    });
    expect(detectColumns(tableWith(["客户", "日期", "金额", "品类", "商品"])).mapping).toMatchObject({
      category: 3,
      product: 4,
    });
  });

  it("finds the roles of a Chinese export", () => {
    const t = tableWith([
      "订单编号",
      "会员编号",
      "会员姓名",
      "下单时间",
      "实付金额",
      "数量",
      "生日",
      "入会日期",
      "会员等级",
      "积分",
      "渠道",
    ]);
    expect(detectColumns(t).mapping).toEqual({
      orderId: 0,
      customerId: 1,
      name: 2,
      date: 3,
      amount: 4,
      quantity: 5,
      birthday: 6,
      joinDate: 7,
      tier: 8,
      points: 9,
      channel: 10,
    });
  });

  it("finds unit price, contacts and status in a UK retailer's line items", () => {
    const t = tableWith([
      "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country",
    ]); // prettier-ignore
    expect(detectColumns(t).mapping).toEqual({
      orderId: 0,
      product: 1,
      quantity: 3,
      date: 4,
      price: 5,
      customerId: 6,
    });
    // No amount column: the amount is quantity × unit price, so nothing required is missing.
    expect(detectColumns(t).missing).toEqual([]);
  });

  it("finds the roles of a Chinese marketplace export, where words of several roles meet", () => {
    const t = tableWith([
      "订单编号", "买家会员名", "收货人姓名", "收货人手机", "订单创建时间", "宝贝总数量", "商品单价", "优惠金额",
      "实付金额", "订单状态", "店铺名称", "邮箱",
    ]); // prettier-ignore
    expect(detectColumns(t).mapping).toEqual({
      orderId: 0,
      customerId: 1,
      name: 2,
      phone: 3,
      date: 4,
      quantity: 5,
      price: 6,
      discount: 7,
      amount: 8,
      status: 9,
      store: 10,
      email: 11,
    });
  });

  it("takes the phone (else the e-mail) as the customer id when there is no id column", () => {
    const byPhone = detectColumns(tableWith(["手机号", "下单时间", "实付金额", "邮箱"]));
    expect(byPhone.mapping).toMatchObject({ customerId: 0, phone: 0, email: 3 });
    expect(byPhone.missing).toEqual([]);
    const byEmail = detectColumns(tableWith(["Email", "Created at", "Total", "Financial Status"]));
    expect(byEmail.mapping).toEqual({ customerId: 0, email: 0, date: 1, amount: 2, status: 3 });
    expect(detectColumns(tableWith(["Email", "Date", "Total"]), { customerId: null }).missing).toEqual([
      "customerId",
    ]);
  });

  it("reads Shopify's order export: Name #1001 is the order, the Email filled on every line the customer, Total the amount", () => {
    const headers = [
      "Name",
      "Email",
      "Paid at",
      "Subtotal",
      "Total",
      "Lineitem quantity",
      "Lineitem price",
      "Billing Phone",
    ];
    const rows = [
      ["#1001", "anna@example.com", "2024-03-01", "50.00", "55.00", "2", "15.00", "+46 70 123 45 67"],
      ["#1001", "anna@example.com", "", "", "", "1", "20.00", ""],
      ["#1002", "ben@example.com", "2024-03-05", "30.00", "34.90", "1", "30.00", ""],
    ];
    const t: RawTable = {
      source: "orders_export.csv",
      headers,
      columns: headers.map((_, c) => rows.map((r) => r[c])),
      firstRow: 2,
    };
    // The phone is on one line of three, the e-mail on all: a blank id would drop the line.
    expect(detectColumns(t).mapping).toMatchObject({
      orderId: 0,
      customerId: 1,
      email: 1,
      amount: 4,
      phone: 7,
    });
    // A Name column of people stays a name.
    const people: RawTable = { ...t, columns: [["Anna Berg", "Ben Ode", ""], ...t.columns.slice(1)] };
    expect(detectColumns(people).mapping).toMatchObject({ name: 0 });
    // The pane sends the mapping it shows back as settings: the e-mail given as the id and as the e-mail.
    expect(detectColumns(t, { customerId: "Email", email: "Email" }).mapping).toMatchObject({
      customerId: 1,
      email: 1,
    });
    expect(() => detectColumns(t, { customerId: "Email", date: "Email" })).toThrow(
      /column B is given for two roles/,
    );
    // With only a Subtotal, it is the amount.
    expect(detectColumns(tableWith(["Email", "Date", "Subtotal"])).mapping.amount).toBe(2);
  });

  it.each([
    [["客户ID", "消费日期", "消费金额"]],
    [["会员ID", "日期", "金额"]],
    [["member_no", "purchase date", "paid amount"]],
    [["ＩＤ", "Transaction Time", "Sales"]],
  ])("maps %p to customer, date and amount", (headers) => {
    expect(detectColumns(tableWith(headers)).mapping).toMatchObject({ customerId: 0, date: 1, amount: 2 });
  });

  it("prefers a whole-word header to one that only contains a role word", () => {
    const t = tableWith(["Delivery Date", "Date", "ID", "Customer ID", "Lifetime Value", "Amount"]);
    expect(detectColumns(t).mapping).toMatchObject({ date: 1, customerId: 3, amount: 5 });
  });

  it("takes the caller's columns by header, letter or index and leaves the rest to detection", () => {
    const t = tableWith(["masterid", "sampleid", "date", "cds", "sales"]);
    const detected = detectColumns(t, { customerId: "SampleID", quantity: "D", orderId: 0 });
    expect(detected.mapping).toEqual({ customerId: 1, quantity: 3, orderId: 0, date: 2, amount: 4 });
    expect(detected.origin).toMatchObject({ customerId: "given", date: "detected" });
  });

  it("lets the caller say a role has no column", () => {
    const t = tableWith(["Customer", "Date", "Amount", "Birthday"]);
    expect(detectColumns(t, { birthday: null }).mapping.birthday).toBeUndefined();
  });

  it("names the table and its headers when a given column does not exist", () => {
    const t = tableWith(["Customer", "Date", "Amount"]);
    expect(() => detectColumns(t, { amount: "Paid" })).toThrow(
      'Orders: no column "Paid" for the amount; the headers are "Customer", "Date", "Amount"',
    );
    expect(() => detectColumns(t, { amount: 7 })).toThrow("Orders: column 8 for the amount does not exist");
    expect(() => detectColumns(t, { amount: 0, customerId: 0 })).toThrow("column A is given for two roles");
  });

  it("says which required columns are missing", () => {
    const t = tableWith(["Customer", "Note"]);
    const detected = detectColumns(t);
    expect(detected.missing).toEqual(["date", "amount"]);
    expect(() => requireColumns(t, detected)).toThrow(
      'Orders: no order date, amount column found among the headers "Customer", "Note"; name the column to use',
    );
  });

  it("normalizes case, width, blanks and punctuation", () => {
    expect(normalizeHeader(" Customer_ID (No.) ")).toBe("customeridno");
    expect(normalizeHeader("ＩＤ")).toBe("id");
    expect(normalizeHeader("会员 编号")).toBe("会员编号");
  });
});

/**
 * Which column holds what: column roles, detected from the header texts in English or Chinese and always
 * overridable by the caller. The header vocabulary is data (`HEADER_VOCABULARY`) so it can grow without
 * touching the matching logic.
 */
import { columnLabel, headerlessLetters, sourceOf, type CellValue, type RawTable } from "./table";
import { DataError } from "./errors";
import type { Language } from "../text/language";

/** What a column of an order table can mean to the engine. */
export type ColumnRole =
  | "customerId"
  | "date"
  | "amount"
  | "orderId"
  | "quantity"
  | "birthday"
  | "joinDate"
  | "tier"
  | "points"
  | "channel"
  | "price"
  | "discount"
  | "status"
  | "store"
  | "name"
  | "phone"
  | "email"
  | "category"
  | "brand"
  | "product"
  | "campaign";

/** Every role, in the order in which a header that matches several roles is given one. */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  // Contact and context columns first: "收货人手机" is a phone, "门店名称" a store, "订单状态" a status
  // and "优惠金额" a discount, although they also contain words of the id, order or amount roles.
  "email",
  "phone",
  "name",
  "store",
  "status",
  "discount",
  "price",
  "category",
  "brand",
  "birthday",
  "joinDate",
  "tier",
  "points",
  "channel",
  "quantity",
  "amount",
  "date",
  "orderId",
  "customerId",
  // Last: "product id" or "商品编号" names a product, but "product category" a category, "商品数量" a quantity.
  "product",
  "campaign",
];

/** The roles an order table must have. */
export const REQUIRED_ROLES: readonly ColumnRole[] = ["customerId", "date", "amount"];

export const ROLE_LABELS: Readonly<Record<ColumnRole, { en: string; zh: string }>> = {
  customerId: { en: "customer id", zh: "客户ID" },
  date: { en: "order date", zh: "下单日期" },
  amount: { en: "amount", zh: "金额" },
  orderId: { en: "order id", zh: "订单号" },
  quantity: { en: "quantity", zh: "数量" },
  birthday: { en: "birthday", zh: "生日" },
  joinDate: { en: "join date", zh: "入会日期" },
  tier: { en: "tier", zh: "等级" },
  points: { en: "points", zh: "积分" },
  channel: { en: "channel", zh: "渠道" },
  price: { en: "unit price", zh: "单价" },
  discount: { en: "discount", zh: "优惠金额" },
  status: { en: "order status", zh: "订单状态" },
  store: { en: "store", zh: "门店" },
  name: { en: "name", zh: "姓名" },
  phone: { en: "phone", zh: "手机号" },
  email: { en: "e-mail", zh: "邮箱" },
  category: { en: "category", zh: "品类" },
  brand: { en: "brand", zh: "品牌" },
  product: { en: "product", zh: "商品" },
  campaign: { en: "campaign", zh: "活动" },
};

/** A role's name in the language (the data-quality sheet, the messages and the CLI's lines say it so). */
export function roleLabel(role: ColumnRole, language: Language): string {
  return language === "zh-CN" ? ROLE_LABELS[role].zh : ROLE_LABELS[role].en;
}

export interface HeaderWords {
  /** Whole headers (after `normalizeHeader`) that name the role. */
  exact: readonly string[];
  /** Parts of a header that suggest the role ("order date" contains "date"). */
  contains: readonly string[];
  /** Whole headers that may name the role when nothing better does ("id", "phone"). */
  weak?: readonly string[];
}

/** Header words per role, English and Chinese, already normalized (lower case, no blanks or punctuation). */
export const HEADER_VOCABULARY: Readonly<Record<ColumnRole, HeaderWords>> = {
  customerId: {
    exact: [
      "customerid", "customer", "custid", "customerno", "customernumber", "customercode", "clientid", "client",
      "memberid", "member", "memberno", "membernumber", "membercode", "membershipid", "membershipno",
      "userid", "user", "buyerid", "buyer", "shopperid", "accountid", "loyaltyid", "cardno", "cardnumber",
      "客户id", "客户编号", "客户号", "客户代码", "客户", "会员id", "会员编号", "会员号", "会员卡号", "会员",
      "顾客id", "顾客编号", "顾客", "用户id", "用户编号", "用户", "买家id", "买家", "卡号", "买家会员名",
      "会员名", "买家昵称", "买家账号", "用户名", "客户账号",
    ],
    contains: ["customer", "cust", "member", "client", "user", "buyer", "shopper", "客户", "会员", "顾客", "用户", "买家"],
    weak: ["id"],
  },
  date: {
    exact: [
      "date", "orderdate", "orderday", "ordertime", "orderedat", "orderdatetime", "purchasedate", "purchasetime",
      "transactiondate", "transactiontime", "txndate", "saledate", "salesdate", "invoicedate", "paymentdate",
      "paidat", "paymenttime", "createdat", "datetime", "timestamp", "time", "day",
      "日期", "下单时间", "下单日期", "订单日期", "订单时间", "消费日期", "消费时间", "交易日期", "交易时间",
      "购买日期", "购买时间", "支付时间", "支付日期", "付款时间", "付款日期", "成交时间", "成交日期", "销售日期", "时间",
    ],
    contains: ["date", "time", "日期", "时间"],
  },
  amount: {
    exact: [
      "amount", "amt", "total", "ordertotal", "orderamount", "orderamt", "totalamount", "sales", "sale",
      "salesamount", "revenue", "value", "ordervalue", "spend", "spent", "paid", "paidamount", "amountpaid",
      "netamount", "payment", "paymentamount", "totalprice", "linetotal", "linevalue",
      "金额", "消费金额", "实付金额", "实付", "实收金额", "实收", "支付金额", "付款金额", "订单金额", "销售金额",
      "销售额", "交易金额", "应付金额", "总金额", "成交金额", "消费额", "合计",
    ],
    contains: ["amount", "amt", "total", "sales", "revenue", "spend", "paid", "value", "金额", "实付", "销售额", "消费额"],
  },
  orderId: {
    exact: [
      "orderid", "order", "orderno", "ordernumber", "ordercode", "transactionid", "transaction", "txnid",
      "invoiceid", "invoiceno", "invoicenumber", "invoice", "receiptno", "receiptid", "receipt",
      "订单号", "订单编号", "订单id", "订单", "单号", "交易号", "交易编号", "交易单号", "流水号", "小票号",
    ],
    contains: ["order", "invoice", "receipt", "transaction", "txn", "订单", "单号", "流水"],
  },
  quantity: {
    exact: ["quantity", "qty", "units", "items", "pieces", "cds", "数量", "件数", "购买数量", "商品数量", "销量"],
    contains: ["quantity", "qty", "数量", "件数"],
  },
  birthday: {
    exact: ["birthday", "birthdate", "dateofbirth", "dob", "born", "生日", "出生日期", "会员生日", "出生年月日"],
    contains: ["birth", "dob", "生日", "出生"],
  },
  joinDate: {
    exact: [
      "joindate", "joined", "joinedat", "joinedon", "signupdate", "signup", "registrationdate", "registerdate",
      "registereddate", "registeredat", "enrolldate", "enrollmentdate", "enrolmentdate", "membersince",
      "入会日期", "入会时间", "注册日期", "注册时间", "开卡日期", "开卡时间", "加入日期", "入会",
    ],
    contains: ["join", "signup", "regist", "enrol", "membersince", "入会", "注册", "开卡"],
  },
  tier: {
    exact: ["tier", "level", "memberlevel", "membertier", "membershiplevel", "membershiptier", "grade", "viplevel",
      "等级", "会员等级", "会员级别", "级别", "卡等级", "会员卡等级"],
    contains: ["tier", "level", "grade", "等级", "级别"],
  },
  points: {
    exact: ["points", "point", "pointsbalance", "pointbalance", "loyaltypoints", "积分", "积分余额", "会员积分", "可用积分"],
    contains: ["point", "积分"],
  },
  channel: {
    exact: ["channel", "saleschannel", "orderchannel", "source", "platform", "渠道", "销售渠道", "下单渠道", "来源", "平台"],
    contains: ["channel", "platform", "渠道", "平台"],
  },
  price: {
    exact: [
      "price", "unitprice", "itemprice", "lineitemprice", "saleprice", "sellingprice", "priceeach", "rate",
      "单价", "价格", "商品单价", "销售单价", "成交单价", "商品价格", "售价",
    ],
    contains: ["price", "单价", "价格", "售价"],
  },
  discount: {
    exact: [
      "discount", "discountamount", "discounts", "totaldiscount", "totaldiscounts", "couponamount", "markdown",
      "优惠", "优惠金额", "折扣", "折扣金额", "优惠券", "优惠券金额", "店铺优惠", "平台优惠", "商品优惠",
    ],
    contains: ["discount", "coupon", "优惠", "折扣"],
  },
  status: {
    exact: [
      "status", "orderstatus", "financialstatus", "paymentstatus", "transactionstatus", "state", "orderstate",
      "订单状态", "状态", "交易状态", "退款状态", "售后状态", "订单状况",
    ],
    contains: ["status", "状态"],
  },
  store: {
    exact: [
      "store", "storename", "storeid", "storecode", "shop", "shopname", "shopid", "branch", "outlet", "location",
      "门店", "门店名称", "门店编号", "店铺", "店铺名称", "店铺id", "分店", "店名", "网点", "所属门店",
    ],
    contains: ["store", "shop", "branch", "outlet", "门店", "店铺", "分店"],
  },
  name: {
    exact: [
      "name", "fullname", "customername", "membername", "clientname", "buyername", "billingname", "contactname",
      "姓名", "客户姓名", "会员姓名", "顾客姓名", "收货人", "收货人姓名", "联系人", "真实姓名",
    ],
    contains: ["fullname", "customername", "membername", "姓名", "收货人"],
  },
  phone: {
    exact: [
      "phone", "mobile", "phonenumber", "phoneno", "mobilenumber", "mobileno", "cellphone", "tel", "telephone",
      "billingphone", "contactphone", "手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系手机",
      "收货人手机", "收货人电话", "会员手机号",
    ],
    contains: ["phone", "mobile", "手机", "电话"],
  },
  email: {
    exact: ["email", "emailaddress", "mail", "customeremail", "邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址"],
    contains: ["email", "邮箱", "邮件"],
  },
  category: {
    exact: [
      "category", "productcategory", "itemcategory", "categoryname", "cat", "department", "productgroup",
      "producttype", "品类", "类目", "类别", "分类", "商品类别", "商品分类", "商品品类", "商品类目", "产品类别",
      "产品分类", "品类名称", "类目名称", "大类", "小类",
    ],
    contains: ["category", "品类", "类目", "类别", "分类"],
  },
  brand: {
    exact: ["brand", "brandname", "品牌", "品牌名称", "商品品牌", "牌子"],
    contains: ["brand", "品牌"],
  },
  product: {
    exact: [
      "product", "productid", "productcode", "productname", "productno", "item", "itemid", "itemcode",
      "itemname", "itemno", "sku", "skuid", "skucode", "article", "articleno", "goods", "goodsid", "stockcode",
      "商品", "商品编码", "商品编号", "商品id", "商品名称", "商品名", "产品", "产品编码", "产品编号", "产品名称",
      "货号", "款号", "sku编码", "单品",
    ],
    contains: ["product", "sku", "商品", "产品", "货号"],
  },
  campaign: {
    exact: [
      "campaign", "campaignname", "campaignid", "promotion", "promo", "promocode", "promotionname", "offer",
      "活动", "活动名称", "营销活动", "促销活动", "优惠活动", "活动编号", "促销", "权益活动",
    ],
    contains: ["campaign", "promotion", "活动"],
  },
}; // prettier-ignore

/** Parts of a header that rule out an id role by "contains" (a customer name is not a customer id). */
const NOT_AN_ID = ["name", "姓名", "名称", "名字", "address", "地址", "phone", "电话", "email", "邮箱"];

/** Lower case, full-width forms folded (ＩＤ → id), blanks and punctuation removed. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.:：()（）[\]【】#/\\'"`*]+/g, "");
}

/** Column index per role; a role without a column is absent. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/**
 * What the caller says about columns: a header text (case and blanks ignored), a column letter ("C") when
 * no header has that text, a 0-based column index, or null for "this table has no such column".
 */
export type ColumnOverrides = Partial<Record<ColumnRole, string | number | null>>;

export interface DetectedColumns {
  mapping: ColumnMapping;
  /** For each mapped role, whether the caller gave it or it was detected from the header. */
  origin: Partial<Record<ColumnRole, "given" | "detected">>;
  /** Required roles without a column. */
  missing: ColumnRole[];
}

const EXACT = 3;
const CONTAINS = 2;
const WEAK = 1;

function matchScore(normalized: string, role: ColumnRole): number {
  const words = HEADER_VOCABULARY[role];
  if (words.exact.includes(normalized)) return EXACT;
  if (words.weak?.includes(normalized)) return WEAK;
  return 0;
}

/** The first role (in COLUMN_ROLES order) whose "contains" words appear in the header. */
function containsRole(normalized: string): ColumnRole | undefined {
  for (const role of COLUMN_ROLES) {
    if (!HEADER_VOCABULARY[role].contains.some((w) => normalized.includes(w))) continue;
    if ((role === "customerId" || role === "orderId") && NOT_AN_ID.some((w) => normalized.includes(w))) {
      return undefined;
    }
    return role;
  }
  return undefined;
}

/** Resolves one override to a column index, or throws a DataError naming the table and its headers. */
export function resolveColumn(table: RawTable, role: ColumnRole, given: string | number): number {
  const count = Math.max(table.headers.length, table.columns.length);
  if (typeof given === "number") {
    if (Number.isInteger(given) && given >= 0 && given < count) return given;
    throw new DataError(
      `${table.source}: column ${given + 1} for the ${ROLE_LABELS[role].en} does not exist`,
      undefined,
      { code: "noColumnNumber", ...sourceOf(table), role, number: given + 1 },
    );
  }
  const wanted = normalizeHeader(given);
  const byHeader = table.headers.findIndex((h) => normalizeHeader(h ?? "") === wanted);
  if (byHeader >= 0) return byHeader;
  const label = given.trim().toUpperCase();
  const byLabel = table.headers.findIndex((_, c) => columnLabel(table, c).toUpperCase() === label);
  if (byLabel >= 0) return byLabel;
  throw new DataError(
    `${table.source}: no column "${given}" for the ${ROLE_LABELS[role].en}; ${headersAre(table.headers)}`,
    undefined,
    { code: "noSuchColumn", ...sourceOf(table), role, given, headers: [...table.headers] },
  );
}

/**
 * Finds the column of each role from the headers. Given columns come first; then each remaining role takes
 * the best remaining column: an exact header word, then a header containing a role word, then a weak
 * word; ties go to the leftmost column. A column serves one role at most.
 */
export function detectColumns(table: RawTable, overrides: ColumnOverrides = {}): DetectedColumns {
  const mapping: ColumnMapping = {};
  const origin: DetectedColumns["origin"] = {};
  const taken = new Set<number>();
  const unset = new Set<ColumnRole>();
  for (const role of COLUMN_ROLES) {
    const given = overrides[role];
    if (given === null) unset.add(role);
    if (given === null || given === undefined) continue;
    const column = resolveColumn(table, role, given);
    if (taken.has(column) && !sharesContact(mapping, role, column)) {
      throw new DataError(
        `${table.source}: column ${columnLabel(table, column)} is given for two roles`,
        undefined,
        {
          code: "columnTwice",
          ...sourceOf(table),
          column: columnLabel(table, column),
        },
      );
    }
    mapping[role] = column;
    origin[role] = "given";
    taken.add(column);
  }

  const candidates: { column: number; role: ColumnRole; score: number }[] = [];
  table.headers.forEach((header, column) => {
    const normalized = normalizeHeader(header ?? "");
    if (normalized === "") return;
    if (holdsOrderNumbers(table, normalized, column)) {
      candidates.push({ column, role: "orderId", score: EXACT });
      return;
    }
    for (const role of COLUMN_ROLES) {
      const score = matchScore(normalized, role);
      if (score > 0) candidates.push({ column, role, score });
    }
    const role = containsRole(normalized);
    if (role) candidates.push({ column, role, score: CONTAINS });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const { column, role } of candidates) {
    if (taken.has(column) || mapping[role] !== undefined || unset.has(role)) continue;
    mapping[role] = column;
    origin[role] = "detected";
    taken.add(column);
  }
  shareContactAsCustomerId(table, mapping, origin, unset);
  const missing = REQUIRED_ROLES.filter(
    (role) => mapping[role] === undefined && !(role === "amount" && amountFromPrice(mapping)),
  );
  return { mapping, origin, missing };
}

/**
 * Whether `role` may take `column` although another role has it: a phone or e-mail column that keys the
 * customers serves as the customer id too (see shareContactAsCustomerId), so the pane's mapping and the
 * settings may give it for both.
 */
function sharesContact(mapping: ColumnMapping, role: ColumnRole, column: number): boolean {
  const contact = (r: ColumnRole) => r === "phone" || r === "email";
  const holder = COLUMN_ROLES.find((r) => r !== role && mapping[r] === column);
  return (
    holder !== undefined &&
    ((role === "customerId" && contact(holder)) || (contact(role) && holder === "customerId"))
  );
}

/** Shopify's order export calls its order number "Name" and writes it "#1001": an order id, not a person. */
const ORDER_NUMBER = /^#\d+$/;

function holdsOrderNumbers(table: RawTable, normalized: string, column: number): boolean {
  if (normalized !== "name") return false;
  const cells = table.columns[column] ?? [];
  let filled = 0;
  let numbers = 0;
  for (const cell of cells) {
    if (typeof cell !== "string" || cell.trim() === "") continue;
    filled++;
    if (ORDER_NUMBER.test(cell.trim())) numbers++;
  }
  return filled > 0 && numbers >= 0.9 * filled;
}

/**
 * Shops that key customers by phone number or e-mail have no customer id column: the detected phone or
 * e-mail column then serves as the id too, and stays the contact column, so masking contacts masks it. Of
 * the two, the one filled on more lines: Shopify's order export has an Email on every line and a Billing
 * Phone only on some (a blank id would drop the line); with both equally filled, the phone, as Chinese
 * shops key their members.
 */
function shareContactAsCustomerId(
  table: RawTable,
  mapping: ColumnMapping,
  origin: DetectedColumns["origin"],
  unset: ReadonlySet<ColumnRole>,
): void {
  if (mapping.customerId !== undefined || unset.has("customerId")) return;
  let best: number | undefined;
  let bestFilled = -1;
  for (const role of ["phone", "email"] as const) {
    const column = mapping[role];
    if (column === undefined) continue;
    const filled = filledCells(table.columns[column] ?? []);
    if (filled > bestFilled) [best, bestFilled] = [column, filled];
  }
  if (best === undefined) return;
  mapping.customerId = best;
  origin.customerId = "detected";
}

function filledCells(cells: readonly CellValue[]): number {
  let filled = 0;
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell === "string" && cell.trim() === "") continue;
    filled++;
  }
  return filled;
}

/**
 * Without an amount column, a line's amount is its quantity × unit price (− discount): line-item exports
 * (a UK online retailer's, most tills') have no amount.
 */
export function amountFromPrice(mapping: ColumnMapping): boolean {
  return mapping.amount === undefined && mapping.price !== undefined && mapping.quantity !== undefined;
}

/** How the amount of a line is found: "amount" (its own column) or "quantity × price" (− discount). */
export type AmountRule = "amount" | "quantity × price" | "quantity × price − discount";

export function amountRuleOf(mapping: ColumnMapping): AmountRule {
  if (!amountFromPrice(mapping)) return "amount";
  return mapping.discount === undefined ? "quantity × price" : "quantity × price − discount";
}

/** What the error about a missing amount adds: the other way to have one. */
export const AMOUNT_FROM_PRICE = " (or the quantity and unit price columns)";

/** What the error about an amount column that is a unit price asks (shared with the pane's English text). */
export const PRICE_SETTING =
  'give it as the unit price (--price, or "price" in the settings\' "columns"): the amount is then quantity × unit price';

/**
 * Refuses an amount column whose header says unit price while the table has a quantity column: a report on
 * the price of one item per line is far from the revenue (a UK retailer's 541,909 lines: 1.41 M instead of
 * 8.3 M). The column is meant as the unit price; the amount is then quantity × unit price.
 */
export function checkAmountColumn(table: RawTable, detected: DetectedColumns): void {
  const { amount, quantity, price } = detected.mapping;
  if (amount === undefined || quantity === undefined || price !== undefined) return;
  const header = normalizeHeader(table.headers[amount] ?? "");
  const words = HEADER_VOCABULARY.price;
  const saysPrice = words.exact.includes(header) || words.contains.some((w) => header.includes(w));
  if (!saysPrice || HEADER_VOCABULARY.amount.exact.includes(header)) return;
  const name = (c: number) => `${columnLabel(table, c)} (${table.headers[c]})`;
  throw new DataError(
    `${table.source}: the amount column ${name(amount)} looks like a unit price and the table has a quantity ` +
      `column ${name(quantity)}; ${PRICE_SETTING}`,
    undefined,
    { code: "amountLooksLikePrice", ...sourceOf(table), amount: name(amount), quantity: name(quantity) },
  );
}

/**
 * A table's headers as the messages list them (`among`: after "found among", else as a sentence):
 * quoted, or the letters of a table without a header row, whose made-up names are no headers of the user's.
 */
export function headersListed(headers: readonly string[], among: boolean): string {
  const letters = headerlessLetters(headers);
  const what = letters ? "columns" : "headers";
  const list = letters ? `${letters.join(", ")} (no header row)` : headers.map((h) => `"${h}"`).join(", ");
  return among ? `the ${what} ${list}` : `the ${what} are ${list}`;
}

const headersAre = (headers: readonly string[]) => headersListed(headers, false);

/** Throws a DataError naming the table, its headers and the roles without a column. */
export function requireColumns(table: RawTable, detected: DetectedColumns): void {
  if (detected.missing.length === 0) return;
  const names = detected.missing.map((r) => ROLE_LABELS[r].en).join(", ");
  throw new DataError(
    `${table.source}: no ${names} column found among ${headersListed(table.headers, true)}; name the column to use` +
      (detected.missing.includes("amount") ? AMOUNT_FROM_PRICE : ""),
    undefined,
    { code: "missingColumns", ...sourceOf(table), roles: detected.missing, headers: [...table.headers] },
  );
}

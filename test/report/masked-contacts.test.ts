/**
 * `--mask-contacts` (the `maskContacts` setting): no phone number or e-mail of the orders appears unmasked
 * anywhere in the written workbook: every part of a new report file (cells, notes, the hidden settings)
 * and every cell of every sheet of a refreshed workbook except the user's own orders sheet, which is theirs
 * and never rewritten. The setting is saved, so a refresh without the flag still masks. Ids that are phone
 * numbers are masked too, and numbered when two look the same once masked.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, RawTable } from "../../src/engine/data/table";
import { buildReport } from "../../src/report/build-report";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { runJson } from "../helpers/cli-io";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-mask-"));

/** Twelve members with the contacts of real exports: Chinese and UK mobiles, a short number, e-mails. */
const MEMBERS = [
  { id: "M001", name: "王芳", phone: "13812341234", email: "wangfang@example.cn", store: "Shanghai" },
  {
    id: "M002",
    name: "Alice Jones",
    phone: "+44 7700 900123",
    email: "alice@example.co.uk",
    store: "London",
  },
  { id: "M003", name: "Li Lei", phone: "5551234", email: "x@example.org", store: "Beijing" },
  { id: "M004", name: "Bob", phone: "", email: "bob.smith@mail.example", store: "London" },
  { id: "M005", name: "", phone: "13900001111", email: "", store: "" },
  { id: "M006", name: "Zoe", phone: "+44 20 7946 0958", email: "zoe@example.com", store: "London" },
  { id: "M007", name: "陈静", phone: "186 0000 2222", email: "chenjing@example.cn", store: "Shanghai" },
  { id: "M008", name: "Ann", phone: "07700900456", email: "ann@example.com", store: "London" },
  { id: "M009", name: "Tom", phone: "13711112222", email: "tom@example.com", store: "Beijing" },
  { id: "M010", name: "刘洋", phone: "15822223333", email: "liuyang@example.cn", store: "Beijing" },
  { id: "M011", name: "Kate", phone: "+447700900789", email: "k@example.com", store: "London" },
  { id: "M012", name: "周杰", phone: "13633334444", email: "zhoujie@example.cn", store: "Shanghai" },
];

const HEADER = ["Member ID", "Order Date", "Amount", "Name", "Phone", "Email", "Store", "Channel"];

/** Member i buys 2 + i mod 5 times, every 40 + 7i days from 2024-01-05 (as-of the last order). */
function orderRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  MEMBERS.forEach((m, i) => {
    for (let k = 0; k < 2 + (i % 5); k++) {
      const day = new Date(Date.UTC(2024, 0, 5 + k * (40 + 7 * i)));
      const date = day.toISOString().slice(0, 10);
      rows.push([m.id, date, 20 + 5 * i + k, m.name, m.phone, m.email, m.store, k % 2 ? "App" : "Shop"]);
    }
  });
  return rows;
}

/** The contacts as written, and phones as bare digits too (a cell may drop the spaces). */
const SECRETS = MEMBERS.flatMap((m) => [m.phone, m.phone.replace(/\D/g, ""), m.email]).filter(
  (s) => s !== "",
);

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

function csvOf(rows: (string | number)[][]): string {
  return [HEADER, ...rows].map((r) => r.map((v) => `"${String(v)}"`).join(",")).join("\n");
}

/** Every cell of every sheet but `skip`, as text, with the sheet's name. */
async function sheetTexts(file: string, skip: string): Promise<{ sheet: string; text: string }[]> {
  const book = await new ExcelJS.Workbook().xlsx.readFile(file);
  const out: { sheet: string; text: string }[] = [];
  book.eachSheet((ws) => {
    if (ws.name === skip) return;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.push({ sheet: ws.name, text: `${cell.text}\n${JSON.stringify(cell.value)}` });
        if (cell.note) out.push({ sheet: ws.name, text: JSON.stringify(cell.note) });
      }),
    );
  });
  return out;
}

describe("a report with --mask-contacts", () => {
  it("writes no phone number or e-mail unmasked in any part of a new workbook", async () => {
    const csv = path.join(dir, "orders.csv");
    writeFileSync(csv, csvOf(orderRows()));
    const out = path.join(dir, "masked.xlsx");
    await runJson(["report", csv, "--out", out, "--mask-contacts"]);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const found: string[] = [];
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name].dir) continue;
      for (const secret of leaks(await zip.files[name].async("string"))) found.push(`${name}: ${secret}`);
    }
    expect(found).toEqual([]);
    // The masked forms are there, beside the names and stores, on the Customers sheet.
    const customers = (await sheetTexts(out, ""))
      .filter((c) => c.sheet === "LL Customers")
      .map((c) => c.text);
    for (const masked of [
      "138****1234",
      "+44 7*** **0123",
      "*****34",
      "w***@example.cn",
      "***@example.org",
    ]) {
      expect(customers.some((t) => t.startsWith(`${masked}\n`))).toBe(true);
    }
    expect(customers.some((t) => t.startsWith("王芳\n"))).toBe(true);
  });

  it("masks every sheet but the user's orders when a workbook is refreshed, and keeps masking", async () => {
    const book = new ExcelJS.Workbook();
    const orders = book.addWorksheet("Orders");
    orders.addRow(HEADER);
    for (const row of orderRows()) orders.addRow(row);
    const file = path.join(dir, "book.xlsx");
    await book.xlsx.writeFile(file);

    await runJson(["report", file, "--in-place", "--mask-contacts"]);
    let cells = await sheetTexts(file, "Orders");
    expect(cells.flatMap((c) => leaks(c.text).map((s) => `${c.sheet}: ${s}`))).toEqual([]);
    // The orders sheet is the user's: untouched.
    const own = await sheetTexts(file, "LL Customers");
    expect(own.some((c) => c.sheet === "Orders" && c.text.startsWith("+44 7700 900123\n"))).toBe(true);

    // Refreshed without the flag: the saved setting still masks.
    await runJson(["report", file, "--in-place"]);
    cells = await sheetTexts(file, "Orders");
    expect(cells.flatMap((c) => leaks(c.text).map((s) => `${c.sheet}: ${s}`))).toEqual([]);
    expect(cells.some((c) => c.sheet === "LL Customers" && c.text.startsWith("138****1234\n"))).toBe(true);
  }, 120_000);
});

describe("customer ids that are phone numbers, masked", () => {
  /** A shop keyed by phone: no member id column, so the phone column is the id. */
  const table: RawTable = {
    source: "orders",
    headers: ["手机号", "下单日期", "实付金额"],
    columns: [
      ["13812341234", "13899991234", "13812341234", "13711112222"] as CellValue[],
      ["2024-03-01", "2024-03-02", "2024-05-01", "2024-05-03"],
      [100, 40, 60, 25],
    ],
    firstRow: 2,
  };

  it("are masked, numbered in the order of the ids when two look alike, each with its own spend", async () => {
    const workbook = new MemoryWorkbook();
    const { summary } = await buildReport({
      workbook,
      orders: { table },
      config: { sheets: ["customers", "data-quality"], maskContacts: true },
    });
    const grid = await workbook.readRange("LL Customers");
    const head = grid.findIndex((r) => r[0] === "Customer ID");
    const spend = grid[head].indexOf("Net spend");
    const rows = grid.slice(head + 1).filter((r) => typeof r[0] === "string" && r[0] !== "");
    expect(Object.fromEntries(rows.map((r) => [r[0], r[spend]]))).toEqual({
      "138****1234 #1": 160, // 13812341234: 100 + 60
      "138****1234 #2": 40, // 13899991234
      "137****2222": 25,
    });
    // The id column is the phone column: not shown twice.
    expect(grid[head]).not.toContain("Phone");
    expect(summary.contacts.first.every((c) => c.customerId.includes("****"))).toBe(true);
    const all = (await workbook.readRange("LL Data quality")).flat().map((v) => String(v ?? ""));
    expect(all.filter((v) => /1381234|13899991234|13711112222/.test(v))).toEqual([]);
  });
});

/**
 * The check of a workbook file just written (package-check.ts), before it replaces anything: every part
 * inflated as a stream and compared with the zip directory's size and CRC-32, so a workbook of more than
 * the 1 GB of XML a file may hold when it is READ (zip-guard.ts) is checked, not refused; a damaged part is
 * refused by name, and the target keeps what it had.
 */
import { promises as fs, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { writeFileAtomically } from "../../src/workbook/atomic-write";
import { checkWrittenWorkbook } from "../../src/workbook/xlsx/package-check";
import { MAX_UNCOMPRESSED_BYTES } from "../../src/workbook/xlsx/zip-guard";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { DeflatedPart, writeZip, zipPieces } from "../../src/workbook/xlsx/zip-writer";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-package-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORKBOOK =
  '<workbook xmlns:r="r"><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/**
 * A worksheet part of `megabytes` MB of spaces, made cheaply: the same deflated megabyte (each piece of a
 * part is deflated on its own, ending with a sync flush) repeated, with the CRC-32 of the whole worked out
 * a megabyte at a time.
 */
function bigPart(megabytes: number): DeflatedPart {
  const mb = Buffer.alloc(1 << 20, 0x20);
  const piece = deflateRawSync(mb, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
  const part = new DeflatedPart();
  for (let i = 0; i < megabytes; i++) {
    part.pieces.push(piece);
    part.crc = crc32(mb, part.crc);
  }
  part.size = megabytes * mb.length;
  part.finish();
  return part;
}

describe("the check of a written workbook", () => {
  it("checks a workbook of more than 1 GB of XML, which reading it whole refuses", async () => {
    const megabytes = Math.ceil(MAX_UNCOMPRESSED_BYTES / (1 << 20)) + 16;
    const file = path.join(dir, "big.xlsx");
    await fs.writeFile(
      file,
      Buffer.concat(
        zipPieces([
          { name: "xl/workbook.xml", content: WORKBOOK },
          { name: "xl/_rels/workbook.xml.rels", content: RELS },
          { name: "xl/worksheets/sheet1.xml", content: bigPart(megabytes) },
        ]),
      ),
    );
    await expect(checkWrittenWorkbook(file, "big.xlsx")).resolves.toBeUndefined();
    // Opened to be read, it is refused for its size (before anything is inflated).
    await expect(XlsxWorkbook.open(file)).rejects.toMatchObject({ detail: { code: "xlsxTooLarge" } });
  });

  it("refuses a part that does not inflate to its size and CRC-32, naming it, and keeps the old file", async () => {
    const zip = writeZip([
      { name: "xl/workbook.xml", content: WORKBOOK },
      { name: "xl/_rels/workbook.xml.rels", content: RELS },
      { name: "xl/worksheets/sheet1.xml", content: "<worksheet>" + "<row/>".repeat(5000) + "</worksheet>" },
    ]);
    const good = path.join(dir, "good.xlsx");
    await fs.writeFile(good, zip);
    await expect(checkWrittenWorkbook(good, "good.xlsx")).resolves.toBeUndefined();
    // One byte changed in the sheet's compressed data.
    const damaged = Buffer.from(zip);
    const at = damaged.indexOf("xl/worksheets/sheet1.xml") + "xl/worksheets/sheet1.xml".length + 20;
    damaged[at] ^= 0xff;
    const target = path.join(dir, "kept.xlsx");
    await fs.writeFile(target, "what the user had");
    await expect(
      writeFileAtomically(target, damaged, (written) => checkWrittenWorkbook(written, "kept.xlsx")),
    ).rejects.toThrow(/kept\.xlsx.*xl\/worksheets\/sheet1\.xml/);
    expect(await fs.readFile(target, "utf8")).toBe("what the user had");
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a workbook whose sheet has no part", async () => {
    const file = path.join(dir, "no-sheet.xlsx");
    await fs.writeFile(
      file,
      writeZip([
        { name: "xl/workbook.xml", content: WORKBOOK },
        { name: "xl/_rels/workbook.xml.rels", content: RELS },
      ]),
    );
    await expect(checkWrittenWorkbook(file, "no-sheet.xlsx")).rejects.toThrow(/no-sheet\.xlsx.*sheet1\.xml/);
  });
});

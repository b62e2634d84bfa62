/**
 * A part deflated as it is made (a big sheet, never joined in memory) is written as ONE deflate stream:
 * its pieces deflated one by one as they come, all but the last with a sync flush. It must read back as
 * the pieces joined, with the CRC-32 and size of the joined bytes.
 */
import { crc32 } from "node:zlib";
import { readZipDirectory, readZipEntry } from "../../src/workbook/xlsx/zip-reader";
import { DeflatedPart, writeZip } from "../../src/workbook/xlsx/zip-writer";

describe("zip writer: a part in pieces", () => {
  it("reads back as the pieces joined, with their CRC-32 and size", () => {
    // Large enough for the fast level, with text that repeats across pieces (as rows of a sheet do).
    const row = (i: number) =>
      `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>客户 ${i % 97}</t></is></c></row>`;
    const pieces = [0, 1, 2].map((p) =>
      Buffer.from(Array.from({ length: 12_000 }, (_, i) => row(p * 12_000 + i)).join("")),
    );
    const joined = Buffer.concat(pieces);
    const made = new DeflatedPart();
    // Pieces of every size: a few bytes, as text, and several megabytes at once.
    made.add(pieces[0].subarray(0, 5));
    made.add(pieces[0].subarray(5).toString("utf8"));
    made.add(Buffer.concat(pieces.slice(1)));
    const small = new DeflatedPart();
    small.add("sm");
    small.add("all");
    const zip = writeZip([
      { name: "a.xml", content: made },
      { name: "b.xml", content: small },
      { name: "empty.xml", content: new DeflatedPart() },
    ]);
    const [a, b, empty] = readZipDirectory(zip);
    expect([a.name, a.uncompressedSize, a.crc32 >>> 0]).toEqual([
      "a.xml",
      joined.length,
      crc32(joined) >>> 0,
    ]);
    expect(readZipEntry(zip, a).equals(joined)).toBe(true);
    expect(a.compressedSize).toBeLessThan(joined.length / 4);
    expect(readZipEntry(zip, b).toString()).toBe("small");
    expect(readZipEntry(zip, empty).length).toBe(0);
  });
});

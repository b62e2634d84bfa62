/**
 * Draws the add-in icon (a magnifying lens over a rising bar, on a rounded tile) at every size
 * the manifest names, as PNG files in assets/. Run once when the design changes:
 *   npx tsx scripts/make-icons.ts
 * Written with zlib alone so that no image tool is needed on the machine.
 */
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;

type Rgba = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour of the icon at a point of the unit square, or null for transparent. */
function paint(x: number, y: number): Rgba | null {
  const r = 0.2; // corner radius of the tile
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const white: Rgba = [255, 255, 255, 255];
  // Lens ring and handle.
  const d = Math.hypot(x - 0.44, y - 0.44);
  if (d > 0.2 && d < 0.29) return white;
  const along = (x - 0.44 + (y - 0.44)) / Math.SQRT2;
  const across = (x - 0.44 - (y - 0.44)) / Math.SQRT2;
  if (along > 0.3 && along < 0.6 && Math.abs(across) < 0.065) return white;
  // Bars inside the lens.
  if (d <= 0.2) {
    const bars = [
      [0.33, 0.4, 0.56],
      [0.41, 0.48, 0.47],
      [0.49, 0.56, 0.36],
    ];
    for (const [x0, x1, top] of bars)
      if (x >= x0 && x < x1 && y >= top && y < 0.6) return [255, 214, 102, 255];
  }
  // Tile: a diagonal gradient from deep teal to violet.
  const t = (x + y) / 2;
  return [Math.round(15 + 85 * t), Math.round(118 - 40 * t), Math.round(140 + 60 * t), 255];
}

function render(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k] += c[k] * (c[3] / 255);
          acc[3] += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (n * n);
      for (let k = 0; k < 3; k++) out[i + k] = alpha > 0 ? Math.round((acc[k] * 255) / acc[3]) : 0;
      out[i + 3] = Math.round(alpha);
    }
  }
  return out;
}

if (require.main === module) {
  for (const size of SIZES) {
    const file = join(__dirname, "..", "assets", `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${file}`);
  }
}

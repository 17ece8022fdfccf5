import { inflateSync } from 'node:zlib';

/**
 * A small PNG reader for tests: the IHDR header, and the pixels of an 8-bit RGB or RGBA image (non-interlaced),
 * decoded with node:zlib and the five PNG row filters. Enough to check the Teams icons without an image library.
 */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 2 = RGB, 6 = RGBA (alpha channel), 0/3/4 = grey, palette, grey + alpha. */
  colorType: number;
  interlace: number;
}

export interface PngImage extends PngHeader {
  /** RGBA, 4 bytes a pixel, rows top to bottom (alpha 255 for RGB images). */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Uint8Array): Chunk[] {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const found: Chunk[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    found.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return found;
}

export function pngHeader(png: Uint8Array): PngHeader {
  const ihdr = chunks(png)[0];
  if (ihdr?.type !== 'IHDR') throw new Error('PNG without IHDR first');
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    bitDepth: ihdr.data[8] ?? 0,
    colorType: ihdr.data[9] ?? 0,
    interlace: ihdr.data[12] ?? 0,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Undoes one row's filter in place, given the previous (already unfiltered) row. */
function unfilterRow(filter: number, row: Uint8Array, previous: Uint8Array, bpp: number): void {
  for (let i = 0; i < row.length; i++) {
    const left = i >= bpp ? (row[i - bpp] ?? 0) : 0;
    const up = previous[i] ?? 0;
    const upLeft = i >= bpp ? (previous[i - bpp] ?? 0) : 0;
    const predictors = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)];
    const predictor = predictors[filter];
    if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
    row[i] = ((row[i] ?? 0) + predictor) & 0xff;
  }
}

export function decodePng(png: Uint8Array): PngImage {
  const header = pngHeader(png);
  if (header.bitDepth !== 8 || (header.colorType !== 2 && header.colorType !== 6) || header.interlace !== 0)
    throw new Error(`unsupported PNG: depth ${header.bitDepth}, colour type ${header.colorType}`);
  const bpp = header.colorType === 6 ? 4 : 3;
  const idat = Buffer.concat(
    chunks(png)
      .filter((c) => c.type === 'IDAT')
      .map((c) => c.data),
  );
  const raw = inflateSync(idat);
  const stride = header.width * bpp;
  const rgba = new Uint8Array(header.width * header.height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < header.height; y++) {
    const start = y * (stride + 1);
    const row = Uint8Array.from(raw.subarray(start + 1, start + 1 + stride));
    unfilterRow(raw[start] ?? 0, row, previous, bpp);
    for (let x = 0; x < header.width; x++) {
      const to = (y * header.width + x) * 4;
      rgba.set(row.subarray(x * bpp, x * bpp + 3), to);
      rgba[to + 3] = bpp === 4 ? (row[x * bpp + 3] ?? 0) : 255;
    }
    previous = row;
  }
  return { ...header, rgba };
}

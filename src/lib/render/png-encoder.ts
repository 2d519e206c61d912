import { once } from 'node:events';
import { createDeflate, crc32, deflateSync } from 'node:zlib';

/**
 * Writes RGBA pixels as a PNG, one band of rows at a time; the height is the rows given.
 *
 * Why not resvg's own `asPng()`: it compresses hard and took 11 ms of a card's 25 (see
 * docs/performance.md), and it needs the whole image in memory at once, which for a timeline
 * of thousands of rows is hundreds of megabytes. Here rows are compressed by node's zlib as
 * they arrive, so a drawing can be rasterised in bands and only one band is ever held; no npm
 * PNG encoder streams rows like this (pngjs and fast-png both take the finished image).
 * Rows are stored unfiltered: for flat drawings on white, zlib alone compresses them about as
 * well as resvg's adaptive filters do, at a fraction of the time.
 */
export async function encodePng(
  width: number,
  bands: Iterable<Uint8Array>,
  options: { level?: number } = {},
): Promise<Buffer> {
  const stride = width * 4;
  const deflate = createDeflate({ level: options.level ?? 6 });
  const data: Buffer[] = [];
  deflate.on('data', (compressed: Buffer) => data.push(chunk('IDAT', compressed)));
  const ended = once(deflate, 'end');

  let height = 0;
  for (const band of bands) {
    const rows = Math.floor(band.length / stride);
    height += rows;
    if (!deflate.write(withFilterBytes(width, rows, band))) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  if (height === 0) throw new Error('encodePng: no rows to encode');
  // The header comes first in the file but is only known once every band has been drawn.
  return Buffer.concat([SIGNATURE, chunk('IHDR', header(width, height, 4)), ...data, chunk('IEND', Buffer.alloc(0))]);
}

/** A whole image at once, compressed on this thread: for small images such as cards. */
export function encodePngSync(
  width: number,
  height: number,
  pixels: Uint8Array,
  options: { level?: number } = {},
): Buffer {
  return encodeScanlinesSync(width, height, withFilterBytes(width, height, pixels), { ...options, channels: 4 });
}

/**
 * Rows already laid out as PNG stores them, each a filter type byte then the pixels: RGB
 * (`channels: 3`, an opaque picture) or RGBA. For callers that build the rows themselves.
 */
export function encodeScanlinesSync(
  width: number,
  height: number,
  scanlines: Uint8Array,
  options: { level?: number; channels: 3 | 4 },
): Buffer {
  if (scanlines.length !== height * (width * options.channels + 1)) {
    throw new Error(`encodePng: ${scanlines.length} bytes are not ${height} scanlines of ${width} pixels`);
  }
  const data = deflateSync(scanlines, { level: options.level ?? 6 });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header(width, height, options.channels)),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows of RGBA pixels, each preceded by its filter type byte (None). */
function withFilterBytes(width: number, rows: number, pixels: Uint8Array): Buffer {
  const stride = width * 4;
  if (pixels.length !== rows * stride) {
    throw new Error(`encodePng: ${pixels.length} bytes are not ${rows} rows of ${width} RGBA pixels`);
  }
  const out = Buffer.allocUnsafe(rows * (stride + 1));
  for (let y = 0; y < rows; y++) {
    const at = y * (stride + 1);
    out[at] = 0;
    out.set(pixels.subarray(y * stride, (y + 1) * stride), at + 1);
  }
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function header(width: number, height: number, channels: 3 | 4): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = channels === 4 ? 6 : 2; // colour type: RGBA or RGB
  // Bytes 10 to 12 stay 0: deflate compression, adaptive filtering, no interlace.
  return ihdr;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

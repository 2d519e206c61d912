import { encodeScanlinesSync } from './png-encoder.ts';

/**
 * An opaque picture held as the PNG scanlines it will be written as (a filter byte, then RGB,
 * per row), so that composing it and encoding it need no further copy. Alpha is dropped:
 * only pictures drawn on an opaque background belong here.
 */
export class OpaqueImage {
  readonly width: number;
  readonly height: number;
  readonly #stride: number;
  readonly #scanlines: Buffer;

  private constructor(width: number, height: number, scanlines: Buffer) {
    this.width = width;
    this.height = height;
    this.#stride = width * 3 + 1;
    this.#scanlines = scanlines;
  }

  static fromRgba(width: number, height: number, rgba: Uint8Array): OpaqueImage {
    const image = new OpaqueImage(width, height, Buffer.alloc(height * (width * 3 + 1)));
    image.paste(0, 0, width, height, rgba);
    return image;
  }

  /** Draws RGBA pixels (`width` × `height`, alpha ignored) over this picture at `x`, `y`. */
  paste(x: number, y: number, width: number, height: number, rgba: Uint8Array): void {
    if (rgba.length !== width * height * 4) {
      throw new Error(`paste: ${rgba.length} bytes are not ${width} × ${height} RGBA pixels`);
    }
    if (x < 0 || y < 0 || x + width > this.width || y + height > this.height) {
      throw new Error(`paste: ${width} × ${height} at ${x},${y} falls outside ${this.width} × ${this.height}`);
    }
    const out = this.#scanlines;
    for (let row = 0; row < height; row++) {
      let to = (y + row) * this.#stride + 1 + x * 3;
      const end = (row + 1) * width * 4;
      for (let from = row * width * 4; from < end; from += 4) {
        out[to++] = rgba[from]!;
        out[to++] = rgba[from + 1]!;
        out[to++] = rgba[from + 2]!;
      }
    }
  }

  png(options: { level?: number } = {}): Buffer {
    return encodeScanlinesSync(this.width, this.height, this.#scanlines, { ...options, channels: 3 });
  }
}

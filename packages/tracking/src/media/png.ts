import { deflateSync } from 'node:zlib';
import { TrackingError } from '../errors';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPES: Record<number, number> = { 1: 0, 2: 4, 3: 2, 4: 6 };

/**
 * Encodes 8-bit pixels (row-major, interleaved channels) as a PNG file.
 *
 * @param width - pixels per row
 * @param height - rows
 * @param channels - 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA)
 * @param pixels - `width * height * channels` bytes
 * @returns the PNG bytes
 * @throws {@link TrackingError} when the sizes do not match
 */
export function encodePng(width: number, height: number, channels: number, pixels: Uint8Array): Buffer {
  const colorType = COLOR_TYPES[channels];
  if (colorType === undefined) throw new TrackingError(`PNG images need 1, 2, 3 or 4 channels, got ${channels}.`);
  if (width < 1 || height < 1 || pixels.length !== width * height * channels) {
    throw new TrackingError(`Pixel data of length ${pixels.length} does not match ${height}x${width}x${channels}.`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** Size and colour information read from encoded image bytes. */
export interface EncodedImageInfo {
  /** Image height in pixels. */
  height: number;
  /** Image width in pixels. */
  width: number;
  /** Number of colour channels. */
  colorspace: number;
  /** File extension: `png`, `jpeg` or `gif`. */
  ext: string;
}

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 3, 4: 2, 6: 4 };

/**
 * Reads width, height and channels from PNG, JPEG or GIF bytes.
 *
 * @param bytes - the encoded image
 * @returns the image info
 * @throws {@link TrackingError} when the bytes are not a PNG, JPEG or GIF image
 */
export function readEncodedImageInfo(bytes: Uint8Array): EncodedImageInfo {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 26 && buf.subarray(0, 8).equals(SIGNATURE)) {
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorspace: PNG_CHANNELS[buf[25]!] ?? 3, ext: 'png' };
  }
  if (buf.length >= 10 && buf.toString('latin1', 0, 3) === 'GIF') {
    return { width: buf.readUInt16LE(6), height: buf.readUInt16LE(8), colorspace: 3, ext: 'gif' };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) break;
      const marker = buf[i + 1]!;
      const length = buf.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), colorspace: buf[i + 9]!, ext: 'jpeg' };
      }
      i += 2 + length;
    }
  }
  throw new TrackingError('The image bytes are not a PNG, JPEG or GIF image.');
}

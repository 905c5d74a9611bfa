/** Size of a tar block. */
export const BLOCK = 512;

/** Entry types this package writes or reads. */
export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One archive member as described by its header (after pax/GNU long-name records are applied). */
export interface TarEntryHeader {
  name: string;
  type: TarEntryType;
  size: number;
  mode: number;
  mtime: number;
  linkname: string;
}

const TYPE_FLAGS: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '5': 'directory',
  '2': 'symlink',
  '1': 'hardlink',
};

function writeString(block: Buffer, offset: number, length: number, value: string): void {
  block.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  const text = Math.floor(value).toString(8).padStart(length - 1, '0');
  block.write(`${text}\0`, offset, length, 'ascii');
}

/** Whether `value` fits an octal field of `length` bytes (with its NUL). */
export function fitsOctal(value: number, length: number): boolean {
  return value < 8 ** (length - 1);
}

function splitUstarName(name: string): { prefix: string; base: string } | undefined {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== '/') continue;
    const prefix = name.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100 && base !== '') return { prefix, base };
  }
  return undefined;
}

/** What {@link encodeHeader} needs to write one header block. */
export interface HeaderInit {
  name: string;
  typeflag: string;
  size: number;
  mode: number;
  mtime: number;
  linkname?: string;
}

/**
 * Encodes a ustar header block. Returns `undefined` when the name, link
 * name or size does not fit ustar (the caller then writes a pax record).
 */
export function encodeHeader(init: HeaderInit): Buffer | undefined {
  const split = splitUstarName(init.name);
  const linkname = init.linkname ?? '';
  if (split === undefined || Buffer.byteLength(linkname) > 100 || !fitsOctal(init.size, 12)) return undefined;
  const block = Buffer.alloc(BLOCK);
  writeString(block, 0, 100, split.base);
  writeOctal(block, 100, 8, init.mode & 0o7777);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, init.size);
  writeOctal(block, 136, 12, init.mtime);
  block.write('        ', 148, 8, 'ascii');
  block.write(init.typeflag, 156, 1, 'ascii');
  writeString(block, 157, 100, linkname);
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  writeString(block, 345, 155, split.prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/** Encodes pax extended-header records (`<len> key=value\n`). */
export function encodePaxRecords(records: Readonly<Record<string, string>>): Buffer {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(records)) {
    const body = ` ${key}=${value}\n`;
    let length = Buffer.byteLength(body) + 1;
    while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
    parts.push(`${length}${body}`);
  }
  return Buffer.from(parts.join(''), 'utf8');
}

/** Parses pax records into a map. */
export function parsePaxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0) break;
    const length = Number(data.toString('ascii', offset, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.toString('utf8', space + 1, offset + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return out;
}

function readString(block: Buffer, offset: number, length: number): string {
  const end = block.indexOf(0, offset);
  return block.toString('utf8', offset, end < 0 || end > offset + length ? offset + length : end);
}

function readNumber(block: Buffer, offset: number, length: number): number {
  if ((block[offset]! & 0x80) !== 0) {
    // GNU base-256 big-endian
    let value = 0;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + block[i]!;
    return value;
  }
  const text = block.toString('ascii', offset, offset + length).replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** Whether a block is all zeros (end of archive). */
export function isZeroBlock(block: Buffer): boolean {
  for (const byte of block) if (byte !== 0) return false;
  return true;
}

/** The raw fields of a header block, plus its type flag. */
export interface RawHeader extends TarEntryHeader {
  typeflag: string;
}

/**
 * Decodes a header block.
 *
 * @returns the header, or `undefined` when the checksum does not match
 */
export function decodeHeader(block: Buffer): RawHeader | undefined {
  const stored = readNumber(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  if (stored !== sum) return undefined;
  const typeflag = block.toString('ascii', 156, 157);
  const magic = block.toString('ascii', 257, 262);
  const prefix = magic === 'ustar' ? readString(block, 345, 155) : '';
  const base = readString(block, 0, 100);
  return {
    name: prefix === '' ? base : `${prefix}/${base}`,
    typeflag,
    type: TYPE_FLAGS[typeflag] ?? 'other',
    size: readNumber(block, 124, 12),
    mode: readNumber(block, 100, 8),
    mtime: readNumber(block, 136, 12),
    linkname: readString(block, 157, 100),
  };
}

import { createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { badRequest } from './reply';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'latin1');
  block.write(octal(0, 8), 108, 'latin1');
  block.write(octal(0, 8), 116, 'latin1');
  block.write(octal(size, 12), 124, 'latin1');
  block.write(octal(Math.floor(mtime), 12), 136, 'latin1');
  block.write('        ', 148, 'latin1');
  block.write(type, 156, 'latin1');
  block.write('ustar\0', 257, 'latin1');
  block.write('00', 263, 'latin1');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const base = Buffer.byteLength(body);
  let length = base + String(base).length;
  if (String(length).length !== String(base).length) length = base + String(length).length;
  return Buffer.from(`${length}${body}`);
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

async function* tarEntries(root: string): AsyncGenerator<Buffer> {
  for (const file of await listFiles(root)) {
    const name = relative(root, file).split(sep).join('/');
    const info = await stat(file);
    const mtime = info.mtimeMs / 1000;
    if (Buffer.byteLength(name) > 100) {
      const pax = paxRecord('path', name);
      yield header('PaxHeader', pax.length, 'x', mtime);
      yield pax;
      yield padding(pax.length);
    }
    yield header(name, info.size, '0', mtime);
    for await (const chunk of createReadStream(file)) yield chunk as Buffer;
    yield padding(info.size);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** A gzipped tar of every file under `root` (names relative to it), streamed with constant memory. */
export function tarGzDirectory(root: string): Readable {
  return Readable.from(tarEntries(root)).pipe(createGzip());
}

function readString(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

function readSize(block: Buffer): number {
  const field = block.subarray(124, 136);
  if ((field[0]! & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = readString(block, 124, 12).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0) break;
    const length = Number(data.subarray(offset, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return out;
}

/** Resolves a tar member name under `root`, refusing absolute names and `..` escapes. */
export function safeJoin(root: string, name: string): string {
  const clean = posix.normalize(name.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
  if (clean.startsWith('/') || clean === '..' || clean.startsWith('../') || /^[a-zA-Z]:/.test(clean)) {
    throw badRequest({ detail: `Refusing unsafe archive member: ${name}` });
  }
  const target = resolve(root, clean);
  if (target !== resolve(root) && !target.startsWith(resolve(root) + sep)) {
    throw badRequest({ detail: `Refusing unsafe archive member: ${name}` });
  }
  return target;
}

interface Entry {
  name: string;
  type: string;
  size: number;
  remaining: number;
  padding: number;
  sink: WriteStream | Buffer[] | undefined;
}

/** Moves the files and folders of `staged` into `root` (files replace files; folders merge). */
function mergeInto(staged: string, root: string): void {
  mkdirSync(root, { recursive: true });
  for (const entry of readdirSync(staged, { withFileTypes: true })) {
    const from = join(staged, entry.name);
    const to = join(root, entry.name);
    if (entry.isDirectory() && existsSync(to) && lstatSync(to).isDirectory()) mergeInto(from, to);
    else {
      rmSync(to, { recursive: true, force: true });
      renameSync(from, to);
    }
  }
}

/**
 * Extracts a `.tar.gz` file into `root`, streaming and all-or-nothing: the
 * members go to a temporary sibling folder that is merged into `root` only
 * when the whole archive was read, so a refused or corrupt archive leaves
 * `root` as it was. Members are regular files and directories; links are
 * skipped; absolute names and `..` escapes answer 400 (upstream's Python
 * client never sends them).
 * @returns the relative names of the files written
 */
export async function extractTarGz(archive: string, root: string, overwrite: boolean): Promise<string[]> {
  mkdirSync(dirname(resolve(root)), { recursive: true });
  const staging = mkdtempSync(join(dirname(resolve(root)), `.${basename(resolve(root))}.extract-`));
  try {
    const written = await extractStaged(archive, staging, root, overwrite);
    mergeInto(staging, root);
    return written;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function extractStaged(archive: string, staging: string, root: string, overwrite: boolean): Promise<string[]> {
  const written: string[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  let entry: Entry | undefined;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let ended = false;

  const startEntry = (block: Buffer): void => {
    const type = String.fromCharCode(block[156] ?? 48);
    const prefix = readString(block, 345, 155);
    const rawName = readString(block, 0, 100);
    let name = prefix ? `${prefix}/${rawName}` : rawName;
    if (longName !== undefined) name = longName;
    if (pax.path !== undefined) name = pax.path;
    const size = pax.size !== undefined ? Number(pax.size) : readSize(block);
    if (type !== 'x' && type !== 'g' && type !== 'L' && type !== 'K') {
      pax = {};
      longName = undefined;
    }
    let sink: Entry['sink'];
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') sink = [];
    else if (type === '0' || type === '\0' || type === '7') {
      const target = safeJoin(staging, name);
      if (overwrite || !existsSync(safeJoin(root, name))) {
        mkdirSync(dirname(target), { recursive: true });
        sink = createWriteStream(target);
        written.push(name);
      }
    } else if (type === '5') {
      safeJoin(root, name);
      mkdirSync(safeJoin(staging, name), { recursive: true });
    }
    entry = { name, type, size, remaining: size, padding: padding(size).length, sink };
  };

  const closeEntry = async (): Promise<void> => {
    const done = entry;
    entry = undefined;
    if (!done) return;
    if (Array.isArray(done.sink)) {
      const data = Buffer.concat(done.sink);
      if (done.type === 'x') pax = parsePax(data);
      else if (done.type === 'L') longName = readString(data, 0, data.length);
    } else if (done.sink) {
      const sink = done.sink;
      await new Promise<void>((res, rej) => {
        sink.once('error', rej);
        sink.end(() => res());
      });
    }
  };

  const feed = async (chunk: Buffer): Promise<void> => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    while (!ended) {
      if (entry) {
        if (entry.remaining > 0) {
          if (buffer.length === 0) return;
          const take = buffer.subarray(0, Math.min(entry.remaining, buffer.length));
          buffer = buffer.subarray(take.length);
          entry.remaining -= take.length;
          const sink = entry.sink;
          if (Array.isArray(sink)) sink.push(Buffer.from(take));
          else if (sink && !sink.write(take)) await new Promise<void>((r) => sink.once('drain', () => r()));
          continue;
        }
        if (buffer.length < entry.padding) return;
        buffer = buffer.subarray(entry.padding);
        await closeEntry();
        continue;
      }
      if (buffer.length < BLOCK) return;
      const block = buffer.subarray(0, BLOCK);
      buffer = buffer.subarray(BLOCK);
      if (block.every((byte) => byte === 0)) {
        ended = true;
        return;
      }
      startEntry(Buffer.from(block));
    }
  };

  try {
    const gunzip = createReadStream(archive).pipe(createGunzip());
    for await (const chunk of gunzip) await feed(chunk as Buffer);
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) {
      throw badRequest({ detail: 'The uploaded archive is not a valid tar.gz file.' });
    }
    throw error;
  } finally {
    if (entry && !Array.isArray(entry.sink) && entry.sink) entry.sink.destroy();
  }
  return written;
}

/** Copies a readable into a file (used for plain uploads). */
export async function streamToFile(source: Readable, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  await pipeline(source, createWriteStream(target));
}

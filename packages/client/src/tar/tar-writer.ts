import { open } from 'node:fs/promises';
import { BLOCK, encodeHeader, encodePaxRecords, fitsOctal } from './tar-header';

/** One file or directory to put in an archive. */
export interface TarSource {
  /** Path of the file on disk. */
  path: string;
  /** Member name inside the archive (`/` separators, relative). */
  name: string;
  /** Size in bytes (from `stat`). */
  size: number;
  /** File mode bits. */
  mode: number;
  /** Modification time in seconds. */
  mtime: number;
  /** `directory` members have no data. */
  type?: 'file' | 'directory';
}

const CHUNK = 256 * 1024;

function headerBlocks(source: TarSource): Buffer[] {
  const typeflag = source.type === 'directory' ? '5' : '0';
  const size = source.type === 'directory' ? 0 : source.size;
  const name = source.type === 'directory' && !source.name.endsWith('/') ? `${source.name}/` : source.name;
  const init = { name, typeflag, size, mode: source.mode, mtime: source.mtime };
  const header = encodeHeader(init);
  if (header !== undefined) return [header];
  const records: Record<string, string> = { path: name };
  if (!fitsOctal(size, 12)) records.size = String(size);
  const pax = encodePaxRecords(records);
  const paxHeader = encodeHeader({ name: 'PaxHeader/entry', typeflag: 'x', size: pax.length, mode: 0o644, mtime: source.mtime })!;
  const shortName = name.slice(-99).replace(/^\/+/, '');
  const main = encodeHeader({ ...init, name: shortName, size: fitsOctal(size, 12) ? size : 0 })!;
  return [paxHeader, pad(pax), main];
}

function pad(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}

/**
 * Streams a ustar archive (pax records for long names and huge sizes) of
 * `sources`, reading each file in 256 KiB chunks: memory stays constant
 * whatever the sizes.
 *
 * @throws Error when a file changed size while being archived
 */
export async function* tarStream(sources: Iterable<TarSource> | AsyncIterable<TarSource>): AsyncGenerator<Buffer> {
  for await (const source of sources) {
    yield* headerBlocks(source);
    if (source.type === 'directory') continue;
    const handle = await open(source.path, 'r');
    try {
      let remaining = source.size;
      while (remaining > 0) {
        const buffer = Buffer.allocUnsafe(Math.min(CHUNK, remaining));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) throw new Error(`${source.path} shrank while it was being archived`);
        remaining -= bytesRead;
        yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
    const rest = source.size % BLOCK;
    if (rest !== 0) yield Buffer.alloc(BLOCK - rest);
  }
  yield Buffer.alloc(BLOCK * 2);
}

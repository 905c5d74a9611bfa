import { ByteReader } from './byte-reader';
import { BLOCK, decodeHeader, isZeroBlock, parsePaxRecords, type TarEntryHeader } from './tar-header';

/** One member while reading: its header and a one-shot stream of its data. */
export interface TarEntry extends TarEntryHeader {
  /** The member's bytes; must be consumed (or left, it is skipped) before the next entry. */
  data: AsyncGenerator<Buffer>;
}

/** Thrown for archives that are not valid tar streams. */
export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

/**
 * Reads a tar stream entry by entry (ustar, pax `x`/`g` records, GNU long
 * names), in constant memory.
 *
 * @throws {@link TarFormatError} on a corrupt header or truncated archive
 */
export async function* readTar(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  try {
    for (;;) {
      const block = await reader.read(BLOCK);
      if (block.length === 0) return;
      if (block.length < BLOCK) throw new TarFormatError('truncated tar header');
      if (isZeroBlock(block)) return;
      const header = decodeHeader(block);
      if (header === undefined) throw new TarFormatError('invalid tar header checksum');
      const padding = (BLOCK - (header.size % BLOCK)) % BLOCK;
      if (header.typeflag === 'x' || header.typeflag === 'g' || header.typeflag === 'L' || header.typeflag === 'K') {
        if (header.size > 1 << 20) throw new TarFormatError('oversized extended header');
        const data = await reader.read(header.size);
        if (data.length < header.size) throw new TarFormatError('truncated extended header');
        await reader.skip(padding);
        if (header.typeflag === 'x') pax = parsePaxRecords(data);
        else if (header.typeflag === 'L') longName = data.toString('utf8').replace(/\0+$/, '');
        else if (header.typeflag === 'K') longLink = data.toString('utf8').replace(/\0+$/, '');
        continue;
      }
      const size = pax.size !== undefined ? Number(pax.size) : header.size;
      const entry: TarEntryHeader = {
        name: pax.path ?? longName ?? header.name,
        type: header.type,
        size,
        mode: header.mode,
        mtime: header.mtime,
        linkname: pax.linkpath ?? longLink ?? header.linkname,
      };
      pax = {};
      longName = undefined;
      longLink = undefined;
      const dataSize = entry.type === 'file' ? size : header.size;
      let consumed = 0;
      const data = (async function* () {
        for await (const chunk of reader.chunks(dataSize)) {
          consumed += chunk.length;
          yield chunk;
        }
      })();
      yield { ...entry, data };
      await data.return(undefined);
      if (consumed < dataSize) {
        const before = consumed;
        await reader.skip(dataSize - before);
      }
      await reader.skip((BLOCK - (dataSize % BLOCK)) % BLOCK);
    }
  } finally {
    await reader.close();
  }
}

import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Wraps a response stream in the decoder its `content-encoding` needs
 * (gzip, deflate, br), so compressed bodies work whether or not they were
 * asked for. Returns the stream and whether it was decoded.
 */
export function decodeBody(stream: Readable, contentEncoding: string | undefined): { body: Readable; decoded: boolean } {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  let decoder: NodeJS.ReadWriteStream | undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') decoder = zlib.createGunzip();
  else if (encoding === 'deflate') decoder = zlib.createInflate();
  else if (encoding === 'br') decoder = zlib.createBrotliDecompress();
  if (decoder === undefined) return { body: stream, decoded: false };
  const out = stream.pipe(decoder) as unknown as Readable;
  stream.on('error', (error) => out.destroy(error));
  return { body: out, decoded: true };
}

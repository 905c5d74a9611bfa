import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import type { Reply } from './reply';

/** Bodies smaller than this are never gzipped (upstream's middleware threshold). */
const GZIP_MIN_BYTES = 200;

/** How the core writes a {@link Reply}. */
export interface WriteOptions {
  allow: string | undefined;
  gzip: boolean;
  head: boolean;
}

/** The body bytes and content type of a non-streamed reply. */
export function replyBody(reply: Reply): { bytes: Buffer; contentType: string | undefined } {
  if (reply.json !== undefined) return { bytes: Buffer.from(JSON.stringify(reply.json)), contentType: 'application/json' };
  if (reply.text !== undefined) return { bytes: Buffer.from(reply.text), contentType: 'text/html; charset=utf-8' };
  return { bytes: reply.raw ?? Buffer.alloc(0), contentType: undefined };
}

/** Writes `reply` to `res` (gzip for list bodies when asked, Content-Length, streaming). */
export async function writeReply(res: ServerResponse, reply: Reply, options: WriteOptions): Promise<void> {
  const headers: Record<string, string> = {};
  if (options.allow && !reply.noAllow) headers.Allow = options.allow;
  if (reply.stream) {
    Object.assign(headers, reply.headers);
    res.writeHead(reply.status, headers);
    if (options.head) {
      res.end();
      return;
    }
    await pipeline(reply.stream(), res);
    return;
  }
  const { bytes, contentType } = replyBody(reply);
  if (contentType && !reply.noContentType) headers['Content-Type'] = contentType;
  Object.assign(headers, reply.headers);
  let body = bytes;
  if (reply.list && options.gzip && bytes.length >= GZIP_MIN_BYTES) {
    const zipped = gzipSync(bytes);
    if (zipped.length < bytes.length) {
      body = zipped;
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = String(body.length);
  res.writeHead(reply.status, headers);
  res.end(options.head ? undefined : body);
}

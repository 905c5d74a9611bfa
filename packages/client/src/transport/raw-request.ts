import http from 'node:http';
import https from 'node:https';
import { finished, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Agents } from './tls-agents';
import { ResponseTooLargeError } from '../errors/client-error';
import { MAX_RESPONSE_BYTES } from './byte-limit';
import { decodeBody } from './decode-body';

/** One HTTP request sent straight through node's http/https modules. */
export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /**
   * A buffered body, a stream piped with back-pressure, or a sequence of
   * buffers and streams sent one after the other (a multipart body without
   * intermediate copies).
   */
  body?: Buffer | Readable | ReadonlyArray<Buffer | Readable> | undefined;
  signal?: AbortSignal | undefined;
  /** Fail when the socket stays idle this long (ms). */
  idleTimeoutMs?: number | undefined;
}

/** The response head plus its (already decoded) body stream. */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  /** Raw header pairs as received, flattened. */
  rawHeaders: string[];
  /** The body, decompressed when the server used gzip/deflate/br. */
  body: Readable;
  /** Whether the body was decompressed. */
  decoded: boolean;
}

/** A connection-level failure (refused, reset, TLS, idle timeout) before a response head arrived. */
export class RawNetworkError extends Error {
  /** Whether the failure was an idle timeout. */
  readonly timedOut: boolean;
  constructor(message: string, cause: unknown, timedOut = false) {
    super(message, { cause });
    this.name = 'RawNetworkError';
    this.timedOut = timedOut;
  }
}

/**
 * Sends one request over the client's keep-alive agents and resolves with the
 * response head once it arrives. The body is streamed with back-pressure;
 * nothing is buffered beyond node's socket buffers.
 */
export function sendRaw(agents: Agents, request: RawRequest): Promise<RawResponse> {
  const url = new URL(request.url);
  const secure = url.protocol === 'https:';
  const mod = secure ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown, timedOut = false): void => {
      if (settled) return;
      settled = true;
      const message = error instanceof Error ? error.message : String(error);
      reject(error instanceof RawNetworkError ? error : new RawNetworkError(message, error, timedOut));
    };
    const headers: Record<string, string | number> = { ...request.headers };
    if (Buffer.isBuffer(request.body)) headers['content-length'] = request.body.length;
    else if (request.body === undefined && !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(request.method)) {
      headers['content-length'] = 0;
    }
    const req = mod.request(
      url,
      { method: request.method, headers, agent: secure ? agents.https : agents.http, signal: request.signal },
      (res) => {
        if (settled) {
          res.resume();
          return;
        }
        settled = true;
        const { body, decoded } = decodeBody(res, res.headers['content-encoding']);
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body,
          decoded,
        });
      },
    );
    if (request.idleTimeoutMs !== undefined) {
      req.setTimeout(request.idleTimeoutMs, () => {
        const error = new RawNetworkError(`no data for ${request.idleTimeoutMs}ms`, undefined, true);
        fail(error, true);
        req.destroy(error);
      });
    }
    req.on('error', (error) => fail(error));
    const body = request.body;
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else {
      const send = Array.isArray(body) ? writeParts(body as ReadonlyArray<Buffer | Readable>, req) : pipeline(body as Readable, req);
      send.catch((error: unknown) => {
        fail(error);
        req.destroy(error instanceof Error ? error : undefined);
      });
    }
  });
}

async function writeParts(parts: ReadonlyArray<Buffer | Readable>, req: http.ClientRequest): Promise<void> {
  for (const part of parts) {
    if (Buffer.isBuffer(part)) {
      if (!req.write(part)) await new Promise<void>((resolve) => req.once('drain', () => resolve()));
    } else {
      await pipeline(part, req, { end: false });
    }
  }
  req.end();
}

/**
 * Reads a whole (small) body into a buffer (listeners rather than an async
 * iterator: this runs on every API call). Rejects when the stream fails or
 * closes before its end, and with {@link ResponseTooLargeError} past `maxBytes`.
 */
export function readAll(stream: Readable, maxBytes = MAX_RESPONSE_BYTES): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    stream.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) stream.destroy(new ResponseTooLargeError(maxBytes));
      else chunks.push(chunk);
    });
    finished(stream, (error) => {
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
  });
}

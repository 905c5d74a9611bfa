import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ResponseTooLargeError } from '../errors/client-error';
import { BufferedResponse } from './buffered-response';
import { limitBytes, MAX_RESPONSE_BYTES } from './byte-limit';
import { readAll, sendRaw } from './raw-request';
import type { Agents } from './tls-agents';

const NULL_BODY = new Set([101, 204, 205, 304]);

/** A `fetch` as ky calls it: with a `Request`. */
export type FetchLike = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

/**
 * A WHATWG `fetch` implemented on node's http/https modules and the given
 * keep-alive agents, so TLS options (CA, client certificate, verification)
 * apply and every client keeps its own connection pool. Compressed responses
 * are decoded, and bodies larger than `maxBytes` once decoded fail with
 * `ResponseTooLargeError`; network failures reject with a `TypeError` like
 * native fetch.
 */
export function createNodeFetch(agents: Agents, maxBytes = MAX_RESPONSE_BYTES): FetchLike {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    let response;
    try {
      response = await sendRaw(agents, { method: request.method, url: request.url, headers, body, signal: request.signal });
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason ?? error;
      throw new TypeError('fetch failed', { cause: error });
    }
    const outHeaders = new Headers();
    for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
      const name = response.rawHeaders[i]!;
      if (response.decoded && /^(content-encoding|content-length)$/i.test(name)) continue;
      outHeaders.append(name, response.rawHeaders[i + 1]!);
    }
    if (NULL_BODY.has(response.status) || request.method === 'HEAD') {
      response.body.resume();
      return new Response(null, { status: response.status, statusText: response.statusText, headers: outHeaders });
    }
    // Small JSON bodies: read at once into a Response without a body stream.
    if (isSmall(response.headers['content-length'])) {
      const init = { status: response.status, statusText: response.statusText, headers: outHeaders };
      try {
        return new BufferedResponse(await readAll(response.body, maxBytes), init, request.url);
      } catch (error) {
        // fail when the body is read, as for a streamed body, so ky does not retry it as a network failure
        if (!ResponseTooLargeError.isInstance(error)) throw error;
        return new Response(new ReadableStream({ start: (controller) => controller.error(error) }), init);
      }
    }
    const web = Readable.toWeb(limitBytes(response.body, maxBytes)) as NodeReadableStream<Uint8Array>;
    return new Response(web as unknown as ReadableStream<Uint8Array>, {
      status: response.status,
      statusText: response.statusText,
      headers: outHeaders,
    });
  };
}

function isSmall(contentLength: string | undefined): boolean {
  if (contentLength === undefined) return false;
  const n = Number(contentLength);
  return Number.isFinite(n) && n <= 1 << 20;
}

import type { Readable } from 'node:stream';
import { TestkitError } from './errors';
import type { Json } from './json';

/**
 * What a route handler answers. The server core turns it into bytes, after
 * validating JSON bodies against the OpenAPI schema.
 */
export interface Reply {
  status: number;
  /** Extra headers (the `Allow` header of the route is added by the core). */
  headers?: Record<string, string>;
  /** A JSON body (`Content-Type: application/json`). */
  json?: Json;
  /** A text body (`Content-Type: text/html; charset=utf-8` unless headers say otherwise). */
  text?: string;
  /** A streamed body (downloads); headers must carry the content type. */
  stream?: () => Readable;
  /** A raw body with the content type in `headers`. */
  raw?: Buffer;
  /** List endpoints: gzip the body when it helps, as upstream does. */
  list?: boolean;
  /** Send no `Content-Type` at all (upstream's empty 201/204 answers). */
  noContentType?: boolean;
  /** Send no `Allow` header (upstream's 500 page is not the route's view). */
  noAllow?: boolean;
}

/** An error that a handler throws to answer with a given status and body. */
export class HttpError extends TestkitError {
  static override readonly marker: string = 'px.testkit.HttpError';
  readonly reply: Reply;

  constructor(reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.reply = reply;
  }
}

/** 404 with upstream's `{"detail": "No <Model> matches the given query."}`. */
export function notFound(model: string): HttpError {
  return new HttpError({ status: 404, json: { detail: `No ${model} matches the given query.` } });
}

/** 400 with a DRF-style body (`{"field": ["message"]}` or `{"detail": ...}`). */
export function badRequest(body: Json): HttpError {
  return new HttpError({ status: 400, json: body });
}

/** An empty answer: `text/html; charset=utf-8` like upstream's `HttpResponse()`. */
export function emptyHtml(status: number): Reply {
  return { status, text: '' };
}

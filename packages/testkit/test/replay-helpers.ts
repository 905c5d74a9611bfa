import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { ApiServer } from '../src/index';
import { corpusPath } from '../src/index';

/** A response as received on the wire (body gunzipped, encoding header kept). */
export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
  /** Body bytes (gunzipped when Content-Encoding was gzip). */
  raw: Buffer;
}

/** Sends one raw request (no automatic decompression, exact headers). */
export function send(server: ApiServer, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const decoded = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        const text = decoded.toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, raw: decoded });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A multipart body with parts in the given order. */
export function multipart(boundary: string, parts: { name: string; filename?: string; contentType?: string; content: Buffer | string }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Fields whose values change from run to run: only their type/null-ness is compared. */
export const VOLATILE: ReadonlySet<string> = new Set([
  'uuid',
  'key',
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
  'last_update_time',
  'last_transition_time',
  'wait_time',
  'duration',
  'state',
  'run',
  'hash',
]);

const UUID = /^[0-9a-f]{32}$/;

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Differences between a recorded body and ours: same keys in the same
 * order, same values, except volatile fields (type only) and uuids (mapped).
 */
export function shapeDiff(expected: unknown, actual: unknown, map: (value: string) => string, path = '$', volatile: ReadonlySet<string> = VOLATILE): string[] {
  if (kind(expected) !== kind(actual)) return [`${path}: expected ${kind(expected)} ${JSON.stringify(expected)}, got ${kind(actual)} ${JSON.stringify(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((item, i) => shapeDiff(item, actual[i], map, `${path}[${i}]`, volatile));
  }
  if (kind(expected) === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const ek = Object.keys(e);
    const ak = Object.keys(a);
    if (ek.join(',') !== ak.join(',')) return [`${path}: expected keys [${ek.join(', ')}], got [${ak.join(', ')}]`];
    return ek.flatMap((key) => {
      if (volatile.has(key)) {
        return kind(e[key]) === kind(a[key]) ? [] : [`${path}.${key}: expected ${kind(e[key])}, got ${kind(a[key])}`];
      }
      return shapeDiff(e[key], a[key], map, `${path}.${key}`, volatile);
    });
  }
  if (typeof expected === 'string' && typeof actual === 'string') {
    const mapped = map(expected);
    if (UUID.test(expected) && mapped === expected) return UUID.test(actual) ? [] : [`${path}: expected a uuid, got ${actual}`];
    return mapped === actual ? [] : [`${path}: expected ${JSON.stringify(mapped)}, got ${JSON.stringify(actual)}`];
  }
  return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Learns recorded→actual uuid pairs from two bodies of the same shape. */
export function learnUuids(expected: unknown, actual: unknown, into: Map<string, string>): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    expected.forEach((item, i) => learnUuids(item, actual[i], into));
    return;
  }
  if (kind(expected) === 'object' && kind(actual) === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (key === 'uuid' && typeof e[key] === 'string' && typeof a[key] === 'string' && !into.has(e[key])) into.set(e[key], a[key]);
      else learnUuids(e[key], a[key], into);
    }
  }
}

/** Replaces every known recorded uuid (and the recorded origin) in `text`. */
export function mapper(uuids: Map<string, string>, origins: [string, string][]): (text: string) => string {
  return (text) => {
    let out = text;
    for (const [from, to] of origins) out = out.replaceAll(from, to);
    for (const [from, to] of uuids) out = out.replaceAll(from, to);
    return out;
  };
}

/** One recorded exchange of `../shared/corpus/api-samples`. */
export interface Sample {
  /** The numeric prefix of the file name (samples are numbered in recording order). */
  number: number;
  name: string;
  request: { method: string; path: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

/** The recorded samples numbered `from`..`to` (inclusive), in recording order. */
export function loadSamples(from: number, to: number): Sample[] {
  const dir = corpusPath('api-samples');
  return readdirSync(dir)
    .map((file) => ({ file, number: Number(/^(\d+)_/.exec(file)?.[1] ?? NaN) }))
    .filter(({ number }) => number >= from && number <= to)
    .sort((a, b) => a.number - b.number)
    .map(({ file, number }) => ({ number, ...(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Omit<Sample, 'number'>) }));
}

const HEADERS = ['Content-Type', 'Content-Encoding', 'Allow', 'Content-Disposition'];
const RECORDED_ORIGIN = 'http://127.0.0.1:8765';

function requestBody(sample: Sample): { headers: Record<string, string>; body?: Buffer } {
  const headers = { ...sample.request.headers };
  const body = sample.request.body;
  if (body === null || body === undefined) return { headers };
  const contentType = headers['Content-Type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
    const form = (typeof body === 'object' ? (body as Record<string, unknown>)['multipart/form-data'] : undefined) as
      | { json: string; upload_file: { filename: string; content: string } }
      | undefined;
    const parts = form
      ? [
          { name: 'upload_file', filename: form.upload_file.filename, contentType: 'text/plain', content: form.upload_file.content },
          { name: 'json', content: form.json },
        ]
      : [{ name: 'upload_file', filename: 'x.txt', contentType: 'text/plain', content: 'x' }];
    return { headers, body: multipart(boundary, parts) };
  }
  return { headers, body: Buffer.from(JSON.stringify(body)) };
}

/** Percent-encodes what the README says is shown decoded in recorded paths (`<`, `|`). */
function encodePath(path: string): string {
  return path.replace(/[<|>]/g, (c) => encodeURIComponent(c));
}

/**
 * Sends one recorded request to the test server and lists how its answer differs from the recorded one
 * (status, headers, body shape; uuids are learnt into `uuids` as they appear). `outOfSchema` says the
 * recorded request breaks the OpenAPI schema on purpose: the test double must flag it, and nothing else.
 * `normalise`, when given, is applied to both JSON bodies before they are compared (e.g. to put answers
 * whose order the real server does not guarantee in one order).
 */
export async function replaySample(
  server: ApiServer,
  sample: Sample,
  uuids: Map<string, string>,
  outOfSchema = false,
  normalise: (body: unknown) => unknown = (body) => body,
): Promise<string[]> {
  const map = mapper(uuids, [[RECORDED_ORIGIN, server.url]]);
  const { headers, body } = requestBody(sample);
  const res = await send(server, sample.request.method, encodePath(map(sample.request.path)), headers, body);
  const problems: string[] = [];
  if (res.status !== sample.response.status) problems.push(`status ${res.status}, expected ${sample.response.status}`);
  for (const name of HEADERS) {
    const expected = sample.response.headers[name];
    const actual = res.headers[name.toLowerCase()];
    if (expected !== actual) problems.push(`header ${name}: ${String(actual)}, expected ${String(expected)}`);
  }
  const expectedBody = sample.response.body;
  if (expectedBody === null) {
    if (res.text !== '') problems.push(`body should be empty, got ${res.text.slice(0, 100)}`);
  } else if (typeof expectedBody === 'string') {
    if (res.text !== expectedBody) problems.push(`body ${JSON.stringify(res.text)}, expected ${JSON.stringify(expectedBody)}`);
  } else {
    const expected = normalise(expectedBody);
    const actual = normalise(res.json);
    learnUuids(expected, actual, uuids);
    problems.push(...shapeDiff(expected, actual, mapper(uuids, [[RECORDED_ORIGIN, server.url]])));
  }
  const violations = server.takeViolations();
  if (outOfSchema !== violations.length > 0 || violations.some((v) => v.direction !== 'request')) {
    problems.push(`OpenAPI violations: ${JSON.stringify(violations)}`);
  }
  return problems.length > 0 ? [`${sample.number}_${sample.name}:\n  ${problems.join('\n  ')}`] : [];
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseTooLargeError } from '../errors/client-error';
import { BufferedResponse } from './buffered-response';
import { createNodeFetch } from './node-fetch';
import { createAgents } from './tls-agents';

const agents = createAgents({ verifySsl: true });
const fetchIt = createNodeFetch(agents);
const seen: Array<{ method: string; body: string; type: string | undefined }> = [];
let base = '';

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method ?? '', body, type: req.headers['content-type'] });
  const json = JSON.stringify({ uuid: 'a'.repeat(32), echo: body });
  if (req.url === '/small') res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
  else if (req.url === '/chunked') res.writeHead(200, { 'content-type': 'application/json' }).end(json);
  else if (req.url === '/gzip') {
    const zipped = gzipSync(json);
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': zipped.length }).end(zipped);
  } else if (req.url === '/bomb' || req.url === '/bomb-chunked') {
    // 8 MiB of zeros in about 8 KiB: a small content-length that inflates past the limit
    const zipped = gzipSync(Buffer.alloc(8 << 20));
    res.writeHead(200, { 'content-encoding': 'gzip', ...(req.url === '/bomb' ? { 'content-length': zipped.length } : {}) }).end(zipped);
  } else if (req.url === '/empty') res.writeHead(204).end();
  else if (req.url === '/missing') res.writeHead(404, { 'content-length': 2 }).end('{}');
  // '/hang' never answers
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => answer(req, res, Buffer.concat(chunks).toString()));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agents.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createNodeFetch', () => {
  it('stops reading an answer that inflates past the limit, with or without a content-length', async () => {
    const limited = createNodeFetch(agents, 1 << 20);
    await expect((await limited(`${base}/bomb`)).text()).rejects.toThrow(ResponseTooLargeError);
    const streamed = await limited(`${base}/bomb-chunked`);
    await expect(streamed.text()).rejects.toThrow(ResponseTooLargeError);
    expect(await (await limited(`${base}/gzip`)).json()).toMatchObject({ uuid: 'a'.repeat(32) });
  });

  it('answers a small JSON call with a buffered Response (no body stream is set up per call)', async () => {
    const response = await fetchIt(new Request(`${base}/small`));
    expect(response).toBeInstanceOf(BufferedResponse);
    expect([response.status, response.ok, response.url]).toEqual([200, true, `${base}/small`]);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ uuid: 'a'.repeat(32), echo: '' });
  });

  it('streams an answer of unknown length', async () => {
    const response = await fetchIt(`${base}/chunked`);
    expect(response).not.toBeInstanceOf(BufferedResponse);
    expect(await response.json()).toMatchObject({ uuid: 'a'.repeat(32) });
  });

  it('decodes gzip and drops the encoding headers that no longer apply', async () => {
    const response = await fetchIt(`${base}/gzip`);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBeNull();
    expect(await response.json()).toMatchObject({ uuid: 'a'.repeat(32) });
  });

  it('sends the request body and headers, and gives a null body for 204', async () => {
    const response = await fetchIt(new Request(`${base}/empty`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(seen.at(-1)).toEqual({ method: 'POST', body: '{"a":1}', type: 'application/json' });
  });

  it('gives non-2xx answers as responses with their body', async () => {
    const response = await fetchIt(`${base}/missing`);
    expect([response.status, response.ok]).toEqual([404, false]);
    expect(await response.text()).toBe('{}');
  });

  it('rejects with a TypeError on a network failure and with the reason on abort', async () => {
    await expect(fetchIt('http://127.0.0.1:1/')).rejects.toThrow(TypeError);
    const controller = new AbortController();
    const pending = fetchIt(new Request(`${base}/hang`, { signal: controller.signal }));
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

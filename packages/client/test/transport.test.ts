import { gzipSync } from 'node:zlib';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NotFoundError, PolyaxonClientException, ProjectClient, ResponseTooLargeError, UnauthorizedError } from '../src/index';
import { ApiTransport } from '../src/transport/api-transport';
import { isolatedClient } from './helpers/isolated';
import { json, tinyServer } from './helpers/tiny-server';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function server(handler: Parameters<typeof tinyServer>[0]) {
  const s = await tinyServer(handler);
  closers.push(s.close);
  return s;
}

describe('API transport', () => {
  it('sends the token as `Authorization: Token <t>` and the service header when both are set', async () => {
    const s = await server((_req, res) => json(res, 200, { name: 'p' }));
    const client = isolatedClient({ host: s.url, header: 'X_POLYAXON_SERVICE', headerService: 'runner' });
    closers.push(() => client.close());
    await new ProjectClient({ owner: 'acme', project: 'p', client }).refresh();
    const headers = s.requests[0]!.headers;
    expect(headers.authorization).toBe('Token secret-token-123');
    expect(headers['x-polyaxon-service']).toBe('runner');
    expect(headers.accept).toBe('application/json');
    expect(s.requests[0]!.url).toBe('/api/v1/acme/p');
  });

  it('omits the service header when only one of header/headerService is set, and auth when no token', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const client = isolatedClient({ host: s.url, header: 'X_POLYAXON_SERVICE' }, { token: '' });
    closers.push(() => client.close());
    await client.request('GET', '/api/v1/x');
    expect(s.requests[0]!.headers['x-polyaxon-service']).toBeUndefined();
    expect(s.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('decodes gzip responses it did not ask for', async () => {
    const s = await server((_req, res) => {
      const body = gzipSync(JSON.stringify({ count: 1, results: [{ name: 'a' }], next: null, previous: null }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    });
    const client = isolatedClient({ host: s.url });
    closers.push(() => client.close());
    const page = await new ProjectClient({ owner: 'acme', client }).list();
    expect(page.results).toEqual([{ name: 'a' }]);
  });

  it('stops reading an answer that inflates past the limit and names the call (a gzip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(4 << 20, ' '));
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    });
    const client = isolatedClient({ host: s.url });
    closers.push(() => client.close());
    const transport = new ApiTransport(client.config, undefined, 1 << 20);
    closers.push(() => Promise.resolve(transport.close()));
    const error = await transport.call('GET', '/api/v1/acme/p/runs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).message).toBe(`The answer to GET ${s.url}/api/v1/acme/p/runs is larger than 1 MiB once decompressed; px stopped reading it.`);
    expect(s.requests).toHaveLength(1);
  });

  it('retries idempotent calls on 503 honouring Retry-After, then succeeds', async () => {
    const s = await server((_req, res, _b, i) => (i < 2 ? json(res, 503, { detail: 'busy' }, { 'retry-after': '0' }) : json(res, 200, { ok: 1 })));
    const client = isolatedClient({ host: s.url, retries: 3 });
    closers.push(() => client.close());
    await expect(client.request('GET', '/api/v1/x')).resolves.toEqual({ ok: 1 });
    expect(s.requests).toHaveLength(3);
  });

  it('retries network errors (dropped connections) on GET', async () => {
    const s = await server((req, res, _b, i) => {
      if (i === 0) req.socket.destroy();
      else json(res, 200, { ok: true });
    });
    const client = isolatedClient({ host: s.url, retries: 2 });
    closers.push(() => client.close());
    await expect(client.request('GET', '/api/v1/x')).resolves.toEqual({ ok: true });
    expect(s.requests).toHaveLength(2);
  });

  it('does not retry a non-idempotent POST on 500', async () => {
    const s = await server((_req, res) => json(res, 500, { detail: 'boom' }));
    const client = isolatedClient({ host: s.url, retries: 3 });
    closers.push(() => client.close());
    await expect(client.request('POST', '/api/v1/x', { json: {}, retry: 'none' })).rejects.toBeInstanceOf(ApiError);
    expect(s.requests).toHaveLength(1);
  });

  it('gives up after `retries` and reports the last status', async () => {
    const s = await server((_req, res) => json(res, 502, { detail: 'bad gateway' }));
    const client = isolatedClient({ host: s.url, retries: 2 });
    closers.push(() => client.close());
    const error = await client.request('GET', '/api/v1/x').catch((e: unknown) => e);
    expect(ApiError.isInstance(error)).toBe(true);
    expect((error as ApiError).status).toBe(502);
    expect(s.requests).toHaveLength(3);
  });

  it('turns 404/401 into typed errors with method, URL and parsed body, never the token', async () => {
    const s = await server((req, res) =>
      req.url?.includes('missing') ? json(res, 404, { detail: 'No Run matches the given query.' }) : json(res, 401, { detail: 'nope' }),
    );
    const client = isolatedClient({ host: s.url });
    closers.push(() => client.close());
    const notFound = (await client.request('GET', '/api/v1/missing').catch((e: unknown) => e)) as ApiError;
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.isNotFound).toBe(true);
    expect(notFound.method).toBe('GET');
    expect(notFound.url).toBe(`${s.url}/api/v1/missing`);
    expect(notFound.body).toEqual({ detail: 'No Run matches the given query.' });
    const unauthorized = (await client.request('GET', '/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(unauthorized).toBeInstanceOf(UnauthorizedError);
    expect(unauthorized.isUnauthorized).toBe(true);
    for (const text of [notFound.message, unauthorized.message, JSON.stringify(unauthorized), inspect(unauthorized), String(unauthorized.stack)]) {
      expect(text).not.toContain('secret-token-123');
    }
  });

  it('times out a hanging call with a clear error', async () => {
    const s = await server(() => {
      // never answers
    });
    const client = isolatedClient({ host: s.url, timeout: 0.2, retries: 0 });
    closers.push(() => client.close());
    const error = await client.request('GET', '/api/v1/slow').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolyaxonClientException);
    expect((error as Error).message).toMatch(/timed out after 0.2s/);
  });

  it('reports an unreachable server as a PolyaxonClientException', async () => {
    const client = isolatedClient({ host: 'http://127.0.0.1:1', retries: 0 });
    closers.push(() => client.close());
    const error = await client.request('GET', '/api/v1/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolyaxonClientException);
    expect((error as Error).message).toMatch(/Error connecting to Polyaxon server/);
  });

  it('keeps the token out of inspect/JSON output of the client', () => {
    const client = isolatedClient({ host: 'http://127.0.0.1:9' });
    expect(inspect(client)).not.toContain('secret-token-123');
    expect(JSON.stringify(client)).not.toContain('secret-token-123');
    expect(client.hasToken).toBe(true);
  });

  it('reuses one keep-alive connection for sequential calls', async () => {
    const ports = new Set<number>();
    const s = await server((req, res) => {
      ports.add(req.socket.remotePort ?? 0);
      json(res, 200, {});
    });
    const client = isolatedClient({ host: s.url });
    closers.push(() => client.close());
    for (let i = 0; i < 5; i++) await client.request('GET', '/api/v1/x');
    expect(ports.size).toBe(1);
  });

  it('rejects invalid config values with the field name', () => {
    expect(() => isolatedClient({ timeout: -1 })).toThrow(/timeout/);
    expect(() => isolatedClient({ retries: 1.5 })).toThrow(/retries/);
    expect(() => isolatedClient({ host: '' })).toThrow(/host/);
  });
});

describe('streamed transfers', () => {
  it('fail with a clear error when the server stalls longer than transferTimeout', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 100 });
      res.write('partial');
    });
    const client = isolatedClient({ host: s.url, transferTimeout: 0.2, retries: 0 });
    closers.push(() => client.close());
    const response = await client.stream('GET', '/x');
    const error = await (async () => {
      for await (const _chunk of response.body) {
        // read until the stall
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  });

  it('decode gzip-encoded downloads', async () => {
    const s = await server((_req, res) => {
      const body = gzipSync('x'.repeat(100_000));
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    });
    const client = isolatedClient({ host: s.url });
    closers.push(() => client.close());
    const response = await client.stream('GET', '/x');
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('x'.repeat(100_000));
    expect(s.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate');
  });

  it('stop when their AbortSignal aborts', async () => {
    const s = await server(() => {
      // never answers
    });
    const client = isolatedClient({ host: s.url, retries: 0 });
    closers.push(() => client.close());
    const controller = new AbortController();
    const pending = client.stream('GET', '/x', { signal: controller.signal });
    controller.abort(new Error('stopped by the user'));
    await expect(pending).rejects.toThrow(/stopped by the user/);
  });
});

import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolyaxonClient } from '../client/polyaxon-client';
import { ApiError } from '../errors/api-error';
import { PolyaxonClientException } from '../errors/client-error';
import { hubPathOnHost, specFetcher } from './spec-fetcher';

const YAML = 'version: 1.1\nkind: component\nrun: {kind: job, container: {image: x}}\n';
const HUB = '/api/v1/polyaxon/tensorboard/versions/component';

let server: Server;
let base: string;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

function clientFor(host: string, timeout?: number): PolyaxonClient {
  const home = mkdtempSync(join(tmpdir(), 'px-spec-fetcher-'));
  return new PolyaxonClient({ token: 'tok', config: { host, retries: 0, ...(timeout === undefined ? {} : { timeout }) }, context: { env: {}, homeDir: home, cwd: home, fsRoot: home } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const reply = (status: number, body: string): void => {
      res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' });
      res.end(body);
    };
    if (req.url === `${HUB}/v1`) reply(200, JSON.stringify({ name: 'v1', kind: 'component', content: YAML }));
    else if (req.url === `${HUB}/empty`) reply(200, JSON.stringify({ name: 'empty', kind: 'component', content: null }));
    else if (req.url === `${HUB}/text`) reply(200, YAML);
    else if (req.url === '/api/v1/acme/private/versions/component/v1') reply(403, JSON.stringify({ detail: 'no' }));
    else reply(500, 'boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('hubPathOnHost', () => {
  it('returns the API path of hub component versions on the host only', () => {
    expect(hubPathOnHost('http://h:8000/api/v1/acme/trainer/versions/component/v2', 'http://h:8000/')).toBe('/api/v1/acme/trainer/versions/component/v2');
    expect(hubPathOnHost('https://h/polyaxon/api/v1/acme/t/versions/component/latest', 'https://h/polyaxon')).toBe('/api/v1/acme/t/versions/component/latest');
    expect(hubPathOnHost('https://cloud.polyaxon.com/api/v1/polyaxon/t/versions/component/v1', 'http://h:8000')).toBeUndefined();
    expect(hubPathOnHost('http://h:8000/api/v1/acme/trainer/runs', 'http://h:8000')).toBeUndefined();
    expect(hubPathOnHost('http://h:80000/api/v1/acme/t/versions/component/v1', 'http://h:8000')).toBeUndefined();
  });
});

describe('specFetcher', () => {
  it('reads hub versions on other hosts without the token and returns their content', async () => {
    const fetcher = specFetcher(clientFor('http://127.0.0.1:1'));
    expect(await fetcher.fetchText(`${base}${HUB}/v1`)).toBe(YAML);
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
    expect(await fetcher.fetchText(`${base}${HUB}/text`)).toBe(YAML);
    await expect(fetcher.fetchText(`${base}${HUB}/empty`)).rejects.toThrow(/has no content/);
    const failed = await fetcher.fetchText(`${base}/spec.yaml`).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PolyaxonClientException);
    expect((failed as Error).message).toBe(`Could not read \`${base}/spec.yaml\`: HTTP 500.`);
    expect(fetcher.apiFailure).toBeUndefined();
  });

  it('reads hub versions on the client host through the client and keeps its API error', async () => {
    const client = clientFor(base);
    const fetcher = specFetcher(client);
    expect(await fetcher.fetchText(`${base}${HUB}/v1`)).toBe(YAML);
    expect(seen.at(-1)?.headers.authorization).toBe('Token tok');
    const error = await fetcher.fetchText(`${base}/api/v1/acme/private/versions/component/v1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(fetcher.apiFailure).toBe(error);
    expect((error as ApiError).status).toBe(403);
    await client.close();
  });

  // Before: a server that accepted and never answered hung the read; failures said only "fetch failed".
  it("gives up after the client's timeout and names the URL and the cause", async () => {
    const sockets: Socket[] = [];
    const silent = createNetServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/spec.yaml`;
    try {
      const fetcher = specFetcher(clientFor('http://127.0.0.1:1', 1));
      const slow = await fetcher.fetchText(silentUrl).catch((e: unknown) => e);
      expect(slow).toBeInstanceOf(PolyaxonClientException);
      expect((slow as Error).message).toBe(`Could not read \`${silentUrl}\`: timed out after 1 s.`);
      const closed = createNetServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/spec.yaml`;
      await new Promise((resolve) => closed.close(resolve));
      const refused = await fetcher.fetchText(closedUrl).catch((e: unknown) => e);
      expect((refused as Error).message).toBe(`Could not read \`${closedUrl}\`: connection refused (ECONNREFUSED).`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

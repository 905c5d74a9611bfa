// Remote reads fail after the timeout, naming the URL and the cause, against real sockets on 127.0.0.1:
// a server that accepts and never answers, one that stalls mid-body, a closed port, a 404, and TLS
// spoken to a plain HTTP server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPolyaxonfile, fetchFailureCause, fetchPolyaxonfile, PolyaxonfileError } from '../src/node';

let silent: Server;
let http: HttpServer;
const sockets: Socket[] = [];
let silentUrl: string;
let httpBase: string;
let closedUrl: string;
let dir: string;

const listen = (server: Server | HttpServer): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'px-remote-'));
  // Accepts every connection and never writes a byte.
  silent = createServer((socket) => sockets.push(socket));
  silentUrl = `http://127.0.0.1:${await listen(silent)}/polyaxonfile.yaml`;
  http = createHttpServer((req, res) => {
    if (req.url === '/stall.yaml') {
      res.writeHead(200, { 'content-type': 'text/yaml', 'content-length': '1000' });
      res.write('version: 1.1\n');
      return;
    }
    res.writeHead(404);
    res.end('not found');
  });
  httpBase = `127.0.0.1:${await listen(http)}`;
  const closed = createServer();
  closedUrl = `http://127.0.0.1:${await listen(closed)}/polyaxonfile.yaml`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  http.closeAllConnections();
  await Promise.all([new Promise((resolve) => silent.close(resolve)), new Promise((resolve) => http.close(resolve))]);
  rmSync(dir, { recursive: true, force: true });
});

async function failure(run: () => Promise<unknown>): Promise<PolyaxonfileError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(PolyaxonfileError.isInstance(error)).toBe(true);
  return error as PolyaxonfileError;
}

describe('remote reads', () => {
  it('give up on a server that never answers after the timeout, naming the URL', async () => {
    const error = await failure(() => checkPolyaxonfile({ url: silentUrl, timeout: 1 }));
    expect(error.message).toContain(`Could not read \`${silentUrl}\`: timed out after 1 s.`);
    expect(error.stage).toBe('read');
    expect(error.file).toBe(silentUrl);
  });

  it('apply the timeout to urlRef in a file, and to a body that stalls', async () => {
    const op = join(dir, 'op.yaml');
    writeFileSync(op, `version: 1.1\nkind: operation\nurlRef: ${silentUrl}\n`);
    expect((await failure(() => checkPolyaxonfile({ polyaxonfile: op, timeout: 1 }))).message).toContain('timed out after 1 s');
    const stall = `http://${httpBase}/stall.yaml`;
    expect((await failure(() => fetchPolyaxonfile(stall, { timeout: 1 }))).message).toBe(`Could not read \`${stall}\`: timed out after 1 s.`);
  });

  it('name a refused connection, an HTTP status and a TLS failure', async () => {
    expect((await failure(() => fetchPolyaxonfile(closedUrl))).message).toBe(`Could not read \`${closedUrl}\`: connection refused (ECONNREFUSED).`);
    const missing = `http://${httpBase}/missing.yaml`;
    expect((await failure(() => checkPolyaxonfile({ url: missing }))).message).toContain(`\`${missing}\` was not found, please check that the name and tag are valid (HTTP 404)`);
    const tls = `https://${httpBase}/polyaxonfile.yaml`;
    expect((await failure(() => fetchPolyaxonfile(tls, { timeout: 5 }))).message).toMatch(new RegExp(`^Could not read \`${tls.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`: TLS failed: `));
  });

  it('name DNS failures', () => {
    const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND nohost.invalid'), { code: 'ENOTFOUND' }) });
    expect(fetchFailureCause(dns, 20)).toBe('DNS lookup failed (ENOTFOUND)');
  });
});

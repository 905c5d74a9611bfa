import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolyaxonClientException } from '../src/index';
import { isolatedClient, tempDir } from './helpers/isolated';

const dir = tempDir('px-tls-');
const path = (name: string): string => join(dir, name);

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

let server: Server;
let url: string;
let lastClientCert: string | undefined;

beforeAll(async () => {
  writeFileSync(path('san.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=px test CA', '-keyout', path('ca.key'), '-out', path('ca.pem'));
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', path('server.key'), '-out', path('server.csr'));
  openssl('x509', '-req', '-in', path('server.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', path('san.cnf'), '-out', path('server.pem'));
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=px-client', '-keyout', path('client.key'), '-out', path('client.csr'));
  openssl('x509', '-req', '-in', path('client.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-days', '2', '-out', path('client.pem'));
  const { readFileSync } = await import('node:fs');
  server = createServer(
    { key: readFileSync(path('server.key')), cert: readFileSync(path('server.pem')), ca: readFileSync(path('ca.pem')), requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const socket = req.socket;
      if (!(socket instanceof TLSSocket)) throw new Error('not TLS');
      const peer = socket.getPeerCertificate();
      lastClientCert = socket.authorized && peer.subject !== undefined ? String(peer.subject.CN) : undefined;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('TLS', () => {
  it('verifies certificates by default and rejects a self-signed server', async () => {
    const client = isolatedClient({ host: url, retries: 0 });
    const error = await client.request('GET', '/api/v1/x').catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(PolyaxonClientException);
    expect((error as Error).message).toMatch(/certificate/i);
  });

  it('trusts a custom CA (sslCaCert)', async () => {
    const client = isolatedClient({ host: url, sslCaCert: path('ca.pem') });
    await expect(client.request('GET', '/api/v1/x')).resolves.toEqual({ ok: true });
    await client.close();
  });

  it('skips verification when verifySsl is false', async () => {
    const client = isolatedClient({ host: url, verifySsl: false });
    await expect(client.request('GET', '/api/v1/x')).resolves.toEqual({ ok: true });
    await client.close();
  });

  it('presents a client certificate (certFile/keyFile)', async () => {
    const client = isolatedClient({ host: url, sslCaCert: path('ca.pem'), certFile: path('client.pem'), keyFile: path('client.key') });
    await client.request('GET', '/api/v1/x');
    await client.close();
    expect(lastClientCert).toBe('px-client');
  });

  it('names the unreadable certificate file', async () => {
    const client = isolatedClient({ host: url, sslCaCert: path('missing.pem') });
    await expect(client.request('GET', '/api/v1/x')).rejects.toThrow(/sslCaCert.*missing\.pem/);
  });
});

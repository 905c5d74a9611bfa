import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local server for benchmarks: small JSON for API calls, drains uploads, streams `downloadBytes` zero-ish bytes on artifact GETs. */
export async function benchServer(downloadBytes: number): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const chunk = Buffer.alloc(1 << 20, 7);
  const runJson = JSON.stringify({ uuid: 'a'.repeat(32), name: 'bench', status: 'running', settings: { namespace: 'polyaxon' } });
  const server = createServer((req, res) => {
    if (req.method === 'POST' || req.method === 'PUT') {
      req.on('data', () => undefined);
      req.on('end', () => {
        res.writeHead(200, { 'content-length': 0 });
        res.end();
      });
      return;
    }
    if ((req.url ?? '').includes('/artifact')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': downloadBytes, 'content-disposition': 'inline; filename="big.bin"' });
      let left = downloadBytes;
      const pump = (): void => {
        while (left > 0) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= piece.length;
          if (!res.write(piece)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(runJson) });
    res.end(runJson);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a file of `bytes` in 1 MiB chunks (streamed, constant memory). */
export async function makeFile(path: string, bytes: number): Promise<void> {
  const { createWriteStream } = await import('node:fs');
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(1 << 20, 3);
  let left = bytes;
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= piece.length;
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Starts the same server in a child process (so the parent's RSS measures
 * the client alone). Resolves with its URL and a `close()`.
 */
export async function benchServerProcess(downloadBytes: number): Promise<{ url: string; close: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const source = `
    import { createServer } from 'node:http';
    const size = ${downloadBytes};
    const chunk = Buffer.alloc(1 << 20, 7);
    const runJson = JSON.stringify({ uuid: '${'a'.repeat(32)}', name: 'bench', status: 'running', settings: { namespace: 'polyaxon' } });
    const server = createServer((req, res) => {
      if (req.method === 'POST') { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-length': 0 }); res.end(); }); return; }
      if ((req.url ?? '').includes('/artifact')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size, 'content-disposition': 'inline; filename="big.bin"' });
        let left = size;
        const pump = () => { while (left > 0) { const piece = left >= chunk.length ? chunk : chunk.subarray(0, left); left -= piece.length; if (!res.write(piece)) { res.once('drain', pump); return; } } res.end(); };
        pump();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(runJson) });
      res.end(runJson);
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

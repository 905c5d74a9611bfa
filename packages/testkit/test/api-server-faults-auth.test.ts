import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../src/index';

describe('API test server fault injection', () => {
  let server: ApiServer;
  afterEach(async () => {
    await server.close();
  });

  it('answers an injected status with Retry-After, then recovers', async () => {
    server = await startApiServer();
    server.faults.set({ path: '/installation', kind: 'status', status: 429, retryAfter: 2, times: 2 });
    const first = await fetch(`${server.url}/api/v1/installation`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await fetch(`${server.url}/api/v1/installation`)).status).toBe(429);
    expect((await fetch(`${server.url}/api/v1/installation`)).status).toBe(200);
    expect(server.faults.triggered).toBe(2);
    expect(server.faults.pending).toEqual([]);
    expect(server.requests.map((r) => r.fault)).toEqual(['status', 'status', undefined]);
  });

  it('drops the connection without answering', async () => {
    server = await startApiServer();
    server.faults.set({ method: 'GET', path: /^\/api\/v1\/installation/, kind: 'drop' });
    await expect(fetch(`${server.url}/api/v1/installation`)).rejects.toThrow();
    expect((await fetch(`${server.url}/api/v1/installation`)).status).toBe(200);
  });

  it('only applies a fault to matching methods and paths', async () => {
    server = await startApiServer();
    server.faults.set({ method: 'POST', kind: 'status', status: 500 });
    expect((await fetch(`${server.url}/api/v1/installation`)).status).toBe(200);
    expect(server.faults.pending).toHaveLength(1);
    server.faults.clear();
    expect(server.faults.pending).toHaveLength(0);
  });

  it('delays slow responses, then answers normally', async () => {
    server = await startApiServer();
    server.faults.set({ kind: 'slow', delayMs: 50 });
    const res = await fetch(`${server.url}/api/v1/installation`);
    expect(res.status).toBe(200);
    expect(server.requests[0]!.fault).toBe('slow');
  });

  it('aborted slow requests do not break the server', async () => {
    server = await startApiServer();
    server.faults.set({ kind: 'slow', delayMs: 200 });
    await expect(fetch(`${server.url}/api/v1/installation`, { signal: AbortSignal.timeout(20) })).rejects.toThrow();
    expect((await fetch(`${server.url}/api/v1/installation`)).status).toBe(200);
  });
});

describe('API test server auth', () => {
  let server: ApiServer;
  afterEach(async () => {
    await server.close();
  });

  it('answers 401 like upstream when a token is required and missing or wrong', async () => {
    server = await startApiServer({ requireToken: 'secret' });
    const missing = await fetch(`${server.url}/api/v1/default/projects/list`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    const wrong = await fetch(`${server.url}/api/v1/default/projects/list`, { headers: { Authorization: 'Bearer secret' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: 'Invalid token.' });
    const ok = await fetch(`${server.url}/api/v1/default/projects/list`, { headers: { Authorization: 'Token secret' } });
    expect(ok.status).toBe(200);
    expect(server.requests.at(-1)!.authorization).toBe('Token secret');
    expect(JSON.stringify(server.requests)).not.toContain('secret');
    // health checks stay open
    expect((await fetch(`${server.url}/healthz/`)).status).toBe(200);
  });

  it('accepts any token with requireToken: true', async () => {
    server = await startApiServer({ requireToken: true });
    expect((await fetch(`${server.url}/api/v1/users`, { headers: { Authorization: 'Token anything' } })).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/users`)).status).toBe(401);
  });
});

describe('API test server password login (POST /api/v1/auth/token)', () => {
  const post = (server: ApiServer, body: unknown): Promise<Response> =>
    fetch(`${server.url}/api/v1/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  /** Runs `fn` against a server started with `options`, closing it (violations checked) afterwards. */
  async function withServer(options: ApiServerOptions, fn: (server: ApiServer) => Promise<void>): Promise<void> {
    const server = await startApiServer(options);
    try {
      await fn(server);
    } finally {
      await server.close();
    }
  }

  it('is absent by default, as on the CE sandbox', () =>
    withServer({}, async (server) => {
      // the path then falls to the project endpoint (`/api/v1/{owner}/{project}`), which takes no POST
      const res = await post(server, { username: 'default', password: 'x' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).not.toContain('POST');
      expect(JSON.stringify(server.requests)).not.toContain('"x"');
    }));

  it('issues a token for the right password that requireToken then accepts', () =>
    withServer({ requireToken: 'admin-token', users: { alice: 'pw-alice' } }, async (server) => {
      expect(server.userToken('alice')).toBeUndefined();
      const res = await post(server, { username: 'alice', password: 'pw-alice' });
      expect(res.status).toBe(200);
      expect(res.headers.get('allow')).toBe('POST, OPTIONS');
      const { token } = (await res.json()) as { token: string };
      expect(token).toMatch(/^[0-9a-f]{40}$/);
      expect(server.userToken('alice')).toBe(token);
      // the same token on every login, also by email
      expect(await (await post(server, { username: 'alice@polyaxon.local', password: 'pw-alice' })).json()).toEqual({ token });
      const me = await fetch(`${server.url}/api/v1/users`, { headers: { Authorization: `Token ${token}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({ username: 'alice', email: 'alice@polyaxon.local', organization: 'default' });
      expect((await fetch(`${server.url}/api/v1/default/projects/list`, { headers: { Authorization: `Token ${token}` } })).status).toBe(200);
      const admin = await fetch(`${server.url}/api/v1/users`, { headers: { Authorization: 'Token admin-token' } });
      expect(await admin.json()).toMatchObject({ username: 'default' });
      // the password never reaches the request log
      expect(server.requests[0]!.body).toEqual({ username: 'alice', password: '<redacted>' });
      expect(JSON.stringify(server.requests)).not.toContain('pw-alice');
    }));

  it("answers wrong credentials and bad bodies with upstream's 400s", () =>
    withServer({ requireToken: 'admin-token', users: { alice: 'pw-alice' } }, async (server) => {
      for (const body of [
        { username: 'alice', password: 'wrong' },
        { username: 'bob', password: 'pw-alice' },
      ]) {
        const res = await post(server, body);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ non_field_errors: ['Unable to log in with provided credentials.'] });
      }
      const missing = await post(server, { username: 'alice' });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toEqual({ password: ['This field is required.'] });
      expect(server.userToken('alice')).toBeUndefined();
      expect(JSON.stringify(server.requests)).not.toContain('wrong');
      // no token was issued, so none but requireToken's is accepted
      expect((await fetch(`${server.url}/api/v1/users`, { headers: { Authorization: 'Token not-issued' } })).status).toBe(401);
    }));

  it('checks the body against V1Credentials', () =>
    withServer({ users: { alice: 'pw-alice' } }, async (server) => {
      expect((await post(server, { username: 'alice', password: 'pw-alice', remember: true })).status).toBe(200);
      const violations = server.takeViolations();
      if (server.validating) {
        expect(violations).toHaveLength(1);
        expect(violations[0]).toMatchObject({ direction: 'request', operationId: 'Login' });
        expect(violations[0]!.errors.join('\n')).toContain('"remember"');
      } else {
        expect(violations).toEqual([]);
      }
    }));
});

describe('API test server options', () => {
  it('can skip validation and gzip only when asked', async () => {
    const server = await startApiServer({ validate: false, gzip: 'accepted' });
    try {
      expect(server.validating).toBe(false);
      for (let i = 0; i < 5; i++) server.state.addProject({ name: `p${i}`, description: 'a description long enough to matter' });
      const { request } = await import('node:http');
      const encoding = (accept: string): Promise<string | undefined> =>
        new Promise((resolve, reject) => {
          request(`${server.url}/api/v1/default/projects/list`, { headers: { 'Accept-Encoding': accept } }, (res) => {
            res.resume();
            resolve(res.headers['content-encoding']);
          })
            .on('error', reject)
            .end();
        });
      expect(await encoding('identity')).toBeUndefined();
      expect(await encoding('gzip, deflate')).toBe('gzip');
    } finally {
      await server.close();
    }
  });

  it('close() is idempotent and removes the artifacts folder', async () => {
    const server = await startApiServer();
    const { existsSync } = await import('node:fs');
    expect(existsSync(server.artifactsDir)).toBe(true);
    await server.close();
    await server.close();
    expect(existsSync(server.artifactsDir)).toBe(false);
  });
});

describe('API test server robustness', () => {
  it('treats clients that abort uploads and downloads as gone, not as server failures', async () => {
    const server = await startApiServer();
    const { request } = await import('node:http');
    const uuid = server.state.addRun({ project: 'p' }).uuid;
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    mkdirSync(join(server.artifactsDir, uuid), { recursive: true });
    writeFileSync(join(server.artifactsDir, uuid, 'big.bin'), Buffer.alloc(8 * 1024 * 1024));
    const base = `${server.url}/streams/v1/polyaxon/default/p/runs/${uuid}`;
    // an upload cut half-way
    await new Promise<void>((resolve) => {
      const req = request(`${base}/artifact`, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=xyz', 'Content-Length': '100000' } });
      req.on('error', () => resolve());
      req.write('--xyz\r\nContent-Disposition: form-data; name="upload_file"; filename="a"\r\n\r\nsome bytes');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    // a download abandoned after the first bytes
    const controller = new AbortController();
    const res = await fetch(`${base}/artifact?path=big.bin`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${server.url}/healthz/`)).status).toBe(200);
    await server.close();
    expect(server.violations).toEqual([]);
  });
});

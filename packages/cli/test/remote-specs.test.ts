// `px check` and `px run` read urlRef/--url specs within the configured timeout (POLYAXON_TIMEOUT),
// naming the URL and the cause, against real sockets on 127.0.0.1 (before: about 5 minutes, then a
// bare "fetch failed").
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type Sandbox } from './helpers';

let sb: Sandbox;
let api: ApiServer;
let silent: Server;
const sockets: Socket[] = [];
let silentUrl: string;

beforeAll(async () => {
  requireBuild();
  sb = sandbox();
  api = await startApiServer();
  api.state.addProject({ name: 'demo', description: 'demo project' });
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/polyaxonfile.yaml`;
  writeFileSync(join(sb.cwd, 'op.yaml'), `version: 1.1\nkind: operation\nurlRef: ${silentUrl}\n`);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await api.close();
  sb.cleanup();
});

describe('remote specs time out', () => {
  it('px check: a urlRef to a server that never answers fails after POLYAXON_TIMEOUT, naming the URL', async () => {
    const text = await px(sb, ['check', '-f', 'op.yaml'], { env: { POLYAXON_TIMEOUT: '1' } });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`Could not read \`${silentUrl}\`: timed out after 1 s.`);
    const json = await px(sb, ['check', '-f', 'op.yaml', '-o', 'json'], { env: { POLYAXON_TIMEOUT: '1' } });
    expect(JSON.parse(json.stdout).error.message).toContain('timed out after 1 s');
  });

  it('px run: --url and a urlRef to a server that never answers fail after POLYAXON_TIMEOUT', async () => {
    const env = { POLYAXON_HOST: api.url, POLYAXON_TIMEOUT: '1' };
    const byUrl = await px(sb, ['run', '--url', silentUrl, '-p', 'demo'], { env });
    expect(byUrl.code).not.toBe(0);
    expect(byUrl.stderr).toContain(silentUrl);
    expect(byUrl.stderr).toContain('timed out after 1 s');
    const byRef = await px(sb, ['run', '-f', 'op.yaml', '-p', 'demo'], { env });
    expect(byRef.code).not.toBe(0);
    expect(byRef.stderr).toContain(`Could not read \`${silentUrl}\`: timed out after 1 s.`);
  });
});

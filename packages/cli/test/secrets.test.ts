// Nothing `px` prints quotes a secret: not the token in a credentials file given to `-f` or named by a
// `pathRef`, not an env dump, not a host's `user:password@` (real files, the real `px` process).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type PxResult, type Sandbox } from './helpers';

const TOKEN = 'tok-9c1e5a7f3b-secret';
const PASSWORD = 'pa55-7d2e-secret';

let sb: Sandbox;
let auth: string;
beforeAll(() => {
  requireBuild();
  sb = sandbox();
  mkdirSync(join(sb.home, '.polyaxon'), { recursive: true });
  auth = sb.config('.auth');
  writeFileSync(auth, JSON.stringify({ token: TOKEN, username: 'ann' }), { mode: 0o600 });
  writeFileSync(join(sb.cwd, 'token.txt'), `${TOKEN}\n`);
  writeFileSync(join(sb.cwd, 'env.txt'), `POLYAXON_AUTH_TOKEN=${TOKEN}\nPATH=/usr/bin\n`);
  writeFileSync(join(sb.cwd, 'ref-token.yaml'), 'version: 1.1\nkind: operation\npathRef: ./token.txt\n');
  writeFileSync(join(sb.cwd, 'ref-auth.yaml'), `version: 1.1\nkind: operation\npathRef: ${auth}\n`);
  writeFileSync(join(sb.cwd, 'leaky.yaml'), `version: 1.1\nkind: component\nrun: {kind: job, container: {image: busybox}}\nfoo: ${TOKEN}\n`);
});
afterAll(() => sb.cleanup());

function expectNoSecret(result: PxResult): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout + result.stderr).not.toContain(TOKEN);
}

describe('px check never prints what a credentials file holds', () => {
  for (const [name, args] of [
    ['the CLI .auth file', () => ['check', '-f', auth]],
    ['a token file', () => ['check', '-f', 'token.txt']],
    ['an env dump', () => ['check', '-f', 'env.txt']],
    ['a pathRef to a token file', () => ['check', '-f', 'ref-token.yaml']],
    ['a pathRef to the .auth file', () => ['check', '-f', 'ref-auth.yaml']],
  ] as const) {
    it(`${name}: the readable and the JSON verdicts name the file, not its content`, async () => {
      const text = await px(sb, args());
      expectNoSecret(text);
      expect(text.stderr).toContain('Polyaxonfile is not valid.');
      expect(text.stderr).not.toMatch(/^\s*> \d+ \|/m);
      expectNoSecret(await px(sb, [...args(), '-o', 'json']));
    });
  }

  it('masks the resolved token even in a Polyaxonfile that quotes it', async () => {
    const text = await px(sb, ['check', '-f', 'leaky.yaml']);
    expectNoSecret(text);
    expect(text.stderr).toContain('> 4 | foo: ***');
    expectNoSecret(await px(sb, ['check', '-f', 'leaky.yaml', '-o', 'json']));
  });
});

describe('px config show', () => {
  it("masks the password of a host given as user:password@, in the table and in JSON", async () => {
    const env = { POLYAXON_HOST: `https://ann:${PASSWORD}@polyaxon.example.com` };
    for (const args of [['config', 'show'], ['config', 'show', '-o', 'json']]) {
      const result = await px(sb, args, { env });
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(PASSWORD);
      expect(result.stdout).toContain('ann:<redacted>@polyaxon.example.com');
    }
  });
});

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type Sandbox } from './helpers';

const TOKEN = 'secret-token-1234';
const PASSWORD = 'correct-horse-battery';
let server: ApiServer;
let sb: Sandbox;
beforeAll(async () => {
  requireBuild();
  server = await startApiServer({ requireToken: TOKEN, users: { alice: PASSWORD } });
});
afterAll(() => server.close());
beforeEach(() => {
  sb = sandbox();
  sb.env.POLYAXON_HOST = server.url;
});
afterEach(() => sb.cleanup());

function writeConfig(sb: Sandbox, name: string, content: string): void {
  mkdirSync(dirname(sb.config(name)), { recursive: true });
  writeFileSync(sb.config(name), content);
}

describe('px login / whoami / logout', () => {
  it('logs in with a token: stores .auth (mode 0600) and .user, never prints the token', async () => {
    const result = await px(sb, ['login', '-t', TOKEN]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Login successful');
    expect(result.stdout).toContain('User info:');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(readFileSync(sb.config('.auth'), 'utf8')).toBe(`{"POLYAXON_AUTH_USERNAME":"default","POLYAXON_AUTH_TOKEN":"${TOKEN}"}`);
    expect(statSync(sb.config('.auth')).mode & 0o777).toBe(0o600);
    expect(sb.readJson(sb.config('.user'))).toMatchObject({ username: 'default' });
    const who = await px(sb, ['whoami']);
    expect(who.code).toBe(0);
    expect(who.stdout).toMatch(/USERNAME\s+default/);
    const json = await px(sb, ['whoami', '-o', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ username: 'default' });
    const auth = server.requests.filter((r) => r.path === '/api/v1/users').map((r) => r.authorization);
    expect(auth.every((h) => h === `Token ${TOKEN}`)).toBe(true);
  });

  it('refuses a bad token without storing anything', async () => {
    const result = await px(sb, ['login', '--token=wrong-token-0000']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not load user info.');
    expect(result.stderr).not.toContain('wrong-token-0000');
    expect(existsSync(sb.config('.auth'))).toBe(false);
  });

  it('refuses login and whoami on a CE installation, like upstream', async () => {
    writeConfig(sb, '.cli', '{"installation":{"key":"k","version":"2.4.0","dist":"ce","mode":"sandbox"}}');
    const login = await px(sb, ['login', '-t', TOKEN]);
    expect(login).toMatchObject({ code: 1, stderr: 'Error: You are running Polyaxon CE which does not support this command!\n' });
    expect((await px(sb, ['whoami'])).code).toBe(1);
  });

  it('whoami explains an expired or invalid token', async () => {
    const result = await px(sb, ['whoami'], { env: { POLYAXON_AUTH_TOKEN: 'expired-token-9999' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('session has expired or the token is invalid');
    expect(result.stderr).not.toContain('expired-token-9999');
  });

  it('asks for the token when none is given and aborts on no answer', async () => {
    const result = await px(sb, ['login']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Empty token received');
    const piped = await px(sb, ['login'], { input: `${TOKEN}\n` });
    expect(piped.code).toBe(0);
  });

  it('logout removes .auth, .user and .cli', async () => {
    await px(sb, ['login', '-t', TOKEN]);
    writeConfig(sb, '.cli', '{}');
    const result = await px(sb, ['logout']);
    expect(result).toMatchObject({ code: 0, stdout: 'You are logged out\n' });
    for (const name of ['.auth', '.user', '.cli']) expect(existsSync(sb.config(name))).toBe(false);
  });
});

describe('px login with a username and password', () => {
  function issuedToken(): string {
    const token = server.userToken('alice');
    if (token === undefined) throw new Error('no token was issued to alice');
    return token;
  }

  it('-u/-p stores the issued token in .auth (mode 0600) and the user in .user, printing neither secret', async () => {
    const result = await px(sb, ['login', '-u', 'alice', '-p', PASSWORD]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Login successful');
    expect(result.stdout).toMatch(/USERNAME\s+alice/);
    const token = issuedToken();
    for (const secret of [PASSWORD, token]) expect(result.stdout + result.stderr).not.toContain(secret);
    expect(readFileSync(sb.config('.auth'), 'utf8')).toBe(`{"POLYAXON_AUTH_USERNAME":"alice","POLYAXON_AUTH_TOKEN":"${token}"}`);
    expect(statSync(sb.config('.auth')).mode & 0o777).toBe(0o600);
    expect(sb.readJson(sb.config('.user'))).toMatchObject({ username: 'alice', email: 'alice@polyaxon.local' });
    const login = server.requests.filter((r) => r.path === '/api/v1/auth/token').at(-1)!;
    expect(login.body).toEqual({ username: 'alice', password: '<redacted>' });
    expect(server.requests.at(-1)).toMatchObject({ path: '/api/v1/users', status: 200 });
    expect(server.requests.at(-1)!.authorization).toBe(`Token ${token}`);
    // the stored token works for later commands
    const who = await px(sb, ['whoami']);
    expect(who.code).toBe(0);
    expect(who.stdout).toMatch(/USERNAME\s+alice/);
    expect(who.stdout + who.stderr).not.toContain(token);
  });

  it("a wrong password exits 1 with upstream's message, removes stored credentials and never prints the password", async () => {
    await px(sb, ['login', '-t', TOKEN]);
    writeConfig(sb, '.cli', '{}');
    const result = await px(sb, ['login', '-u', 'alice', '--password', 'wrong-password-42']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Could not login.');
    expect(result.stderr).toContain('Status: 400. One or more request parameters are incorrect');
    expect(result.stderr).toContain('Unable to log in with provided credentials.');
    expect(result.stdout + result.stderr).not.toContain('wrong-password-42');
    // as upstream, a failed login purges the previous session
    for (const name of ['.auth', '.user', '.cli']) expect(existsSync(sb.config(name))).toBe(false);
  });

  it('reads the password from stdin when -p is missing', async () => {
    const result = await px(sb, ['login', '--username', 'alice'], { input: `  ${PASSWORD}\n` });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Please enter your password: ');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    expect(sb.readJson(sb.config('.auth'))).toEqual({ POLYAXON_AUTH_USERNAME: 'alice', POLYAXON_AUTH_TOKEN: issuedToken() });
  });

  it('an empty password at the prompt exits 1 without calling the server', async () => {
    const before = server.requests.length;
    for (const input of ['', '   \n']) {
      const result = await px(sb, ['login', '-u', 'alice'], { input });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('You entered an empty string. Please make sure you enter your password correctly.');
    }
    expect(server.requests.slice(before).filter((r) => r.path === '/api/v1/auth/token')).toEqual([]);
    expect(existsSync(sb.config('.auth'))).toBe(false);
  });
});

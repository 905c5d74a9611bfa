import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { formatContext } from './format-context';
import { maskUrlPassword, redactContext } from './redaction';
import { resolveContext } from './resolve-context';

const SECRET = 'tok-3f9a1c-very-secret';
const INTERNAL = 'internal-5e7b2d-secret';

function ctxWithSecrets() {
  const box = sandbox();
  return resolveContext(box.options({ token: SECRET, env: { POLYAXON_SECRET_INTERNAL_TOKEN: INTERNAL } }));
}

describe('tokens never leak through printable forms', () => {
  it('keeps the values readable by property access', () => {
    const ctx = ctxWithSecrets();
    expect(ctx.token.value).toBe(SECRET);
    expect(ctx.internalToken.value).toBe(INTERNAL);
  });

  it.each([
    ['JSON.stringify(ctx)', (c: ReturnType<typeof ctxWithSecrets>) => JSON.stringify(c)],
    ['JSON.stringify({ ...ctx })', (c: ReturnType<typeof ctxWithSecrets>) => JSON.stringify({ ...c })],
    ['inspect({ ...ctx })', (c: ReturnType<typeof ctxWithSecrets>) => inspect({ ...c }, { depth: 5 })],
    ['JSON.stringify(ctx.token)', (c: ReturnType<typeof ctxWithSecrets>) => JSON.stringify(c.token)],
    ['inspect(ctx)', (c: ReturnType<typeof ctxWithSecrets>) => inspect(c, { depth: 5 })],
    ['inspect(ctx.token)', (c: ReturnType<typeof ctxWithSecrets>) => inspect(c.token)],
    ['util.format("%o", ctx)', (c: ReturnType<typeof ctxWithSecrets>) => format('%o %j', c, c)],
    ['formatContext rows', (c: ReturnType<typeof ctxWithSecrets>) => JSON.stringify(formatContext(c))],
    ['redactContext', (c: ReturnType<typeof ctxWithSecrets>) => inspect(redactContext(c), { depth: 5 })],
  ])('%s', (_name, render) => {
    const text = render(ctxWithSecrets());
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(INTERNAL);
  });

  it('shows <redacted> for set tokens and nothing for unset ones', () => {
    const ctx = ctxWithSecrets();
    expect(JSON.parse(JSON.stringify(ctx)).token).toEqual({ value: '<redacted>', source: 'explicit' });
    const rows = formatContext(resolveContext(sandbox().options()));
    expect(rows.find((row) => row.key === 'token')).toEqual({ key: 'token', value: '', source: 'default', origin: '', envVar: 'POLYAXON_AUTH_TOKEN' });
  });

  it('the context is frozen', () => {
    const ctx = ctxWithSecrets();
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(Object.isFrozen(ctx.token)).toBe(true);
  });
});

describe('formatContext', () => {
  it('gives one row per value with its source and origin', () => {
    const box = sandbox();
    const rows = formatContext(resolveContext(box.options({ env: { POLYAXON_HOST: 'http://h', POLYAXON_NO_OP: 'true' }, project: 'acme/p' })));
    expect(rows[0]).toEqual({ key: 'host', value: 'http://h', source: 'env', origin: 'POLYAXON_HOST', envVar: 'POLYAXON_HOST' });
    expect(rows.filter((row) => row.envVar === '').map((row) => row.key)).toEqual([]);
    expect(rows).toContainEqual({ key: 'noOp', value: 'true', source: 'env', origin: 'POLYAXON_NO_OP', envVar: 'POLYAXON_NO_OP' });
    expect(rows).toContainEqual({ key: 'project', value: 'p', source: 'explicit', origin: '', envVar: 'POLYAXON_PROJECT' });
    expect(rows).toContainEqual({ key: 'timeout', value: '20', source: 'default', origin: '', envVar: 'POLYAXON_TIMEOUT' });
    expect(rows.some((row) => row.key === 'files' || row.key === 'tried')).toBe(false);
  });
});

describe('URL passwords never leak through printable forms', () => {
  it('masks the password of a host given as user:password@ in rows, JSON and inspect, keeping the user and host', () => {
    const box = sandbox();
    const ctx = resolveContext(box.options({ host: 'https://ann:pa55-s3cret@polyaxon.example.com' }));
    const printed = [
      formatContext(ctx).map((row) => row.value).join('\n'),
      JSON.stringify(redactContext(ctx)),
      inspect(redactContext(ctx), { depth: 5 }),
    ];
    for (const text of printed) {
      expect(text).not.toContain('pa55-s3cret');
      expect(text).toContain('https://ann:<redacted>@polyaxon.example.com');
    }
    expect(ctx.host.value).toBe('https://ann:pa55-s3cret@polyaxon.example.com');
  });

  it('leaves URLs without a password alone', () => {
    expect(maskUrlPassword('see https://polyaxon.example.com:8000/x and http://ann@h')).toBe('see https://polyaxon.example.com:8000/x and http://ann@h');
    expect(maskUrlPassword('a https://u:p@h/x b http://v:q@k')).toBe('a https://u:<redacted>@h/x b http://v:<redacted>@k');
  });
});

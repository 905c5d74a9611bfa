import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFilePaths, requireRun, resolveContext, writeAuthFile } from '../src/index';
import { roundTrip } from './round-trip';
import { sandbox } from './sandbox';

const fixtures = new URL('../src/__fixtures__/golden/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(dir, entry))
    .filter((path) => statSync(path).isFile());
}

describe('round trips with the Python CLI files (fixtures copied from the golden corpus)', () => {
  it.each(filesUnder(fixtures).map((path) => relative(fixtures, path)))('%s is rewritten byte for byte', (file) => {
    const box = sandbox();
    let text = readFileSync(join(fixtures, file), 'utf8');
    if (file.endsWith('.home')) text = text.replace('<HOME>', box.home);
    expect(roundTrip(box, file, text)).toBe(text);
  });

  it('.auth keeps its bytes but gets mode 0600 (upstream: 0644)', () => {
    const box = sandbox();
    const path = writeAuthFile({ username: 'golden-user', token: 'dummy-golden-token' }, box.options());
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(fixtures, 'home-scenario/home/plx-home/.polyaxon/.auth'), 'utf8'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('resolving from what the Python CLI left behind', () => {
  it('session 2: .home redirection, .client flags, .auth token and .user', () => {
    const box = sandbox();
    cpSync(join(fixtures, 'home-scenario/home'), box.home, { recursive: true });
    const homeFile = join(box.home, '.polyaxon/.home');
    box.write(homeFile, box.read(homeFile).replace('<HOME>', box.home));
    const ctx = resolveContext(box.options());
    const dir = join(box.home, 'plx-home/.polyaxon');
    expect(ctx.configDir.value).toBe(dir);
    expect(ctx.host).toEqual({ value: 'http://127.0.0.1:8791', source: 'cli-config', origin: join(dir, '.client') });
    expect(ctx.debug.value).toBe(true);
    expect(ctx.verifySsl).toEqual({ value: false, source: 'cli-config', origin: join(dir, '.client') });
    expect(ctx.token).toEqual({ value: 'dummy-golden-token', source: 'cli-config', origin: join(dir, '.auth') });
    expect(ctx.username.value).toBe('golden-user');
    expect(ctx.owner).toEqual({ value: 'default', source: 'default' });
  });

  it('session 1: the initialized working directory gives project and cached run', () => {
    const box = sandbox();
    cpSync(join(fixtures, 'home'), box.home, { recursive: true });
    cpSync(join(fixtures, 'cwd'), box.cwd, { recursive: true });
    const ctx = resolveContext(box.options());
    const paths = configFilePaths(box.options());
    expect(ctx.host.value).toBe('http://127.0.0.1:8791');
    expect(ctx.project).toEqual({ value: 'golden-cli', source: 'local-cache', origin: paths.localProject });
    expect(requireRun(ctx)).toEqual({ owner: 'default', team: undefined, project: 'golden-cli', runUuid: 'd90edb67fd794fd99989312d3f881ed4' });
  });
});

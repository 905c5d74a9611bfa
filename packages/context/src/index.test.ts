import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { sandbox } from '../test/sandbox';
import { ContextError, PolyaxonException, VERSION } from './index';

describe('@px/context public entry', () => {
  it('exposes the package version baked in at build time', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('re-exports the shared PolyaxonException base class', () => {
    expect(new PolyaxonException('x')).toBeInstanceOf(Error);
  });

  it('ContextError is a PolyaxonException with its own marker', () => {
    const error = new ContextError('boom', { file: '/f', envVar: 'POLYAXON_HOST', tried: ['env'] });
    expect(error).toBeInstanceOf(PolyaxonException);
    expect(ContextError.isInstance(error)).toBe(true);
    expect(PolyaxonException.isInstance(error)).toBe(true);
    expect(ContextError.marker).toBe('px.context.ContextError');
    expect(error.name).toBe('ContextError');
    expect([error.file, error.envVar, error.tried]).toEqual(['/f', 'POLYAXON_HOST', ['env']]);
  });

  it('reads nothing at import time: the environment is read when resolveContext is called', async () => {
    const box = sandbox();
    vi.resetModules();
    process.env.POLYAXON_HOST = 'not a url';
    try {
      const fresh = await import('./index');
      expect(() => fresh.resolveContext({ homeDir: box.home, cwd: box.cwd, fsRoot: box.fsRoot })).toThrow('Invalid host `not a url`');
    } finally {
      delete process.env.POLYAXON_HOST;
    }
    const fresh = await import('./index');
    expect(fresh.resolveContext({ homeDir: box.home, cwd: box.cwd, fsRoot: box.fsRoot }).host.value).toBe('http://localhost:8000');
  });
});

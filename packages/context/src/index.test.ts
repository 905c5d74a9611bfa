import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolyaxonException, VERSION } from './index';

describe('@px/context public entry', () => {
  it('exposes the package version baked in at build time', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('re-exports the shared PolyaxonException base class', () => {
    expect(new PolyaxonException('x')).toBeInstanceOf(Error);
  });
});

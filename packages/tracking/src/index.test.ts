import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toFqnName as clientToFqnName } from '@px/client';
import { PolyaxonException, toFqnName, VERSION } from './index';

describe('@px/tracking public entry', () => {
  it('exposes the package version baked in at build time', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('re-exports the shared PolyaxonException base class', () => {
    expect(new PolyaxonException('x')).toBeInstanceOf(Error);
  });

  it("re-exports @px/client's toFqnName, the names metrics and events are written under", () => {
    expect(toFqnName).toBe(clientToFqnName);
    expect(toFqnName('val/loss')).toBe('val__loss');
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const packages = ['@px/polyaxonfile', '@px/context', '@px/client', '@px/tracking', '@px/cli'];
const require = createRequire(import.meta.url);

// Runs in a child process so the built files (not the src condition) are loaded.
function inChild(code: string): string {
  return execFileSync(process.execPath, ['-e', code], { cwd: new URL('..', import.meta.url), encoding: 'utf8' }).trim();
}

describe('built packages load from CommonJS and ESM (Node >= 20.19)', () => {
  it.each(packages)('require(%s) works and exposes VERSION', (name) => {
    const { version } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
    const out = inChild(`const m = require(${JSON.stringify(name)}); process.stdout.write(String(m.VERSION) + ' ' + typeof m.PolyaxonException)`);
    expect(out).toBe(`${version} function`);
  });

  it.each(packages)('import(%s) works', (name) => {
    const out = inChild(`import(${JSON.stringify(name)}).then((m) => process.stdout.write(typeof m.VERSION))`);
    expect(out).toBe('string');
  });
});

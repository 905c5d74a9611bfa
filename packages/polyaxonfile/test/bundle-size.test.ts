// The browser entry's size budget (issue #3: at most 40 KB minified and
// gzipped). The same measure `pnpm bench` reports; a byte count, not a timing.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleBrowserEntry } from './support/bundle';

/** 40 KB, counted as 40,000 bytes (the stricter reading). */
const BUDGET = 40_000;

describe('browser entry size', () => {
  it(`stays within ${BUDGET} bytes minified and gzipped, with no Node builtins`, async () => {
    const minified = await bundleBrowserEntry({ minify: true });
    const size = gzipSync(minified, { level: 9 }).length;
    console.log(`[px] polyaxonfile browser entry: ${size} bytes min+gz (budget ${BUDGET})`);
    expect(size).toBeLessThanOrEqual(BUDGET);
    expect(minified).not.toMatch(/from\s*["']node:/);
  });

  it('keeps the render entry browser-safe too (bundling fails on any Node builtin)', async () => {
    const render = await bundleBrowserEntry({ minify: true, entry: 'src/render.ts' });
    expect(render).toContain('renderRuntime');
  });
});

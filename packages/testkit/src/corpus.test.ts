import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, hasShared, repoRoot, requireShared } from './corpus';

describe('corpus access', () => {
  it('finds the repository root', () => {
    expect(existsSync(join(repoRoot, 'pnpm-workspace.yaml'))).toBe(true);
  });

  it.runIf(requireShared('testkit corpus'))('resolves corpus paths when ../shared exists', () => {
    expect(hasShared).toBe(true);
    expect(existsSync(corpusPath('manifest.json'))).toBe(true);
  });
});

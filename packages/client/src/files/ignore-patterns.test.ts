import { describe, expect, it } from 'vitest';
import { ALWAYS_IGNORED, IgnoreMatcher } from './ignore-patterns';

describe('IgnoreMatcher', () => {
  const m = new IgnoreMatcher([...ALWAYS_IGNORED, '*.log', '/build/', 'docs/**/*.md', '# comment', '!keep.log']);
  it('matches basenames, anchored paths, folders and globstars', () => {
    expect(m.ignores('run.plx.json', false)).toBe(true);
    expect(m.ignores('a/b/x.plx.index', false)).toBe(true);
    expect(m.ignores('.polyaxon', true)).toBe(true);
    expect(m.ignores('deep/x.log', false)).toBe(true);
    expect(m.ignores('build', true)).toBe(true);
    expect(m.ignores('src/build', true)).toBe(false);
    expect(m.ignores('docs/a/b/c.md', false)).toBe(true);
    expect(m.ignores('keep.txt', false)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { PolyaxonClientException } from '../errors/client-error';
import { ALWAYS_IGNORED, IgnoreMatcher } from './ignore-patterns';

// Expected values derived from upstream's rules (cli/polyaxon/_managers/ignore.py): patterns become
// case-insensitive regexes matched from the start of the path, unanchored unless they start with `/`,
// folders are matched with a trailing `/`, and the last matching line decides (`!` re-includes).
const TABLE: [patterns: string[], path: string, isDir: boolean, ignored: boolean][] = [
  [['*.log'], 'a.log', false, true],
  [['*.log'], 'deep/x.LOG', false, true],
  [['*.log', '!keep.log'], 'keep.log', false, false],
  [['*.log', '!keep.log'], 'x/keep.log', false, false],
  [['*.log', '!keep.log'], 'x.log', false, true],
  [['!keep.log', '*.log'], 'keep.log', false, true],
  [['[ab].txt'], 'a.txt', false, true],
  [['[ab].txt'], 'B.txt', false, true],
  [['[ab].txt'], 'c.txt', false, false],
  [['[ab].txt'], '[ab].txt', false, false],
  [['[!ab].txt'], 'c.txt', false, true],
  [['[!ab].txt'], 'a.txt', false, false],
  [['a[b'], 'a[b', false, true],
  [['build/'], 'build', true, true],
  [['build/'], 'build', false, false],
  [['build/'], 'src/build', true, true],
  [['/build'], 'build', false, true],
  [['/build'], 'src/build', false, false],
  [['/build/'], 'src/build', true, false],
  [['docs/*.md'], 'docs/a.md', false, true],
  [['docs/*.md'], 'x/docs/a.md', false, true],
  [['docs/*.md'], 'docs/a/b.md', false, false],
  [['docs/**/*.md'], 'docs/a/b/c.md', false, true],
  [['docs/**/*.md'], 'docs/c.md', false, true],
  [['**/tmp'], 'tmp', true, true],
  [['**/tmp'], 'a/b/tmp', true, true],
  [['logs/**'], 'logs/x/y.txt', false, true],
  [['logs/**'], 'logs', true, true],
  [['*'], 'anything/at/all.bin', false, true],
  [['README.MD'], 'readme.md', false, true],
  [['a?c'], 'abc', false, true],
  [['a?c'], 'a/c', false, false],
  [['\\!important'], '!important', false, true],
  [['\\#hash'], '#hash', false, true],
  [['#hash'], '#hash', false, false],
  [['foo\\ '], 'foo ', false, true],
  [['foo   '], 'foo', false, true],
  [['  lead'], 'lead', false, false],
  [['  lead'], '  lead', false, true],
  [['data', '!data/keep.csv'], 'data/keep.csv', false, false],
  [[...['!run.plx.json'], ...ALWAYS_IGNORED], 'run.plx.json', false, true],
  [[...ALWAYS_IGNORED], '.polyaxon', true, true],
  [[...ALWAYS_IGNORED], 'a/b/x.plx.index', false, true],
];

describe('IgnoreMatcher (upstream rules)', () => {
  it.each(TABLE)('%j: %s (folder: %s) ignored = %s', (patterns, path, isDir, ignored) => {
    expect(new IgnoreMatcher(patterns).ignores(path, isDir)).toBe(ignored);
  });

  it('names the line of an invalid pattern', () => {
    expect(() => new IgnoreMatcher(['*.log', '[z-a]'])).toThrow(PolyaxonClientException);
    expect(() => new IgnoreMatcher(['*.log', '[z-a]'])).toThrow(/line 2: `\[z-a\]`/);
  });
});

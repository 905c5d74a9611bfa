import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContextError } from './context-error';
import { formatHomeYaml, parseHomeYaml } from './home-yaml';

describe('.home YAML', () => {
  it('writes the exact upstream line', () => {
    expect(formatHomeYaml('/home/bob/plx-home')).toBe('POLYAXON_HOME: /home/bob/plx-home\n');
  });

  it.each(['/home/bob/plx-home', '/a b/c', "/it's", 'true', '/x: y', '#x', '/ünï', '/a #b', '123'])('round-trips %j', (path) => {
    expect(parseHomeYaml(formatHomeYaml(path), '.home')).toBe(path);
  });

  it('reads the field name `path` and ignores other keys and comments', () => {
    expect(parseHomeYaml('# hi\nother: 1\npath: /x\n', '.home')).toBe('/x');
    expect(parseHomeYaml('POLYAXON_HOME: /a\npath: /b\n', '.home')).toBe('/a');
  });

  it('treats empty and null values as unset', () => {
    expect(parseHomeYaml('POLYAXON_HOME:\n', '.home')).toBeUndefined();
    expect(parseHomeYaml('POLYAXON_HOME: null\n', '.home')).toBeUndefined();
    expect(parseHomeYaml('', '.home')).toBeUndefined();
  });

  it('names the file when it is not a mapping', () => {
    expect(() => parseHomeYaml('{{{ not yaml', '/h/.home')).toThrow(ContextError);
    expect(() => parseHomeYaml('- a\n', '/h/.home')).toThrow(/\/h\/\.home/);
    expect(() => parseHomeYaml("POLYAXON_HOME: 'open\n", '/h/.home')).toThrow(/unterminated/);
  });
});

describe('.home YAML round trip over generated paths', () => {
  it('reads back every path it writes (2000 seeded random strings)', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = Array.from("abcXYZ019/._-~ :#'\"\\@!%&*?,[]{}|>`é✓\t");
    for (let i = 0; i < 2000; i++) {
      const length = 1 + Math.floor(next() * 20);
      let path = '';
      for (let j = 0; j < length; j++) path += alphabet[Math.floor(next() * alphabet.length)]!;
      expect(parseHomeYaml(formatHomeYaml(path), '.home'), JSON.stringify(path)).toBe(path);
    }
  });
});

describe('.home written by PyYAML with a folded long path', () => {
  it('joins indented continuation lines with one space', () => {
    const text = 'POLYAXON_HOME: /home/a user/with a very long path that PyYAML folds because it is longer\n  than eighty characters/plx\n';
    expect(parseHomeYaml(text, '.home')).toBe('/home/a user/with a very long path that PyYAML folds because it is longer than eighty characters/plx');
    expect(parseHomeYaml("POLYAXON_HOME: 'a b\n  c'\n", '.home')).toBe('a b c');
  });
});

describe('byte for byte with PyYAML safe_dump (459 paths dumped by PyYAML 6)', () => {
  const cases = JSON.parse(readFileSync(new URL('./__fixtures__/pyyaml-home-cases.json', import.meta.url), 'utf8')) as { path: string; yaml: string }[];

  it.each(cases.map((c) => [JSON.stringify(c.path), c.path, c.yaml] as const))('%s', (_name, path, yaml) => {
    expect(formatHomeYaml(path)).toBe(yaml);
    expect(parseHomeYaml(yaml, '.home')).toBe(path);
  });
});

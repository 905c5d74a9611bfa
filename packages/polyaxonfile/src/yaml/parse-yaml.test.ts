import { describe, expect, it } from 'vitest';
import { PolyaxonfileError } from '../errors';
import { parseJson, parseYaml } from './parse-yaml';

const value = (text: string): unknown => parseYaml(text).value;

describe('parseYaml (PyYAML 1.1 semantics)', () => {
  it('reads yes/no/on/off as booleans but y/n as strings', () => {
    expect(value('a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: True')).toEqual({ a: true, b: false, c: true, d: false, e: 'y', f: 'n', g: true });
  });

  it('reads base-60, octal, hex and binary integers like PyYAML', () => {
    expect(value('a: 1:10\nb: 1:10:2\nc: 010\nd: 08\ne: 0x1f\nf: 0b101\ng: 1_000\nh: "1:10"')).toEqual({
      a: 70, b: 4202, c: 8, d: '08', e: 31, f: 5, g: 1000, h: '1:10',
    });
  });

  it('needs a dot and a signed exponent for floats (1e3 stays a string)', () => {
    expect(value('a: 1e3\nb: 1.0e+3\nc: 1.0e3\nd: .5\ne: 1.\nf: .inf\ng: 0.01:0.1:5')).toEqual({
      a: '1e3', b: 1000, c: '1.0e3', d: 0.5, e: 1, f: Number.POSITIVE_INFINITY, g: '0.01:0.1:5',
    });
  });

  it('gives timestamps as the ISO strings Python prints', () => {
    expect(value('a: 2020-01-01\nb: 2019-06-24 21:20:07\nc: 2019-06-24T21:20:07Z\nd: 2019-06-24T21:20:07.5+02:00')).toEqual({
      a: '2020-01-01', b: '2019-06-24T21:20:07', c: '2019-06-24T21:20:07+00:00', d: '2019-06-24T21:20:07.500000+02:00',
    });
  });

  it('accepts a flow sequence that closes at a lower indent, as PyYAML does', () => {
    const text = 'run:\n  container:\n    args: [\n      "--a=1",\n      "--b=2",\n  ]\n    image: x\n';
    const doc = parseYaml(text);
    expect(doc.value).toEqual({ run: { container: { args: ['--a=1', '--b=2'], image: 'x' } } });
    expect(doc.locate(['run', 'container', 'image'])).toEqual({ line: 7, column: 5 });
  });

  it('supports merge keys and keeps the last of duplicate keys', () => {
    expect(value('base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\nk: 1\nk: 2')).toEqual({ base: { x: 1 }, other: { x: 1, y: 2 }, k: 2 });
  });

  it('keeps a __proto__ key as data', () => {
    const parsed = value('__proto__: {polluted: true}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('locates field paths, matching snake_case and camelCase spellings', () => {
    const doc = parseYaml('version: 1.1\nrun:\n  kind: job\n  container:\n    volume_mounts:\n      - name: a\n', 'f.yaml');
    expect(doc.file).toBe('f.yaml');
    expect(doc.locate(['run', 'container', 'volumeMounts', 0])).toEqual({ line: 6, column: 9 });
    expect(doc.locate(['run', 'missing', 'x'])).toEqual({ line: 2, column: 1 });
  });

  it('locates keys by the text their value becomes (ints, booleans, null, quoted, binary)', () => {
    const doc = parseYaml('x: 0\n\n0x10: 1\nyes: 2\n~: 3\n"q": 4\n!!binary aGk=: 5\n');
    expect(doc.value).toEqual({ x: 0, '16': 1, true: 2, '': 3, q: 4, hi: 5 });
    expect(doc.locate(['16'])).toEqual({ line: 3, column: 1 });
    expect(doc.locate(['true'])).toEqual({ line: 4, column: 1 });
    expect(doc.locate([''])).toEqual({ line: 5, column: 1 });
    expect(doc.locate(['q'])).toEqual({ line: 6, column: 1 });
    expect(doc.locate(['hi'])).toEqual({ line: 7, column: 1 });
  });

  it('rejects broken YAML with the line and column', () => {
    const error = (() => {
      try {
        parseYaml('a: [1, 2\nb: 1', 'bad.yaml');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PolyaxonfileError);
    const e = error as PolyaxonfileError;
    expect(e.stage).toBe('yaml');
    expect(e.file).toBe('bad.yaml');
    expect(e.line).toBeGreaterThan(0);
    expect(e.column).toBeGreaterThan(0);
  });

  it('rejects several documents and unknown tags like safe_load', () => {
    expect(() => parseYaml('a: 1\n---\nb: 2')).toThrow(PolyaxonfileError);
    expect(() => parseYaml('a: !python/object 1')).toThrow(PolyaxonfileError);
    expect(value('---\na: 1\n...\n')).toEqual({ a: 1 });
  });

  it('refuses aliases that expand a document exponentially ("billion laughs")', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    expect(() => parseYaml(lines.join('\n'))).toThrow(/expands to more than 1000000 nodes through aliases/);
  });

  // Before: merged pairs were not counted and each level doubled the work (a 1 KB file ran for minutes, then crashed Node).
  it('counts merge keys against the same budget and names the file and line', () => {
    const lines = ['a0: &a0 {x: 1, y: 2}'];
    for (let i = 1; i <= 40; i++) lines.push(`a${i}: &a${i}`, `  <<: [*a${i - 1}, *a${i - 1}]`, `  k${i}: 1`);
    let thrown: unknown;
    try {
      parseYaml(lines.join('\n'), 'bomb.yaml');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolyaxonfileError);
    const e = thrown as PolyaxonfileError;
    expect(e.message).toMatch(/expands to more than 1000000 nodes through aliases and merge keys/);
    expect(e.issues[0]).toMatchObject({ file: 'bomb.yaml', line: expect.any(Number) as number });
    expect(e.line).toBeGreaterThan(1);
  });

  it('refuses a mapping that merges itself, and builds a merged value once', () => {
    expect(() => parseYaml('a: &a {<<: *a}', 'f.yaml')).toThrow(/merges itself/);
    expect(value('b: &b {x: [1, 2]}\nc: {<<: [*b, *b], y: 1}')).toEqual({ b: { x: [1, 2] }, c: { x: [1, 2], y: 1 } });
  });

  it('reads very long lists (no argument spreading that would exhaust the stack)', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => i);
    expect((value(`a: [${items.join(', ')}]`) as { a: number[] }).a).toEqual(items);
    const merged = value(`base: &b {${items.slice(0, 5000).map((i) => `k${i}: ${i}`).join(', ')}}\nx:\n  <<: *b`) as { x: Record<string, number> };
    expect(Object.keys(merged.x)).toHaveLength(5000);
  });

  it('refuses a node that contains itself, which JSON-like data cannot hold', () => {
    expect(() => parseYaml('a: &x [1, *x]')).toThrow(/recursive alias/);
  });

  it('says where a problem and its context are, in PyYAML words', () => {
    let thrown: unknown;
    try {
      parseYaml('a: 1\nb: [1, 2\nc: 3', 'f.yaml');
    } catch (error) {
      thrown = error;
    }
    const e = thrown as PolyaxonfileError;
    expect(e.issues[0]).toMatchObject({ line: 3, column: 2, file: 'f.yaml' });
    expect(e.message).toContain("while parsing a flow sequence (line 2, column 4): expected ',' or ']', but got ':'");
  });

  it('turns stack exhaustion on absurd nesting into a PolyaxonfileError', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    let thrown: unknown;
    try {
      parseYaml(deep);
    } catch (error) {
      thrown = error;
    }
    if (thrown !== undefined) expect(thrown).toBeInstanceOf(PolyaxonfileError);
  });
});

describe('parseJson', () => {
  it('parses JSON and locates paths lazily', () => {
    const doc = parseJson('{\n  "version": 1.1,\n  "kind": "component"\n}', 'x.json');
    expect(doc.value).toEqual({ version: 1.1, kind: 'component' });
    expect(doc.locate(['kind'])).toEqual({ line: 3, column: 3 });
  });

  it('locates fields in tab-indented JSON, which YAML would refuse', () => {
    const doc = parseJson('{\n\t"version": 1.1,\n\t"run": {\n\t\t"kind": "job"\n\t}\n}', 'x.json');
    expect(doc.locate(['run', 'kind'])).toEqual({ line: 4, column: 3 });
  });

  it('reports syntax errors as PolyaxonfileError at stage yaml', () => {
    expect(() => parseJson('{"a": ', 'x.json')).toThrow(PolyaxonfileError);
  });
});

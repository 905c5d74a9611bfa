import { describe, expect, it } from 'vitest';
import { toYaml } from './yaml';

describe('toYaml', () => {
  it('emits nested maps and lists', () => {
    expect(toYaml({ version: 1.1, kind: 'component', run: { kind: 'job', container: { command: ['echo', 'hi'] } }, tags: [] })).toBe(
      'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    command:\n    - echo\n    - hi\ntags: []\n',
    );
    expect(toYaml([{ a: 1, b: [2] }, [3]])).toBe('- a: 1\n  b:\n  - 2\n- - 3\n');
  });

  it('quotes strings a YAML 1.1 or 1.2 reader would read as something else', () => {
    expect(toYaml({ a: 'yes', b: '1e3', c: '12:30', d: 'null', e: '', f: 'x: y', g: ' pad', h: '2024-01-02', i: 'plain text' })).toBe(
      'a: "yes"\nb: "1e3"\nc: "12:30"\nd: "null"\ne: ""\nf: "x: y"\ng: " pad"\nh: "2024-01-02"\ni: plain text\n',
    );
    expect(toYaml({ multi: 'a\nb' })).toBe('multi: "a\\nb"\n');
  });

  it('writes null, booleans and special numbers', () => {
    expect(toYaml({ a: null, b: false, c: Number.NaN, d: -Infinity })).toBe('a: null\nb: false\nc: .nan\nd: -.inf\n');
  });
});

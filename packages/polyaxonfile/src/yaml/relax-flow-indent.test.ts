import { describe, expect, it } from 'vitest';
import { relaxFlowIndent } from './relax-flow-indent';

describe('relaxFlowIndent', () => {
  it('pads flow continuation lines indented at or below their block node', () => {
    const relaxed = relaxFlowIndent('a:\n  b: [\n1,\n  ]\n');
    expect(relaxed?.text).toBe('a:\n  b: [\n   1,\n   ]\n');
    expect([...(relaxed?.pads ?? [])]).toEqual([[2, 3], [3, 1]]);
  });

  it('ignores brackets inside quotes, comments, plain scalars and block scalars', () => {
    expect(relaxFlowIndent('a: "[" # [\nb: x[1]\nc: |\n  [\nd: 1\n')).toBeUndefined();
  });

  it('returns undefined when nothing needs to change', () => {
    expect(relaxFlowIndent('a: [1,\n    2]\n')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { codeFrame } from './code-frame';

describe('codeFrame', () => {
  it('shows the line, its neighbours and a caret', () => {
    expect(codeFrame('version: 1.1\nkind: component\nrun:\n  kind: jobb\n', 4, 9)).toBe(
      ['  3 | run:', '> 4 |   kind: jobb', '    |         ^', '  5 | '].join('\n'),
    );
  });

  it('returns undefined outside the file', () => {
    expect(codeFrame('a', 3)).toBeUndefined();
    expect(codeFrame('a', 0)).toBeUndefined();
  });
});

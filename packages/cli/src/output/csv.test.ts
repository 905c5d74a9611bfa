import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and new lines', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [1, ['t1', 't2']], [null, 'l1\nl2']])).toBe(
      'a,b\n"x,y","say ""hi"""\n1,"[""t1"",""t2""]"\n,"l1\nl2"\n',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { PolyaxonfileError } from '../errors';
import { normalizeCheckParams, parseCliParams, parseHparams } from './parse-params';

describe('CLI params', () => {
  it('splits at the first = and keeps strings', () => {
    expect(parseCliParams(['a=1', 'b=x=y', 'c='])).toEqual({ a: { value: '1' }, b: { value: 'x=y' }, c: { value: '' } });
  });

  it('rejects a missing = , repeated names and non-mappings', () => {
    expect(() => parseCliParams(['loss'])).toThrow("Invalid format for -P parameter: 'loss'. Use -P name=value.");
    expect(() => parseCliParams(['a=1', 'a=2'])).toThrow("Repeated parameter: 'a'");
    expect(() => normalizeCheckParams('foo')).toThrow(PolyaxonfileError);
  });
});

describe('CLI hyper-params', () => {
  it('reads kind and a YAML 1.1 value, with the base-60 quirk', () => {
    expect(parseHparams(['lr=choice:[0.1, 0.2]', 'n=range:1:10:1', 's=linspace:"0.1:1:5"'])).toEqual({
      lr: { kind: 'choice', value: [0.1, 0.2] },
      n: { kind: 'range', value: 4201 },
      s: { kind: 'linspace', value: '0.1:1:5' },
    });
  });

  it('rejects malformed entries', () => {
    expect(() => parseHparams(['lr=foo'])).toThrow('Hyper-parameter: `lr` received an incorrect value format `foo`');
  });
});

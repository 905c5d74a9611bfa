import { describe, expect, it } from 'vitest';
import { PolyaxonfileError } from '../errors';
import { deepMerge, toPlainData } from './plain-data';
import { readSources } from './read-sources';

describe('deepMerge', () => {
  it('merges objects key by key and replaces lists and scalars', () => {
    expect(
      deepMerge({ tags: ['a', 'b'], run: { container: { image: 'x', args: ['x'] } }, n: 1 }, { tags: ['c'], run: { container: { args: ['y'] } }, n: 2 }),
    ).toEqual({ tags: ['c'], run: { container: { image: 'x', args: ['y'] } }, n: 2 });
  });
});

describe('toPlainData', () => {
  it('turns dates into ISO strings and rejects functions and cycles', () => {
    expect(toPlainData({ d: new Date('2020-01-01T00:00:00Z') })).toEqual({ d: '2020-01-01T00:00:00.000Z' });
    expect(() => toPlainData({ f: () => 1 })).toThrow(PolyaxonfileError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toPlainData(cyclic)).toThrow(PolyaxonfileError);
  });
});

describe('readSources', () => {
  it('merges YAML text and objects in order and locates the document that set a field', () => {
    const merged = readSources(['a: 1\nb: {c: 1}', { b: { d: 2 } }]);
    expect(merged.value).toEqual({ a: 1, b: { c: 1, d: 2 } });
    expect(merged.locate(['b', 'c'])).toEqual({ line: 2, column: 5 });
  });

  it('rejects empty, non-mapping and unsupported sources', () => {
    expect(() => readSources('')).toThrow(PolyaxonfileError);
    expect(() => readSources('foo')).toThrow(/Cannot read config_value/);
    expect(() => readSources([1])).toThrow(/Expects Mapping/);
    expect(() => readSources([])).toThrow(PolyaxonfileError);
  });
});

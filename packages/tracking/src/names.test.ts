import { describe, expect, it } from 'vitest';
import { TrackingError } from './errors';
import { getBaseFilename, getPathExtension, sanitizeFilename, toFqnName } from './names';

describe('toFqnName', () => {
  it.each([
    ['val/loss', 'val__loss'],
    ['Val Loss', 'Val-Loss'],
    ['a.b-c', 'a-b-c'],
    ['\u00fcn\u00ef', 'uni'],
    ['unicode text', 'unicode-text'],
    ['curve \u2713', 'curve'],
    ['gray image', 'gray-image'],
    ['train/loss', 'train__loss'],
    ['val.acc \u00e9', 'val-acc-e'],
    ['a\\\\b//c', 'a__b__c'],
    ['loss', 'loss'],
  ])('%s → %s', (input, expected) => {
    expect(toFqnName(input)).toBe(expected);
  });

  it('rejects empty names with a typed error', () => {
    expect(() => toFqnName('')).toThrow(TrackingError);
    expect(() => toFqnName('\u2713')).toThrow(/empty once sanitised/);
  });
});

describe('file name helpers', () => {
  it('splits at the first dot', () => {
    expect(getBaseFilename('/x/a.tar.gz')).toBe('a');
    expect(getPathExtension('/x/a.TAR.gz')).toBe('tar.gz');
    expect(getPathExtension('/x/noext')).toBe('');
  });

  it('strips run-context prefixes', () => {
    const prefixes = ['/plx-context/artifacts/u1/outputs/', '/plx-context/artifacts/u1/'];
    expect(sanitizeFilename('/plx-context/artifacts/u1/outputs/model.bin', prefixes, '/plx-context')).toBe('model-bin');
    expect(sanitizeFilename('my name', prefixes, '/plx-context')).toBe('my-name');
  });
});

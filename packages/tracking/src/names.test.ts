import { PolyaxonClientException, toFqnName } from '@px/client';
import { describe, expect, it } from 'vitest';
import { TrackingError } from './errors';
import { eventName, getBaseFilename, getPathExtension, sanitizeFilename } from './names';

describe('eventName', () => {
  it("applies @px/client's toFqnName", () => {
    expect(eventName('train/loss')).toBe(toFqnName('train/loss'));
    expect(eventName('val.acc \u00e9')).toBe('val-acc-e');
  });

  it('raises bad names as TrackingError, with the client error as cause', () => {
    expect(() => eventName('')).toThrow(new TrackingError('A name is required to process events.'));
    expect(() => eventName(3 as unknown as string)).toThrow(TrackingError);
    let caught: unknown;
    try {
      eventName('\u2713');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TrackingError);
    expect(PolyaxonClientException.isInstance((caught as TrackingError).cause)).toBe(true);
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

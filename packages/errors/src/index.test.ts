import { describe, expect, it, vi } from 'vitest';
import { PolyaxonException } from './index';

class SpecError extends PolyaxonException {
  static override readonly marker: string = 'px.test.SpecError';
}
class DeepSpecError extends SpecError {
  static override readonly marker: string = 'px.test.DeepSpecError';
}
class OtherError extends PolyaxonException {
  static override readonly marker: string = 'px.test.OtherError';
}

async function loadSecondCopy(): Promise<typeof PolyaxonException> {
  // A fresh module instance stands for a second installed copy of the package.
  vi.resetModules();
  const mod = await import('./index');
  return mod.PolyaxonException;
}

describe('PolyaxonException', () => {
  it('is an Error with the subclass name, message and cause', () => {
    const cause = new Error('boom');
    const error = new SpecError('bad spec', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SpecError');
    expect(error.message).toBe('bad spec');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('SpecError: bad spec');
  });

  it('tells classes apart with instanceof and isInstance', () => {
    const deep = new DeepSpecError('x');
    expect(deep instanceof PolyaxonException).toBe(true);
    expect(deep instanceof SpecError).toBe(true);
    expect(deep instanceof OtherError).toBe(false);
    expect(SpecError.isInstance(deep)).toBe(true);
    expect(OtherError.isInstance(deep)).toBe(false);
    expect(SpecError.isInstance(new OtherError('y'))).toBe(false);
    expect(PolyaxonException.isInstance(new Error('plain'))).toBe(false);
    expect(PolyaxonException.isInstance(null)).toBe(false);
    expect(PolyaxonException.isInstance('str')).toBe(false);
  });

  it('recognises errors created by another copy of the package', async () => {
    const Copy = await loadSecondCopy();
    expect(Copy).not.toBe(PolyaxonException);
    class CopySpecError extends Copy {
      static override readonly marker: string = 'px.test.SpecError';
    }
    const fromCopy = new CopySpecError('from the other copy');
    expect(fromCopy instanceof PolyaxonException).toBe(true);
    expect(PolyaxonException.isInstance(fromCopy)).toBe(true);
    expect(SpecError.isInstance(fromCopy)).toBe(true);
    expect(new SpecError('here') instanceof Copy).toBe(true);
  });

  it('keeps markers off the enumerable surface (JSON and logs stay clean)', () => {
    const error = new SpecError('x');
    expect(Object.keys(error)).toEqual([]);
    expect(JSON.stringify(error)).toBe('{}');
  });
});

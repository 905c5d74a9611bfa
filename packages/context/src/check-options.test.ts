import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import type { ContextOptions } from './index';
import { resolveContext } from './index';

describe('options from untyped code', () => {
  it.each([
    ['project', 42, 'Invalid option `project`: expected a string, got number.'],
    ['owner', {}, 'Invalid option `owner`: expected a string, got object.'],
    ['runUuid', 1, 'Invalid option `runUuid`'],
    ['token', 12345, 'Invalid option `token`: expected a string, got number.'],
    ['useCache', 'no', 'Invalid option `useCache`: expected a boolean, got string.'],
    ['isOffline', 1, 'Invalid option `isOffline`'],
    ['env', null, 'Invalid option `env`'],
    ['cwd', 5, 'Invalid option `cwd`'],
  ])('%s = %j is a ContextError', (key, value, message) => {
    const options = { ...sandbox().options(), [key]: value };
    expect(() => resolveContext(options)).toThrow(message);
  });

  it('never shows a wrongly typed token', () => {
    const options = { ...sandbox().options(), token: ['secret-in-array'] } as unknown as ContextOptions;
    expect(() => resolveContext(options)).not.toThrow('secret-in-array');
    expect(() => resolveContext(options)).toThrow('Invalid option `token`');
  });
});

describe('file functions check their options too', () => {
  it('readAuthFile with a numeric homeDir is a ContextError', async () => {
    const { readAuthFile } = await import('./index');
    expect(() => readAuthFile({ homeDir: 5 } as unknown as ContextOptions)).toThrow('Invalid option `homeDir`');
  });
});

import { ContextError } from './context-error';
import type { ContextOptions } from './resolved-context';

const STRING_OPTIONS = ['homeDir', 'cwd', 'fsRoot', 'host', 'token', 'owner', 'project', 'runUuid', 'sslCaCert', 'certFile', 'keyFile', 'offlineRoot', 'artifactsRoot'] as const;
const BOOLEAN_OPTIONS = ['verifySsl', 'isOffline', 'noOp', 'isManaged', 'useCache', 'useCliConfig'] as const;

/**
 * Type-checks options passed from untyped code, so a wrong type is a clear
 * {@link ContextError} rather than a `TypeError` deep inside. Never shows the
 * value of `token`.
 *
 * @param options - The options to check.
 * @throws {@link ContextError} naming the first option of the wrong type.
 */
export function checkOptions(options: ContextOptions): void {
  const record = options as Readonly<Record<string, unknown>>;
  if (typeof record !== 'object' || record === null) throw new ContextError(`Invalid options: expected an object, got ${record === null ? 'null' : typeof record}.`);
  for (const key of STRING_OPTIONS) {
    const value = record[key];
    if (value !== undefined && typeof value !== 'string') throw new ContextError(`Invalid option \`${key}\`: expected a string, got ${typeof value}.`);
  }
  for (const key of BOOLEAN_OPTIONS) {
    const value = record[key];
    if (value !== undefined && typeof value !== 'boolean') throw new ContextError(`Invalid option \`${key}\`: expected a boolean, got ${typeof value}.`);
  }
  const env = record.env;
  if (env !== undefined && (typeof env !== 'object' || env === null)) throw new ContextError(`Invalid option \`env\`: expected an object of strings, got ${env === null ? 'null' : typeof env}.`);
}

import { strToBool } from './booleans';
import { envValue, type Env } from './config-paths';
import { ContextError } from './context-error';
import type { Resolved, ValueSource } from './resolved-context';

/**
 * Builds a {@link Resolved} value (without an `origin` key when there is none).
 *
 * @param value - The value.
 * @param source - Where it came from.
 * @param origin - The env var or file, if any.
 * @returns The resolved value.
 */
export function resolved<T>(value: T, source: ValueSource, origin?: string): Resolved<T> {
  return origin === undefined ? { value, source } : { value, source, origin };
}

/**
 * A `strtobool` environment variable (`undefined` when unset).
 *
 * @param env - The environment.
 * @param name - The variable.
 * @returns The resolved boolean.
 * @throws {@link ContextError} naming the variable for an unaccepted value.
 */
export function strictBoolEnv(env: Env, name: string): Resolved<boolean | undefined> {
  const raw = envValue(env, name);
  if (raw === undefined) return resolved(undefined, 'default');
  const value = strToBool(raw);
  if (value === undefined) {
    throw new ContextError(`Invalid environment variable ${name}: expected one of y/yes/t/true/on/1 or n/no/f/false/off/0, got ${JSON.stringify(raw)}.`, {
      envVar: name,
    });
  }
  return resolved(value, 'env', name);
}

/**
 * A plain string environment variable.
 *
 * @param env - The environment.
 * @param name - The variable.
 * @returns The resolved string (`undefined` with source `default` when unset).
 */
export function envString(env: Env, name: string): Resolved<string | undefined> {
  const raw = envValue(env, name);
  return raw === undefined ? resolved(undefined, 'default') : resolved(raw, 'env', name);
}

/**
 * A path from an explicit option, else an environment variable, else a default.
 *
 * @param env - The environment.
 * @param name - The variable.
 * @param explicit - The explicit option, if given.
 * @param fallback - The default.
 * @returns The resolved path.
 */
export function envPath(env: Env, name: string, explicit: string | undefined, fallback: string): Resolved<string> {
  if (explicit !== undefined) return resolved(explicit, 'explicit');
  const raw = envValue(env, name);
  return raw === undefined ? resolved(fallback, 'default') : resolved(raw, 'env', name);
}

import { parseLaxBool } from './booleans';
import type { FieldKind } from './client-config-fields';
import { ContextError } from './context-error';
import { parseFloatValue, parseIntValue } from './numbers';

/** Where a raw value was read, for error messages. */
export type ValueLocation =
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string; readonly key: string }
  | { readonly kind: 'option'; readonly name: string };

const EXPECTED: Record<FieldKind, string> = {
  string: 'a string',
  bool: 'a boolean (1/0, true/false, t/f, yes/no, y/n, on/off)',
  int: 'an integer',
  float: 'a number',
};

function describe(location: ValueLocation): string {
  switch (location.kind) {
    case 'env':
      return `environment variable ${location.name}`;
    case 'file':
      return `key "${location.key}" of ${location.path}`;
    case 'option':
      return `option \`${location.name}\``;
  }
}

function show(raw: unknown, secret: boolean): string {
  if (secret) return '<redacted>';
  const text = typeof raw === 'string' ? JSON.stringify(raw) : JSON.stringify(raw) ?? String(raw);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Parses one raw config value with the parser of its kind (lax boolean,
 * integer, float or strict string), as upstream's config model does.
 *
 * @param kind - How to parse the value.
 * @param raw - The raw value (an env string or a JSON value).
 * @param location - Where it came from, named in the error.
 * @param secret - Whether the value must never be shown (tokens).
 * @returns The parsed value.
 * @throws {@link ContextError} when the value cannot be parsed; the message
 *   names the variable or the file and key.
 */
export function parseConfigValue(kind: FieldKind, raw: unknown, location: ValueLocation, secret = false): string | number | boolean {
  let parsed: string | number | boolean | undefined;
  switch (kind) {
    case 'string':
      parsed = typeof raw === 'string' ? raw : undefined;
      break;
    case 'bool':
      parsed = parseLaxBool(raw);
      break;
    case 'int':
      parsed = parseIntValue(raw);
      break;
    case 'float':
      parsed = parseFloatValue(raw);
      break;
  }
  if (parsed === undefined) {
    throw new ContextError(`Invalid ${describe(location)}: expected ${EXPECTED[kind]}, got ${show(raw, secret)}.`, {
      ...(location.kind === 'env' ? { envVar: location.name } : {}),
      ...(location.kind === 'file' ? { file: location.path } : {}),
    });
  }
  return parsed;
}

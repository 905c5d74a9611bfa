import type { ParsedOptions } from './command-spec';
import { UsageError } from './errors';

/** A string option's value (the last one when given twice), or `undefined`. */
export function stringOption(options: ParsedOptions, key: string): string | undefined {
  const value = options[key];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (typeof value === 'string') return value;
  return value.length === 0 ? undefined : value[value.length - 1];
}

/** A boolean flag's value (`false` when absent). */
export function flagOption(options: ParsedOptions, key: string): boolean {
  return options[key] === true;
}

/** A repeatable option's values (empty when absent). */
export function listOption(options: ParsedOptions, key: string): readonly string[] {
  const value = options[key];
  if (value === undefined || typeof value === 'boolean') return [];
  return typeof value === 'string' ? [value] : value;
}

/**
 * An integer option (`--limit 10`).
 *
 * @throws {@link UsageError} when the value is not a non-negative integer.
 */
export function intOption(options: ParsedOptions, key: string, flag: string): number | undefined {
  const raw = stringOption(options, key);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`Invalid value for '${flag}': '${raw}' is not a valid integer.`);
  return Number.parseInt(raw, 10);
}

const TRUE_WORDS = new Set(['y', 'yes', 't', 'true', 'on', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'f', 'false', 'off', '0']);

/**
 * A boolean-valued option (`--verify-ssl=false`), parsed like click's BOOL.
 *
 * @throws {@link UsageError} when the value is not a boolean word.
 */
export function boolValueOption(options: ParsedOptions, key: string, flag: string): boolean | undefined {
  const raw = stringOption(options, key);
  if (raw === undefined) return undefined;
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new UsageError(`Invalid value for '${flag}': '${raw}' is not a valid boolean.`);
}

/**
 * Tags given as `a,b` or as a YAML/JSON list `[a, b]`: trimmed, de-duplicated, empty ones dropped.
 */
export function parseTags(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  let text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/^["']|["']$/g, '').trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * The `name`, `description` and `tags` given with `--name`, `--description`
 * and `--tags`, as the body of an update request (absent options left out).
 */
export function entityFieldsOption(options: ParsedOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const name = stringOption(options, 'name');
  if (name !== undefined) body.name = name;
  const description = stringOption(options, 'description');
  if (description !== undefined) body.description = description;
  const tags = parseTags(stringOption(options, 'tags'));
  if (tags !== undefined) body.tags = tags;
  return body;
}

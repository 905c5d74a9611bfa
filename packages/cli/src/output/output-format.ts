import { UsageError } from '../errors';

/** How a read command prints its result. */
export type OutputFormat = { readonly kind: 'table' } | { readonly kind: 'json' } | { readonly kind: 'yaml' } | { readonly kind: 'file'; readonly path: string };

/**
 * Parses `-o/--output`: `json`, `yaml`, or `path=<file>` (compact JSON written
 * to the file; unlike upstream the `path=` prefix is removed exactly, so file
 * names ending in p, a, t, h or = are kept whole).
 *
 * @throws {@link UsageError} for any other value.
 */
export function parseOutputFormat(raw: string | undefined): OutputFormat {
  if (raw === undefined) return { kind: 'table' };
  const value = raw.trim();
  if (value === 'json') return { kind: 'json' };
  if (value === 'yaml' || value === 'yml') return { kind: 'yaml' };
  if (value.startsWith('path=') && value.length > 'path='.length) return { kind: 'file', path: value.slice('path='.length) };
  throw new UsageError(`Invalid value for '-o' / '--output': '${raw}'. Use json, yaml or path=<file>.`);
}

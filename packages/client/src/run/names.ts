import { PolyaxonClientException } from '../errors/client-error';

/**
 * Normalises a metric/input/output/meta key like upstream's `to_fqn_name`:
 * NFKD to ASCII, drop characters outside `[A-Za-z0-9_/\\.\s-]`, trim, runs of
 * `/` or `\` become `__`, runs of `-`, `.` or whitespace become `-`.
 * `train/loss` → `train__loss`, `val.acc é` → `val-acc-e`.
 *
 * @throws {@link PolyaxonClientException} when the name is empty after cleaning
 */
export function toFqnName(name: string): string {
  // encode('ascii', 'ignore'): only non-ASCII goes here; tabs and line breaks stay and become `-` below.
  const ascii = name.normalize('NFKD').replace(/[\u0080-\u{10FFFF}]/gu, '');
  const cleaned = ascii
    .replace(/[^A-Za-z0-9_\\/.\s-]/g, '')
    .trim()
    .replace(/[\\/]+/g, '__')
    .replace(/[-.\s]+/g, '-');
  if (cleaned === '') throw new PolyaxonClientException(`Received an invalid name \`${name}\`: it is empty once normalised.`);
  return cleaned;
}

/** Applies {@link toFqnName} to every key of `values`. */
export function normaliseKeys(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[toFqnName(key)] = value;
  return out;
}

/**
 * Parses tags given as an array, a comma-separated string (`"a, b"`) or a
 * YAML/JSON flow list string (`"[a, b]"`): trimmed, empty ones dropped,
 * de-duplicated in first-seen order.
 *
 * @throws {@link PolyaxonClientException} when `tags` is neither a string nor an array of strings
 */
export function parseTags(tags: string | readonly string[]): string[] {
  let items: unknown[];
  if (typeof tags === 'string') {
    const text = tags.trim();
    const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
    items = inner.split(',').map((t) => t.trim().replace(/^(['"])(.*)\1$/, '$2'));
  } else if (Array.isArray(tags)) {
    items = tags as unknown[];
  } else {
    throw new PolyaxonClientException(`Received invalid tags: expected a string or a list of strings, got ${typeof tags}.`);
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') {
      throw new PolyaxonClientException(`Received an invalid tag ${JSON.stringify(item)}: tags must be strings.`);
    }
    const tag = item.trim();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

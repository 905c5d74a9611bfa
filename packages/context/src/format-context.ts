import { REDACTED, SECRET_KEYS } from './redaction';
import type { Resolved, ResolvedContext, ValueSource } from './resolved-context';

/** One printable row of {@link formatContext}. */
export interface ContextRow {
  /** The field name, e.g. `host`. */
  readonly key: string;
  /** The value as text (`''` when unset; `<redacted>` for a set token). */
  readonly value: string;
  readonly source: ValueSource;
  /** The env var or file that supplied the value (`''` when none). */
  readonly origin: string;
}

function isResolved(value: unknown): value is Resolved<unknown> {
  return typeof value === 'object' && value !== null && 'source' in value && 'value' in value;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Rows `{ key, value, source, origin }` for every resolved value, in the
 * context's field order, with secrets redacted; what `px config show` prints.
 *
 * @param ctx - A resolved context.
 * @returns The rows.
 *
 * @example
 * ```ts
 * for (const row of formatContext(resolveContext())) console.log(row.key, row.value, row.source, row.origin);
 * ```
 */
export function formatContext(ctx: ResolvedContext): ContextRow[] {
  const rows: ContextRow[] = [];
  for (const [key, entry] of Object.entries(ctx)) {
    if (!isResolved(entry)) continue;
    const secret = SECRET_KEYS.includes(key as keyof ResolvedContext);
    rows.push({
      key,
      value: secret && entry.value !== undefined ? REDACTED : text(entry.value),
      source: entry.source,
      origin: entry.origin ?? '',
    });
  }
  return rows;
}

/** Removes trailing slashes from a host URL (upstream `clean_host`). */
export function cleanHost(host: string): string {
  return host.trim().replace(/\/+$/, '');
}

/**
 * Percent-encodes one path segment with no safe characters, as the Python
 * SDK does (so `/` becomes `%2F`).
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Builds `/a/b/c` from raw segments, each encoded with {@link encodeSegment}. */
export function buildPath(...segments: string[]): string {
  return `/${segments.map(encodeSegment).join('/')}`;
}

/** A query value: `undefined`/`null` are skipped. */
export type QueryValue = string | number | boolean | null | undefined;

/**
 * How values are escaped: `sdk` like the generated Python SDK (`/` kept,
 * space as `%20`), `form` like python-requests (`/` as `%2F`, space as `+`).
 */
export type QueryStyle = 'sdk' | 'form';

function escapeValue(text: string, style: QueryStyle): string {
  const encoded = encodeSegment(text);
  return style === 'sdk' ? encoded.replace(/%2F/g, '/') : encoded.replace(/%20/g, '+');
}

/**
 * Serialises query parameters in the given order, skipping null/undefined
 * values. Booleans are spelled `True`/`False`, as the Python client sends
 * them (see the wire traces); empty strings are kept (`path=`).
 */
export function buildQuery(params: ReadonlyArray<readonly [string, QueryValue]>, style: QueryStyle = 'sdk'): string {
  const parts: string[] = [];
  for (const [key, value] of params) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    parts.push(`${encodeSegment(key)}=${escapeValue(text, style)}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/** The fast path: `YYYY-MM-DD HH:MM:SS.ffffff+HH:MM`, as upstream's event files hold (32 characters). */
function parseCanonical(text: string): number {
  if (text.length !== 32 || text.charCodeAt(19) !== 46 || text.charCodeAt(29) !== 58) return Number.NaN;
  const sign = text.charCodeAt(26) === 45 ? -1 : text.charCodeAt(26) === 43 ? 1 : 0;
  if (sign === 0) return Number.NaN;
  const offset = sign * (digits(text, 27, 29) * 60 + digits(text, 30, 32));
  const ms = Date.UTC(digits(text, 0, 4), digits(text, 5, 7) - 1, digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19), digits(text, 20, 23));
  return ms - offset * 60_000;
}

/**
 * Milliseconds since the epoch of an event timestamp as the streams API and
 * the event files write it (`2026-12-07 16:52:17.887073+00:00`), or an
 * ISO-8601 string with `T`/`Z`; no offset means UTC. `NaN` when invalid.
 * Microseconds are truncated to milliseconds.
 */
export function parseEventTimestamp(text: string): number {
  const fast = parseCanonical(text);
  if (!Number.isNaN(fast)) return fast;
  const m = PATTERN.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo) - 1;
  const day = Number(d);
  const ms = Date.UTC(Number(y), month, day, Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').slice(0, 3).padEnd(3, '0')));
  const check = new Date(ms);
  if (check.getUTCMonth() !== month || check.getUTCDate() !== day || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return Number.NaN;
  let offset = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const z = zone.replace(':', '');
    offset = (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  }
  return ms - offset * 60_000;
}

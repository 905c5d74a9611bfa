/**
 * The current time as Python's `datetime.now(timezone.utc).isoformat()`
 * prints it: `2026-11-23T00:32:41.692000+00:00` (microseconds, `+00:00`).
 */
export function nowIso(date: Date = new Date()): string {
  const iso = date.toISOString(); // 2026-11-23T00:32:41.692Z
  const ms = iso.slice(20, 23);
  const base = iso.slice(0, 19);
  return ms === '000' ? `${base}+00:00` : `${base}.${ms}000+00:00`;
}

/** Seconds between two ISO timestamps, rounded to 2 decimals (as the server does), or undefined. */
export function secondsBetween(from: string | null | undefined, to: string | null | undefined): number | undefined {
  if (from == null || to == null) return undefined;
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 10) / 100;
}

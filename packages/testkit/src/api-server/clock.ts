/**
 * Timestamps formatted the way the Polyaxon server (Django REST framework)
 * formats them: microseconds and a `Z` suffix for model fields, milliseconds
 * for status conditions.
 */

let lastMicros = 0;

/** Current time in microseconds since the epoch, strictly increasing between calls. */
export function nowMicros(): number {
  const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  lastMicros = micros > lastMicros ? micros : lastMicros + 1;
  return lastMicros;
}

/** `2026-11-23T00:02:52.297829Z` for a microsecond timestamp. */
export function isoMicros(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const sub = String(micros % 1000).padStart(3, '0');
  return new Date(millis).toISOString().replace(/Z$/, `${sub}Z`);
}

/** `2026-11-23T00:02:52.297Z` (milliseconds, as in status conditions). */
export function isoMillis(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}

/** Microseconds since the epoch for an ISO string, or undefined when it does not parse. */
export function parseIsoMicros(value: string): number | undefined {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) return undefined;
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? '';
  const micros = fraction.length > 3 ? Number(fraction.slice(3, 6).padEnd(3, '0')) : 0;
  return millis * 1000 + micros;
}

/** Seconds between two microsecond timestamps, rounded to 2 decimals like upstream. */
export function secondsBetween(fromMicros: number, toMicros: number): number {
  return Math.round((toMicros - fromMicros) / 10_000) / 100;
}

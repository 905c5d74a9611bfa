import { TrackingError } from '../errors';

/**
 * A point in time with microsecond precision, as Python's `datetime` holds
 * it: microseconds since the Unix epoch (UTC) plus the UTC offset it is shown
 * in (`null` for a naive datetime, which prints without an offset).
 */
export interface PyDateTime {
  /** Microseconds since 1970-01-01T00:00:00Z (for naive values: of the wall time read as UTC). */
  readonly epochMicros: number;
  /** Offset from UTC in minutes, or `null` for a naive datetime. */
  readonly offsetMinutes: number | null;
}

/** Microseconds since the epoch of 0001-01-01 00:00 UTC, the first instant Python's `datetime` holds. */
export const MIN_EPOCH_MICROS = -62_135_596_800_000_000;
/** Microseconds since the epoch of 10000-01-01 00:00 UTC, the first instant past Python's `datetime` range. */
export const END_EPOCH_MICROS = 253_402_300_800_000_000;

/** What `timestamp` options accept: a `Date`, an ISO-8601 string, or a {@link PyDateTime}. */
export type TimestampInput = Date | string | PyDateTime;

// The clock `performance.now()` reads, taken straight from `process.hrtime()`:
// the same monotonic source without the per-call brand check (~240 vs ~115 ns a call).
const [baseSeconds, baseNanos] = process.hrtime();
const baseMicros = (performance.timeOrigin + performance.now()) * 1000;

/**
 * The current UTC time in microseconds since the epoch, with sub-millisecond
 * resolution (from the high-resolution clock).
 *
 * @returns microseconds since the epoch, an integer
 */
export function nowMicros(): number {
  const t = process.hrtime();
  return Math.floor(baseMicros + (t[0] - baseSeconds) * 1e6 + (t[1] - baseNanos) / 1000);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad6(n: number): string {
  return `${n}`.padStart(6, '0');
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

let cachedSecond = Number.NaN;
let cachedSpacePrefix = '';

function wallSeconds(second: number, sep: string): string {
  const d = new Date(second * 1000);
  const year = d.getUTCFullYear();
  return `${`${year}`.padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}${sep}${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/**
 * Python's `str(datetime)` of a UTC instant given in epoch microseconds:
 * `2026-11-23 00:30:16.388681+00:00`, without the fraction when it is zero.
 * Hot path of the event writer (the date part is cached per second).
 *
 * @param epochMicros - microseconds since the epoch
 * @returns the Python text
 */
export function formatUtcMicros(epochMicros: number): string {
  const second = Math.floor(epochMicros / 1e6);
  const micros = epochMicros - second * 1e6;
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedSpacePrefix = wallSeconds(second, ' ');
  }
  return micros === 0 ? `${cachedSpacePrefix}+00:00` : `${cachedSpacePrefix}.${pad6(micros)}+00:00`;
}

function format(value: PyDateTime, sep: string): string {
  const shift = (value.offsetMinutes ?? 0) * 60e6;
  const local = value.epochMicros + shift;
  const second = Math.floor(local / 1e6);
  const micros = local - second * 1e6;
  const base = wallSeconds(second, sep);
  const frac = micros === 0 ? '' : `.${pad6(micros)}`;
  return `${base}${frac}${value.offsetMinutes === null ? '' : formatOffset(value.offsetMinutes)}`;
}

/**
 * Python's `str(datetime)` (space separator), as written in event files.
 *
 * @param value - the datetime
 * @returns e.g. `2024-01-02 03:04:05.120000+02:00`
 */
export function formatPyDateTime(value: PyDateTime): string {
  return format(value, ' ');
}

/**
 * Python's `datetime.isoformat()` (`T` separator), as used inside JSON payloads.
 *
 * @param value - the datetime
 * @returns e.g. `2024-01-02T03:04:05+00:00`
 */
export function formatIsoDateTime(value: PyDateTime): string {
  return format(value, 'T');
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO-8601 timestamp string the way upstream's `parse_datetime`
 * accepts the common forms: `2024-01-02T03:04:05.5Z`, `2024-01-02 03:04:05+02:00`,
 * `2024-01-02` (naive when no offset is given).
 *
 * @param text - the timestamp text
 * @returns the parsed datetime
 * @throws {@link TrackingError} when the text is not a valid timestamp
 */
export function parsePyDateTime(text: string): PyDateTime {
  const m = ISO_RE.exec(text.trim());
  if (!m) throw new TrackingError(`Received an invalid timestamp: ${JSON.stringify(text)}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const micros = Number(frac.slice(0, 6).padEnd(6, '0'));
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (
    Number.isNaN(wall) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw new TrackingError(`Received an invalid timestamp: ${JSON.stringify(text)}`);
  }
  let offsetMinutes: number | null = null;
  if (tz !== undefined) {
    if (tz === 'Z' || tz === 'z') offsetMinutes = 0;
    else {
      const digits = tz.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
      offsetMinutes = tz.startsWith('-') ? -minutes : minutes;
    }
  }
  const epochMicros = wall * 1000 + micros - (offsetMinutes ?? 0) * 60e6;
  return { epochMicros, offsetMinutes };
}

/**
 * Normalises a user-supplied timestamp (Date, string or {@link PyDateTime}).
 *
 * @param value - the timestamp
 * @returns the datetime
 * @throws {@link TrackingError} when it is not a valid timestamp, or not within years 1 to 9999 (UTC)
 */
export function toPyDateTime(value: TimestampInput): PyDateTime {
  const parsed = parseTimestamp(value);
  if (!(parsed.epochMicros >= MIN_EPOCH_MICROS && parsed.epochMicros < END_EPOCH_MICROS)) {
    throw new TrackingError(`Received a timestamp outside Python's datetime range (years 1 to 9999): ${String(value instanceof Date ? value.toISOString() : parsed.epochMicros)}`);
  }
  return parsed;
}

function parseTimestamp(value: TimestampInput): PyDateTime {
  if (typeof value === 'string') return parsePyDateTime(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new TrackingError('Received an invalid timestamp: Invalid Date');
    return { epochMicros: ms * 1000, offsetMinutes: 0 };
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite(value.epochMicros) &&
    (value.offsetMinutes === null || Number.isFinite(value.offsetMinutes))
  ) {
    return { epochMicros: Math.round(value.epochMicros), offsetMinutes: value.offsetMinutes };
  }
  throw new TrackingError(`Received an invalid timestamp of type ${typeof value}`);
}

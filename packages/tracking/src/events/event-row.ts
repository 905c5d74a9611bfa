import { formatPyDateTime, formatUtcMicros, type PyDateTime } from '../serialization/py-datetime';
import { pyJsonDumps, pyJsonString } from '../serialization/py-json';

/** The `|` separator of CSV event files. */
export const CSV_SEPARATOR = '|';

/**
 * The header of a CSV event file: `step|timestamp|<kind>` (no newline).
 *
 * @param kind - the event kind
 * @returns the header line
 */
export function csvHeader(kind: string): string {
  return `step|timestamp|${kind}`;
}

/** The timestamp of an event: epoch microseconds (UTC) or a full datetime. */
export type EventTimestamp = number | PyDateTime;

/**
 * Python `str(datetime)` of an event timestamp.
 *
 * @param ts - epoch micros (UTC) or a datetime with its offset
 * @returns the text
 */
export function formatEventTimestamp(ts: EventTimestamp): string {
  return typeof ts === 'number' ? formatUtcMicros(ts) : formatPyDateTime(ts);
}

/**
 * One CSV row, prefixed with the newline that separates it from the previous
 * line: `\n<step>|<timestamp>|<value>` (empty step field when absent).
 *
 * @param step - the step or `undefined`
 * @param ts - the timestamp
 * @param value - the value text (Python float text or compact JSON)
 * @returns the row text
 */
export function csvRow(step: number | undefined, ts: EventTimestamp, value: string): string {
  return `\n${step === undefined ? '' : step}|${formatEventTimestamp(ts)}|${value}`;
}

/**
 * One JSON-lines row, prefixed with a newline: Python `json.dumps` of
 * `{"timestamp": ..., "step": ..., "<kind>": value}`.
 *
 * @param kind - the event kind (`text`, `html`, `chart`, `span`)
 * @param step - the step or `undefined`
 * @param ts - the timestamp
 * @param value - the string value (for charts: their compact JSON text)
 * @returns the row text
 */
export function jsonlRow(kind: string, step: number | undefined, ts: EventTimestamp, value: string): string {
  return `\n{"timestamp": ${pyJsonString(formatEventTimestamp(ts))}, "step": ${step === undefined ? 'null' : pyJsonDumps(step)}, ${pyJsonString(kind)}: ${pyJsonString(value)}}`;
}

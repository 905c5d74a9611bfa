import { metricValue } from './metric-value';
import { parseEventTimestamp } from './parse-timestamp';
import { PlotDataError } from './plot-errors';
import type { MetricPoint } from './types';

const HEADER = 'step|timestamp|metric';
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** A non-negative integer made of digits only, or NaN. */
function parseStep(text: string, start: number, end: number): number {
  if (start === end) return Number.NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(text.slice(start, end));
    value = value * 10 + d;
  }
  return value;
}

/**
 * A plain decimal (`-0.125`, `3`, `12.5`) without building a substring:
 * with at most 15 significant digits, `mantissa / 10^k` is one correctly
 * rounded division, the same double `Number()` gives. Anything else
 * (exponents, `nan`, `inf`, long mantissas) goes through {@link metricValue}.
 */
function parseMetric(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (text.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let seen = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && decimals === -1) {
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || significant >= 15) return metricValue(text.slice(start, end));
    mantissa = mantissa * 10 + d;
    seen++;
    if (mantissa !== 0) significant++;
    if (decimals !== -1) decimals++;
  }
  if (seen === 0 || decimals === 0 || decimals > 22) return metricValue(text.slice(start, end));
  const value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
  return negative ? -value : value;
}

/**
 * Parses a metric event file (`step|timestamp|metric` header, one row a
 * line) chunk by chunk, so a large file never has to be one string.
 * Consecutive rows usually share their date, hour, minute and offset: that
 * part of the timestamp is computed once and reused; consecutive rows with
 * the same millisecond share one `Date` object (do not mutate it).
 */
export class MetricFileParser {
  readonly rows: MetricPoint[] = [];
  #rest = '';
  #line = 0;
  #header = false;
  #prefix = '';
  #prefixMs = 0;
  #lastDate: Date | undefined;

  /**
   * @param name - the metric name set on each row
   * @param where - the file (or run) named in errors
   * @param run - the run uuid set on each row
   */
  constructor(
    readonly name: string,
    readonly where: string,
    readonly run?: string,
  ) {}

  /** Parses the complete lines of `chunk` (the rest waits for the next chunk). */
  push(chunk: string): void {
    const text = this.#rest === '' ? chunk : this.#rest + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      this.#parseLine(text, start, nl);
      start = nl + 1;
    }
    this.#rest = start === 0 ? text : text.slice(start);
  }

  /** Parses the last line and returns the rows. */
  end(): MetricPoint[] {
    if (this.#rest !== '') this.#parseLine(this.#rest, 0, this.#rest.length);
    this.#rest = '';
    return this.rows;
  }

  /** Whether the date, hour, minute and offset of the timestamp at `start` are those of the previous row. */
  #samePrefix(text: string, start: number): boolean {
    const prefix = this.#prefix;
    if (prefix.length !== 22) return false;
    for (let k = 0; k < 16; k++) if (text.charCodeAt(start + k) !== prefix.charCodeAt(k)) return false;
    for (let k = 26; k < 32; k++) if (text.charCodeAt(start + k) !== prefix.charCodeAt(k - 10)) return false;
    return true;
  }

  #timestamp(text: string, start: number, end: number): number {
    // fast path: `YYYY-MM-DD HH:MM:SS.ffffff+HH:MM` (32 characters)
    if (end - start === 32 && text.charCodeAt(start + 16) === 58 && text.charCodeAt(start + 19) === 46) {
      if (!this.#samePrefix(text, start)) {
        this.#prefix = text.slice(start, start + 16) + text.slice(start + 26, end);
        this.#prefixMs = parseEventTimestamp(`${text.slice(start, start + 16)}:00.000000${text.slice(start + 26, end)}`);
      }
      let sec = 0;
      let ms = 0;
      for (let i = start + 17; i < start + 19; i++) sec = sec * 10 + text.charCodeAt(i) - 48;
      for (let i = start + 20; i < start + 23; i++) ms = ms * 10 + text.charCodeAt(i) - 48;
      let valid = sec >= 0 && sec < 60 && ms >= 0 && ms < 1000;
      for (let i = start + 23; i < start + 26 && valid; i++) valid = text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
      if (valid && !Number.isNaN(this.#prefixMs)) return this.#prefixMs + sec * 1000 + ms;
    }
    return parseEventTimestamp(text.slice(start, end));
  }

  #parseLine(text: string, start: number, lineEnd: number): void {
    this.#line++;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (!this.#header) {
      this.#header = true;
      const header = text.slice(start, end).trim();
      if (header !== HEADER) {
        throw new PlotDataError(`${this.where}: line 1 should be the header \`${HEADER}\`, found \`${header.slice(0, 80)}\`.`);
      }
      return;
    }
    if (start >= end) return;
    const bar1 = text.indexOf('|', start);
    const bar2 = bar1 === -1 || bar1 >= end ? -1 : text.indexOf('|', bar1 + 1);
    if (bar2 === -1 || bar2 >= end) {
      throw new PlotDataError(`${this.where}: line ${this.#line} should be \`step|timestamp|metric\`, found \`${text.slice(start, Math.min(end, start + 80))}\`.`);
    }
    const ms = this.#timestamp(text, bar1 + 1, bar2);
    if (Number.isNaN(ms)) throw new PlotDataError(`${this.where}: line ${this.#line} has an invalid timestamp \`${text.slice(bar1 + 1, bar2)}\`.`);
    const step = parseStep(text, start, bar1);
    // rows logged within the same millisecond (a tight loop) share one Date: 1M rows stay small
    if (this.#lastDate?.getTime() !== ms) this.#lastDate = new Date(ms);
    const row: MetricPoint = {
      step: Number.isFinite(step) ? step : this.rows.length,
      timestamp: this.#lastDate,
      metric: bar2 + 1 === end ? Number.NaN : parseMetric(text, bar2 + 1, end),
      name: this.name,
    };
    if (this.run !== undefined) row.run = this.run;
    this.rows.push(row);
  }
}

/**
 * Tidy rows of a metric event file's text (`step|timestamp|metric` header,
 * one row a line, the layout `@px/tracking` and upstream write, also the
 * `orient=csv` answer). An empty step becomes the row's position (0-based).
 *
 * @param text - the file content
 * @param name - the metric name
 * @param where - the file (or run) named in errors
 * @param run - the run uuid to set on each row
 * @throws {@link PlotDataError} on a missing header or a bad timestamp, naming the line
 */
export function parseMetricFile(text: string, name: string, where: string, run?: string): MetricPoint[] {
  if (text.trim() === '') return [];
  const parser = new MetricFileParser(name, where, run);
  parser.push(text);
  return parser.end();
}

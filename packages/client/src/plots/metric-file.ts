import { metricValue } from './metric-value';
import { parseEventTimestamp } from './parse-timestamp';
import { PlotDataError } from './plot-errors';
import type { MetricPoint } from './types';

const HEADER = 'step|timestamp|metric';

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
  const rows: MetricPoint[] = [];
  if (text.trim() === '') return rows;
  let pos = text.indexOf('\n');
  const header = (pos === -1 ? text : text.slice(0, pos)).trim();
  if (header !== HEADER) {
    throw new PlotDataError(`${where}: line 1 should be the header \`${HEADER}\`, found \`${header.slice(0, 80)}\`.`);
  }
  let line = 1;
  while (pos !== -1) {
    const start = pos + 1;
    pos = text.indexOf('\n', start);
    const end = pos === -1 ? text.length : text[pos - 1] === '\r' ? pos - 1 : pos;
    line++;
    if (start >= end) continue;
    const bar1 = text.indexOf('|', start);
    const bar2 = bar1 === -1 || bar1 >= end ? -1 : text.indexOf('|', bar1 + 1);
    if (bar2 === -1 || bar2 >= end) {
      throw new PlotDataError(`${where}: line ${line} should be \`step|timestamp|metric\`, found \`${text.slice(start, Math.min(end, start + 80))}\`.`);
    }
    const stamp = text.slice(bar1 + 1, bar2);
    const ms = parseEventTimestamp(stamp);
    if (Number.isNaN(ms)) throw new PlotDataError(`${where}: line ${line} has an invalid timestamp \`${stamp}\`.`);
    const step = parseStep(text, start, bar1);
    const row: MetricPoint = {
      step: Number.isFinite(step) ? step : rows.length,
      timestamp: new Date(ms),
      metric: metricValue(text.slice(bar2 + 1, end)),
      name,
    };
    if (run !== undefined) row.run = run;
    rows.push(row);
  }
  return rows;
}

import { paint } from '../output/style';
import { formatNumber } from './axis-format';
import { lastValues, type TidyMetricRow } from './metric-series';
import { sparkline } from './sparkline';

/** A run as the comparison's sparklines need it. */
export interface SparklineRun {
  readonly uid: string;
  readonly name?: string;
  readonly rows: readonly TidyMetricRow[];
}

/**
 * Per metric, one line per run: its name, a sparkline of the metric over
 * steps and its last value, fitted to `width` columns. Runs without the
 * metric say so.
 */
export function compareSparklines(runs: readonly SparklineRun[], metrics: readonly string[], width: number, color = false): string[] {
  const out: string[] = [];
  const labels = runs.map((r) => r.name ?? r.uid.slice(0, 8));
  const labelWidth = Math.min(24, Math.max(...labels.map((l) => l.length)));
  for (const metric of metrics) {
    out.push('', color ? paint(metric, 'header') : metric);
    const series = runs.map((run) => {
      const rows = run.rows.filter((r) => r.name === metric).sort((a, b) => a.step - b.step);
      return { rows, last: lastValues(rows).get(metric) };
    });
    const valueWidth = Math.max(0, ...series.map((s) => (s.last === undefined ? 0 : formatNumber(s.last).length)));
    const lineWidth = Math.max(8, width - labelWidth - valueWidth - 4);
    series.forEach((s, i) => {
      const label = labels[i]!.slice(0, labelWidth).padEnd(labelWidth);
      if (s.rows.length === 0) {
        out.push(`  ${label} (no values)`);
        return;
      }
      const line = sparkline(s.rows.map((r) => r.metric), lineWidth);
      out.push(`  ${label} ${color ? paint(line, 'info') : line.padEnd(lineWidth)} ${formatNumber(s.last ?? Number.NaN).padStart(valueWidth)}`);
    });
  }
  return out;
}

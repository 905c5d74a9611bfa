import type { MetricPoint } from '@px/client/plots';
import { paint } from '../output/style';
import { formatNumber } from './axis-format';
import { sparkline } from './sparkline';

/** A run as the comparison's sparklines need it. */
export interface SparklineRun {
  readonly uid: string;
  readonly name?: string;
  /** The run's metric rows. */
  readonly rows: readonly MetricPoint[];
  /** The run's last value of each metric. */
  readonly last: Readonly<Record<string, number>>;
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
    const values = runs.map((run) => run.rows.filter((r) => r.name === metric).sort((a, b) => a.step - b.step).map((r) => r.metric));
    const lasts = runs.map((run) => (metric in run.last ? formatNumber(run.last[metric]!) : ''));
    const valueWidth = Math.max(0, ...lasts.map((l) => l.length));
    const lineWidth = Math.max(8, width - labelWidth - valueWidth - 4);
    runs.forEach((_, i) => {
      const label = labels[i]!.slice(0, labelWidth).padEnd(labelWidth);
      if (values[i]!.length === 0) {
        out.push(`  ${label} (no values)`);
        return;
      }
      const line = sparkline(values[i]!, lineWidth).padEnd(lineWidth);
      out.push(`  ${label} ${color ? paint(line, 'info') : line} ${lasts[i]!.padStart(valueWidth)}`);
    });
  }
  return out;
}

import type { PreparedSeries } from '@px/client/plots';
import type { TerminalSeries } from './braille-chart';

/**
 * The series of a prepared chart (`prepareSeries` of `@px/client/plots`:
 * sorted, smoothed, downsampled with extremes kept) as terminal series;
 * timestamp x values become epoch milliseconds.
 */
export function terminalSeries(prepared: PreparedSeries): TerminalSeries[] {
  const groups = new Map<string, { x: number[]; y: number[] }>(prepared.seriesNames.map((name) => [name, { x: [], y: [] }]));
  for (const point of prepared.points) {
    const group = groups.get(point.series);
    if (group === undefined) continue;
    group.x.push(typeof point.x === 'string' ? Date.parse(point.x) : point.x);
    group.y.push(point.y);
  }
  return [...groups].map(([name, g]) => ({ name, x: g.x, y: g.y }));
}

/** A warning about values a chart leaves out (non-finite, or at or below 0 on a log axis), or `undefined`. */
export function skippedWarning(prepared: PreparedSeries): string | undefined {
  const parts = prepared.skipped
    .filter((s) => s.nonFinite + s.nonPositive > 0)
    .map((s) => `${s.series}: ${[s.nonFinite > 0 ? `${s.nonFinite} NaN/infinite` : '', s.nonPositive > 0 ? `${s.nonPositive} <= 0 on the log axis` : ''].filter((p) => p !== '').join(', ')}`);
  return parts.length === 0 ? undefined : `Values left out of the chart: ${parts.join('; ')}.`;
}

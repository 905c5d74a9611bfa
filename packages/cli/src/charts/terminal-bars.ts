import { paint } from '../output/style';
import { formatNumber } from './axis-format';
import { SERIES_TONES } from './braille-chart';

/**
 * Horizontal bars, one per label, scaled to the largest absolute value and
 * fitted to `width` columns: `loss  ███████▍ 0.42`. Non-finite values are
 * shown without a bar.
 */
export function terminalBars(entries: readonly (readonly [string, number])[], width: number, color = false): string[] {
  const labelWidth = Math.max(0, ...entries.map(([label]) => label.length));
  const values = entries.map(([, v]) => formatNumber(v));
  const valueWidth = Math.max(0, ...values.map((v) => v.length));
  const barWidth = Math.max(5, width - labelWidth - valueWidth - 4);
  const top = Math.max(0, ...entries.map(([, v]) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  const eighths = ' ▏▎▍▌▋▊▉';
  return entries.map(([label, v], i) => {
    let bar = '';
    if (Number.isFinite(v) && top > 0) {
      const units = Math.round((Math.abs(v) / top) * barWidth * 8);
      bar = '█'.repeat(Math.floor(units / 8)) + (units % 8 === 0 ? '' : eighths[units % 8]!);
    }
    const painted = color && bar !== '' ? paint(bar, SERIES_TONES[i % SERIES_TONES.length]!) : bar;
    return `${label.padEnd(labelWidth)}  ${painted}${' '.repeat(barWidth - bar.length)} ${values[i]!.padStart(valueWidth)}`;
  });
}

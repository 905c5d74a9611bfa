import { paint, type Tone } from '../output/style';
import { formatNumber, formatX, type XAxisKind } from './axis-format';

/** One line of a terminal chart: x and y values of the same length. */
export interface TerminalSeries {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** Options of {@link brailleChart}. */
export interface BrailleChartOptions {
  /** Total width in columns, labels included (at least 30). */
  readonly width: number;
  /** Plot height in rows (each row holds 4 braille dots). */
  readonly height?: number;
  readonly title?: string;
  /** How x values are labelled. */
  readonly xKind?: XAxisKind;
  /** Title of the x axis (default: the x kind). */
  readonly xTitle?: string;
  /** Title of the y axis, shown above the plot. */
  readonly yTitle?: string;
  /** Paint each series in its own colour. */
  readonly color?: boolean;
  /** A logarithmic y axis (values at or below 0 are skipped). */
  readonly logScale?: boolean;
}

/** The colours series cycle through (the tones of `output/style.ts`). */
export const SERIES_TONES: readonly Tone[] = ['info', 'success', 'header', 'warning', 'error', 'bold'];

const BRAILLE_BASE = 0x2800;
// dot bit of (column 0|1, row 0..3) inside one braille cell
const DOT_BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
] as const;

interface Range {
  min: number;
  max: number;
}

function finiteRange(values: readonly ArrayLike<number>[]): Range | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const list of values) {
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!;
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  if (min > max) return undefined;
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return { min: min - pad, max: max + pad };
  }
  return { min, max };
}

/**
 * Per dot column of one series: the lowest and highest dot row its points
 * reach, and the rows of its first and last point, in one pass over the
 * points (so a million points cost one scan and spikes are never dropped).
 */
function columnSpans(series: TerminalSeries, xr: Range, yr: Range, dotsX: number, dotsY: number): Int32Array {
  // 4 slots per column: min row, max row, first row, last row (-1 = empty)
  const spans = new Int32Array(dotsX * 4).fill(-1);
  const n = Math.min(series.x.length, series.y.length);
  const sx = (dotsX - 1) / (xr.max - xr.min);
  const sy = (dotsY - 1) / (yr.max - yr.min);
  for (let i = 0; i < n; i++) {
    const x = series.x[i]!;
    const y = series.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const col = Math.round((x - xr.min) * sx);
    const row = dotsY - 1 - Math.round((y - yr.min) * sy);
    const at = col * 4;
    if (spans[at] === -1) {
      spans[at] = row;
      spans[at + 1] = row;
      spans[at + 2] = row;
    } else {
      if (row < spans[at]!) spans[at] = row;
      if (row > spans[at + 1]!) spans[at + 1] = row;
    }
    spans[at + 3] = row;
  }
  return spans;
}

/**
 * Draws series as a Unicode braille line chart that fits `width` columns:
 * y tick labels on the left, x tick labels and the x title below, a legend
 * line, and each series in its own colour when `color` is set. Non-finite
 * values are skipped; a single value or a flat series still draws.
 *
 * @returns the lines of the chart (no trailing newline), or `undefined` when
 *   no series has a finite point.
 */
export function brailleChart(input: readonly TerminalSeries[], options: BrailleChartOptions): string[] | undefined {
  const series = options.logScale === true ? input.map((s) => ({ ...s, y: Array.from(s.y, (v) => (v > 0 ? Math.log10(v) : Number.NaN)) })) : input;
  const xr = finiteRange(series.map((s) => s.x));
  const yr = finiteRange(series.map((s) => s.y));
  if (xr === undefined || yr === undefined) return undefined;
  const height = Math.max(2, options.height ?? 12);
  const ticks = [yr.max, (yr.max + yr.min) / 2, yr.min].map((v) => formatNumber(options.logScale === true ? 10 ** v : v));
  const labelWidth = Math.max(...ticks.map((t) => t.length));
  const plotWidth = Math.max(10, Math.max(30, options.width) - labelWidth - 2);
  const dotsX = plotWidth * 2;
  const dotsY = height * 4;
  const cells = new Uint8Array(plotWidth * height);
  const owner = new Int16Array(plotWidth * height).fill(-1);
  const set = (dx: number, dy: number, s: number): void => {
    const cell = Math.floor(dy / 4) * plotWidth + (dx >> 1);
    cells[cell]! |= DOT_BITS[dx & 1]![dy & 3]!;
    owner[cell] = s;
  };
  series.forEach((line, s) => {
    const spans = columnSpans(line, xr, yr, dotsX, dotsY);
    let previousCol = -1;
    let previousLast = -1;
    for (let col = 0; col < dotsX; col++) {
      const at = col * 4;
      if (spans[at] === -1) continue;
      let low = spans[at]!;
      let high = spans[at + 1]!;
      const first = spans[at + 2]!;
      if (previousCol !== -1) {
        // interpolate over the empty columns, then join to this column's first point
        let row = previousLast;
        for (let c = previousCol + 1; c < col; c++) {
          const next = Math.round(previousLast + ((first - previousLast) * (c - previousCol)) / (col - previousCol));
          for (let r = Math.min(row, next); r <= Math.max(row, next); r++) set(c, r, s);
          row = next;
        }
        low = Math.min(low, row);
        high = Math.max(high, row);
      }
      for (let row = low; row <= high; row++) set(col, row, s);
      previousCol = col;
      previousLast = spans[at + 3]!;
    }
  });
  const tone = (s: number): Tone => SERIES_TONES[s % SERIES_TONES.length]!;
  const out: string[] = [];
  if (options.title !== undefined) out.push(options.title);
  if (options.yTitle !== undefined) out.push(options.yTitle);
  const tickRows = new Map<number, string>([[0, ticks[0]!]]);
  if (height >= 5) tickRows.set(Math.floor((height - 1) / 2), ticks[1]!);
  tickRows.set(height - 1, ticks[2]!);
  for (let r = 0; r < height; r++) {
    const label = tickRows.get(r);
    let text = '';
    for (let c = 0; c < plotWidth; c++) {
      const bits = cells[r * plotWidth + c]!;
      const ch = String.fromCharCode(BRAILLE_BASE + bits);
      const s = owner[r * plotWidth + c]!;
      text += options.color === true && bits !== 0 && s >= 0 ? paint(ch, tone(s)) : ch;
    }
    out.push(`${(label ?? '').padStart(labelWidth)} ${label === undefined ? '│' : '┤'}${text}`);
  }
  out.push(`${' '.repeat(labelWidth)} └${'─'.repeat(plotWidth)}`);
  const kind = options.xKind ?? 'step';
  const left = formatX(xr.min, kind);
  const right = formatX(xr.max, kind);
  const xTitle = options.xTitle ?? kind;
  const gap = Math.max(1, plotWidth - left.length - right.length);
  const middle = xTitle.length + 2 <= gap ? xTitle.padStart(Math.floor((gap + xTitle.length) / 2)).padEnd(gap) : ' '.repeat(gap);
  out.push(`${' '.repeat(labelWidth + 2)}${left}${middle}${right}`);
  const legend = series.map((line, s) => {
    const mark = options.color === true ? paint('━━', tone(s)) : '━━';
    return `${mark} ${line.name}`;
  });
  // the legend wraps so that every line fits the width
  const indent = ' '.repeat(labelWidth + 2);
  let line = '';
  let visible = 0;
  series.forEach((s, i) => {
    const size = 3 + s.name.length;
    if (visible > 0 && indent.length + visible + 2 + size > options.width) {
      out.push(`${indent}${line}`);
      line = '';
      visible = 0;
    }
    line += `${visible > 0 ? '  ' : ''}${legend[i]!}`;
    visible += (visible > 0 ? 2 : 0) + size;
  });
  out.push(`${indent}${line}`);
  return out;
}

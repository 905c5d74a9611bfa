import { displayWidth, padToWidth, truncateToWidth } from './display-width';
import { paint } from './style';

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Colour the header row. */
  readonly color?: boolean;
  /** Maximum total width; long cells are cut with `…` to fit (default: no limit). */
  readonly maxWidth?: number;
}

/** Text of one cell: strings as is, other values as compact JSON, null/undefined empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function fitWidths(widths: number[], maxWidth: number | undefined): number[] {
  if (maxWidth === undefined) return widths;
  const overhead = widths.length * 3 + 1;
  const fitted = [...widths];
  while (fitted.reduce((a, b) => a + b, 0) + overhead > maxWidth) {
    let widest = 0;
    for (let i = 1; i < fitted.length; i++) if (fitted[i]! > fitted[widest]!) widest = i;
    if (fitted[widest]! <= 4) break;
    fitted[widest]! -= 1;
  }
  return fitted;
}

/**
 * Renders rows as a boxed table (header, rule, one line per row). Columns are
 * measured in display columns (CJK and emoji take two, combining marks none),
 * so they line up in a terminal.
 *
 * @example
 * ```ts
 * renderTable(['uuid', 'name'], [['1a2b', 'train']]);
 * ```
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly unknown[])[], options: TableOptions = {}): string {
  const cells = rows.map((row) => headers.map((_, i) => cellText(row[i]).replace(/\s*\n\s*/g, ' ')));
  const natural = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i]!))));
  const widths = fitWidths(natural, options.maxWidth);
  const line = (values: readonly string[]): string => `│ ${values.map((v, i) => padToWidth(truncateToWidth(v, widths[i]!), widths[i]!)).join(' │ ')} │`;
  const rule = (l: string, m: string, r: string): string => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const head = line(headers);
  return [
    rule('┌', '┬', '┐'),
    options.color === true ? head.replace(/[^│]+/g, (part) => (part.trim() === '' ? part : paint(part, 'bold'))) : head,
    rule('├', '┼', '┤'),
    ...cells.map(line),
    rule('└', '┴', '┘'),
  ].join('\n');
}

/**
 * Renders an object as a two-column key/value list (upstream's "info" tables),
 * keys upper-cased. Nested values are compact JSON.
 */
export function renderKeyValues(entries: readonly (readonly [string, unknown])[], options: { upper?: boolean } = {}): string {
  const keys = entries.map(([k]) => (options.upper === true ? k.toUpperCase() : k));
  const width = Math.max(0, ...keys.map((k) => displayWidth(k)));
  return entries.map(([, v], i) => `  ${padToWidth(keys[i]!, width)}  ${cellText(v)}`).join('\n');
}

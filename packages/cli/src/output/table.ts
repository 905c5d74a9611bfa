import { paint, stripAnsi } from './style';

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

function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
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
 * Renders rows as a boxed table (header, rule, one line per row).
 *
 * @example
 * ```ts
 * renderTable(['uuid', 'name'], [['1a2b', 'train']]);
 * ```
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly unknown[])[], options: TableOptions = {}): string {
  const cells = rows.map((row) => headers.map((_, i) => cellText(row[i]).replace(/\s*\n\s*/g, ' ')));
  const natural = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const widths = fitWidths(natural, options.maxWidth);
  const line = (values: readonly string[]): string => `│ ${values.map((v, i) => truncate(v, widths[i]!).padEnd(widths[i]!)).join(' │ ')} │`;
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
  const width = Math.max(0, ...keys.map((k) => stripAnsi(k).length));
  return entries.map(([, v], i) => `  ${keys[i]!.padEnd(width)}  ${cellText(v)}`).join('\n');
}

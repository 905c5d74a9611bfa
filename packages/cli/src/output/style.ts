/** The tones upstream's printer uses. */
export type Tone = 'header' | 'success' | 'info' | 'warning' | 'error' | 'dim' | 'bold';

const CODES: Readonly<Record<Tone, readonly [number, number]>> = {
  header: [33, 39],
  success: [32, 39],
  info: [36, 39],
  warning: [35, 39],
  error: [31, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/** Wraps `text` in the ANSI codes of `tone` (callers decide whether colours are allowed). */
export function paint(text: string, tone: Tone): string {
  const [open, close] = CODES[tone];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Removes ANSI escape sequences, e.g. to measure the printed width. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

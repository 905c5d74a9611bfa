/**
 * The offending line of a file with its neighbours and a caret under the
 * column, e.g.
 *
 * ```text
 *   3 | run:
 * > 4 |   kind: jobb
 *     |         ^
 *   5 |   container:
 * ```
 *
 * Returns `undefined` when the line is outside the source.
 */
export function codeFrame(source: string, line: number, column?: number, context = 1): string | undefined {
  const lines = source.split(/\r?\n/);
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return undefined;
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1]!.replace(/\t/g, ' ');
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${text}`);
    if (n === line && column !== undefined && column >= 1) {
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
    }
  }
  return out.join('\n');
}

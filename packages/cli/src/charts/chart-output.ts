import { extname, resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { CommandContext } from '../command-context';
import { UsageError } from '../errors';
import { stringOption } from '../option-values';

/** The formats `px ops plot` and `px ops compare` write. */
export const CHART_FORMATS = ['terminal', 'html', 'svg', 'png', 'json', 'csv'] as const;

/** One of {@link CHART_FORMATS}. */
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** Where a chart command writes: a format and a file (`undefined` = stdout). */
export interface ChartTarget {
  readonly format: ChartFormat;
  readonly file: string | undefined;
}

const BY_EXTENSION: Readonly<Record<string, ChartFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.svg': 'svg',
  '.png': 'png',
  '.json': 'json',
  '.csv': 'csv',
  '.txt': 'terminal',
};

/**
 * Resolves `-o/--output` and `--out` of a chart command:
 * - `-o FORMAT` picks the format; `-o path=<file>` (the repo's convention) and
 *   `--out <file>` pick the file, the format then following its extension
 *   unless `-o FORMAT` is also given;
 * - with neither, `terminal` on a TTY and `csv` (tidy rows, nothing lost) when
 *   stdout is a pipe or a file;
 * - `html`, `svg` and `png` are never written to a terminal: without a file they go
 *   to `<defaultName>.<ext>` in the working directory.
 *
 * @throws {@link UsageError} for an unknown format or extension.
 */
export function resolveChartTarget(ctx: CommandContext, defaultName: string): ChartTarget {
  const raw = stringOption(ctx.options, 'output')?.trim();
  let format: ChartFormat | undefined;
  let file = stringOption(ctx.options, 'out');
  if (raw !== undefined) {
    if (raw.startsWith('path=') && raw.length > 'path='.length) file = raw.slice('path='.length);
    else if ((CHART_FORMATS as readonly string[]).includes(raw)) format = raw as ChartFormat;
    else throw new UsageError(`Invalid value for '-o' / '--output': '${raw}'. Use ${CHART_FORMATS.join(', ')} or path=<file>.`);
  }
  if (file === '-') file = undefined;
  if (format === undefined && file !== undefined) {
    format = BY_EXTENSION[extname(file).toLowerCase()];
    if (format === undefined) throw new UsageError(`Cannot tell the format of '${file}' from its extension: add '-o ${CHART_FORMATS.join('|')}'.`);
  }
  format ??= ctx.io.stdout.isTTY === true ? 'terminal' : 'csv';
  if (file === undefined && ctx.io.stdout.isTTY === true && (format === 'html' || format === 'png' || format === 'svg')) file = `${defaultName}.${format}`;
  return { format, file: file === undefined ? undefined : resolve(ctx.cwd, file) };
}

/** Writes a chart command's result to its file (reporting the path) or to stdout. */
export async function writeChartOutput(ctx: CommandContext, target: ChartTarget, content: string | Uint8Array): Promise<void> {
  if (target.file === undefined) {
    // process.stdout takes bytes as they are; the TextSink type only names strings
    (ctx.io.stdout as { write(chunk: string | Uint8Array): unknown }).write(content);
    return;
  }
  await writeFile(target.file, content);
  ctx.print.success(`The ${target.format} output was written to ${target.file}`);
}

/** The width terminal charts fit: the terminal's, else `$COLUMNS`, else 80 columns. */
export function chartWidth(ctx: CommandContext): number {
  const fromEnv = Number.parseInt(ctx.env.COLUMNS ?? '', 10);
  return ctx.io.stdout.columns ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80);
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Printer, type CliIo } from '../cli-io';
import type { CommandContext } from '../command-context';
import type { ParsedOptions } from '../command-spec';
import { chartWidth, resolveChartTarget, writeChartOutput } from './chart-output';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function context(options: ParsedOptions, isTTY: boolean): { ctx: CommandContext; out: (string | Uint8Array)[] } {
  const cwd = mkdtempSync(join(tmpdir(), 'px-chart-out-'));
  dirs.push(cwd);
  const out: (string | Uint8Array)[] = [];
  const io = { stdout: { isTTY, write: (c: string | Uint8Array) => out.push(c) }, stderr: { write: () => true }, color: false, colorErr: false, progress: false } as unknown as CliIo;
  return { ctx: { options, cwd, io, env: {}, print: new Printer(io) } as unknown as CommandContext, out };
}

describe('resolveChartTarget', () => {
  it('defaults to the terminal on a TTY and to CSV on a pipe', () => {
    expect(resolveChartTarget(context({}, true).ctx, 'plot')).toEqual({ format: 'terminal', file: undefined });
    expect(resolveChartTarget(context({}, false).ctx, 'plot')).toEqual({ format: 'csv', file: undefined });
  });
  it('takes the format from -o, the file from --out or -o path=, the format from the extension', () => {
    const { ctx } = context({ output: 'svg' }, false);
    expect(resolveChartTarget(ctx, 'plot')).toEqual({ format: 'svg', file: undefined });
    const withOut = context({ out: 'charts/a.png' }, false).ctx;
    expect(resolveChartTarget(withOut, 'plot')).toEqual({ format: 'png', file: join(withOut.cwd, 'charts/a.png') });
    const withPath = context({ output: 'path=r.html' }, true).ctx;
    expect(resolveChartTarget(withPath, 'plot')).toEqual({ format: 'html', file: join(withPath.cwd, 'r.html') });
    expect(resolveChartTarget(context({ output: 'json', out: '-' }, true).ctx, 'plot')).toEqual({ format: 'json', file: undefined });
  });
  it('never prints HTML, SVG or PNG on a terminal: they go to a file named after the command', () => {
    const { ctx } = context({ output: 'html' }, true);
    expect(resolveChartTarget(ctx, 'compare')).toEqual({ format: 'html', file: join(ctx.cwd, 'compare.html') });
  });
  it('rejects unknown formats and extensions with a usage error', () => {
    expect(() => resolveChartTarget(context({ output: 'pdf' }, true).ctx, 'p')).toThrow("Invalid value for '-o' / '--output': 'pdf'");
    expect(() => resolveChartTarget(context({ out: 'x.pdf' }, true).ctx, 'p')).toThrow("Cannot tell the format of 'x.pdf'");
  });
});

describe('writeChartOutput', () => {
  it('writes bytes to stdout untouched, or to the file and says where', async () => {
    const { ctx, out } = context({}, false);
    await writeChartOutput(ctx, { format: 'png', file: undefined }, new Uint8Array([137, 80]));
    expect(out).toEqual([new Uint8Array([137, 80])]);
    const file = join(ctx.cwd, 'a.svg');
    await writeChartOutput(ctx, { format: 'svg', file }, '<svg/>');
    expect(readFileSync(file, 'utf8')).toBe('<svg/>');
    expect(out[1]).toBe(`The svg output was written to ${file}\n`);
  });
});

describe('chartWidth', () => {
  it('uses the terminal width, else $COLUMNS, else 80', () => {
    const { ctx } = context({}, false);
    expect(chartWidth(ctx)).toBe(80);
    expect(chartWidth({ ...ctx, env: { COLUMNS: '120' } })).toBe(120);
    expect(chartWidth({ ...ctx, io: { ...ctx.io, stdout: { write: () => true, columns: 100 } } })).toBe(100);
  });
});

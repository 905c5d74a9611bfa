import { join } from 'node:path';
import type { ChartOptions, MetricPoint, VegaLiteSpec, XAxis } from '@px/client/plots';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveRunTarget } from '../entity-resolution';
import { CliError, UsageError } from '../errors';
import { offlineRootOf } from '../offline-runs';
import { flagOption, intOption, stringOption } from '../option-values';
import { toCsv } from '../output/csv';
import { brailleChart } from '../charts/braille-chart';
import { chartWidth, resolveChartTarget, writeChartOutput } from '../charts/chart-output';
import { parseNameList, parseSmoothing, parseXAxis } from '../charts/plot-options';
import { renderChartFile } from '../charts/render-file';
import { terminalBars } from '../charts/terminal-bars';
import { skippedWarning, terminalSeries } from '../charts/terminal-series';
import { withApi } from './with-api';

type PlotKind = 'line' | 'bar' | 'scatter';

/** A run's tidy metric rows and how messages name the run. */
interface RunMetrics {
  readonly label: string;
  readonly uid: string;
  readonly rows: MetricPoint[];
}

async function loadMetrics(ctx: CommandContext, names: readonly string[] | undefined): Promise<RunMetrics> {
  const resolved = await resolveFor(ctx);
  if (flagOption(ctx.options, 'offline') || resolved.isOffline.value) {
    const uid = stringOption(ctx.options, 'uid');
    if (uid === undefined) throw new CliError('Please provide the offline run with `--uid`.');
    if (!/^[A-Za-z0-9_-]+$/.test(uid)) throw new CliError(`Received an invalid run uuid: \`${uid}\`.`);
    const { readOfflineMetrics } = await import('@px/client/plots');
    const path = join(offlineRootOf(ctx, resolved), 'runs', uid);
    return { label: `offline run \`${uid}\``, uid, rows: await readOfflineMetrics(path, names) };
  }
  const target = await resolveRunTarget(ctx, resolved);
  return withApi(ctx, resolved, async (api) => {
    const { RunClient } = await import('@px/client');
    const run = new RunClient({ owner: target.owner, project: target.project, runUuid: target.uuid, client: api.client });
    return { label: `run \`${target.uuid}\``, uid: target.uuid, rows: await run.getMetricsAsTidy({ names }) };
  });
}

/**
 * `px ops plot [--uid] [--metrics a,b] [--kind line|bar|scatter] [--x step|timestamp|relative] [--smooth W] [-o FORMAT] [--out FILE]`:
 * charts the metrics of one run (online, or `--offline` from its event files).
 */
export async function plot(ctx: CommandContext): Promise<number> {
  const kind = (stringOption(ctx.options, 'kind') ?? 'line') as PlotKind;
  const x = parseXAxis(stringOption(ctx.options, 'x'));
  const smoothing = parseSmoothing(stringOption(ctx.options, 'smooth'));
  const names = parseNameList(stringOption(ctx.options, 'metrics'));
  if (kind === 'scatter' && names !== undefined && names.length !== 2) {
    throw new UsageError(`A scatter plot needs exactly two metrics (\`--metrics x,y\`); received ${names.length}: ${names.join(', ')}.`);
  }
  const maxPoints = intOption(ctx.options, 'maxPoints', '--max-points');
  if (maxPoints !== undefined && maxPoints < 2) throw new UsageError(`Invalid value for '--max-points': ${maxPoints}. Use 2 or more.`);
  const target = resolveChartTarget(ctx, `plot-${stringOption(ctx.options, 'uid') ?? 'run'}`);
  const { label, uid, rows } = await loadMetrics(ctx, names);
  if (rows.length === 0) throw new CliError(`The ${label} has no metrics to plot.`);
  const found = names ?? [...new Set(rows.map((r) => r.name))];
  if (kind === 'scatter' && found.length < 2) throw new CliError(`A scatter plot needs two metrics; the ${label} has only \`${found.join('`, `')}\`.`);
  const plots = await import('@px/client/plots');
  const options = { x, smoothing, logScale: flagOption(ctx.options, 'logScale'), ...(maxPoints === undefined ? {} : { maxPoints }) };
  const specFor = (subset: readonly MetricPoint[], title: string): VegaLiteSpec => {
    if (kind === 'scatter') return plots.scatterChart(rows, found[0]!, found[1]!, { ...options, title });
    return kind === 'bar' ? plots.barChart(subset, { ...options, title }) : plots.lineChart(subset, { ...options, title });
  };
  const title = `Run ${uid}`;
  switch (target.format) {
    case 'csv':
      await writeChartOutput(ctx, target, toCsv(['step', 'timestamp', 'metric', 'name'], rows.map((r) => [r.step, r.timestamp.toISOString(), r.metric, r.name])));
      return 0;
    case 'json':
      await writeChartOutput(ctx, target, `${JSON.stringify(specFor(rows, title), null, 2)}\n`);
      return 0;
    case 'svg':
    case 'png':
      await writeChartOutput(ctx, target, await renderChartFile(target.format, [specFor(rows, title)]));
      return 0;
    case 'html': {
      const charts =
        kind === 'scatter'
          ? [{ title: `${found[1]!} against ${found[0]!}`, spec: specFor(rows, `${found[1]!} against ${found[0]!}`) }]
          : found.map((name) => ({ title: name, spec: specFor(rows.filter((r) => r.name === name), name) }));
      const { htmlReport } = await import('../charts/html-report');
      await writeChartOutput(ctx, target, await htmlReport(title, charts));
      return 0;
    }
    case 'terminal':
      return plotAtTerminal(ctx, { kind, label, rows, found, options });
  }
}

/** What the terminal view of `px ops plot` draws. */
interface TerminalPlot {
  readonly kind: PlotKind;
  readonly label: string;
  readonly rows: MetricPoint[];
  readonly found: string[];
  readonly options: ChartOptions & { x: XAxis; smoothing: number; logScale: boolean };
}

async function plotAtTerminal(ctx: CommandContext, { kind, label, rows, found, options }: TerminalPlot): Promise<number> {
  const plots = await import('@px/client/plots');
  {
    const width = chartWidth(ctx);
    if (kind === 'bar') {
      ctx.print.header(`Last values of the ${label}`);
      const last = plots.MultiRunPlot.lastValues(rows).get('') ?? {};
      for (const line of terminalBars(Object.entries(last), width, ctx.io.color)) ctx.print.line(line);
      return 0;
    }
    if (kind === 'scatter') {
      const wide = plots.toWide(rows);
      const series = [{ name: `${found[1]!} against ${found[0]!}`, x: wide.map((r) => r[found[0]!] ?? Number.NaN), y: wide.map((r) => r[found[1]!] ?? Number.NaN) }];
      const lines = brailleChart(series, { width, color: ctx.io.color, title: `${found[1]!} against ${found[0]!} (${label})`, xTitle: found[0]!, yTitle: found[1]! });
      if (lines === undefined) throw new CliError(`The ${label} has no step where both \`${found[0]!}\` and \`${found[1]!}\` have finite values.`);
      for (const line of lines) ctx.print.line(line);
      return 0;
    }
    const prepared = plots.prepareSeries(rows, { ...options, maxPoints: options.maxPoints ?? Math.max(2, width * 4) });
    const warning = skippedWarning(prepared);
    if (warning !== undefined) ctx.print.warning(warning);
    const lines = brailleChart(terminalSeries(prepared), {
      width,
      color: ctx.io.color,
      title: `Metrics of the ${label}${options.smoothing > 0 ? ` (smoothing ${options.smoothing})` : ''}${options.logScale ? ' (log scale)' : ''}`,
      xKind: options.x,
      logScale: options.logScale,
    });
    if (lines === undefined) throw new CliError(`The metrics of the ${label} have no finite values to plot.`);
    for (const line of lines) ctx.print.line(line);
    return 0;
  }
}

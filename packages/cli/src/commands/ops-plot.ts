import { join } from 'node:path';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveRunTarget } from '../entity-resolution';
import { CliError, UsageError } from '../errors';
import { offlineRootOf } from '../offline-runs';
import { flagOption, intOption, stringOption } from '../option-values';
import { toCsv } from '../output/csv';
import { brailleChart } from '../charts/braille-chart';
import { resolveChartTarget, writeChartOutput } from '../charts/chart-output';
import { lastValues, metricNames, seriesByMetric, type TidyMetricRow } from '../charts/metric-series';
import { parseNameList, parseSmoothing, parseXAxis } from '../charts/plot-options';
import { terminalBars } from '../charts/terminal-bars';
import { withApi } from './with-api';

const KINDS = ['line', 'bar', 'scatter'] as const;
type PlotKind = (typeof KINDS)[number];

/** A run's tidy metric rows and how to name the run in messages. */
interface RunMetrics {
  readonly label: string;
  readonly uid: string;
  readonly rows: TidyMetricRow[];
}

async function loadMetrics(ctx: CommandContext, names: readonly string[] | undefined): Promise<RunMetrics> {
  const resolved = await resolveFor(ctx);
  const plots = await import('@px/client/plots');
  if (flagOption(ctx.options, 'offline') || resolved.isOffline.value) {
    const uid = stringOption(ctx.options, 'uid');
    if (uid === undefined) throw new CliError('Please provide the offline run with `--uid`.');
    if (!/^[A-Za-z0-9_-]+$/.test(uid)) throw new CliError(`Received an invalid run uuid: \`${uid}\`.`);
    const path = join(offlineRootOf(ctx, resolved), 'runs', uid);
    return { label: `offline run \`${uid}\``, uid, rows: await plots.readOfflineMetrics(path, names) };
  }
  const target = await resolveRunTarget(ctx, resolved);
  return withApi(ctx, resolved, async (api) => {
    const { RunClient } = await import('@px/client');
    const run = new RunClient({ owner: target.owner, project: target.project, runUuid: target.uuid, client: api.client });
    return { label: `run \`${target.uuid}\``, uid: target.uuid, rows: await run.getMetricsAsTidy(names) };
  });
}

function plotKind(ctx: CommandContext): PlotKind {
  const kind = stringOption(ctx.options, 'kind') ?? 'line';
  if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`Invalid value for '--kind': '${kind}'. Use ${KINDS.join(', ')}.`);
  return kind as PlotKind;
}

/**
 * `px ops plot [--uid] [--metrics a,b] [--kind line|bar|scatter] [--x step|timestamp|relative] [--smooth W] [-o FORMAT] [--out FILE]`:
 * charts the metrics of one run (online, or `--offline` from its event files).
 */
export async function plot(ctx: CommandContext): Promise<number> {
  const kind = plotKind(ctx);
  const x = parseXAxis(stringOption(ctx.options, 'x'));
  const smoothing = parseSmoothing(stringOption(ctx.options, 'smooth'));
  const names = parseNameList(stringOption(ctx.options, 'metrics'));
  if (kind === 'scatter' && names !== undefined && names.length !== 2) {
    throw new UsageError(`A scatter plot needs exactly two metrics (\`--metrics x,y\`); received ${names.length}: ${names.join(', ')}.`);
  }
  const maxPoints = intOption(ctx.options, 'maxPoints', '--max-points');
  const target = resolveChartTarget(ctx, `plot-${stringOption(ctx.options, 'uid') ?? 'run'}`);
  const { label, uid, rows } = await loadMetrics(ctx, names);
  const found = metricNames(rows);
  if (rows.length === 0) throw new CliError(`The ${label} has no metrics to plot.`);
  const plots = await import('@px/client/plots');
  const options = { x, smoothing, logScale: flagOption(ctx.options, 'logScale'), ...(maxPoints === undefined ? {} : { maxPoints }) };
  const specFor = (subset: readonly TidyMetricRow[], title: string): Record<string, unknown> => {
    if (kind === 'scatter') {
      if (found.length < 2) throw new CliError(`A scatter plot needs two metrics; the ${label} has only ${found.join(', ')}.`);
      return plots.scatterChart(rows, found[0]!, found[1]!, { ...options, title });
    }
    return kind === 'bar' ? plots.barChart(subset, { ...options, title }) : plots.lineChart(subset, { ...options, title });
  };
  switch (target.format) {
    case 'csv':
      await writeChartOutput(ctx, target, toCsv(['step', 'timestamp', 'metric', 'name'], rows.map((r) => [r.step, r.timestamp.toISOString(), r.metric, r.name])));
      return 0;
    case 'json':
      await writeChartOutput(ctx, target, `${JSON.stringify(specFor(rows, `Run ${uid}`), null, 2)}\n`);
      return 0;
    case 'svg':
    case 'png': {
      const { renderSvg } = await import('../charts/vega-render');
      const svg = await renderSvg(specFor(rows, `Run ${uid}`));
      if (target.format === 'svg') await writeChartOutput(ctx, target, svg);
      else await writeChartOutput(ctx, target, await (await import('../charts/png-render')).svgToPng(svg));
      return 0;
    }
    case 'html': {
      const { htmlReport } = await import('../charts/html-report');
      const charts = kind === 'scatter' ? [{ title: `${found[0]!} vs ${found[1]!}`, spec: specFor(rows, `${found[0]!} vs ${found[1]!}`) }] : found.map((name) => ({ title: name, spec: specFor(rows.filter((r) => r.name === name), name) }));
      await writeChartOutput(ctx, target, await htmlReport(`Run ${uid}`, charts));
      return 0;
    }
    case 'terminal': {
      const width = ctx.io.stdout.columns ?? 80;
      if (kind === 'bar') {
        ctx.print.header(`Last values of the ${label}`);
        for (const line of terminalBars([...lastValues(rows)], width, ctx.io.color)) ctx.print.line(line);
        return 0;
      }
      let series = seriesByMetric(rows, x);
      if (kind === 'scatter') {
        if (found.length < 2) throw new CliError(`A scatter plot needs two metrics; the ${label} has only ${found.join(', ')}.`);
        const wide = plots.toWide(rows);
        series = [{ name: `${found[1]!} against ${found[0]!}`, x: wide.map((r) => r[found[0]!] ?? Number.NaN), y: wide.map((r) => r[found[1]!] ?? Number.NaN) }];
      } else if (smoothing > 0) {
        series = series.map((s) => ({ ...s, y: plots.smoothEma(Array.from(s.y), smoothing) }));
      }
      const lines = brailleChart(series, {
        width,
        color: ctx.io.color,
        title: `Metrics of the ${label}${smoothing > 0 ? ` (smoothing ${smoothing})` : ''}`,
        xKind: kind === 'scatter' ? 'step' : x,
        xTitle: kind === 'scatter' ? found[0]! : x,
        ...(kind === 'scatter' ? { yTitle: found[1]! } : {}),
      });
      if (lines === undefined) throw new CliError(`The metrics of the ${label} have no finite values to plot (${found.join(', ')}).`);
      for (const line of lines) ctx.print.line(line);
      return 0;
    }
  }
}

import { join } from 'node:path';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveProjectTarget } from '../entity-resolution';
import { CliError } from '../errors';
import { listOfflineRuns, offlineRootOf } from '../offline-runs';
import { intOption, flagOption, stringOption } from '../option-values';
import { toCsv } from '../output/csv';
import { renderTable } from '../output/table';
import { resolveChartTarget, writeChartOutput } from '../charts/chart-output';
import { lastValues, type TidyMetricRow } from '../charts/metric-series';
import { parseNameList } from '../charts/plot-options';
import { compareSparklines } from '../charts/terminal-compare';
import { withApi } from './with-api';

/** One compared run: its inputs/outputs and, when `--metrics` is given, its metric rows. */
interface ComparedRun {
  readonly uid: string;
  readonly name?: string;
  readonly values: Record<string, unknown>;
  readonly rows: TidyMetricRow[];
}

async function loadOffline(ctx: CommandContext, root: string, metrics: readonly string[] | undefined, limit: number | undefined): Promise<ComparedRun[]> {
  const plots = await import('@px/client/plots');
  const records = await listOfflineRuns(root);
  const offset = intOption(ctx.options, 'offset', '--offset') ?? 0;
  const chosen = records.slice(offset, limit === undefined ? undefined : offset + limit);
  return Promise.all(
    chosen.map(async (record) => {
      const path = join(root, 'runs', String(record.uuid));
      const io = await plots.readOfflineRunIo(path);
      const rows = metrics === undefined ? [] : await plots.readOfflineMetrics(path, metrics).catch((error: unknown) => (isMetricNotFound(error) ? [] : Promise.reject(error)));
      return { ...io, rows };
    }),
  );
}

function isMetricNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'MetricNotFoundError';
}

async function loadOnline(ctx: CommandContext, metrics: readonly string[] | undefined, limit: number | undefined): Promise<ComparedRun[]> {
  const resolved = await resolveFor(ctx);
  const target = await resolveProjectTarget(ctx, resolved);
  return withApi(ctx, resolved, async (api) => {
    const { RunClient } = await import('@px/client');
    const client = new RunClient({ owner: target.owner, project: target.project, client: api.client });
    const runs = await client.getRunsIo({
      query: stringOption(ctx.options, 'query'),
      sort: stringOption(ctx.options, 'sort'),
      limit,
      offset: intOption(ctx.options, 'offset', '--offset'),
    });
    if (metrics === undefined || runs.length === 0) return runs.map((r) => ({ ...r, rows: [] }));
    const rows = await client.getMultiRunMetricsAsTidy(runs.map((r) => r.uid), metrics);
    return runs.map((r) => ({ ...r, rows: rows.filter((row) => row.run === r.uid) }));
  });
}

/**
 * `px ops compare [-q QUERY] [--sort S] [--limit N] [--metrics a,b] [--params x,y] [-o FORMAT] [--out FILE]`:
 * compares runs' inputs, outputs and last metric values as a table with
 * sparklines, a parallel coordinates chart and one chart per metric
 * (online, or `--offline` from the runs under the offline root).
 */
export async function compare(ctx: CommandContext): Promise<number> {
  const metrics = parseNameList(stringOption(ctx.options, 'metrics'));
  const params = parseNameList(stringOption(ctx.options, 'params'));
  const limit = intOption(ctx.options, 'limit', '--limit');
  const target = resolveChartTarget(ctx, 'compare');
  const resolved = await resolveFor(ctx);
  const offline = flagOption(ctx.options, 'offline') || resolved.isOffline.value;
  if (offline && stringOption(ctx.options, 'query') !== undefined) {
    throw new CliError('`-q/--query` filters runs on the server; it is not available with `--offline` (use `--sort` and `--limit`).');
  }
  const runs = offline ? await loadOffline(ctx, offlineRootOf(ctx, resolved), metrics, limit) : await loadOnline(ctx, metrics, limit);
  if (runs.length === 0) throw new CliError(offline ? `No offline runs were found under ${join(offlineRootOf(ctx, resolved), 'runs')}.` : 'No runs matched.');
  if (metrics !== undefined && runs.every((r) => r.rows.length === 0)) {
    throw new CliError(`None of the ${runs.length} runs has the metric${metrics.length > 1 ? 's' : ''} ${metrics.map((m) => `\`${m}\``).join(', ')}.`);
  }
  const plots = await import('@px/client/plots');
  const io = runs.map((r) => ({ uid: r.uid, ...(r.name === undefined ? {} : { name: r.name }), values: pick(r.values, params) }));
  const last = Object.fromEntries(runs.map((r) => [r.uid, Object.fromEntries(lastValues(r.rows))]));
  const sort = offline ? stringOption(ctx.options, 'sort') : undefined;
  const table = plots.comparisonTable(io, last, sort === undefined ? {} : { sort });
  const specs = (): { title: string; spec: Record<string, unknown> }[] => {
    const out = [{ title: 'Inputs and outputs', spec: plots.parallelCoordinates(io, { title: 'Inputs and outputs' }) }];
    for (const metric of metrics ?? []) {
      const rows = runs.flatMap((r) => r.rows.filter((row) => row.name === metric).map((row) => ({ ...row, name: r.name ?? r.uid })));
      if (rows.length > 0) out.push({ title: metric, spec: plots.lineChart(rows, { title: metric }) });
    }
    return out;
  };
  switch (target.format) {
    case 'csv':
      await writeChartOutput(ctx, target, toCsv(table.columns, table.rows.map((row) => table.columns.map((c) => row[c]))));
      return 0;
    case 'json':
      await writeChartOutput(ctx, target, `${JSON.stringify(specs().map((s) => s.spec), null, 2)}\n`);
      return 0;
    case 'svg':
    case 'png': {
      const { renderSvg } = await import('../charts/vega-render');
      const { stackSpecs } = await import('../charts/spec-compose');
      const svg = await renderSvg(stackSpecs(specs().map((s) => s.spec)));
      if (target.format === 'svg') await writeChartOutput(ctx, target, svg);
      else await writeChartOutput(ctx, target, await (await import('../charts/png-render')).svgToPng(svg));
      return 0;
    }
    case 'html': {
      const { htmlReport } = await import('../charts/html-report');
      await writeChartOutput(ctx, target, await htmlReport(`Comparison of ${runs.length} runs`, specs()));
      return 0;
    }
    case 'terminal': {
      const width = ctx.io.stdout.columns ?? 80;
      ctx.print.header(`Comparison of ${runs.length} runs`);
      ctx.print.line(renderTable(table.columns, table.rows.map((row) => table.columns.map((c) => row[c])), { color: ctx.io.color, maxWidth: width }));
      for (const line of compareSparklines(runs, metrics ?? [], width, ctx.io.color)) ctx.print.line(line);
      return 0;
    }
  }
}

function pick(values: Record<string, unknown>, keys: readonly string[] | undefined): Record<string, unknown> {
  if (keys === undefined) return values;
  return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
}

import { join } from 'node:path';
import type { MetricPoint, RunIo, VegaLiteSpec } from '@px/client/plots';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveProjectTarget } from '../entity-resolution';
import { CliError } from '../errors';
import { listOfflineRuns, offlineRootOf } from '../offline-runs';
import { flagOption, intOption, stringOption } from '../option-values';
import { toCsv } from '../output/csv';
import { renderTable } from '../output/table';
import { formatNumber } from '../charts/axis-format';
import { chartWidth, resolveChartTarget, writeChartOutput } from '../charts/chart-output';
import { parseNameList } from '../charts/plot-options';
import { renderChartFile } from '../charts/render-file';
import { compareSparklines } from '../charts/terminal-compare';
import { withApi } from './with-api';

/** The compared runs (inputs and outputs) and, with `--metrics`, their metric rows (each with its `run`). */
interface Comparison {
  readonly runs: RunIo[];
  readonly rows: MetricPoint[];
}

interface ListArgs {
  readonly query: string | undefined;
  readonly sort: string | undefined;
  readonly limit: number | undefined;
  readonly offset: number | undefined;
}

async function loadOffline(root: string, metrics: readonly string[] | undefined, list: ListArgs): Promise<Comparison> {
  const { MetricNotFoundError, readOfflineMetrics, readOfflineRunIo } = await import('@px/client/plots');
  const offset = list.offset ?? 0;
  const records = (await listOfflineRuns(root)).slice(offset, list.limit === undefined ? undefined : offset + list.limit);
  const runs: RunIo[] = [];
  const rows: MetricPoint[] = [];
  for (const record of records) {
    const path = join(root, 'runs', String(record.uuid));
    runs.push(await readOfflineRunIo(path));
    if (metrics === undefined) continue;
    try {
      rows.push(...(await readOfflineMetrics(path, metrics, { run: String(record.uuid) })));
    } catch (error) {
      // a run without some of the metrics is compared without them
      if (!MetricNotFoundError.isInstance(error)) throw error;
      const present = metrics.filter((m) => !error.missing.includes(m));
      if (present.length > 0) rows.push(...(await readOfflineMetrics(path, present, { run: String(record.uuid) })));
    }
  }
  return { runs, rows };
}

async function loadOnline(ctx: CommandContext, metrics: readonly string[] | undefined, list: ListArgs): Promise<Comparison> {
  const resolved = await resolveFor(ctx);
  const target = await resolveProjectTarget(ctx, resolved);
  return withApi(ctx, resolved, async (api) => {
    const { MultiRunPlot } = await import('@px/client/plots');
    const plot = new MultiRunPlot({ owner: target.owner, project: target.project, client: api.client });
    const runs = await plot.getRunsIo(list);
    if (metrics === undefined || runs.length === 0) return { runs, rows: [] };
    return { runs, rows: await plot.getMultiRunMetrics({ names: metrics, runs: runs.map((r) => r.uid) }) };
  });
}

/** A short label per run uuid: its name, with the uuid's start when two runs share a name. */
function runLabels(runs: readonly RunIo[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const r of runs) if (r.name !== undefined) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return new Map(runs.map((r) => [r.uid, r.name === undefined ? r.uid.slice(0, 8) : (counts.get(r.name) ?? 0) > 1 ? `${r.name} (${r.uid.slice(0, 8)})` : r.name]));
}

function pick(values: Record<string, unknown>, keys: readonly string[] | undefined): Record<string, unknown> {
  if (keys === undefined) return values;
  return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
}

/**
 * `px ops compare [-q QUERY] [-s SORT] [-l LIMIT] [--metrics a,b] [--params x,y] [-o FORMAT] [--out FILE]`:
 * compares runs' inputs, outputs and last metric values as a sorted table
 * with sparklines, a parallel coordinates chart and one chart per metric
 * (online, or `--offline` from the runs under the offline root).
 */
export async function compare(ctx: CommandContext): Promise<number> {
  const metrics = parseNameList(stringOption(ctx.options, 'metrics'));
  const params = parseNameList(stringOption(ctx.options, 'params'));
  const list: ListArgs = {
    query: stringOption(ctx.options, 'query'),
    sort: stringOption(ctx.options, 'sort'),
    limit: intOption(ctx.options, 'limit', '--limit'),
    offset: intOption(ctx.options, 'offset', '--offset'),
  };
  const target = resolveChartTarget(ctx, 'compare');
  const resolved = await resolveFor(ctx);
  const offline = flagOption(ctx.options, 'offline') || resolved.isOffline.value;
  if (offline && list.query !== undefined) {
    throw new CliError('`-q/--query` is answered by the server; it is not available with `--offline` (use `--sort` and `--limit`).');
  }
  const root = offlineRootOf(ctx, resolved);
  const { runs, rows } = offline ? await loadOffline(root, metrics, list) : await loadOnline(ctx, metrics, list);
  if (runs.length === 0) throw new CliError(offline ? `No offline runs were found under ${join(root, 'runs')}.` : 'No runs matched.');
  if (metrics !== undefined && rows.length === 0) {
    throw new CliError(`None of the ${runs.length} runs has the metric${metrics.length > 1 ? 's' : ''} ${metrics.map((m) => `\`${m}\``).join(', ')}.`);
  }
  const plots = await import('@px/client/plots');
  const io = runs.map((r) => ({ ...r, values: pick(r.values, params) }));
  const last = plots.MultiRunPlot.lastValues(rows);
  // online the server sorts the runs; offline the table does (any column, e.g. `-metrics.loss`)
  const table = plots.comparisonTable(io, last, offline && list.sort !== undefined ? { sort: list.sort } : {});
  const labels = runLabels(runs);
  const specs = (): { title: string; spec: VegaLiteSpec }[] => {
    const out = [{ title: 'Inputs and outputs', spec: plots.parallelCoordinates(io, { title: 'Inputs and outputs' }) }];
    for (const metric of metrics ?? []) {
      // legends name runs by their names rather than 32-character uuids
      const subset = rows.filter((row) => row.name === metric).map((row) => ({ ...row, run: labels.get(row.run ?? '') ?? row.run }));
      if (subset.length > 0) out.push({ title: metric, spec: plots.lineChart(subset, { title: metric }) });
    }
    return out;
  };
  const title = `Comparison of ${runs.length} run${runs.length === 1 ? '' : 's'}`;
  switch (target.format) {
    case 'csv':
      await writeChartOutput(ctx, target, toCsv(table.columns, table.rows.map((row) => table.columns.map((c) => row[c]))));
      return 0;
    case 'json':
      await writeChartOutput(ctx, target, `${JSON.stringify(specs().map((s) => s.spec), null, 2)}\n`);
      return 0;
    case 'svg':
    case 'png':
      await writeChartOutput(ctx, target, await renderChartFile(target.format, specs().map((s) => s.spec)));
      return 0;
    case 'html': {
      const { htmlReport } = await import('../charts/html-report');
      await writeChartOutput(ctx, target, await htmlReport(title, specs()));
      return 0;
    }
    case 'terminal': {
      const width = chartWidth(ctx);
      ctx.print.header(title);
      const cells = table.rows.map((row) => table.columns.map((c) => (typeof row[c] === 'number' ? formatNumber(row[c]) : row[c])));
      ctx.print.line(renderTable(table.columns, cells, { color: ctx.io.color, maxWidth: width }));
      const sparkRuns = table.rows.map((row) => {
        const uid = String(row.uid);
        const run = runs.find((r) => r.uid === uid);
        return { uid, ...(run?.name === undefined ? {} : { name: run.name }), rows: rows.filter((r) => r.run === uid), last: last.get(uid) ?? {} };
      });
      for (const line of compareSparklines(sparkRuns, metrics ?? [], width, ctx.io.color)) ctx.print.line(line);
      return 0;
    }
  }
}

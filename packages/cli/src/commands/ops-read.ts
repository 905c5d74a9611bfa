import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { cacheRun, resolveProjectTarget, resolveRunTarget, runUrl } from '../entity-resolution';
import { listOfflineRuns, offlineRootOf, readOfflineRunOption } from '../offline-runs';
import { toCsv } from '../output/csv';
import { emitData } from '../output/emit-data';
import { parseOutputFormat } from '../output/output-format';
import { cellText, renderKeyValues, renderTable } from '../output/table';
import { flagOption, intOption, stringOption } from '../option-values';
import { formatTime, isDone } from '../run-format';
import { withApi } from './with-api';

const DEFAULT_COLUMNS = ['uuid', 'name', 'tags', 'created_at', 'updated_at', 'status', 'kind', 'runtime'];
const EXCLUDED = new Set(['owner', 'project', 'description', 'content', 'raw_content', 'readme', 'settings', 'status_conditions', 'graph', 'meta_info', 'role', 'contributors']);

function parseColumns(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().replace(/^\[|\]$/g, '');
  return text
    .split(',')
    .map((c) => c.trim().replace(/^["']|["']$/g, ''))
    .filter((c) => c !== '');
}

function cell(run: Record<string, unknown>, column: string): unknown {
  if (column.startsWith('in.')) return (run.inputs as Record<string, unknown> | undefined)?.[column.slice(3)];
  if (column.startsWith('out.')) return (run.outputs as Record<string, unknown> | undefined)?.[column.slice(4)];
  const value = run[column];
  return column.endsWith('_at') && typeof value === 'string' ? formatTime(value) : value;
}

/** `px ops ls`: lists the runs of a project (or the offline runs with `--offline`). */
export async function list(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const resolved = await resolveFor(ctx);
  const params = {
    query: stringOption(ctx.options, 'query'),
    sort: stringOption(ctx.options, 'sort'),
    limit: intOption(ctx.options, 'limit', '--limit') ?? 20,
    offset: intOption(ctx.options, 'offset', '--offset'),
  };
  let results: Record<string, unknown>[];
  let count: number;
  let title: string;
  let page: unknown;
  if (flagOption(ctx.options, 'offline') || resolved.isOffline.value) {
    const root = offlineRootOf(ctx, resolved);
    const all = await listOfflineRuns(root);
    results = all.slice(params.offset ?? 0, (params.offset ?? 0) + params.limit);
    count = all.length;
    title = `Offline runs under \`${root}\`.`;
    page = { count, results };
  } else {
    const target = await resolveProjectTarget(ctx, resolved);
    const answer = await withApi(ctx, resolved, (api) => api.listRuns(target.owner, target.project, params));
    results = answer.results ?? [];
    count = answer.count ?? results.length;
    title = `Runs for project \`${target.owner}/${target.project}\`.`;
    page = answer;
  }
  if (await emitData(ctx, format, page)) return 0;
  ctx.print.header(title);
  ctx.print.line(`Count: ${count}${params.offset === undefined ? '' : `, offset: ${params.offset}`}`);
  if (results.length === 0) {
    ctx.print.line('No runs found.');
    return 0;
  }
  let columns = parseColumns(stringOption(ctx.options, 'columns')) ?? DEFAULT_COLUMNS;
  if (flagOption(ctx.options, 'io')) {
    const io = new Set<string>();
    for (const run of results) {
      for (const key of Object.keys((run.inputs as Record<string, unknown> | null | undefined) ?? {})) io.add(`in.${key}`);
      for (const key of Object.keys((run.outputs as Record<string, unknown> | null | undefined) ?? {})) io.add(`out.${key}`);
    }
    columns = [...columns, ...io];
  }
  columns = columns.filter((c) => !EXCLUDED.has(c));
  if (flagOption(ctx.options, 'toCsv')) {
    const target = join(ctx.cwd, 'results.csv');
    await writeFile(target, toCsv(columns, results.map((run) => columns.map((c) => cell(run, c)))));
    ctx.print.success(`Runs were written to ${target}`);
  }
  ctx.print.line(renderTable(columns, results.map((run) => columns.map((c) => cell(run, c))), { color: ctx.io.color, maxWidth: ctx.io.stdout.columns }));
  return 0;
}

function printRun(ctx: CommandContext, run: Record<string, unknown>): void {
  if (typeof run.description === 'string' && run.description !== '') {
    ctx.print.header('Run description:');
    ctx.print.line(run.description);
    ctx.print.line('');
  }
  for (const [key, label] of [
    ['inputs', 'Run inputs:'],
    ['outputs', 'Run outputs:'],
    ['settings', 'Run settings:'],
    ['meta_info', 'Run meta info:'],
  ] as const) {
    const value = run[key];
    if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) {
      ctx.print.header(label);
      ctx.print.line(renderKeyValues(Object.entries(value)));
      ctx.print.line('');
    }
  }
  ctx.print.header('Run info:');
  const skip = new Set(['description', 'inputs', 'outputs', 'settings', 'meta_info', 'content', 'raw_content', 'readme', 'status_conditions', 'graph']);
  const entries = Object.entries(run)
    .filter(([k, v]) => !skip.has(k) && v !== null && v !== undefined)
    .map(([k, v]) => [k, k.endsWith('_at') && typeof v === 'string' ? formatTime(v) : v] as const);
  ctx.print.line(renderKeyValues(entries, { upper: true }));
}

/** `px ops get [--uid]`: prints a run and caches it as the current run. */
export async function get(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const resolved = await resolveFor(ctx);
  if (flagOption(ctx.options, 'offline') || resolved.isOffline.value) {
    const run = await readOfflineRunOption(ctx, resolved);
    if (await emitData(ctx, format, run)) return 0;
    printRun(ctx, run);
    return 0;
  }
  const target = await resolveRunTarget(ctx, resolved);
  const run = await withApi(ctx, resolved, (api) => api.getRun(target.owner, target.project, target.uuid));
  await cacheRun(ctx, target, run);
  if (await emitData(ctx, format, { ...run, url: runUrl(resolved.host.value, target) })) return 0;
  printRun(ctx, run);
  ctx.print.line(`You can view this run on Polyaxon UI: ${runUrl(resolved.host.value, target)}`);
  return 0;
}

function conditionRows(conditions: readonly Record<string, unknown>[]): unknown[][] {
  return conditions.map((c) => [c.type, c.status, c.reason, c.message, formatTime(cellText(c.last_update_time)), formatTime(cellText(c.last_transition_time))]);
}

const CONDITION_HEADERS = ['TYPE', 'STATUS', 'REASON', 'MESSAGE', 'LAST_UPDATE_TIME', 'LAST_TRANSITION_TIME'];

/** `px ops statuses [--uid] [-w]`: prints the latest status and the status conditions (live with `--watch`). */
export async function statuses(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const resolved = await resolveFor(ctx);
  if (flagOption(ctx.options, 'offline') || resolved.isOffline.value) {
    const run = await readOfflineRunOption(ctx, resolved);
    const data = { uuid: run.uuid, status: run.status, status_conditions: run.status_conditions ?? [] };
    if (await emitData(ctx, format, data)) return 0;
    ctx.print.line(`Latest status: ${cellText(run.status)}`);
    ctx.print.line(renderTable(CONDITION_HEADERS, conditionRows((run.status_conditions as Record<string, unknown>[] | undefined) ?? [])));
    return 0;
  }
  const target = await resolveRunTarget(ctx, resolved);
  const watch = flagOption(ctx.options, 'watch');
  const interval = Math.max(0.05, resolved.watchInterval.value) * 1000;
  return withApi(ctx, resolved, async (api) => {
    let shown = 0;
    for (;;) {
      const answer = await api.getStatuses(target.owner, target.project, target.uuid);
      const conditions = (answer.status_conditions as Record<string, unknown>[] | null | undefined) ?? [];
      if (!watch) {
        if (await emitData(ctx, format, answer)) return 0;
        ctx.print.line(`Latest status: ${cellText(answer.status)}`);
        ctx.print.line(renderTable(CONDITION_HEADERS, conditionRows(conditions), { color: ctx.io.color, maxWidth: ctx.io.stdout.columns }));
        return 0;
      }
      const fresh = conditions.slice(shown);
      if (fresh.length > 0) {
        if (format.kind === 'json') for (const c of fresh) ctx.io.stdout.write(`${JSON.stringify(c)}\n`);
        else for (const row of conditionRows(fresh)) ctx.print.line(row.map((v) => cellText(v)).join('  '));
        shown = conditions.length;
      }
      if (isDone(cellText(answer.status))) {
        if (format.kind !== 'json') ctx.print.line(`Latest status: ${cellText(answer.status)}`);
        return 0;
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  });
}

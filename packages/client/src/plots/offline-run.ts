import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PolyaxonClientException } from '../errors/client-error';
import type { V1Run } from '../models/run';
import { readOfflineRun } from '../offline/offline-files';
import type { ListOptions } from '../pagination/page';
import { runIo } from '../run/runs-io';
import { MetricFileParser } from './metric-file';
import { MetricNotFoundError, PlotDataError } from './plot-errors';
import type { MetricPoint, RunIo } from './types';

/** Parses a metric event file as it streams in (1 MiB chunks), so a large file is never one string in memory. */
async function readMetricFile(file: string, name: string, run: string | undefined): Promise<MetricPoint[]> {
  const parser = new MetricFileParser(name, file, run);
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) parser.push(chunk as string);
  } catch (error) {
    if (PlotDataError.isInstance(error)) throw error;
    throw new PolyaxonClientException(`Could not read ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parser.end();
}

/** The metric names of a run folder: its `events/metric/*.plx` files, sorted. */
export async function offlineMetricNames(runPath: string): Promise<string[]> {
  try {
    const files = await readdir(join(runPath, 'events', 'metric'));
    return files.filter((f) => f.endsWith('.plx')).map((f) => f.slice(0, -4)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new PolyaxonClientException(`Could not list the metrics of ${runPath}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Tidy rows of the metrics of a run folder (an offline run written by
 * `@px/tracking`, or a run's artifacts folder): `events/metric/<name>.plx`,
 * every metric by default.
 *
 * @param runPath - the run folder
 * @param names - metric names; default: every metric file
 * @param options - `run`: a uuid to set on each row (to compare several folders)
 * @throws {@link MetricNotFoundError} when a named metric has no file, listing those that exist
 * @throws {@link PlotDataError} when a file is malformed (names the file and line)
 */
export async function readOfflineMetrics(runPath: string, names?: readonly string[], options: { run?: string } = {}): Promise<MetricPoint[]> {
  const available = await offlineMetricNames(runPath);
  const wanted = names ?? available;
  const missing = wanted.filter((n) => !available.includes(n));
  if (missing.length > 0) throw new MetricNotFoundError(missing, runPath, available);
  const rows: MetricPoint[] = [];
  for (const name of wanted) {
    const file = join(runPath, 'events', 'metric', `${name}.plx`);
    for (const row of await readMetricFile(file, name, options.run)) rows.push(row);
  }
  return rows;
}

/**
 * The inputs and outputs of a run folder's `run.plx.json` (an offline run),
 * as {@link RunIo}; a run with none gets `values: {}`.
 *
 * @param runPath - the run folder
 * @throws {@link PolyaxonClientException} when the folder has no readable `run.plx.json`
 */
export async function readOfflineRunIo(runPath: string): Promise<RunIo> {
  const offline = await readOfflineRun(runPath);
  if (offline === undefined) throw new PolyaxonClientException(`${runPath} is not an offline run folder: it has no run.plx.json.`);
  const { run } = offline;
  const io: RunIo = { uid: run.uuid ?? basename(runPath), values: { ...run.inputs, ...run.outputs } };
  if (typeof run.name === 'string' && run.name !== '') io.name = run.name;
  return io;
}

/** The value an offline run is sorted on: `name`, `created_at`, `inputs.k`/`params.k`, `outputs.k`/`metrics.k`. */
function sortValue(run: V1Run, field: string): unknown {
  if (field === 'name' || field === 'created_at' || field === 'updated_at' || field === 'uuid') return run[field];
  const dot = field.indexOf('.');
  const head = field.slice(0, dot);
  const key = field.slice(dot + 1);
  if (dot > 0 && (head === 'inputs' || head === 'params')) return run.inputs?.[key];
  if (dot > 0 && (head === 'outputs' || head === 'metrics')) return run.outputs?.[key];
  throw new PolyaxonClientException(`Offline runs can be sorted on name, created_at, inputs.<key> or outputs.<key>, not \`${field}\`.`);
}

/**
 * Inputs and outputs of every offline run under `<offlineRoot>/runs/`
 * (folders with a `run.plx.json`, of `project` when given), sorted
 * (`-outputs.accuracy`, `inputs.lr`, `name`, default `-created_at`), then
 * cut to `offset`/`limit`. Offline runs cannot be filtered with a query.
 *
 * @throws {@link PolyaxonClientException} for a query, an unknown sort field or an unreadable folder
 */
export async function readOfflineRunsIo(offlineRoot: string, options: ListOptions & { project?: string } = {}): Promise<RunIo[]> {
  if (options.query !== undefined && options.query !== '') {
    throw new PolyaxonClientException('Offline runs cannot be filtered with a query; list them without `query` (or pass their folders to readOfflineRunIo).');
  }
  let folders: string[];
  try {
    folders = (await readdir(join(offlineRoot, 'runs'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new PolyaxonClientException(`Could not list the offline runs of ${offlineRoot}: ${(error as Error).message}`, { cause: error });
  }
  const runs: V1Run[] = [];
  for (const folder of folders) {
    const offline = await readOfflineRun(join(offlineRoot, 'runs', folder));
    if (offline === undefined) continue;
    if (options.project !== undefined && offline.run.project != null && offline.run.project !== options.project) continue;
    runs.push({ ...offline.run, uuid: offline.run.uuid ?? folder });
  }
  const sort = options.sort === undefined || options.sort === '' ? '-created_at' : options.sort;
  const sign = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '');
  const keyed = runs.map((run) => ({ run, value: sortValue(run, field) }));
  keyed.sort((a, b) => {
    const ma = a.value === undefined || a.value === null;
    const mb = b.value === undefined || b.value === null;
    if (ma || mb) return Number(ma) - Number(mb);
    const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
    return sign * order;
  });
  const offset = options.offset ?? 0;
  const end = options.limit !== undefined && options.limit > 0 ? offset + options.limit : undefined;
  return keyed.slice(offset, end).map(({ run }) => runIo(run));
}

import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PolyaxonClientException } from '../errors/client-error';
import { readOfflineRun } from '../offline/offline-files';
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

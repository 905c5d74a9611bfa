import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResolvedContext } from '@px/context';
import type { CommandContext } from './command-context';
import { CliError } from './errors';
import { stringOption } from './option-values';
import { cellText } from './output/table';

/** The offline root of a command: `--path`/`--path-from`, else the context's (`POLYAXON_OFFLINE_ROOT`). */
export function offlineRootOf(ctx: CommandContext, resolved: ResolvedContext): string {
  const explicit = stringOption(ctx.options, 'path') ?? stringOption(ctx.options, 'pathFrom');
  return explicit === undefined ? resolved.offlineRoot.value : resolve(ctx.cwd, explicit);
}

async function readRunFile(dir: string): Promise<Record<string, unknown> | undefined> {
  // event files a killed writer left with a torn last row are cut back to whole rows
  const { repairTornWrites } = await import('@px/client');
  repairTornWrites(dir);
  let text: string;
  try {
    text = await readFile(join(dir, 'run.plx.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new CliError(`The offline run file ${join(dir, 'run.plx.json')} is not a valid JSON object.`);
}

/** Every offline run under `<root>/runs/*` (newest first by `created_at`). */
export async function listOfflineRuns(root: string): Promise<Record<string, unknown>[]> {
  let names: string[];
  try {
    names = await readdir(join(root, 'runs'));
  } catch {
    return [];
  }
  const runs: Record<string, unknown>[] = [];
  for (const name of names.sort()) {
    const run = await readRunFile(join(root, 'runs', name));
    if (run !== undefined) runs.push(run);
  }
  return runs.sort((a, b) => cellText(b.created_at).localeCompare(cellText(a.created_at)));
}

/**
 * Reads `<root>/runs/<uuid>/run.plx.json`.
 *
 * @throws {@link CliError} when the run does not exist there.
 */
export async function readOfflineRun(root: string, uuid: string): Promise<Record<string, unknown>> {
  if (!/^[A-Za-z0-9_-]+$/.test(uuid)) throw new CliError(`Received an invalid run uuid: \`${uuid}\`.`);
  const run = await readRunFile(join(root, 'runs', uuid));
  if (run === undefined) throw new CliError(`No offline run \`${uuid}\` under ${join(root, 'runs')}.`);
  return run;
}

/** The offline run named by `--uid` under the offline root of the command (`--path` or the context). */
export async function readOfflineRunOption(ctx: CommandContext, resolved: ResolvedContext): Promise<Record<string, unknown>> {
  const uid = stringOption(ctx.options, 'uid');
  if (uid === undefined) throw new CliError('Please provide the offline run with `--uid`.');
  return readOfflineRun(offlineRootOf(ctx, resolved), uid);
}

/**
 * Replaces `<root>/runs/<uuid>/run.plx.json` with `run` (compact JSON, as
 * upstream writes it), through a temporary file so a crash never leaves a
 * half-written run.
 */
export async function writeOfflineRun(root: string, uuid: string, run: Record<string, unknown>): Promise<void> {
  await readOfflineRun(root, uuid);
  const target = join(root, 'runs', uuid, 'run.plx.json');
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(run));
  await rename(temporary, target);
}

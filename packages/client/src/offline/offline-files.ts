import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolyaxonClientException } from '../errors/client-error';
import type { V1Run } from '../models/run';
import type { V1RunArtifact } from '../models/run-artifact';
import { lineagesToJson, runToJson } from './ordered-json';

/** File name of an offline run record. */
export const RUN_FILE = 'run.plx.json';
/** File name of an offline run's lineage records. */
export const LINEAGES_FILE = 'lineages.plx.json';

/**
 * A temporary file next to `path`. It is created with `wx` (never an existing file or a link planted
 * there), so the name need not be unguessable: no `node:crypto`, which costs milliseconds to load.
 */
function tempPath(path: string): string {
  return `${path}.${Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0')}.tmp`;
}

/** The files of an offline run folder with their text, as upstream writes them. */
function offlineRunFiles(dir: string, run: V1Run, lineages: readonly V1RunArtifact[]): Array<[path: string, text: string]> {
  return [
    [join(dir, RUN_FILE), runToJson(run)],
    [join(dir, LINEAGES_FILE), lineagesToJson(lineages)],
  ];
}

/**
 * Replaces the file at `path` with `text` atomically (a temporary file in the
 * same folder, mode 0644, renamed over it), as {@link writeOfflineRun} writes
 * each of its files. The folder must exist.
 */
export async function writeOfflineFile(path: string, text: string): Promise<void> {
  const tmp = tempPath(path);
  await writeFile(tmp, text, { mode: 0o644, flag: 'wx' });
  await chmod(tmp, 0o644);
  await rename(tmp, path);
}

/**
 * Writes `run.plx.json` and `lineages.plx.json` into `dir` (created if
 * needed), atomically, with upstream's text (see `runToJson`).
 */
export async function writeOfflineRun(dir: string, run: V1Run, lineages: readonly V1RunArtifact[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [path, text] of offlineRunFiles(dir, run, lineages)) await writeOfflineFile(path, text);
}

/** {@link writeOfflineRun} without awaiting: for exit handlers, which cannot wait. */
export function writeOfflineRunSync(dir: string, run: V1Run, lineages: readonly V1RunArtifact[]): void {
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of offlineRunFiles(dir, run, lineages)) {
    const tmp = tempPath(path);
    writeFileSync(tmp, text, { mode: 0o644, flush: true, flag: 'wx' });
    chmodSync(tmp, 0o644);
    renameSync(tmp, path);
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PolyaxonClientException(`Could not read \`${path}\`: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolyaxonClientException(`\`${path}\` is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads an offline run folder. Returns `undefined` when `run.plx.json` is
 * missing; lineages default to `[]`.
 *
 * @throws {@link PolyaxonClientException} when a file is unreadable or malformed
 */
export async function readOfflineRun(dir: string): Promise<{ run: V1Run; lineages: V1RunArtifact[] } | undefined> {
  const run = await readJson(join(dir, RUN_FILE));
  if (run === undefined) return undefined;
  if (typeof run !== 'object' || run === null || Array.isArray(run)) {
    throw new PolyaxonClientException(`\`${join(dir, RUN_FILE)}\` must hold a JSON object (a V1Run).`);
  }
  const lineages = (await readJson(join(dir, LINEAGES_FILE))) ?? [];
  if (!Array.isArray(lineages)) {
    throw new PolyaxonClientException(`\`${join(dir, LINEAGES_FILE)}\` must hold a JSON array of V1RunArtifact.`);
  }
  return { run: run, lineages: lineages as V1RunArtifact[] };
}

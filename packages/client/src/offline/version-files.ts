import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolyaxonClientException } from '../errors/client-error';
import type { V1ProjectVersion } from '../models/project-version';
import { ordered } from './ordered-json';

/** File name of a version record in an offline folder. */
export const VERSION_FILE = 'version.plx.json';
/** File name of a component version's content. */
export const POLYAXONFILE_FILE = 'polyaxonfile.plx.json';
/** File name of a model/artifact version's content. */
export const CONTENT_FILE = 'content.plx.json';

const VERSION_FIELDS = [
  'uuid', 'name', 'description', 'tags', 'owner', 'user', 'project', 'connection', 'run', 'artifacts', 'meta_info',
  'created_at', 'updated_at', 'stage', 'kind', 'stage_conditions', 'content', 'readme', 'state', 'role', 'contributors',
];

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, text, { mode: 0o644 });
  await rename(tmp, path);
}

/**
 * Writes `version.plx.json` and the content file (`polyaxonfile.plx.json`
 * for components, `content.plx.json` otherwise) into `dir`.
 */
export async function writeOfflineVersion(dir: string, version: V1ProjectVersion): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeAtomic(join(dir, VERSION_FILE), JSON.stringify(ordered(version, VERSION_FIELDS)));
  if (version.content != null) {
    let content: unknown = version.content;
    try {
      content = JSON.parse(version.content) as unknown;
    } catch {
      // not JSON (e.g. YAML): keep the string
    }
    await writeAtomic(join(dir, version.kind === 'component' ? POLYAXONFILE_FILE : CONTENT_FILE), JSON.stringify(content));
  }
}

/**
 * Reads `version.plx.json` from `dir`; `undefined` when it is missing.
 *
 * @throws {@link PolyaxonClientException} when it is unreadable or not an object
 */
export async function readOfflineVersion(dir: string): Promise<V1ProjectVersion | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, VERSION_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PolyaxonClientException(`Could not read \`${join(dir, VERSION_FILE)}\`: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolyaxonClientException(`\`${join(dir, VERSION_FILE)}\` is not valid JSON.`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PolyaxonClientException(`\`${join(dir, VERSION_FILE)}\` must hold a JSON object (a V1ProjectVersion).`);
  }
  return value;
}

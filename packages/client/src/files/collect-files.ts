import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { PolyaxonClientException } from '../errors/client-error';
import { ALWAYS_IGNORED, IgnoreMatcher } from './ignore-patterns';

/** A file found under a folder. */
export interface CollectedFile {
  /** Absolute (or as-given) path on disk. */
  path: string;
  /** Path relative to the folder, with `/` separators. */
  relPath: string;
  size: number;
  mode: number;
  mtime: number;
}

/**
 * Lists the regular files under `dir` (sorted, depth first), skipping
 * `*.plx.json`, `*.plx.index`, `.polyaxon/`, `.polyaxonignore` and the
 * patterns of `dir/.polyaxonignore`. Symbolic links are not followed.
 *
 * @throws {@link PolyaxonClientException} when `dir` is not a readable folder
 */
export async function collectFiles(dir: string): Promise<CollectedFile[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new PolyaxonClientException(`Cannot read the folder \`${dir}\`: ${(error as Error).message}`, { cause: error });
  }
  if (!info.isDirectory()) throw new PolyaxonClientException(`\`${dir}\` is not a folder.`);
  let custom: string[] = [];
  try {
    custom = (await readFile(join(dir, '.polyaxonignore'), 'utf8')).split(/\r?\n/);
  } catch {
    // no ignore file
  }
  // upstream appends its push patterns after the file's: a `!` line cannot re-include them
  const matcher = new IgnoreMatcher([...custom, ...ALWAYS_IGNORED]);
  const out: CollectedFile[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(current, entry.name);
      const rel = relative(dir, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!matcher.ignores(rel, true)) await walk(full);
      } else if (entry.isFile() && !matcher.ignores(rel, false)) {
        const s = await stat(full);
        out.push({ path: full, relPath: rel, size: s.size, mode: s.mode & 0o7777, mtime: Math.floor(s.mtimeMs / 1000) });
      }
    }
  };
  await walk(dir);
  return out;
}

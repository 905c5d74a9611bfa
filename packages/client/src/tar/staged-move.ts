import type { Stats } from 'node:fs';
import { lstat, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PolyaxonClientException } from '../errors/client-error';
import { UnsafeArchiveError } from './unsafe-archive-error';

interface Move {
  from: string;
  to: string;
  /** Whether something (a file or link) is replaced at `to`. */
  replace: boolean;
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function plan(staged: string, dest: string, rel: string, moves: Move[]): Promise<void> {
  for (const name of await readdir(staged)) {
    const from = join(staged, name);
    const to = join(dest, name);
    const shown = rel === '' ? name : `${rel}/${name}`;
    const [source, existing] = await Promise.all([lstat(from), lstatOrUndefined(to)]);
    if (existing === undefined) moves.push({ from, to, replace: false });
    else if (source.isDirectory() && existing.isDirectory()) await plan(from, to, shown, moves);
    else if (existing.isSymbolicLink() && source.isDirectory()) {
      throw new UnsafeArchiveError(`Refusing to extract through the link \`${shown}\` already in the target folder.`);
    } else if (existing.isDirectory() || source.isDirectory()) {
      throw new PolyaxonClientException(`Cannot extract \`${shown}\`: a ${existing.isDirectory() ? 'folder' : 'file'} of that name is already in the target folder.`);
    } else moves.push({ from, to, replace: true });
  }
}

/**
 * Moves what was extracted into the staging folder `staged` to `dest`: a
 * rename when `dest` does not exist, else a merge (files of the same name are
 * replaced, folders merged). Every conflict is found before anything moves,
 * so a refused merge leaves `dest` untouched.
 *
 * @param staged - The staging folder, a sibling of `dest` (same filesystem).
 * @param dest - The target folder.
 * @throws {@link UnsafeArchiveError} when a folder would be merged through a link in `dest`.
 * @throws {@link PolyaxonClientException} when a file would replace a folder or the reverse.
 */
export async function moveIntoPlace(staged: string, dest: string): Promise<void> {
  let target: Stats | undefined;
  try {
    target = await stat(dest);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (target === undefined) {
    await rename(staged, dest);
    return;
  }
  if (!target.isDirectory()) throw new PolyaxonClientException(`Cannot extract into \`${dest}\`: it is not a folder.`);
  const moves: Move[] = [];
  await plan(staged, dest, '', moves);
  for (const move of moves) {
    if (move.replace) await rm(move.to, { force: true });
    await rename(move.from, move.to);
  }
}

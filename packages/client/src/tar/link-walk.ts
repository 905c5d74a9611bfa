import { lstat, readlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UnsafeArchiveError } from './unsafe-archive-error';

/** Links followed while resolving one path before giving up (Linux's `MAXSYMLINKS`). */
const MAX_LINK_HOPS = 40;

/** Whether `target` is `root` or below it (both absolute and normalised). */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

async function linkText(path: string): Promise<string | undefined> {
  try {
    const info = await lstat(path);
    return info.isSymbolicLink() ? await readlink(path) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function walk(root: string, from: string, text: string, hops: { n: number }, what: string): Promise<string> {
  if (isAbsolute(text)) throw new UnsafeArchiveError(`Refusing ${what}: it goes through the absolute link target \`${text}\`.`);
  let current = from;
  for (const part of text.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      current = dirname(current);
    } else {
      const next = join(current, part);
      const inner = await linkText(next);
      if (inner === undefined) current = next;
      else {
        hops.n += 1;
        if (hops.n > MAX_LINK_HOPS) throw new UnsafeArchiveError(`Refusing ${what}: too many levels of links.`);
        current = await walk(root, current, inner, hops, what);
      }
    }
    if (!isInside(root, current)) throw new UnsafeArchiveError(`Refusing ${what}: on disk it resolves out of the target folder.`);
  }
  return current;
}

/**
 * Resolves the link text `text`, read from the folder `from`, against the
 * files as they are on disk: every link met on the way is followed (as the
 * kernel would) and every step must stay inside `root`. Missing components
 * are taken literally.
 *
 * @param root - The real path (no links) of the extraction folder.
 * @param from - The folder, inside `root`, the text is relative to.
 * @param text - A relative link target, `/`-separated.
 * @param what - What is being checked, for the error message.
 * @returns The absolute path the text designates.
 * @throws {@link UnsafeArchiveError} when a step leaves `root`, the text (or a
 *   link on the way) is absolute, or links loop.
 */
export async function resolveOnDisk(root: string, from: string, text: string, what: string): Promise<string> {
  return walk(root, from, text, { n: 0 }, what);
}

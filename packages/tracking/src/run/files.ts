import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { TrackingError } from '../errors';

/**
 * Copies a file or a directory to `target` (parents created).
 *
 * @param from - the source path
 * @param target - the destination path
 * @throws {@link TrackingError} when the source does not exist
 */
export function copyPath(from: string, target: string): void {
  if (!existsSync(from)) throw new TrackingError(`The path ${from} does not exist.`);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(from, target, { recursive: true });
}

/**
 * Copies a file or directory into the directory `dir` under its base name.
 *
 * @returns the new path
 */
export function copyInto(from: string, dir: string): string {
  const target = join(dir, basename(from));
  copyPath(from, target);
  return target;
}

/**
 * Writes bytes to `path`, creating parents (file mode 0644).
 *
 * @param path - the target
 * @param data - the bytes or text
 */
export function writeAsset(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data, { mode: 0o644 });
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
}

/**
 * First 12 hex chars of the MD5 of a file, or of all files of a directory
 * (sorted walk), like upstream's `hash_file` / `hash_dir`.
 *
 * @param path - a file or directory
 * @returns the short hash
 */
export function hashPath(path: string): string {
  const md5 = createHash('md5');
  if (statSync(path).isDirectory()) {
    const files: string[] = [];
    walk(path, files);
    for (const f of files) md5.update(readFileSync(f));
  } else {
    md5.update(readFileSync(path));
  }
  return md5.digest('hex').slice(0, 12);
}

/**
 * Every regular file under `dir` (sorted), skipping `.git`.
 *
 * @param dir - the directory
 * @returns absolute paths
 */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  const visit = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === '.git') continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (entry.isFile()) out.push(p);
    }
  };
  visit(dir);
  return out;
}

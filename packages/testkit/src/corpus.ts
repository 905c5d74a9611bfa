import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of the repository root. */
export const repoRoot: string = resolve(here, '../../..');

/**
 * Absolute path of the shared ground-truth folder (`../shared` beside the
 * repository, or `PX_SHARED_DIR`), or `undefined` when it is absent.
 */
export const sharedDir: string | undefined = (() => {
  const candidate = process.env.PX_SHARED_DIR ?? resolve(repoRoot, '../shared');
  return existsSync(join(candidate, 'corpus')) ? candidate : undefined;
})();

/** Whether `../shared` (the corpus and reference digests) is available. */
export const hasShared: boolean = sharedDir !== undefined;

const noticed = new Set<string>();

/**
 * Path inside `../shared/corpus`. Call only when {@link hasShared} is true.
 * @throws Error when the shared folder is absent.
 */
export function corpusPath(...segments: string[]): string {
  if (sharedDir === undefined) throw new Error('../shared is not available; guard with hasShared');
  return join(sharedDir, 'corpus', ...segments);
}

/**
 * Returns true when the conformance suite `suite` can run; otherwise prints a
 * one-line notice (once per suite) and returns false. Use with
 * `describe.runIf(requireShared('name'))`. A skipped `describe` still runs
 * its body to collect tests, so read corpus files inside tests or hooks, or
 * behind {@link hasShared}.
 */
export function requireShared(suite: string): boolean {
  if (hasShared) return true;
  if (!noticed.has(suite)) {
    noticed.add(suite);
    console.log(`[px] skipping conformance suite "${suite}": ../shared not found`);
  }
  return false;
}

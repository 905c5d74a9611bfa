// Compares the YAML reader with PyYAML's safe_load (through oracle.py):
// the same value, or an error at the same line and column with the same
// problem.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { PolyaxonfileError } from '../../src/errors';
import { parseYaml } from '../../src/yaml/parse-yaml';

/** What PyYAML (or the reader) makes of one text. */
export type Outcome = { value: unknown } | { error: { problem: string; line?: number; column?: number } } | { skip: string };

const ORACLE = join(dirname(fileURLToPath(import.meta.url)), 'oracle.py');

/** A Python 3 that has PyYAML (the first on PATH, else Debian's), or `undefined`. */
export function pythonWithPyYaml(): string | undefined {
  return ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0);
}

/** PyYAML's outcomes for `texts`, in order. */
export function pyyamlOutcomes(python: string, texts: readonly string[]): Outcome[] {
  const run = spawnSync(python, [ORACLE], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`oracle.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Outcome[];
}

function normalize(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { $float: Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf' };
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/** The reader's outcome for `text`, in the oracle's terms. */
export function ourOutcome(text: string): Outcome {
  try {
    return { value: normalize(parseYaml(text).value) };
  } catch (error) {
    if (!(error instanceof PolyaxonfileError)) throw error;
    const issue = error.issues[0]!;
    return { error: { problem: issue.message, ...(issue.line === undefined ? {} : { line: issue.line, column: issue.column }) } };
  }
}

/** `ours` with the lists that PyYAML's outcome marks as unordered (sets) sorted the same way. */
function alignSets(ours: unknown, theirs: unknown): unknown {
  if (typeof theirs !== 'object' || theirs === null) return ours;
  if ('$unordered' in theirs && Array.isArray(ours)) return { $unordered: ours.map(String).sort() };
  if (Array.isArray(theirs) && Array.isArray(ours)) return ours.map((item, i) => alignSets(item, theirs[i]));
  if (!Array.isArray(theirs) && typeof ours === 'object' && ours !== null && !Array.isArray(ours)) {
    const t = theirs as Record<string, unknown>;
    return Object.fromEntries(Object.entries(ours).map(([k, v]) => [k, alignSets(v, t[k])]));
  }
  return ours;
}

/** Why two outcomes differ, or `undefined` when they agree. */
export function disagreement(ours: Outcome, theirs: Outcome): string | undefined {
  if ('skip' in theirs || 'skip' in ours) return undefined;
  if ('value' in theirs) {
    if ('value' in ours && isDeepStrictEqual(alignSets(ours.value, theirs.value), theirs.value)) return undefined;
    return `PyYAML reads ${JSON.stringify(theirs.value)}, we ${'value' in ours ? `read ${JSON.stringify(ours.value)}` : `fail: ${JSON.stringify(ours.error)}`}`;
  }
  if ('value' in ours) return `PyYAML fails (${JSON.stringify(theirs.error)}), we read ${JSON.stringify(ours.value)}`;
  const { line, column, problem } = theirs.error;
  if (line === undefined) return undefined;
  if (ours.error.line === line && ours.error.column === column && ours.error.problem.includes(problem)) return undefined;
  return `PyYAML fails at ${line}:${column} (${problem}), we at ${ours.error.line ?? '?'}:${ours.error.column ?? '?'} (${ours.error.problem})`;
}

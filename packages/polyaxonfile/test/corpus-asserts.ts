// Helpers shared by the corpus-driven tests: manifest types and assert evaluation.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

export interface CorpusAssert {
  path: string;
  on?: 'parsed' | 'compiled' | 'rendered';
  equals?: unknown;
  length?: number;
  absent?: boolean;
  contains?: string;
  topological_levels?: string[][];
}

export interface ParamCase {
  params: Record<string, unknown> | string | null;
  expect: 'valid' | 'invalid';
  error_stage?: string;
  why?: string;
  rendered?: Record<string, unknown>;
}

export interface CorpusEntry {
  path: string;
  kind: string | null;
  parser: string;
  expect: 'valid' | 'invalid' | 'unknown';
  error_stage?: 'yaml' | 'read' | 'compile' | null;
  params?: Record<string, unknown> | null;
  param_cases?: ParamCase[] | null;
  asserts?: CorpusAssert[] | null;
  upstream_lib?: Record<string, string> | null;
  contexts?: Record<string, unknown> | null;
  why?: string;
}

export function loadManifest(path: string): CorpusEntry[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { entries: CorpusEntry[] }).entries;
}

export function getPath(value: unknown, path: string): unknown {
  let node = value;
  for (const segment of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, segment)) node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}

/** Returns undefined when the assert holds, else a description of the mismatch. */
export function checkAssert(value: unknown, assert: CorpusAssert, levels?: () => string[][]): string | undefined {
  const actual = getPath(value, assert.path);
  if (assert.equals !== undefined && !isDeepStrictEqual(actual, assert.equals)) {
    return `${assert.path}: expected ${JSON.stringify(assert.equals)}, got ${JSON.stringify(actual)}`;
  }
  if (assert.length !== undefined) {
    const size = Array.isArray(actual) ? actual.length : typeof actual === 'object' && actual !== null ? Object.keys(actual).length : undefined;
    if (size !== assert.length) return `${assert.path}: expected length ${assert.length}, got ${String(size)}`;
  }
  if (assert.absent === true && actual !== undefined && actual !== null) return `${assert.path}: expected absent, got ${JSON.stringify(actual)}`;
  if (assert.contains !== undefined && (typeof actual !== 'string' || !actual.includes(assert.contains))) {
    return `${assert.path}: expected to contain ${assert.contains}, got ${JSON.stringify(actual)}`;
  }
  if (assert.topological_levels !== undefined) {
    const got = (levels?.() ?? []).map((level) => [...level].sort());
    const want = assert.topological_levels.map((level) => [...level].sort());
    if (!isDeepStrictEqual(got, want)) return `${assert.path}: expected levels ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
  }
  return undefined;
}

const ORDER: Record<string, number> = { yaml: 0, read: 1, params: 2, compile: 2 };

/** Whether an error raised at `actual` is at or before the manifest's `expected` stage. */
export function stageAtOrBefore(actual: string, expected: string): boolean {
  return (ORDER[actual] ?? 99) <= (ORDER[expected] ?? -1);
}

// Conformance of the schemas alone against ../shared/corpus: valid documents
// pass the schema of their kind and their `parsed` asserts hold; documents
// that upstream rejects at `read` fail (the schema, or the reader's
// version/kind/section pre-check, mirrored here only to classify failures).
import { readFileSync } from 'node:fs';
import { corpusPath, hasShared, requireShared } from '@px/testkit';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse-yaml';
import { ComponentSchema, OperationSchema } from './index';

interface Assert {
  path: string;
  on?: string;
  equals?: unknown;
  length?: number;
  absent?: boolean;
  contains?: string;
  topological_levels?: unknown;
}

interface Entry {
  path: string;
  parser: string;
  kind: string | null;
  expect: 'valid' | 'invalid' | 'unknown';
  error_stage?: string;
  why?: string;
  asserts?: Assert[];
}

const SECTIONS = new Set(
  'version kind name cost description tags isApproved params isPreset presets patchStrategy template cache queue plugins namespace build hooks events termination connections matrix joins operations schedule dependencies trigger conditions skipOnUpstreamSkip hubRef dagRef pathRef urlRef component inputs outputs contexts run runPatch mount'.split(
    ' ',
  ),
);

/** The reader's pre-check (version, kind, sections), mirrored to classify failures. */
function readerPrecheck(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'not a mapping';
  const d = doc as Record<string, unknown>;
  if (d.kind === undefined) return 'kind missing';
  if (typeof d.kind !== 'string' || !['component', 'operation', 'compiled_operation'].includes(d.kind)) return 'kind unsupported';
  if (d.isPreset !== true) {
    if (d.version === undefined) return 'version missing';
    if (d.version !== 1.1) return 'version unsupported';
  }
  const extra = Object.keys(d).filter((k) => !SECTIONS.has(k));
  return extra.length > 0 ? `unexpected section ${extra[0]!}` : undefined;
}

function get(root: unknown, path: string): unknown {
  let cur = root;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[Array.isArray(cur) ? Number(seg) : seg];
  }
  return cur;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] != null);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] != null);
    return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

function checkAssert(out: unknown, a: Assert): string | undefined {
  const value = get(out, a.path);
  if ('equals' in a && !jsonEqual(value, a.equals)) return `${a.path}: ${JSON.stringify(value)} != ${JSON.stringify(a.equals)}`;
  if (a.length !== undefined) {
    const len = Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : -1;
    if (len !== a.length) return `${a.path}: length ${len} != ${a.length}`;
  }
  if (a.absent && value !== undefined && value !== null) return `${a.path}: expected absent, got ${JSON.stringify(value)}`;
  if (a.contains !== undefined && !(typeof value === 'string' && value.includes(a.contains))) return `${a.path}: does not contain ${a.contains}`;
  return undefined;
}

describe.runIf(requireShared('polyaxonfile schemas corpus'))('schemas over the corpus', () => {
  // A skipped describe still runs its body to collect tests: read nothing without ../shared.
  const manifest = (hasShared ? JSON.parse(readFileSync(corpusPath('manifest.json'), 'utf8')) : { entries: [] }) as { entries: Entry[] };
  const entries = manifest.entries.filter((e) => e.parser === 'polyaxonfile');
  const failures: string[] = [];
  let passed = 0;
  let total = 0;
  let skipped = 0;

  for (const entry of entries) {
    if (entry.expect === 'unknown' || (entry.expect === 'invalid' && entry.error_stage !== 'read' && entry.error_stage !== 'compile')) {
      skipped += 1;
      continue;
    }
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(corpusPath(entry.path), 'utf8')).value;
    } catch {
      // Documents PyYAML refuses are the reader's concern.
      skipped += 1;
      continue;
    }
    total += 1;
    const kind = (doc as { kind?: unknown } | null)?.kind;
    const schema = kind === 'operation' ? OperationSchema : ComponentSchema;
    const result = v.safeParse(schema, doc);
    const describeIssues = (): string =>
      result.success ? '' : result.issues.slice(0, 3).map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('; ');
    if (entry.expect === 'valid' || entry.error_stage === 'compile') {
      if (!result.success) {
        failures.push(`${entry.path}: rejected: ${describeIssues()}`);
        continue;
      }
      const problems = (entry.asserts ?? [])
        .filter((a) => (a.on ?? 'parsed') === 'parsed' && a.topological_levels === undefined)
        .map((a) => checkAssert(result.output, a))
        .filter((p): p is string => p !== undefined);
      if (problems.length > 0) failures.push(`${entry.path}: ${problems.join('; ')}`);
      else passed += 1;
    } else {
      const precheck = readerPrecheck(doc);
      if (!result.success || precheck !== undefined) passed += 1;
      else failures.push(`${entry.path}: accepted but upstream rejects it (${entry.why ?? ''})`);
    }
  }

  it('matches upstream on every document in scope', () => {
    console.log(`[schemas corpus] ${passed}/${total} passed (${((passed / Math.max(total, 1)) * 100).toFixed(1)}%), ${skipped} out of scope`);
    expect(failures).toEqual([]);
  });
});

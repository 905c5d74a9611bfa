import { PolyaxonSchemaError } from '../errors';
import type { SpecIssue, SpecLocation } from '../errors';
import { isRecord } from '../read/plain-data';

type Locate = (path: readonly (string | number)[]) => SpecLocation;
const noLocation: Locate = () => ({});

/** An operation of a DAG as the DAG checks see it. */
interface DagOp {
  readonly name?: string | null;
  readonly dagRef?: string | null;
  readonly dependencies?: unknown;
  readonly params?: unknown;
  readonly events?: unknown;
}

/** The part of a `run` of kind `dag` the DAG checks read. */
export interface DagRun {
  readonly operations?: readonly unknown[] | string | null;
  readonly components?: readonly unknown[] | string | null;
}

function opName(op: unknown): string | undefined {
  return isRecord(op) && typeof op.name === 'string' ? op.name : undefined;
}

function fail(message: string, locate: Locate, path: (string | number)[], extra: Partial<SpecIssue> = {}): never {
  throw new PolyaxonSchemaError(message, { stage: 'compile', issues: [{ ...locate(path), path, message, ...extra }] });
}

/** Ops this op waits for: `dependencies`, `ref: ops.X` params and `ref: ops.X` events. */
export function upstreamOps(op: DagOp): string[] {
  const out = new Set<string>();
  if (Array.isArray(op.dependencies)) for (const dep of op.dependencies) if (typeof dep === 'string') out.add(dep);
  const fromRef = (ref: unknown): void => {
    if (typeof ref === 'string' && ref.startsWith('ops.')) out.add(ref.slice(4));
  };
  if (isRecord(op.params)) for (const param of Object.values(op.params)) if (isRecord(param)) fromRef(param.ref);
  if (Array.isArray(op.events)) for (const event of op.events) if (isRecord(event)) fromRef(event.ref);
  return [...out];
}

/**
 * Validates a DAG's structure as upstream's `V1Dag.process_dag` +
 * `validate_dag` do: ops present, unique component names, `dagRef`s
 * defined, no orphan upstream ops, no cycles.
 *
 * @param run - the `run` section (kind `dag`)
 * @param locate - maps a field path (with `prefix`) to a source location
 * @param prefix - path of `run` in the document (default none), prepended to issue paths
 * @returns the ops grouped by topological level (a level's ops may run in parallel)
 * @throws {@link PolyaxonSchemaError} (stage `compile`)
 */
export function validateDag(run: DagRun, locate: Locate = noLocation, prefix: readonly (string | number)[] = []): string[][] {
  const at = (...path: (string | number)[]): (string | number)[] => [...prefix, ...path];
  const ops = Array.isArray(run.operations) ? (run.operations as unknown[]) : [];
  if (ops.length === 0) {
    fail('Pipeline is not valid, it has no ops to validate components.', locate, at('operations'), {
      expected: 'a non-empty list of operations',
      received: run.operations === undefined || run.operations === null ? 'nothing' : 'an empty list',
    });
  }
  const components = Array.isArray(run.components) ? (run.components as unknown[]) : [];
  const componentNames = new Set<string>();
  components.forEach((component, index) => {
    const name = opName(component);
    if (name === undefined) return;
    if (componentNames.has(name)) fail(`Pipeline has multiple components with the same name \`${name}\``, locate, at('components', index, 'name'));
    componentNames.add(name);
  });
  const opNames = new Set<string>();
  ops.forEach((op, index) => {
    if (!isRecord(op)) return;
    const dagRef = op.dagRef;
    const name = opName(op);
    if (typeof dagRef === 'string' && dagRef !== '') {
      if (name !== undefined && opNames.has(name)) fail(`Pipeline has multiple ops with the same name \`${name}\``, locate, at('operations', index, 'name'));
      if (!componentNames.has(dagRef)) {
        fail(
          `Pipeline op with name \`${name ?? ''}\` requires a component with name \`${dagRef}\`, which is not defined on this pipeline.`,
          locate,
          at('operations', index, 'dagRef'),
          { expected: componentNames.size === 0 ? 'a component defined in run.components' : `one of ${[...componentNames].join(', ')}`, received: dagRef },
        );
      }
    }
    if (name !== undefined) opNames.add(name);
  });
  const upstream = new Map<string, string[]>();
  ops.forEach((op, index) => {
    const name = opName(op) ?? '';
    const deps = isRecord(op) ? upstreamOps(op) : [];
    const orphans = deps.filter((dep) => !opNames.has(dep));
    if (orphans.length > 0) {
      fail(
        `Pipeline has a non valid dag, the dag contains an orphan ops: \`{${orphans.map((o) => `'${o}'`).join(', ')}}\`, check if you are referencing this op in a parameter or a condition`,
        locate,
        at('operations', index),
        { expected: `ops defined in this pipeline (${[...opNames].join(', ')})`, received: orphans.join(', ') },
      );
    }
    upstream.set(name, [...(upstream.get(name) ?? []), ...deps]);
  });
  return topologicalLevels(ops.map((op) => opName(op) ?? ''), upstream, locate, at('operations'));
}

/**
 * Groups ops by topological level in one pass over the edges (Kahn's algorithm): an op's level is one
 * more than its deepest upstream op's, and a level lists its ops in document order.
 */
function topologicalLevels(names: readonly string[], upstream: ReadonlyMap<string, readonly string[]>, locate: Locate, path: (string | number)[]): string[][] {
  if (names.includes('')) fail("Pipeline's graph is not acyclic.", locate, path, { expected: 'every op to have a name' });
  const unique = [...new Set(names)];
  const waiting = new Map<string, number>();
  const downstream = new Map<string, string[]>();
  for (const name of unique) {
    const deps = upstream.get(name) ?? [];
    waiting.set(name, deps.length);
    for (const dep of deps) {
      const list = downstream.get(dep);
      if (list === undefined) downstream.set(dep, [name]);
      else list.push(name);
    }
  }
  const level = new Map<string, number>();
  const ready = unique.filter((name) => waiting.get(name) === 0);
  for (const name of ready) level.set(name, 0);
  for (let i = 0; i < ready.length; i++) {
    const name = ready[i]!;
    const depth = level.get(name)! + 1;
    for (const child of downstream.get(name) ?? []) {
      if (depth > (level.get(child) ?? 0)) level.set(child, depth);
      const left = waiting.get(child)! - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  if (ready.length < unique.length) {
    fail("Pipeline's graph is not acyclic.", locate, path, {
      expected: 'a graph without cycles',
      received: `a cycle among ${unique.filter((name) => (waiting.get(name) ?? 0) > 0).join(', ')}`,
    });
  }
  const levels: string[][] = [];
  for (const name of unique) (levels[level.get(name)!] ??= []).push(name);
  return levels;
}

// A local pipeline: a parent run (kind `dag`) and one run per op, started when its upstream ops
// are done and its trigger policy holds (independent ops run concurrently, up to the dag's
// `concurrency`); params that reference upstream ops (`ref: ops.<name>` or
// `{{ ops.<name>.outputs.<key> }}`) get their values.
// from the node entry local-plan loads anyway (the `render` entry would be one more module to load)
import { renderTemplate } from '@px/polyaxonfile/node';
import { CliError } from '../errors';
import { compileOperation, inputsOf, planJob } from './local-plan';
import type { LocalSession, SessionRecord } from './local-session';
import { resultsTable, type ChildRow } from './results-table';
import { type Obj, isObj } from './is-obj';

/** A validated op of a pipeline. */
export interface DagOp {
  readonly name: string;
  readonly op: Obj;
  readonly component: Obj;
  readonly upstream: readonly string[];
  readonly trigger: string;
}

const OP_REF = /\bops\.([A-Za-z0-9_-]+)/g;
const DAG_ONLY = ['dagRef', 'dependencies', 'trigger', 'conditions', 'skipOnUpstreamSkip', 'component', 'hubRef', 'urlRef', 'pathRef', 'params'];
const TRIGGERS = ['all_succeeded', 'all_failed', 'all_done', 'one_succeeded', 'one_failed', 'one_done'];

function upstreamOf(op: Obj): string[] {
  const deps = new Set<string>(Array.isArray(op.dependencies) ? op.dependencies.map(String) : []);
  for (const param of Object.values(isObj(op.params) ? op.params : {})) {
    if (isObj(param) && typeof param.ref === 'string' && param.ref.startsWith('ops.')) deps.add(param.ref.slice(4));
    const text = JSON.stringify(param);
    for (const match of text.matchAll(OP_REF)) if (text.includes('{{')) deps.add(match[1]!);
  }
  return [...deps];
}

/**
 * The ops of a compiled dag, each with its component; refuses what local runs cannot do
 * (remote components, nested sweeps or pipelines, unknown trigger policies, missing params).
 */
export function dagOps(compiled: Obj): DagOp[] {
  const run = isObj(compiled.run) ? compiled.run : {};
  const components = new Map<string, Obj>();
  for (const c of Array.isArray(run.components) ? (run.components as unknown[]) : []) if (isObj(c) && typeof c.name === 'string') components.set(c.name, c);
  const ops = (Array.isArray(run.operations) ? (run.operations as unknown[]) : []).filter(isObj);
  return ops.map((op, index) => {
    const name = typeof op.name === 'string' ? op.name : `op-${index + 1}`;
    const component = isObj(op.component) ? op.component : typeof op.dagRef === 'string' ? components.get(op.dagRef) : undefined;
    if (component === undefined) throw new CliError(`Pipeline op \`${name}\` must use an inline \`component\` or a \`dagRef\` to run locally (hub, url and path references are resolved by a server).`);
    if (op.matrix !== undefined || (isObj(component.run) && component.run.kind === 'dag')) throw new CliError(`Pipeline op \`${name}\`: nested sweeps and pipelines are not supported by local runs.`);
    const trigger = typeof op.trigger === 'string' ? op.trigger : 'all_succeeded';
    if (!TRIGGERS.includes(trigger)) throw new CliError(`Pipeline op \`${name}\` has an unknown trigger \`${trigger}\` (expected one of ${TRIGGERS.join(', ')}).`);
    const params = isObj(op.params) ? op.params : {};
    for (const io of Array.isArray(component.inputs) ? (component.inputs as unknown[]) : []) {
      if (!isObj(io) || typeof io.name !== 'string') continue;
      const optional = io.isOptional === true || (io.value !== undefined && io.value !== null);
      if (!optional && !(io.name in params)) throw new CliError(`Pipeline op \`${name}\` is missing the param \`${io.name}\` (a required input of its component).`);
    }
    return { name, op, component, upstream: upstreamOf(op), trigger };
  });
}

/** Whether an op's trigger policy holds once its upstream ops are done. */
export function triggerHolds(trigger: string, statuses: readonly string[]): boolean {
  if (statuses.length === 0) return true;
  const ok = statuses.filter((s) => s === 'succeeded').length;
  const failed = statuses.filter((s) => s === 'failed' || s === 'stopped' || s === 'upstream_failed').length;
  switch (trigger) {
    case 'all_failed':
      return failed === statuses.length;
    case 'all_done':
      return true;
    case 'one_succeeded':
      return ok > 0;
    case 'one_failed':
      return failed > 0;
    case 'one_done':
      return true;
    default:
      return ok === statuses.length;
  }
}

function resolveParams(op: Obj, done: ReadonlyMap<string, SessionRecord>): Obj {
  const ops: Obj = {};
  for (const [name, record] of done) ops[name] = { outputs: record.outputs, inputs: record.inputs, uuid: record.uuid, name: record.name };
  const out: Obj = {};
  for (const [key, param] of Object.entries(isObj(op.params) ? op.params : {})) {
    let value = isObj(param) ? param.value : param;
    if (isObj(param) && typeof param.ref === 'string' && param.ref.startsWith('ops.') && typeof value === 'string') {
      const upstream = done.get(param.ref.slice(4));
      const [section, ...path] = value.split('.');
      const source = section === 'inputs' ? upstream?.inputs : upstream?.outputs;
      const found = source?.[path.join('.')];
      if (found === undefined) throw new CliError(`Op param \`${key}\`: ${param.ref} has no ${value}.`);
      value = found;
    } else if (typeof value === 'string' && value.includes('{{')) {
      value = renderTemplate(value, { ops });
    }
    out[key] = value;
  }
  return out;
}

/** Compiles one op of a pipeline with its resolved `params` (the op's own fields, its component). */
export function compileOp(op: DagOp, params: Obj, component: Obj = op.component): Obj {
  const rest = Object.fromEntries(Object.entries(op.op).filter(([k]) => !DAG_ONLY.includes(k)));
  return compileOperation({ version: 1.1, kind: 'operation', ...rest, name: op.name, component }, params);
}

/** Runs the pipeline; resolves to the parent's final status. */
export async function runDag(session: LocalSession, name: string | undefined, compiled: Obj, ops: readonly DagOp[], concurrency: number): Promise<string> {
  const parent = await session.createRecord({ name, kind: 'dag', content: compiled });
  session.print.line(`Pipeline ${parent.uuid}: ${ops.length} ops, ${concurrency} at a time.`);
  await parent.setStatus('running');
  const done = new Map<string, SessionRecord>();
  const statuses = new Map<string, string>();
  const running = new Map<string, Promise<void>>();
  const rows: ChildRow[] = [];
  const ready = (op: DagOp): boolean => !statuses.has(op.name) && !running.has(op.name) && op.upstream.every((u) => statuses.has(u));
  const start = (op: DagOp): void => {
    const task = (async (): Promise<void> => {
      const upstreamStatuses = op.upstream.map((u) => statuses.get(u)!);
      const pipeline = { uuid: parent.uuid, name, kind: 'dag' };
      let params: Obj = {};
      let failure: string | undefined;
      try {
        params = resolveParams(op.op, done);
      } catch (error) {
        failure = (error as Error).message;
      }
      let opCompiled: Obj | undefined;
      if (failure === undefined) {
        try {
          opCompiled = compileOp(op, params);
        } catch (error) {
          failure = (error as Error).message;
        }
      }
      // an op that could not be compiled keeps what it asked for as its content (a server refuses a managed run without one)
      const content = opCompiled ?? { version: 1.1, kind: 'operation', name: op.name, params: op.op.params, component: op.component };
      const record = await session.createRecord({ name: op.name, kind: 'job', content, inputs: opCompiled === undefined ? params : inputsOf(opCompiled), pipeline });
      let status: string;
      if (session.stop.stopping) {
        await record.finish('stopped', 'Stopped before it started.');
        status = 'stopped';
      } else if (!triggerHolds(op.trigger, upstreamStatuses)) {
        await record.finish('skipped', `Trigger \`${op.trigger}\` does not hold (upstream: ${upstreamStatuses.join(', ')}).`);
        status = 'skipped';
      } else if (failure !== undefined || opCompiled === undefined) {
        await record.finish('failed', failure);
        status = 'failed';
      } else {
        const result = await session.runJob(record, planJob(opCompiled, session.globals(record), { ops: {} }), concurrency > 1 ? `[${op.name}] ` : undefined);
        status = result.status;
      }
      done.set(op.name, record);
      statuses.set(op.name, status);
      rows.push({ uuid: record.uuid, name: op.name, status, params, outputs: record.outputs });
    })();
    running.set(op.name, task);
    void task.finally(() => running.delete(op.name));
  };
  for (;;) {
    for (const op of ops) if (running.size < concurrency && ready(op)) start(op);
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  session.print.line(resultsTable(rows, undefined));
  const failed = rows.filter((r) => r.status === 'failed').length;
  const status = session.stop.stopping ? 'stopped' : failed > 0 ? 'failed' : 'succeeded';
  await parent.finish(status, failed > 0 ? `${failed} of ${rows.length} ops failed.` : undefined);
  session.print.line(`Pipeline ${parent.uuid}: ${status}.`);
  return status;
}

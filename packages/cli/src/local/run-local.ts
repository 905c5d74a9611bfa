// `px run --local`: runs an operation on this machine. Everything is compiled and checked first
// (bad input fails before any process starts and before any record exists), then the job, sweep
// or pipeline runs with the process or docker executor, recorded as offline runs.
import { delimiter, join } from 'node:path';
import { accessSync, constants, existsSync } from 'node:fs';
import type { ResolvedContext } from '@px/context';
import type { CommandContext } from '../command-context';
import { CliError } from '../errors';
import { dagOps, runDag } from './dag-runner';
import { dryRunCompile } from './dag-dry-run';
import { executorReason, mainArgv, EXECUTORS, type Executor } from './job-runner';
import { checkDockerJob, checkProcessJob, compileOperation, inputsOf, planJob, type JobPlan } from './local-plan';
import { LocalSession } from './local-session';
import type { ServerSync } from './server-sync';
import { matrixSuggestions } from './matrix-suggestions';
import { shellLine } from './docker-argv';
import { StopController } from './signals';
import { policyRule } from './stopping-policies';
import { rankOf, runSweep, type SweepPlan } from './sweep-runner';
import { trackingEnv } from './tracking-env';
import type { Obj } from './is-obj';

/** Options of {@link runLocal} (from the command line). */
export interface LocalRunOptions {
  readonly executor: string | undefined;
  readonly offline: boolean;
  readonly concurrency: number | undefined;
  readonly dryRun: boolean;
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[] | undefined;
  readonly target: { owner: string; project: string } | undefined;
}

/** The run name: the compiled operation's, else the operation's or its component's. */
export function nameOf(spec: Obj, compiled: Obj): string | undefined {
  const component = spec.component as Obj | undefined;
  for (const name of [compiled.name, spec.name, component?.name]) if (typeof name === 'string' && name !== '') return name;
  return undefined;
}

/** Whether `name` is an executable on PATH. */
export function onPath(name: string, env: Readonly<Record<string, string | undefined>>): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // next
    }
  }
  return false;
}

/** The executor: `--executor`, else docker when a docker client and daemon are there, else process (with a notice). */
export function chooseExecutor(ctx: CommandContext, option: string | undefined): Executor {
  if (option === undefined) {
    const daemon = (ctx.env.DOCKER_HOST ?? '') !== '' || existsSync('/var/run/docker.sock');
    if (onPath('docker', ctx.env) && daemon) return 'docker';
    ctx.print.warning('Docker is not available: using the process executor (`--executor process`).');
    return 'process';
  }
  if (option === 'k8s') throw new CliError('The `k8s` executor is not supported by px; use `--executor process` or `--executor docker`.');
  if (!(EXECUTORS as readonly string[]).includes(option)) throw new CliError(`Unknown executor \`${option}\`; expected one of ${EXECUTORS.join(', ')}.`);
  return option as Executor;
}

/** What `px run --local` runs: one job, a sweep or a pipeline, compiled and checked. */
export type Tree =
  | { readonly kind: 'job'; readonly compiled: Obj }
  | { readonly kind: 'matrix'; readonly sweep: SweepPlan; readonly parent: Obj }
  | { readonly kind: 'dag'; readonly compiled: Obj; readonly ops: ReturnType<typeof dagOps>; readonly concurrency: number };

const CHECK_GLOBALS = { owner: 'owner', project: 'project', uuid: '0'.repeat(32), name: undefined, artifactsPath: '/plx-local/run', contextPath: '/plx-local/context' };

function checkJob(compiled: Obj, executor: Executor, cwd: string): JobPlan {
  const plan = planJob(compiled, CHECK_GLOBALS);
  if (executor === 'process') checkProcessJob(plan, cwd);
  else checkDockerJob(plan);
  return plan;
}

/** Compiles and checks everything that will run (no side effects). */
export function buildTree(spec: Obj, executor: Executor, cwd: string, concurrencyOption: number | undefined): Tree {
  const matrix = spec.matrix as Obj | undefined;
  if (matrix !== undefined && matrix !== null) {
    const suggestions = matrixSuggestions(matrix);
    const children = suggestions.map((suggestion) => compileOperation(spec, suggestion));
    for (const child of children) {
      if ((child.run as Obj | undefined)?.kind === 'dag') throw new CliError('A matrix over a pipeline is not supported by local runs.');
      checkJob(child, executor, cwd);
    }
    const concurrency = concurrencyOption ?? (typeof matrix.concurrency === 'number' ? matrix.concurrency : 1);
    const rules = Array.isArray(matrix.earlyStopping) ? (matrix.earlyStopping as Obj[]) : [];
    const policies = rules.map((rule, i) => policyRule(rule, `matrix.earlyStopping[${i}]`)).filter((p) => p !== undefined);
    const { matrix: _m, ...parent } = spec;
    return { kind: 'matrix', parent, sweep: { name: nameOf(spec, {}), matrix, suggestions, children, concurrency, rules, policies, rank: rankOf(matrix) } };
  }
  // a compiled operation (what the server stores for a run, see `ops execute`) is used as it is: compiling it
  // again would re-validate params the server already applied and rendered
  const compiled = spec.kind === 'compiled_operation' ? spec : compileOperation(spec);
  const run = compiled.run as Obj;
  if (run.kind === 'dag') {
    const ops = dagOps(compiled);
    for (const op of ops) if (executor === 'docker' && !(typeof (op.component.run as Obj | undefined)?.container === 'object')) throw new CliError(`Pipeline op \`${op.name}\` has no container.`);
    const concurrency = concurrencyOption ?? (typeof run.concurrency === 'number' ? run.concurrency : ops.length);
    return { kind: 'dag', compiled, ops, concurrency };
  }
  checkJob(compiled, executor, cwd);
  return { kind: 'job', compiled };
}

function dryRun(ctx: CommandContext, tree: Tree, executor: Executor): number {
  // a pipeline's ops: each one's containers, params from upstream ops shown as `<ops.NAME.outputs.KEY>`
  const jobs: { header?: string; compiled: Obj }[] =
    tree.kind === 'dag'
      ? tree.ops.map((op) => ({ header: `# op ${op.name} (after: ${op.upstream.join(', ') || 'nothing'})`, compiled: dryRunCompile(op) }))
      : (tree.kind === 'job' ? [tree.compiled] : tree.sweep.children).map((compiled) => ({ compiled }));
  const fake = { uuid: '<uuid>', name: undefined, path: '<run folder>', status: null, outputs: {}, inputs: {}, setStatus: () => Promise.resolve(), queueStatus: () => undefined, finish: () => Promise.resolve() };
  for (const { header, compiled } of jobs) {
    if (header !== undefined) ctx.print.line(header);
    const plan = planJob(compiled, { ...CHECK_GLOBALS, uuid: '<uuid>' }, tree.kind === 'dag' ? { ops: {} } : {});
    const { argv } = mainArgv(plan, fake, {
      executor,
      cwd: ctx.cwd,
      env: { HOME: ctx.env.HOME },
      stop: new StopController(() => undefined),
      stdout: ctx.io.stdout,
      stderr: ctx.io.stderr,
      runsRoot: '<offline root>/runs',
      contextPath: () => '<context>',
      trackingEnv: () => trackingEnv({ instance: 'owner.project.runs.<uuid>', offlineRoot: '/plx-context/offline' }),
      dockerRunMount: () => [{ host: '<run folder>', container: '/plx-context/offline/runs/<uuid>' }],
    });
    for (const init of plan.inits) {
      const what = init.kind === 'file' ? init.filename : init.kind === 'git' ? `${init.url}${init.revision === undefined ? '' : `@${init.revision}`}` : [...init.files, ...init.dirs].join(', ');
      ctx.print.line(`# init ${init.kind} (on this machine): ${what} -> ${init.path ?? '<context>'}`);
    }
    ctx.print.line(shellLine(argv));
  }
  return 0;
}

/**
 * Runs `spec` (the operation `px check` prints) locally, server-less (offline records).
 *
 * @returns the exit code: 0 when everything succeeded, 1 when a run failed, 130/143 when stopped by a signal
 */
export async function runLocal(ctx: CommandContext, spec: Obj, resolved: ResolvedContext, options: LocalRunOptions): Promise<number> {
  const executor = chooseExecutor(ctx, options.executor);
  const tree = buildTree(spec, executor, ctx.cwd, options.concurrency);
  if (options.dryRun) return dryRun(ctx, tree, executor);
  return runTree(ctx, spec, tree, executor, resolved, options);
}

/** The server sync of a local run with a server configured (see `server-sync.ts`). */
async function serverSync(ctx: CommandContext, target: { owner: string; project: string }, executor: Executor): Promise<ServerSync> {
  const [{ PolyaxonClient }, { ServerSync: Sync }] = await Promise.all([import('@px/client'), import('./server-sync')]);
  return new Sync(new PolyaxonClient({ context: { env: ctx.env, homeDir: ctx.homeDir, cwd: ctx.cwd } }), target, executorReason(executor));
}

/**
 * Runs a checked tree, recorded as offline runs; with `offline: false` (a server is configured) every
 * run is also pushed to the server as it goes (see `server-sync.ts`).
 */
export async function runTree(ctx: CommandContext, spec: Obj, tree: Tree, executor: Executor, resolved: ResolvedContext, options: LocalRunOptions): Promise<number> {
  if (executor === 'process') ctx.print.warning('The process executor runs the command on this machine: the container image is not used.');
  const target = options.target ?? { owner: resolved.owner.value ?? 'default', project: 'local' };
  if (options.target === undefined) ctx.print.warning(`No project given: recording the run under ${target.owner}/${target.project} (use -p owner/project, or push it later with --reset-project).`);
  const stop = new StopController((message) => ctx.print.warning(message));
  const offlineRoot = resolved.offlineRoot.value;
  // only a server sync needs the HTTP stack (`@px/client`); offline records are written without it
  const sync = options.offline ? undefined : await serverSync(ctx, target, executor);
  const session = new LocalSession({ owner: target.owner, project: target.project, offlineRoot, executor, cwd: ctx.cwd, env: ctx.env, stop, print: ctx.print, stdout: ctx.io.stdout, stderr: ctx.io.stderr, description: options.description, tags: options.tags, sync });
  stop.install();
  let status: string;
  try {
    if (tree.kind === 'matrix') {
      status = await runSweep(session, { ...tree.sweep, name: options.name ?? tree.sweep.name }, tree.parent);
    } else if (tree.kind === 'dag') {
      status = await runDag(session, options.name ?? nameOf(spec, tree.compiled), tree.compiled, tree.ops, tree.concurrency);
    } else {
      const record = await session.createRecord({ name: options.name ?? nameOf(spec, tree.compiled), kind: String((tree.compiled.run as Obj).kind), content: tree.compiled, inputs: inputsOf(tree.compiled) });
      ctx.print.line(`Running ${record.uuid} locally (${executor} executor); run folder: ${record.path}`);
      const result = await session.runJob(record, planJob(tree.compiled, session.globals(record)));
      status = result.status;
      ctx.print[status === 'succeeded' ? 'success' : 'error'](`Run ${record.uuid}: ${status}${result.message === undefined ? '.' : `: ${result.message}`}`);
    }
  } finally {
    stop.dispose();
  }
  const stopped = sync?.stoppedMessage(join(offlineRoot, 'runs'));
  if (stopped !== undefined) {
    ctx.print.error(stopped);
    return status === 'stopped' ? (stop.signal === 'SIGTERM' ? 143 : 130) : 1;
  }
  if (status === 'succeeded') return 0;
  if (status === 'stopped') return stop.signal === 'SIGTERM' ? 143 : 130;
  return 1;
}

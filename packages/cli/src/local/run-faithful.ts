// Faithful mode of `px run --local` (a server is configured), as upstream: the run is created
// through the API with `managed_by: cli`, approved if needed, awaited until the server compiled
// it, then executed here; statuses are posted with the executor as reason, and the run folder
// (logs included) is uploaded to the run's artifacts at the end.
import { join } from 'node:path';
import type { PolyaxonClient, RunClient, V1Statuses } from '@px/client';
import type { ResolvedContext } from '@px/context';
import type { CommandContext } from '../command-context';
import { CliError } from '../errors';
import { executorReason, runJob, type JobRecord } from './job-runner';
import { inputsOf, planJob } from './local-plan';
import { RunClientRecord } from './run-record';
import type { Executor } from './job-runner';
import { buildTree, chooseExecutor, nameOf, type LocalRunOptions } from './run-local';
import { StopController } from './signals';
import { trackingEnv } from './tracking-env';

const WAIT_COMPILED_MS = 120_000;

class OnlineRecord extends RunClientRecord implements JobRecord {
  constructor(
    run: RunClient,
    path: string,
    private readonly reason: string,
  ) {
    super(run, path);
  }

  queueStatus(status: V1Statuses, message?: string): void {
    this.run.logStatus(status, { reason: this.reason, ...(message === undefined ? {} : { message }) });
  }

  async setStatus(status: V1Statuses, message?: string): Promise<void> {
    this.queueStatus(status, message);
    await this.run.flush();
  }

  async finish(status: 'succeeded' | 'failed' | 'stopped' | 'skipped', message?: string): Promise<void> {
    // logs and whatever the code wrote into the run folder reach the server before the final status
    await this.run.uploadArtifactsDir(this.path, { path: '/', relativeTo: this.path }).catch(() => undefined);
    await this.setStatus(status, message);
  }
}

async function waitCompiled(run: RunClient, intervalMs: number): Promise<void> {
  const deadline = Date.now() + WAIT_COMPILED_MS;
  let approved = false;
  for (;;) {
    const data = await run.refresh();
    const { conditions } = await run.getStatuses();
    if (conditions.some((c) => c.type === 'compiled') || data.status === 'compiled') return;
    if (data.status === 'failed' || data.status === 'stopped') throw new CliError(`The server did not compile the run (status \`${data.status}\`).`);
    if (!approved && (data.pending === 'approval' || data.status === 'created')) {
      await run.approve();
      approved = true;
    }
    if (Date.now() > deadline) throw new CliError('Run must be compiled: the server did not compile the run within 2 minutes.');
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

/** Runs `spec` locally against the configured server; resolves to the exit code. */
export async function runFaithful(ctx: CommandContext, resolved: ResolvedContext, spec: Record<string, unknown>, options: LocalRunOptions & { target: { owner: string; project: string } }): Promise<number> {
  const executor = chooseExecutor(ctx, options.executor);
  const tree = buildTree(spec, executor, ctx.cwd, options.concurrency);
  if (tree.kind !== 'job') {
    // sweeps and pipelines run here as server-less mode runs them, each run pushed to the server as it goes
    const { runTree } = await import('./run-local');
    return runTree(ctx, spec, tree, executor, resolved, options);
  }
  const compiled = tree.compiled;
  const run = await serverRun(ctx, options.target);
  ctx.print.line('Creating a new run...');
  await run.create({ content: spec, managedBy: 'cli', name: options.name ?? nameOf(spec, compiled), description: options.description, tags: options.tags });
  ctx.print.success(`A new run was created: ${options.target.owner}/${options.target.project}:${run.runUuid ?? ''}`);
  return executeHere(ctx, resolved, run, compiled, executor, options.target);
}

/**
 * `px ops execute [-p] [-uid] [-exc process|docker]`: executes a run that already exists on the server
 * on this machine (its content as the server compiled it), as upstream's `ops execute`.
 */
export async function executeExisting(ctx: CommandContext, resolved: ResolvedContext, target: { owner: string; project: string; uuid: string }, executorOption: string | undefined): Promise<number> {
  const executor = chooseExecutor(ctx, executorOption);
  const run = await serverRun(ctx, target, target.uuid);
  const data = await run.refresh();
  if (typeof data.content !== 'string' || data.content === '') throw new CliError(`The run \`${target.uuid}\` has no operation content to execute (runs made by tracking code or pushed offline have none).`);
  const { parseYaml } = await import('@px/polyaxonfile');
  const { value } = parseYaml(data.content, `run ${target.uuid} content`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError(`The content of the run \`${target.uuid}\` is not an operation.`);
  const spec = value as Record<string, unknown>;
  return executeHere(ctx, resolved, run, jobOf(spec, executor, ctx.cwd, undefined), executor, target);
}

function jobOf(spec: Record<string, unknown>, executor: Executor, cwd: string, concurrency: number | undefined): Record<string, unknown> {
  const tree = buildTree(spec, executor, cwd, concurrency);
  if (tree.kind !== 'job') throw new CliError(`\`ops execute\` executes single jobs; this run is a ${tree.kind === 'matrix' ? 'sweep' : 'pipeline'}: run its Polyaxonfile with \`px run -f ... --local\`.`);
  return tree.compiled;
}

async function serverRun(ctx: CommandContext, target: { owner: string; project: string }, runUuid?: string): Promise<RunClient> {
  const { PolyaxonClient: Client, RunClient: Run } = await import('@px/client');
  const client: PolyaxonClient = new Client({ context: { env: ctx.env, homeDir: ctx.homeDir, cwd: ctx.cwd } });
  return new Run({ owner: target.owner, project: target.project, client, ...(runUuid === undefined ? {} : { runUuid }) });
}

/** Waits until the server compiled `run` (approving it if needed), executes its job here and posts its statuses. */
async function executeHere(ctx: CommandContext, resolved: ResolvedContext, run: RunClient, compiled: Record<string, unknown>, executor: Executor, target: { owner: string; project: string }): Promise<number> {
  if (executor === 'process') ctx.print.warning('The process executor runs the command on this machine: the container image is not used.');
  ctx.print.warning('`ops execute` is experimental: the run executes on this machine.');
  await waitCompiled(run, Math.max(0.05, resolved.watchInterval.value) * 1000);
  const contextRoot = join(resolved.artifactsRoot.value, 'px-local');
  const record = new OnlineRecord(run, join(contextRoot, 'artifacts', run.runUuid!), executorReason(executor));
  const stop = new StopController((message) => ctx.print.warning(message));
  stop.install();
  let result;
  try {
    run.logInputs(inputsOf(compiled));
    result = await runJob(record, planJob(compiled, { owner: target.owner, project: target.project, uuid: record.uuid, name: record.name, artifactsPath: record.path, contextPath: join(contextRoot, 'context', record.uuid) }), {
      executor,
      cwd: ctx.cwd,
      env: ctx.env,
      stop,
      stdout: ctx.io.stdout,
      stderr: ctx.io.stderr,
      runsRoot: join(resolved.offlineRoot.value, 'runs'),
      contextPath: (r) => join(contextRoot, 'context', r.uuid),
      trackingEnv: (r) => ({ ...trackingEnv({ instance: `${target.owner}.${target.project}.runs.${r.uuid}`, contextArtifacts: executor === 'docker' ? '/plx-context' : contextRoot }), POLYAXON_HOST: resolved.host.value }),
      dockerRunMount: (r) => [{ host: r.path, container: `/plx-context/artifacts/${r.uuid}` }],
    });
  } finally {
    stop.dispose();
  }
  ctx.print[result.status === 'succeeded' ? 'success' : 'error'](`Run ${record.uuid}: ${result.status}${result.message === undefined ? '.' : `: ${result.message}`}`);
  const childOptions = { ...ctx.options, uid: record.uuid, project: `${target.owner}/${target.project}` };
  if (ctx.options.watch === true) {
    const { statuses } = await import('../commands/ops-read');
    await statuses({ ...ctx, options: { ...childOptions, watch: true, output: undefined } });
  }
  if (result.status === 'succeeded') return 0;
  return result.status === 'stopped' ? (stop.signal === 'SIGTERM' ? 143 : 130) : 1;
}

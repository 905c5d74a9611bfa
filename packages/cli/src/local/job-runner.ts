// Runs one job locally: statuses scheduled → starting → running → succeeded/failed/stopped,
// init containers, then the main container with the process or docker executor; its output is
// streamed and saved as the run's logs.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { V1Statuses } from '@px/client';
import type { TextSink } from '../cli-io';
import { CliError } from '../errors';
import { dockerArgv, type DockerMount } from './docker-argv';
import { runInits } from './init-containers';
import type { JobPlan } from './local-plan';
import { LogsWriter } from './logs-writer';
import type { StopController } from './signals';
import { spawnContainer, type ContainerOutcome } from './spawn-container';

/** The executors px runs containers with. */
export const EXECUTORS = ['process', 'docker'] as const;
/** One of {@link EXECUTORS}. */
export type Executor = (typeof EXECUTORS)[number];

/** The reason of the statuses px posts for runs it executes (upstream's executor names). */
export function executorReason(executor: Executor): string {
  return executor === 'docker' ? 'CliDockerExecutor' : 'CliProcessExecutor';
}

/** The record a job reports to (an offline run folder, or a run on the server). */
export interface JobRecord {
  readonly uuid: string;
  readonly name: string | undefined;
  /** The run's artifacts folder on this machine. */
  readonly path: string;
  readonly status: string | null;
  readonly outputs: Record<string, unknown>;
  readonly inputs: Record<string, unknown>;
  /** Records a status now and saves (or posts) it with the queued ones. */
  setStatus(status: V1Statuses, message?: string): Promise<void>;
  /** Records a status now; it is saved (or posted) with the next `setStatus` or `finish`. */
  queueStatus(status: V1Statuses, message?: string): void;
  finish(status: 'succeeded' | 'failed' | 'stopped' | 'skipped', message?: string): Promise<void>;
}

/** Everything a job needs from its surroundings. */
export interface JobEnvironment {
  readonly executor: Executor;
  readonly cwd: string;
  /** The environment of px (the process executor's base environment). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Variables that attach the run's tracking code (see `tracking-env.ts`). */
  readonly trackingEnv: (record: JobRecord) => Record<string, string>;
  /** Init containers' default destination for a run. */
  readonly contextPath: (record: JobRecord) => string;
  /** `<offline root>/runs`, where `artifacts` inits copy from. */
  readonly runsRoot: string;
  readonly stop: StopController;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Printed before each output line when several runs share the terminal. */
  readonly prefix?: string | undefined;
  /** Docker: container paths of the run folder and of the offline root. */
  readonly dockerRunMount?: (record: JobRecord) => DockerMount[];
}

/** How a job ended. */
export interface JobResult {
  readonly status: 'succeeded' | 'failed' | 'stopped';
  readonly message?: string | undefined;
}

/** The failure message of an outcome: exit code and the last lines of stderr, or a missing command. */
export function outcomeMessage(outcome: ContainerOutcome, tail: readonly string[]): string | undefined {
  if (outcome.kind === 'not-found') return `command not found: ${outcome.command}`;
  if (outcome.kind === 'error') return outcome.message;
  if (outcome.kind === 'signal') return `killed by ${outcome.signal}`;
  if (outcome.code === 0) return undefined;
  const last = tail.slice(-5).join('\n');
  return `exit code ${outcome.code}${last === '' ? '' : `; last lines of stderr:\n${last}`}`;
}

function dockerEnv(trackingEnv: Record<string, string>, own: Readonly<Record<string, string>>): Record<string, string> {
  const host = trackingEnv.POLYAXON_HOST;
  const env = { ...own, ...trackingEnv };
  if (host !== undefined) env.POLYAXON_HOST = host.replace(/\/\/(localhost|127\.0\.0\.1)([:/]|$)/, '//host.docker.internal$2');
  return env;
}

/** The argv of the main container (the command itself, or `docker run ...`). */
export function mainArgv(plan: JobPlan, record: JobRecord, job: JobEnvironment): { argv: string[]; env: Record<string, string | undefined>; cwd: string } {
  const tracking = job.trackingEnv(record);
  if (job.executor === 'docker') {
    const mounts: DockerMount[] = [{ host: job.contextPath(record), container: '/plx-context/artifacts' }, ...(job.dockerRunMount?.(record) ?? [])];
    const home = job.env.HOME;
    if (home !== undefined && existsSync(join(home, '.polyaxon'))) mounts.push({ host: join(home, '.polyaxon'), container: '/root/.polyaxon', readOnly: true });
    return { argv: ['docker', ...dockerArgv(plan.main, { env: dockerEnv(tracking, plan.main.env), mounts, name: `plx-local-${record.uuid}` })], env: job.env, cwd: job.cwd };
  }
  const cwd = plan.main.workingDir === undefined ? job.cwd : resolve(job.cwd, plan.main.workingDir);
  return { argv: [...plan.main.command], env: { ...job.env, ...plan.main.env, ...tracking }, cwd };
}

/** Runs a job to its final status (recorded), never throwing for the job's own failures. */
export async function runJob(record: JobRecord, plan: JobPlan, job: JobEnvironment): Promise<JobResult> {
  const reasonless = async (status: JobResult['status'], message?: string): Promise<JobResult> => {
    await record.finish(status, message);
    return { status, message };
  };
  if (job.stop.stopping) return reasonless('stopped', 'Stopped before it started.');
  const logs = new LogsWriter({ runPath: record.path, uuid: record.uuid, stdout: job.stdout, stderr: job.stderr, prefix: job.prefix });
  try {
    // statuses that follow each other at once are saved together: `starting` is saved before init
    // containers run, else with `running`
    record.queueStatus('scheduled', 'Operation is pulled by CLI.');
    if (plan.inits.length > 0) {
      await record.setStatus('starting');
      try {
        await runInits(plan.inits, { contextPath: job.contextPath(record), cwd: job.cwd, runsRoot: job.runsRoot }, logs);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        logs.note(error.message, 'polyaxon-init');
        return await reasonless('failed', error.message);
      }
    } else record.queueStatus('starting');
    if (job.stop.stopping) return await reasonless('stopped', 'Stopped before the main container started.');
    await record.setStatus('running');
    const { argv, env, cwd } = mainArgv(plan, record, job);
    const outcome = await spawnContainer({ argv, cwd, env, container: 'polyaxon-main', logs, stop: job.stop });
    logs.flush();
    const message = outcomeMessage(outcome, logs.stderrTail());
    if (outcome.kind === 'not-found') logs.note(message ?? '');
    // a run stopped by early stopping ends `stopped` even when its code exits 0 on SIGTERM
    if (job.stop.stopping && (job.stop.reason !== undefined || !(outcome.kind === 'exit' && outcome.code === 0))) return await reasonless('stopped', job.stop.reason ?? `Stopped by ${job.stop.signal ?? 'a signal'}.`);
    if (outcome.kind === 'exit' && outcome.code === 0) return await reasonless('succeeded');
    return await reasonless('failed', message);
  } finally {
    logs.flush();
  }
}

// What every local run of one `px run --local` shares: where records go, the executor, the
// signal handling and the terminal.
import { join } from 'node:path';
import type { Printer, TextSink } from '../cli-io';
import { executorReason, runJob, type Executor, type JobRecord, type JobResult } from './job-runner';
import type { JobPlan, RunGlobals } from './local-plan';
import { RunRecord, type RunRecordInit } from './run-record';
import type { ServerSync } from './server-sync';
import type { StopController } from './signals';
import { trackingEnv } from './tracking-env';

/** A record px can also read back and add outputs to. */
export type SessionRecord = JobRecord & { logOutputs(values: Record<string, unknown>): Promise<void>; reload(): Promise<void> };

/** What a record is created with (the session adds the offline root, project and reason). */
export type RecordRequest = Omit<RunRecordInit, 'offlineRoot' | 'owner' | 'project' | 'reason'>;

/** Settings of a session. */
export interface SessionOptions {
  readonly owner: string;
  readonly project: string;
  readonly offlineRoot: string;
  readonly executor: Executor;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stop: StopController;
  readonly print: Printer;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly description?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  /** With a server configured: pushes every record as it goes (see `server-sync.ts`). */
  readonly sync?: ServerSync | undefined;
}

/** The shared state of one `px run --local` (offline records). */
export class LocalSession {
  constructor(private readonly options: SessionOptions) {}

  /** The signal handling. */
  get stop(): StopController {
    return this.options.stop;
  }

  /** The terminal. */
  get print(): Printer {
    return this.options.print;
  }

  /** The statuses' reason. */
  get reason(): string {
    return executorReason(this.options.executor);
  }

  /** Creates a run record (status `created`). */
  async createRecord(request: RecordRequest): Promise<SessionRecord> {
    const { offlineRoot, owner, project, description, tags, sync } = this.options;
    const { splitOwnerTeam } = await import('@px/context');
    // the owner as the run record holds it (a team part dropped), as `@px/client`'s RunClient resolves it
    const record = await RunRecord.create({ description, tags, ...request, offlineRoot, owner: splitOwnerTeam(owner).owner, project, reason: this.reason });
    return sync === undefined ? record : sync.track(record, request.kind);
  }

  /** The init containers' folder of a run. */
  contextPath(record: { uuid: string }): string {
    return join(this.options.offlineRoot, 'contexts', record.uuid);
  }

  /** `{{ globals.* }}` of a run. */
  globals(record: { uuid: string; name: string | undefined; path: string }, iteration?: number): RunGlobals {
    return { owner: this.options.owner, project: this.options.project, uuid: record.uuid, name: record.name, artifactsPath: record.path, contextPath: this.contextPath(record), iteration };
  }

  /** Runs one job of this session (`stop`: the run's own stop controller, a fork of the session's). */
  runJob(record: JobRecord, plan: JobPlan, prefix?: string, stop: StopController = this.options.stop): Promise<JobResult> {
    const { executor, cwd, env, stdout, stderr, offlineRoot, owner, project } = this.options;
    const docker = executor === 'docker';
    const offlineInContainer = '/plx-context/offline';
    return runJob(record, plan, {
      executor,
      cwd,
      env,
      stop,
      stdout,
      stderr,
      prefix,
      runsRoot: join(offlineRoot, 'runs'),
      contextPath: (r) => this.contextPath(r),
      trackingEnv: (r) => trackingEnv({ instance: `${owner}.${project}.runs.${r.uuid}`, offlineRoot: docker ? offlineInContainer : offlineRoot }),
      dockerRunMount: (r) => [{ host: r.path, container: `${offlineInContainer}/runs/${r.uuid}` }],
    });
  }
}

// Local sweeps and pipelines with a server configured: every run is recorded offline as in
// server-less mode and reaches the server as it goes, through the offline push (`POST .../runs/sync`,
// lineage, artifacts): the parent when it is created (then its statuses and outputs), each child
// as soon as it finishes. A run pushed completely leaves the offline root. Once the server cannot
// be reached, pushing stops: the runs not pushed stay in the offline root for `px ops push`.
import { rm } from 'node:fs/promises';
import type { PolyaxonClient, RunClient, V1Statuses } from '@px/client';
import type { SessionRecord } from './local-session';

type FinalStatus = Parameters<SessionRecord['finish']>[0];

/** Whether a run of this kind is the parent of other runs (a sweep or a pipeline). */
export function isParentKind(kind: string): boolean {
  return kind === 'matrix' || kind === 'dag';
}

/** Pushes the records of one local session to the server. */
export class ServerSync {
  private failure: string | undefined;
  private readonly left = new Set<string>();
  private readonly parents = new Map<string, RunClient>();

  constructor(
    /** A client of the server (not offline). */
    private readonly client: PolyaxonClient,
    private readonly target: { readonly owner: string; readonly project: string },
    /** The statuses' reason (the executor). */
    private readonly reason: string,
  ) {}

  /**
   * What to tell once pushing stopped (`undefined` when everything reached the server): the runs to push
   * later, and a parent already on the server whose end was not posted (a Polyaxon server refuses to sync a
   * run twice, so it is named apart).
   */
  stoppedMessage(runsDir: string): string | undefined {
    if (this.failure === undefined) return undefined;
    const toPush = [...this.left].filter((uuid) => !this.parents.has(uuid));
    const onServer = [...this.left].filter((uuid) => this.parents.has(uuid));
    const lines = [`Pushing to the server stopped (${this.failure}).`];
    if (toPush.length > 0) lines.push(`Not pushed, kept in ${runsDir}: ${toPush.join(', ')}; push them with \`px ops push --uid UUID\` (\`px ops push -a\` pushes every offline run).`);
    if (onServer.length > 0) lines.push(`Already on the server without their final status and outputs: ${onServer.join(', ')} (their folders stay in ${runsDir}).`);
    return lines.join('\n');
  }

  /** Wraps a new record so that it reaches the server; a parent is pushed now. */
  async track(record: SessionRecord, kind: string): Promise<SessionRecord> {
    this.left.add(record.uuid);
    const parent = isParentKind(kind);
    if (parent) {
      await this.attempt(async () => {
        const run = await this.load(record.path);
        await run.pushOfflineRun({ path: record.path, uploadArtifacts: false });
        const { RunClient: Client } = await import('@px/client');
        this.parents.set(record.uuid, new Client({ owner: this.target.owner, project: this.target.project, client: this.client, runUuid: record.uuid }));
      });
    }
    return new SyncedRecord(record, this, parent);
  }

  /** Posts a parent's status. */
  async parentStatus(record: SessionRecord, status: V1Statuses, message: string | undefined): Promise<void> {
    const run = this.parents.get(record.uuid);
    if (run === undefined) return;
    await this.attempt(async () => {
      run.logStatus(status, { reason: this.reason, ...(message === undefined ? {} : { message }) });
      await run.flush();
    });
  }

  /** Pushes what a finished run has: a child completely, a parent's outputs, final status and files. */
  async finished(record: SessionRecord, parent: boolean, status: FinalStatus, message: string | undefined): Promise<void> {
    if (parent) {
      const run = this.parents.get(record.uuid);
      if (run === undefined) return;
      await this.attempt(async () => {
        const outputs = record.outputs;
        if (Object.keys(outputs).length > 0) run.logOutputs(outputs);
        run.logStatus(status, { reason: this.reason, ...(message === undefined ? {} : { message }) });
        await run.flush();
        await run.uploadArtifactsDir(record.path, { path: '/', relativeTo: record.path });
        await rm(record.path, { recursive: true, force: true });
        this.left.delete(record.uuid);
      });
      return;
    }
    await this.attempt(async () => {
      const run = await this.load(record.path);
      await run.pushOfflineRun({ path: record.path, clean: true });
      this.left.delete(record.uuid);
    });
  }

  private async load(path: string): Promise<RunClient> {
    const { RunClient: Client } = await import('@px/client');
    const run = await Client.loadOfflineRun({ path, client: this.client, raiseIfNotFound: true });
    return run!;
  }

  /** Runs one push unless pushing already stopped; a failure stops pushing (never throws). */
  private async attempt(push: () => Promise<void>): Promise<void> {
    if (this.failure !== undefined) return;
    try {
      await push();
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }
}

/** A record whose statuses and end also reach the server. */
class SyncedRecord implements SessionRecord {
  constructor(
    private readonly inner: SessionRecord,
    private readonly sync: ServerSync,
    private readonly parent: boolean,
  ) {}

  get uuid(): string {
    return this.inner.uuid;
  }

  get name(): string | undefined {
    return this.inner.name;
  }

  get path(): string {
    return this.inner.path;
  }

  get status(): string | null {
    return this.inner.status;
  }

  get outputs(): Record<string, unknown> {
    return this.inner.outputs;
  }

  get inputs(): Record<string, unknown> {
    return this.inner.inputs;
  }

  async setStatus(status: V1Statuses, message?: string): Promise<void> {
    await this.inner.setStatus(status, message);
    if (this.parent) await this.sync.parentStatus(this.inner, status, message);
  }

  /** Queues a job's status in its record (a child reaches the server whole when it finishes; parents use `setStatus`). */
  queueStatus(status: V1Statuses, message?: string): void {
    this.inner.queueStatus(status, message);
  }

  async finish(status: FinalStatus, message?: string): Promise<void> {
    await this.inner.finish(status, message);
    await this.sync.finished(this.inner, this.parent, status, message);
  }

  logOutputs(values: Record<string, unknown>): Promise<void> {
    return this.inner.logOutputs(values);
  }

  reload(): Promise<void> {
    return this.inner.reload();
  }
}

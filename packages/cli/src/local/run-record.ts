// The record of a local run, kept where `@px/tracking` keeps offline runs
// (`<offline root>/runs/<uuid>/run.plx.json` + `lineages.plx.json`, written by `@px/client`'s
// offline RunClient), so `px ops ls/get/logs --offline` read it and `px ops push` (or the Python
// CLI's `polyaxon ops push`) uploads it.
import type { PolyaxonClient, RunClient, V1Statuses } from '@px/client';

/** What a record is created with. */
export interface RunRecordInit {
  readonly client: PolyaxonClient;
  readonly owner: string;
  readonly project: string;
  readonly name: string | undefined;
  readonly description?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  /** `job`, `service`, `matrix` or `dag`. */
  readonly kind: string;
  /** The compiled operation, as the run's `content`. */
  readonly content?: Record<string, unknown> | undefined;
  readonly inputs?: Record<string, unknown> | undefined;
  /** The parent run of a sweep child or a pipeline op. */
  readonly pipeline?: { uuid: string; name: string | undefined; kind: string } | undefined;
  /** The reason of the statuses px records (`CliProcessExecutor`, `CliDockerExecutor`). */
  readonly reason: string;
}

/** The read side of a run record, over a RunClient (offline here, online in faithful mode). */
export abstract class RunClientRecord {
  protected constructor(
    protected run: RunClient,
    /** The run folder on this machine. */
    readonly path: string,
  ) {}

  /** The run uuid. */
  get uuid(): string {
    return this.run.runUuid!;
  }

  /** The run name. */
  get name(): string | undefined {
    return this.run.runData.name ?? undefined;
  }

  /** The current status. */
  get status(): string | null {
    return this.run.status;
  }

  /** The run's outputs (what its tracking code logged). */
  get outputs(): Record<string, unknown> {
    return { ...(this.run.runData.outputs ?? {}) };
  }

  /** The run's inputs. */
  get inputs(): Record<string, unknown> {
    return { ...(this.run.runData.inputs ?? {}) };
  }
}

/** A local run's offline record: its uuid, folder and statuses. */
export class RunRecord extends RunClientRecord {
  private constructor(
    run: RunClient,
    private readonly init: RunRecordInit,
    path: string,
  ) {
    super(run, path);
  }

  /** Creates the record (status `created`) on disk. */
  static async create(init: RunRecordInit): Promise<RunRecord> {
    const { RunClient: Client } = await import('@px/client');
    const run = new Client({ owner: init.owner, project: init.project, client: init.client, isOffline: true });
    await run.create({ name: init.name, description: init.description, tags: init.tags === undefined || init.tags.length === 0 ? undefined : [...init.tags] });
    run.runData.kind = init.kind as typeof run.runData.kind;
    run.runData.runtime = init.kind as typeof run.runData.runtime;
    run.runData.is_managed = true;
    run.runData.managed_by = 'cli';
    if (init.content !== undefined) run.runData.content = JSON.stringify(init.content);
    if (init.pipeline !== undefined) run.runData.pipeline = { ...init.pipeline };
    if (init.inputs !== undefined && Object.keys(init.inputs).length > 0) run.logInputs(init.inputs);
    run.logStatus('created', { reason: init.reason, message: 'Run is created by px run --local' });
    const record = new RunRecord(run, init, run.offlinePath);
    await record.persist();
    return record;
  }

  private persist(): Promise<void> {
    return this.run.persistRun(this.path);
  }

  /** Records a status now (with px's executor reason). */
  async setStatus(status: V1Statuses, message?: string): Promise<void> {
    this.run.logStatus(status, { reason: this.init.reason, ...(message === undefined ? {} : { message }) });
    await this.persist();
  }

  /** Records outputs (e.g. a sweep's best child). */
  async logOutputs(values: Record<string, unknown>): Promise<void> {
    this.run.logOutputs(values);
    await this.persist();
  }

  /** Reads back what the run's own tracking code wrote into the folder (outputs, lineage, statuses). */
  async reload(): Promise<void> {
    const { RunClient: Client } = await import('@px/client');
    const loaded = await Client.loadOfflineRun({ path: this.path, client: this.init.client });
    if (loaded !== null) this.run = loaded;
  }

  /**
   * Records the final status unless the run's own code already recorded that same one (a
   * tracked script records `succeeded` on `end()`; its exit code still decides).
   */
  async finish(status: 'succeeded' | 'failed' | 'stopped' | 'skipped', message?: string): Promise<void> {
    await this.reload();
    if (this.run.status === status && message === undefined) return;
    await this.setStatus(status, message);
  }
}

// The record of a local run, kept where `@px/tracking` keeps offline runs
// (`<offline root>/runs/<uuid>/run.plx.json` + `lineages.plx.json`), with the same text `@px/client`'s
// offline RunClient writes (its pure helpers from `@px/client/offline`: no HTTP stack is loaded), so
// `px ops ls/get/logs --offline` read it and `px ops push` (or the Python CLI's `polyaxon ops push`)
// uploads it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunClient, V1Run, V1RunArtifact, V1Statuses } from '@px/client';
import {
  applyCondition,
  LINEAGES_FILE,
  lineagesToJson,
  normaliseKeys,
  parseTags,
  readOfflineRun,
  repairTornWrites,
  RUN_FILE,
  runToJson,
  statusCondition,
  writeOfflineFile,
} from '@px/client/offline';
import { newRunUuid } from './run-uuid';

/** What a record is created with. */
export interface RunRecordInit {
  /** The offline root (`<offlineRoot>/runs/<uuid>` is the run folder). */
  readonly offlineRoot: string;
  /** The owner recorded in the run (without a team). */
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

/** The read side of a run record over its `V1Run` data. */
abstract class RecordView {
  /** The run folder on this machine. */
  abstract readonly path: string;
  /** The run uuid. */
  abstract get uuid(): string;
  protected abstract readonly data: V1Run;

  /** The run name. */
  get name(): string | undefined {
    return this.data.name ?? undefined;
  }

  /** The current status. */
  get status(): string | null {
    return this.data.status ?? null;
  }

  /** The run's outputs (what its tracking code logged). */
  get outputs(): Record<string, unknown> {
    return { ...(this.data.outputs ?? {}) };
  }

  /** The run's inputs. */
  get inputs(): Record<string, unknown> {
    return { ...(this.data.inputs ?? {}) };
  }
}

/** The read side of a record over a RunClient (faithful mode: the run lives on the server). */
export abstract class RunClientRecord extends RecordView {
  protected constructor(
    protected run: RunClient,
    /** The run folder on this machine. */
    readonly path: string,
  ) {
    super();
  }

  /** The run uuid. */
  get uuid(): string {
    return this.run.runUuid!;
  }

  protected get data(): V1Run {
    return this.run.runData;
  }
}

/**
 * A local run's offline record: its uuid, folder and statuses. Each save rewrites `run.plx.json`
 * (and `lineages.plx.json` only when its text changed): replacing a file costs milliseconds on
 * ext4, so statuses queued back to back are saved together.
 */
export class RunRecord extends RecordView {
  /** Lineage records by name, as the run's own tracking code wrote them (kept on every write). */
  private lineages = new Map<string, V1RunArtifact>();
  /** The text of `lineages.plx.json` as last written or read. */
  private lineagesText: string | undefined;
  /** Whether queued statuses are not saved yet. */
  private unsaved = false;

  private constructor(
    protected data: V1Run,
    private uuidValue: string,
    private readonly reason: string,
    readonly path: string,
  ) {
    super();
  }

  /** The run uuid. */
  get uuid(): string {
    return this.uuidValue;
  }

  /** Creates the record (status `created`) on disk. */
  static async create(init: RunRecordInit): Promise<RunRecord> {
    const uuid = newRunUuid();
    const data: V1Run = { owner: init.owner, project: init.project, uuid, kind: init.kind as V1Run['kind'], runtime: init.kind as V1Run['runtime'], is_managed: true, managed_by: 'cli' };
    if (init.name !== undefined) data.name = init.name;
    if (init.description !== undefined) data.description = init.description;
    if (init.tags !== undefined && init.tags.length > 0) data.tags = parseTags(init.tags);
    if (init.content !== undefined) data.content = JSON.stringify(init.content);
    if (init.pipeline !== undefined) data.pipeline = { ...init.pipeline };
    if (init.inputs !== undefined && Object.keys(init.inputs).length > 0) data.inputs = normaliseKeys(init.inputs);
    const record = new RunRecord(data, uuid, init.reason, join(init.offlineRoot, 'runs', uuid));
    await record.setStatus('created', 'Run is created by px run --local');
    return record;
  }

  /** Writes the files `RunClient.persistRun` writes, with the same text. */
  private async persist(): Promise<void> {
    await mkdir(this.path, { recursive: true });
    await writeOfflineFile(join(this.path, RUN_FILE), runToJson(this.data));
    this.unsaved = false;
    const lineages = lineagesToJson([...this.lineages.values()]);
    if (lineages === this.lineagesText) return;
    await writeOfflineFile(join(this.path, LINEAGES_FILE), lineages);
    this.lineagesText = lineages;
  }

  /** Records a status now (with px's executor reason); it is saved with the next {@link RunRecord.setStatus} or {@link RunRecord.finish}. */
  queueStatus(status: V1Statuses, message?: string): void {
    applyCondition(this.data, statusCondition(status, { reason: this.reason, ...(message === undefined ? {} : { message }) }));
    this.unsaved = true;
  }

  /** Records a status now (with px's executor reason) and saves it. */
  async setStatus(status: V1Statuses, message?: string): Promise<void> {
    this.queueStatus(status, message);
    await this.persist();
  }

  /** Records outputs (e.g. a sweep's best child). */
  async logOutputs(values: Record<string, unknown>): Promise<void> {
    this.data.outputs = { ...(this.data.outputs ?? {}), ...normaliseKeys(values) };
    await this.persist();
  }

  /** Reads back what the run's own tracking code wrote into the folder (outputs, lineage, statuses). */
  async reload(): Promise<void> {
    if (this.unsaved) await this.persist();
    repairTornWrites(this.path);
    const loaded = await readOfflineRun(this.path);
    if (loaded === undefined) return;
    this.data = loaded.run;
    this.uuidValue = loaded.run.uuid ?? this.uuidValue;
    this.lineages = new Map();
    for (const lineage of loaded.lineages) if (lineage.name != null) this.lineages.set(lineage.name, lineage);
    // what the run's code wrote is written back in px's text only when the content differs
    this.lineagesText = lineagesToJson(loaded.lineages);
  }

  /**
   * Records the final status unless the run's own code already recorded that same one (a
   * tracked script records `succeeded` on `end()`; its exit code still decides).
   */
  async finish(status: 'succeeded' | 'failed' | 'stopped' | 'skipped', message?: string): Promise<void> {
    await this.reload();
    if (this.data.status === status && message === undefined) return;
    await this.setStatus(status, message);
  }
}

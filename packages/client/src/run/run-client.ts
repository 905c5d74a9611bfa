import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { PolyaxonClient } from '../client/polyaxon-client';
import { ApiError } from '../errors/api-error';
import { PolyaxonClientException } from '../errors/client-error';
import { collectFiles } from '../files/collect-files';
import type { V1ListResponse } from '../models/list-response';
import type { V1EventsResponse, V1Log, V1Logs, V1MultiRunEventsResponse } from '../models/logs';
import type { V1ProjectVersion } from '../models/project-version';
import type { V1OperationBody, V1Run, V1RunSettings } from '../models/run';
import type { V1ArtifactTree, V1RunArtifact } from '../models/run-artifact';
import type { V1Status, V1StatusCondition } from '../models/status';
import { isDoneStatus, isPendingStatus, isRunningStatus, type V1ManagedBy, type V1RunPending, type V1Statuses } from '../models/statuses';
import { readOfflineRun, writeOfflineRun, writeOfflineRunSync } from '../offline/offline-files';
import type { EnqueueOptions, FlushOptions, QueuedTask } from '../queue/write-queue';
import { lineagesToJson, runToJson } from '../offline/ordered-json';
import { extractArchive } from '../tar/extract';
import { repairTornWrites } from '../offline/write-intent';
import { emptyPage, listQuery, paginate, toPage, type ListOptions, type Page } from '../pagination/page';
import { dropNulls } from '../client/drop-nulls';
import { ProjectClient, type RegisterVersionOptions } from '../project/project-client';
import type { TarSource } from '../tar/tar-writer';
import type { Query } from '../transport/api-transport';
import type { ProgressHandler } from '../transport/progress';
import { buildPath } from '../transport/url';
import { archiveNameFor, downloadAndExtract, downloadToFile, uploadFile, uploadTarGz, type StreamsTarget } from './artifact-transfer';
import { normaliseKeys, parseTags } from './names';
import { applyCondition, conditionsSince, statusCondition, type LogStatusOptions } from './status-history';
import { buildOperation, type CreateFromSpecOptions, type SpecOrigin } from '../spec/build-operation';
import type { MetricsOptions } from '../plots/run-metrics';
import type { MetricPoint, WideRow } from '../plots/types';
import { collectRuns, runIo } from './runs-io';

/** Options of {@link RunClient}. */
export interface RunClientOptions {
  /** Owner; ignored when `project` is not given (as upstream). */
  owner?: string | undefined;
  /** Project name or `owner/project`; default: the context's project (`.polyaxon/.project`, managed run). */
  project?: string | undefined;
  /** Run uuid; default: the context's run (`.polyaxon/.run`); offline: a new uuid. */
  runUuid?: string | undefined;
  /** The client to use (default: a new one from the context). */
  client?: PolyaxonClient | undefined;
  /** Keep everything local (default: the client's `isOffline`). */
  isOffline?: boolean | undefined;
  /** Make every method a no-op (default: the client's `noOp`). */
  noOp?: boolean | undefined;
}

/** Options of {@link RunClient.create}. */
export interface CreateRunOptions {
  name?: string | undefined;
  description?: string | undefined;
  tags?: string | readonly string[] | undefined;
  /** Operation content: a YAML/JSON string or an object (sent as a JSON string). */
  content?: string | Record<string, unknown> | undefined;
  isManaged?: boolean | undefined;
  managedBy?: V1ManagedBy | undefined;
  pending?: V1RunPending | undefined;
  metaInfo?: Record<string, unknown> | undefined;
}


/** A status with the conditions that led to it. */
export interface StatusUpdate {
  status: V1Statuses | null;
  conditions: V1StatusCondition[];
}

/** Options of status/log watchers. */
export interface WatchOptions {
  /** Stop when the status is one of these (default: any final status). */
  statuses?: readonly V1Statuses[] | undefined;
  /** Stops watching (the iterator just ends). */
  signal?: AbortSignal | undefined;
  /** Seconds between polls (default: the client's `watchInterval`). */
  interval?: number | undefined;
}

/** Options of uploads. */
export interface UploadOptions {
  /** Destination folder inside the run's artifacts (default `''`). */
  path?: string | undefined;
  overwrite?: boolean | undefined;
  /** Do not send the artifacts store connection. */
  ignoreStore?: boolean | undefined;
  onProgress?: ProgressHandler | undefined;
  signal?: AbortSignal | undefined;
}

/** Options of {@link RunClient.downloadArtifact}. */
export interface DownloadArtifactOptions {
  /** Local folder (default `<archivesRoot>/<runUuid>`); the artifact `path` is joined to it. */
  pathTo?: string | undefined;
  force?: boolean | undefined;
  /** When the server answers with a tar, extract it (default true). */
  untar?: boolean | undefined;
  onProgress?: ProgressHandler | undefined;
  signal?: AbortSignal | undefined;
}

/** Options of {@link RunClient.downloadArtifacts}. */
export interface DownloadArtifactsOptions {
  pathTo?: string | undefined;
  /** Extract here instead of `<pathTo>/<path>`. */
  extractPath?: string | undefined;
  checkPath?: boolean | undefined;
  onProgress?: ProgressHandler | undefined;
  signal?: AbortSignal | undefined;
}

/** Options of {@link RunClient.restart} and {@link RunClient.resume}. */
export interface RestartOptions {
  content?: string | Record<string, unknown> | undefined;
  name?: string | undefined;
  description?: string | undefined;
  tags?: string | readonly string[] | undefined;
  recompile?: boolean | undefined;
  /** Restart as a copy (`/copy`). */
  copy?: boolean | undefined;
  copyDirs?: readonly string[] | undefined;
  copyFiles?: readonly string[] | undefined;
}

/** Options of {@link RunClient.pushOfflineRun}. */
export interface PushOfflineOptions {
  /** The offline run folder (default: `<offlineRoot>/runs/<uuid>`). */
  path?: string | undefined;
  /** Upload the folder's files (default true). */
  uploadArtifacts?: boolean | undefined;
  /** Delete the folder afterwards (default false). */
  clean?: boolean | undefined;
  onProgress?: ProgressHandler | undefined;
}

/** Options of {@link RunClient.loadOfflineRun}. */
export interface LoadOfflineOptions {
  /** The offline run folder. */
  path: string;
  /** Load into this client instead of a new one. */
  runClient?: RunClient | undefined;
  /** The client for a new RunClient. */
  client?: PolyaxonClient | undefined;
  /** Replace the loaded owner/project with the RunClient's. */
  resetProject?: boolean | undefined;
  /** Give the run a new uuid. */
  resetUuid?: boolean | undefined;
  /** Rename the run. */
  name?: string | undefined;
  /** Throw when no run is there (default: return null). */
  raiseIfNotFound?: boolean | undefined;
}

function contentString(content: string | Record<string, unknown>): string {
  if (typeof content === 'string') return content;
  if (typeof content === 'object' && content !== null && !Array.isArray(content)) return JSON.stringify(content);
  throw new PolyaxonClientException(`Received an invalid content: ${JSON.stringify(content)}`);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted === true) {
      done();
      return;
    }
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}

function namesParam(names: string | readonly string[] | undefined): string {
  if (typeof names === 'string') return names;
  if (Array.isArray(names) && names.every((n) => typeof n === 'string')) return names.join(',');
  throw new PolyaxonClientException('Event `names` must be a string or a list of strings.');
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Event kinds whose events may reference several asset files. */
const MULTI_FILE_EVENT_KINDS: readonly string[] = ['model', 'dataframe', 'audio', 'video', 'image', 'csv', 'tsv', 'psv', 'ssv'];

/**
 * One run: create it, log statuses/inputs/outputs/tags/meta/lineage, watch
 * it, move its artifacts, act on it (upstream `RunClient`). `@px/tracking`
 * extends it.
 *
 * Writes upstream fires and forgets (`logStatus`, `logInputs`, `logOutputs`,
 * `logMeta`, `logTags`, `setName`/`setDescription`/`setReadme`,
 * `logArtifactLineage`) return at once, run in order in the background, are
 * retried on transient failures and are awaited with {@link RunClient.flush}.
 *
 * In no-op mode every method resolves to an empty value of its type
 * without I/O. Offline, writes change the local `runData` and API-only
 * reads resolve to empty values.
 *
 * @example
 * ```ts
 * const run = new RunClient({ owner: 'acme', project: 'demo', client });
 * await run.create({ name: 'exp-1', tags: ['a'] });
 * run.logInputs({ lr: 0.01 });
 * run.logStatus('running');
 * await run.uploadArtifact('./model.bin', { path: 'outputs' });
 * run.logSucceeded();
 * await run.flush();
 * ```
 */
export class RunClient {
  /** Owner (organization). */
  owner: string | undefined;
  /** Project name. */
  project: string | undefined;
  /** Run uuid (set by `create`). */
  runUuid: string | undefined;
  /** The last run record received (or the local record offline). */
  runData: V1Run;
  /** Lineage records by name (loaded by `refresh({ loadArtifactsLineage })` or cached offline). */
  readonly artifactsLineage = new Map<string, V1RunArtifact>();
  /** Whether every method is a no-op. */
  readonly noOp: boolean;
  /** Whether the run is kept locally. */
  isOffline: boolean;
  #client: PolyaxonClient | undefined;
  #lastProgress: number | undefined;
  #progressCalls = 0;
  #progressAt = 0;

  constructor(options: RunClientOptions = {}) {
    this.#client = options.client;
    this.noOp = options.noOp ?? this.client.config.noOp;
    this.isOffline = options.isOffline ?? this.client.config.isOffline;
    this.runData = {};
    if (this.noOp) {
      this.owner = options.owner;
      this.project = options.project;
      this.runUuid = options.runUuid;
      return;
    }
    const resolved = this.client.resolveEntity({
      owner: options.project === undefined ? undefined : options.owner,
      project: options.project,
      runUuid: this.isOffline ? undefined : options.runUuid,
      isOffline: this.isOffline,
    });
    const { owner, project } = resolved;
    if ((owner === undefined || project === undefined) && !this.isOffline) {
      if (project === undefined && !resolved.isManaged) {
        throw new PolyaxonClientException('Please provide a valid project, or make sure this operation is managed by Polyaxon.');
      }
      throw new PolyaxonClientException(
        `Please provide a valid project. Context: <owner: ${owner ?? 'Missing'}> - <project: ${project ?? 'Missing'}>`,
      );
    }
    this.owner = owner;
    this.project = project;
    this.runUuid = this.isOffline ? (options.runUuid ?? randomUUID().replace(/-/g, '')) : resolved.runUuid;
    const local = this.isOffline || !resolved.isManaged;
    this.runData = dropNulls({
      owner,
      project,
      uuid: this.runUuid,
      kind: local ? 'job' : undefined,
      runtime: local ? 'job' : undefined,
      is_managed: this.isOffline ? false : undefined,
      managed_by: this.isOffline ? 'user' : undefined,
    });
  }

  /** The client (created from the context on first use when none was given). */
  get client(): PolyaxonClient {
    this.#client ??= new PolyaxonClient();
    return this.#client;
  }

  /** The run's current (local) status. */
  get status(): V1Statuses | null {
    return this.runData.status ?? null;
  }

  /** The run's settings (namespace, agent, artifacts store). */
  get settings(): V1RunSettings {
    return this.runData.settings ?? {};
  }

  /** The run's namespace, `polyaxon` by default. */
  get namespace(): string {
    return this.settings.namespace ?? 'polyaxon';
  }

  /** The artifacts store connection name, when known. */
  get artifactsStore(): string | undefined {
    return this.settings.artifacts_store?.name ?? undefined;
  }

  // ----- guards and paths -------------------------------------------------

  /** Whether API-only calls are skipped (no-op or offline). */
  protected get skipsApi(): boolean {
    return this.noOp || this.isOffline;
  }

  #uuid(): string {
    if (this.runUuid === undefined || this.runUuid === '') {
      throw new PolyaxonClientException('This RunClient has no run uuid: pass `runUuid` or call `create()` first.');
    }
    return this.runUuid;
  }

  #projectPath(...rest: string[]): string {
    if (this.owner === undefined || this.project === undefined) {
      throw new PolyaxonClientException(
        `Please provide a valid project. Context: <owner: ${this.owner ?? 'Missing'}> - <project: ${this.project ?? 'Missing'}>`,
      );
    }
    return buildPath('api', 'v1', this.owner, this.project, ...rest);
  }

  #runPath(...rest: string[]): string {
    return this.#projectPath('runs', this.#uuid(), ...rest);
  }

  /**
   * Where a streams call goes: `/streams/v1/{namespace}/{owner}/{project}/runs/{uuid}/...`,
   * on the run's agent URL when it has one (outside the cluster), as upstream.
   */
  async #streams(...rest: string[]): Promise<StreamsTarget> {
    if (this.runData.settings == null || Object.keys(this.runData.settings).length === 0) await this.refresh();
    const agentUrl = this.settings.agent?.url ?? undefined;
    return {
      path: buildPath('streams', 'v1', this.namespace, this.owner ?? '', this.project ?? '', 'runs', this.#uuid(), ...rest),
      host: agentUrl !== undefined && agentUrl !== '' && !this.client.config.inCluster ? agentUrl : undefined,
    };
  }

  /** Queues a fire-and-forget write (ordered, retried, reported once). */
  protected enqueue(operation: string, task: QueuedTask, options?: EnqueueOptions): void {
    this.client.enqueue(operation, this.runUuid, task, options);
  }

  #patchAsync(operation: string, body: Record<string, unknown>): void {
    const path = this.#runPath();
    this.enqueue(operation, (signal) => this.client.request('PATCH', path, { json: body, retry: 'write', signal }));
  }

  // ----- run record -------------------------------------------------------

  /**
   * Fetches the run (`GET .../runs/{uuid}`) into `runData`; optionally its
   * status conditions, lineage (limit 1000) and metrics. Offline: returns
   * the local record.
   */
  async refresh(options: { loadArtifactsLineage?: boolean; loadConditions?: boolean; loadMetrics?: boolean } = {}): Promise<V1Run> {
    if (this.skipsApi) return this.runData;
    const data = await this.client.request<V1Run>('GET', this.#runPath());
    this.runData = { ...data, owner: data.owner ?? this.owner, project: data.project ?? this.project };
    if (options.loadConditions === true) {
      const { conditions } = await this.getStatuses();
      this.runData.status_conditions = conditions;
    }
    if (options.loadArtifactsLineage === true) {
      const page = await this.getArtifactsLineage({ limit: 1000 });
      this.artifactsLineage.clear();
      for (const item of page.results) if (item.name != null) this.artifactsLineage.set(item.name, item);
    }
    if (options.loadMetrics === true) await this.getMetrics();
    return this.runData;
  }

  /** Alias of {@link RunClient.refresh} (upstream `refresh_data`). */
  refreshData(options?: { loadArtifactsLineage?: boolean; loadConditions?: boolean; loadMetrics?: boolean }): Promise<V1Run> {
    return this.refresh(options);
  }

  /** The run's inputs (fetched once when not known yet). */
  async getInputs(): Promise<Record<string, unknown>> {
    if (this.runData.inputs == null && !this.skipsApi) await this.refresh();
    return this.runData.inputs ?? {};
  }

  /** The run's outputs (fetched once when not known yet). */
  async getOutputs(): Promise<Record<string, unknown>> {
    if (this.runData.outputs == null && !this.skipsApi) await this.refresh();
    return this.runData.outputs ?? {};
  }

  /**
   * Creates the run (`POST /api/v1/{owner}/{project}/runs`); without content
   * it is a user-managed run (`is_managed: false`, `managed_by: user`).
   * Offline: creates the local record only.
   *
   * @throws {@link PolyaxonClientException} on invalid content
   */
  async create(options: CreateRunOptions = {}): Promise<V1Run> {
    if (this.noOp) return {};
    const content = options.content === undefined ? undefined : contentString(options.content);
    let isManaged = options.isManaged;
    let managedBy = options.managedBy;
    if (content === undefined) {
      isManaged ??= false;
    } else {
      isManaged ??= true;
    }
    managedBy ??= isManaged ? 'agent' : 'user';
    const body: V1OperationBody = dropNulls({
      content,
      is_managed: isManaged,
      managed_by: managedBy,
      pending: options.pending,
      name: options.name,
      description: options.description,
      tags: options.tags === undefined ? undefined : parseTags(options.tags),
      meta_info: options.metaInfo,
    });
    if (this.isOffline) {
      this.runData = dropNulls({
        ...this.runData,
        uuid: this.runUuid,
        name: body.name,
        description: body.description,
        tags: body.tags,
        owner: this.owner,
        project: this.project,
        is_managed: false,
        managed_by: 'user',
        meta_info: body.meta_info,
        kind: this.runData.kind ?? 'job',
        runtime: this.runData.runtime ?? 'job',
      });
      return this.runData;
    }
    const created = await this.client.request<V1Run>('POST', this.#projectPath('runs'), { json: body, retry: 'none' });
    this.runUuid = created.uuid ?? this.runUuid;
    this.runData = { ...created, owner: created.owner ?? this.owner, project: created.project ?? this.project };
    this.runData.status ??= 'created';
    return this.runData;
  }

  /**
   * Creates a managed run from a Polyaxonfile (upstream
   * `create_from_polyaxonfile`): the operation is built and validated locally
   * with `@px/polyaxonfile` (params, matrix, presets, queue, namespace, cache,
   * approval; component references resolved), then posted as the run's
   * `content` by {@link RunClient.create}. Needs the optional peer
   * dependency `@px/polyaxonfile`, loaded on first use.
   *
   * No-op: resolves to `{}` without reading anything. Offline: the spec is
   * still checked, then the local record is created as `create()` does.
   *
   * @param polyaxonfile - the path of a YAML/JSON file holding a component or an operation (or its text);
   *   with a list, the first is the spec and the others are preset files applied in order
   * @param options - run name/description/tags and upstream's check options
   * @returns the created run
   * @throws `PolyaxonfileError` (of `@px/polyaxonfile`, with file, line and field path) when the spec is not valid
   * @throws {@link ApiError} when the API refuses the run (e.g. 404 for a missing project)
   * @throws {@link MissingDependencyError} when `@px/polyaxonfile` is not installed
   * @example
   * ```ts
   * await run.createFromPolyaxonfile(['polyaxonfile.yaml', 'gpu-preset.yaml'], { params: { lr: 0.01 }, queue: 'agent/gpu' });
   * ```
   */
  createFromPolyaxonfile(polyaxonfile: string | readonly string[], options: CreateFromSpecOptions = {}): Promise<V1Run> {
    return this.#createFromSpec({ polyaxonfile }, options, 'RunClient.createFromPolyaxonfile');
  }

  /**
   * Creates a managed run from a Polyaxonfile at a URL (upstream
   * `create_from_url`), like {@link RunClient.createFromPolyaxonfile}. The
   * URL is read with a plain `fetch` (no token).
   *
   * @param url - where the YAML/JSON spec (a component or an operation) is
   * @param options - run name/description/tags and upstream's check options
   * @returns the created run
   * @throws `PolyaxonfileError` when the spec cannot be read or is not valid
   * @throws {@link ApiError} when the API refuses the run
   * @throws {@link MissingDependencyError} when `@px/polyaxonfile` is not installed
   */
  createFromUrl(url: string, options: CreateFromSpecOptions = {}): Promise<V1Run> {
    return this.#createFromSpec({ url }, options, 'RunClient.createFromUrl');
  }

  /**
   * Creates a managed run from a hub component (upstream `create_from_hub`),
   * like {@link RunClient.createFromPolyaxonfile}; the operation keeps the
   * `hubRef`. Components of owner `polyaxon` come from the public hub;
   * others from this client's host, read with its token.
   *
   * @param component - `[owner/]name[:version]`, e.g. `tensorboard:v1` or `acme/trainer:v2`
   * @param options - run name/description/tags and upstream's check options (pass `params` for required inputs)
   * @returns the created run
   * @throws `PolyaxonfileError` when the reference or the component is not valid
   * @throws {@link ApiError} when reading the component from the API or creating the run fails
   * @throws {@link MissingDependencyError} when `@px/polyaxonfile` is not installed
   */
  createFromHub(component: string, options: CreateFromSpecOptions = {}): Promise<V1Run> {
    return this.#createFromSpec({ hub: component }, options, 'RunClient.createFromHub');
  }

  async #createFromSpec(origin: SpecOrigin, options: CreateFromSpecOptions, feature: string): Promise<V1Run> {
    if (this.noOp) return {};
    const content = await buildOperation(this.client, origin, options, feature);
    return this.create({ name: options.name, description: options.description, tags: options.tags, content });
  }

  /** Patches the run and waits (`PATCH .../runs/{uuid}`). Offline: merges locally. */
  async update(data: V1Run): Promise<V1Run> {
    if (this.noOp) return {};
    if (this.isOffline) {
      this.runData = { ...this.runData, ...data };
      return this.runData;
    }
    const updated = await this.client.request<V1Run>('PATCH', this.#runPath(), { json: data, retry: 'idempotent' });
    this.runData = { ...this.runData, ...updated };
    return this.runData;
  }

  /** Moves the run to another project (`POST .../transfer`). Offline: local only. */
  async transfer(toProject: string): Promise<void> {
    if (this.noOp) return;
    if (!this.isOffline) await this.client.request('POST', this.#runPath('transfer'), { json: { project: toProject }, retry: 'none' });
    this.project = toProject;
    this.runData.project = toProject;
  }

  /** Deletes the run (`DELETE .../runs/{uuid}`). */
  async delete(): Promise<void> {
    if (this.skipsApi) return;
    await this.client.request('DELETE', this.#runPath());
  }

  /** The run's Kubernetes namespace (`GET .../namespace`). */
  async getNamespace(): Promise<string> {
    if (this.skipsApi) return this.namespace;
    const data = await this.client.request<{ namespace?: string | null }>('GET', this.#runPath('namespace'));
    return data.namespace ?? this.namespace;
  }

  // ----- listing ------------------------------------------------------------

  /**
   * Lists runs of the project (`GET /api/v1/{owner}/{project}/runs`, limit 20
   * by default), or of every project with `allProjects` (`/api/v1/orgs/{owner}/runs`).
   */
  async list(options: ListOptions & { allProjects?: boolean } = {}): Promise<Page<V1Run>> {
    if (this.skipsApi) return emptyPage();
    const path = options.allProjects === true ? buildPath('api', 'v1', 'orgs', this.owner ?? 'default', 'runs') : this.#projectPath('runs');
    const response = await this.client.request<V1ListResponse<V1Run>>('GET', path, {
      query: listQuery({ ...options, limit: options.limit ?? 20 }),
    });
    return toPage(response);
  }

  /** Every matching run, page by page. */
  iterate(options: ListOptions & { allProjects?: boolean } = {}): AsyncGenerator<V1Run, void, undefined> {
    return paginate((o) => (this.skipsApi ? Promise.resolve(null) : this.list({ ...o, allProjects: options.allProjects })), options);
  }

  /** Lists the runs of this pipeline (query `pipeline:<uuid>` appended). */
  async listChildren(options: ListOptions = {}): Promise<Page<V1Run>> {
    if (this.skipsApi) return emptyPage();
    const filter = `pipeline:${this.#uuid()}`;
    const query = options.query === undefined || options.query === '' ? filter : `${options.query},${filter}`;
    const response = await this.client.request<V1ListResponse<V1Run>>('GET', this.#projectPath('runs'), {
      query: listQuery({ ...options, query }),
    });
    return toPage(response);
  }

  /** Every child run, page by page. */
  iterateChildren(options: ListOptions = {}): AsyncGenerator<V1Run, void, undefined> {
    return paginate((o) => (this.skipsApi ? Promise.resolve(null) : this.listChildren(o)), options);
  }

  /**
   * `[{ uid, name, values: { ...inputs, ...outputs } }]` of every matching
   * run, paging through the whole result up to `limit` runs (all when no
   * limit is given; upstream stops at its first page of 20). Offline: the
   * runs under `<offlineRoot>/runs/` (sorted, no query).
   */
  async getRunsIo(options: ListOptions = {}): Promise<Array<{ uid: string; name?: string; values: Record<string, unknown> }>> {
    if (this.isOffline && !this.noOp) {
      return (await import('../plots/offline-run')).readOfflineRunsIo(this.client.config.offlineRoot, { ...options, project: this.project });
    }
    return (await collectRuns((o) => (this.skipsApi ? Promise.resolve(null) : this.list(o)), options)).map(runIo);
  }

  // ----- statuses -----------------------------------------------------------

  /**
   * Records a status (`POST .../statuses`) in the background; the local
   * status changes at once. Offline: appended to the local record.
   */
  logStatus(status: V1Statuses, options: LogStatusOptions = {}): void {
    if (this.noOp) return;
    const condition = statusCondition(status, options);
    if (this.isOffline) {
      applyCondition(this.runData, condition);
      return;
    }
    this.runData.status = status;
    const path = this.#runPath('statuses');
    this.enqueue('logStatus', (signal) => this.client.request('POST', path, { json: { condition }, retry: 'write', signal }));
  }

  /**
   * The run's status and conditions (`GET .../statuses`). With `lastStatus`,
   * only the conditions after its newest occurrence (none when unchanged).
   */
  async getStatuses(lastStatus?: V1Statuses | null): Promise<StatusUpdate> {
    if (this.skipsApi) return { status: this.status, conditions: [...(this.runData.status_conditions ?? [])] };
    const data = await this.client.request<V1Status>('GET', this.#runPath('statuses'));
    const conditions = data.status_conditions ?? [];
    const status = data.status ?? null;
    if (status !== null) this.runData.status = status;
    return { status, conditions: conditionsSince(status, conditions, lastStatus) };
  }

  /**
   * Polls the status (first poll at once, then every `interval` seconds) and
   * yields each change with its new conditions; ends when the status is in
   * `statuses` (default: final) or when `signal` aborts. 500/502/503/504
   * answers are skipped and polling continues.
   */
  async *watchStatuses(options: WatchOptions = {}): AsyncGenerator<StatusUpdate, void, undefined> {
    if (this.skipsApi) return;
    const intervalMs = (options.interval ?? this.client.config.watchInterval) * 1000;
    const stopAt = (status: V1Statuses | null): boolean =>
      status !== null && (options.statuses === undefined ? isDoneStatus(status) : options.statuses.includes(status));
    let last: V1Statuses | null = null;
    for (let first = true; ; first = false) {
      if (isAborted(options.signal)) return;
      if (!first) await sleep(intervalMs, options.signal);
      if (isAborted(options.signal)) return;
      let update: StatusUpdate;
      try {
        update = await this.getStatuses(last);
      } catch (error) {
        if (ApiError.isInstance(error) && [500, 502, 503, 504].includes(error.status)) continue;
        throw error;
      }
      if (update.conditions.length > 0 || first) yield update;
      last = update.status;
      if (stopAt(update.status)) return;
    }
  }

  /**
   * Waits until the status is in `statuses` (default: final) and returns it;
   * returns the last seen status when `signal` aborts.
   */
  async waitForCondition(options: WatchOptions = {}): Promise<V1Statuses | null> {
    let status: V1Statuses | null = this.status;
    for await (const update of this.watchStatuses(options)) status = update.status;
    return status;
  }

  /** Sets status `running` ("Operation is running"). */
  start(): void {
    this.logStatus('running', { message: 'Operation is running' });
  }

  /** Hook run after `logSucceeded`/`logFailed`/`logStopped`; a no-op here, `@px/tracking` overrides it. */
  async end(): Promise<void> {
    // nothing to do for a plain RunClient
  }

  async #endStatus(status: V1Statuses, options: LogStatusOptions): Promise<void> {
    if (this.noOp || isDoneStatus(this.status)) return;
    this.logStatus(status, options);
    await this.end();
  }

  /** Sets status `succeeded` unless the run is already done, then calls `end()`. */
  logSucceeded(options: LogStatusOptions = {}): Promise<void> {
    return this.#endStatus('succeeded', { message: 'Operation has succeeded', ...options });
  }

  /** Sets status `stopped` unless the run is already done, then calls `end()`. */
  logStopped(options: LogStatusOptions = {}): Promise<void> {
    return this.#endStatus('stopped', { message: 'Operation is stopped', ...options });
  }

  /** Sets status `failed` unless the run is already done, then calls `end()`. */
  logFailed(options: LogStatusOptions = {}): Promise<void> {
    return this.#endStatus('failed', options);
  }

  /** Whether the local status is pending (`created`, `on_schedule`, `resuming`). */
  get isPending(): boolean {
    return isPendingStatus(this.status);
  }

  /** Whether the local status is running. */
  get isRunning(): boolean {
    return isRunningStatus(this.status);
  }

  // ----- inputs, outputs, meta, tags ----------------------------------------

  #logDict(field: 'inputs' | 'outputs' | 'meta_info', operation: string, values: Record<string, unknown>, reset: boolean): void {
    if (this.noOp) return;
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new PolyaxonClientException(`${operation} expects an object of name → value, got ${Array.isArray(values) ? 'an array' : String(values)}.`);
    }
    const normalised = field === 'meta_info' ? { ...values } : normaliseKeys(values);
    this.runData[field] = reset ? normalised : { ...(this.runData[field] ?? {}), ...normalised };
    if (this.isOffline) return;
    this.#patchAsync(operation, reset ? { [field]: normalised } : { [field]: normalised, merge: true });
  }

  /** Records inputs (PATCH with `merge: true`, or replacing them with `reset`), in the background. */
  logInputs(values: Record<string, unknown>, options: { reset?: boolean } = {}): void {
    this.#logDict('inputs', 'logInputs', values, options.reset === true);
  }

  /** Records outputs, in the background. */
  logOutputs(values: Record<string, unknown>, options: { reset?: boolean } = {}): void {
    this.#logDict('outputs', 'logOutputs', values, options.reset === true);
  }

  /** Records meta info, in the background. */
  logMeta(values: Record<string, unknown>, options: { reset?: boolean } = {}): void {
    this.#logDict('meta_info', 'logMeta', values, options.reset === true);
  }

  /** Adds tags (array, comma string or `[a, b]` string), or replaces them with `reset`, in the background. */
  logTags(tags: string | readonly string[], options: { reset?: boolean } = {}): void {
    if (this.noOp) return;
    const parsed = parseTags(tags);
    const reset = options.reset === true;
    this.runData.tags = reset ? parsed : [...new Set([...(this.runData.tags ?? []), ...parsed])];
    if (this.isOffline) return;
    this.#patchAsync('logTags', reset ? { tags: parsed } : { tags: parsed, merge: true });
  }

  #setField(field: 'name' | 'description' | 'readme', operation: string, value: string): void {
    if (this.noOp) return;
    this.runData[field] = value;
    if (this.isOffline) return;
    this.#patchAsync(operation, { [field]: value });
  }

  /** Renames the run, in the background. */
  setName(name: string): void {
    this.#setField('name', 'setName', name);
  }

  /** Sets the description, in the background. */
  setDescription(description: string): void {
    this.#setField('description', 'setDescription', description);
  }

  /** Sets the readme, in the background. */
  setReadme(readme: string): void {
    this.#setField('readme', 'setReadme', readme);
  }

  /**
   * Records progress in `[0, 1]` as meta `progress`; unchanged values are
   * skipped and small steps (below 0.025) are throttled to one per second after
   * the first three.
   *
   * @throws {@link PolyaxonClientException} when `value` is not a number in [0, 1]
   */
  logProgress(value: number): void {
    if (this.noOp) return;
    if (typeof value !== 'number' || Number.isNaN(value)) throw new PolyaxonClientException(`Progress must be a number, got ${String(value)}.`);
    if (value < 0 || value > 1) throw new PolyaxonClientException(`Progress must be between 0 and 1, got ${value}.`);
    if (this.#lastProgress === value) return;
    const step = value - (this.#lastProgress ?? 0);
    if (step < 0.025 && value < 1) {
      this.#progressCalls++;
      const now = Date.now();
      if (this.#progressCalls > 3 && now - this.#progressAt < 1000) return;
      this.#progressAt = now;
    }
    this.#lastProgress = value;
    this.logMeta({ progress: value });
  }

  // ----- lineage --------------------------------------------------------------

  /**
   * Records lineage (`POST .../lineage/artifacts` with `{ artifacts }`) in the
   * background. Offline: cached by name (a later record with the same name wins).
   */
  logArtifactLineage(body: V1RunArtifact | readonly V1RunArtifact[]): void {
    if (this.noOp) return;
    const artifacts = Array.isArray(body) ? [...(body as readonly V1RunArtifact[])] : [body as V1RunArtifact];
    for (const artifact of artifacts) if (artifact.name != null) this.artifactsLineage.set(artifact.name, artifact);
    if (this.isOffline) return;
    const path = this.#runPath('lineage', 'artifacts');
    this.enqueue('logArtifactLineage', (signal) => this.client.request('POST', path, { json: { artifacts }, retry: 'write', signal }));
  }

  /** Lists the run's lineage (`GET .../lineage/artifacts`, limit 20 by default). */
  async getArtifactsLineage(options: ListOptions = {}): Promise<Page<V1RunArtifact>> {
    if (this.skipsApi) return { ...emptyPage(), results: [...this.artifactsLineage.values()], count: this.artifactsLineage.size };
    const response = await this.client.request<V1ListResponse<V1RunArtifact>>('GET', this.#runPath('lineage', 'artifacts'), {
      query: listQuery({ ...options, limit: options.limit ?? 20 }),
    });
    return toPage(response);
  }

  /** One lineage record by name (`GET .../lineage/artifacts/{name}`); offline: from the local cache. */
  async getArtifactLineage(name: string): Promise<V1RunArtifact> {
    if (this.skipsApi) return this.artifactsLineage.get(name) ?? {};
    return this.client.request<V1RunArtifact>('GET', this.#runPath('lineage', 'artifacts', name));
  }

  /** Deletes one lineage record (`DELETE .../lineage/artifacts/{name}`); offline: from the local cache. */
  async deleteArtifactLineage(name: string): Promise<void> {
    if (this.noOp) return;
    this.artifactsLineage.delete(name);
    if (this.isOffline) return;
    await this.client.request('DELETE', this.#runPath('lineage', 'artifacts', name));
  }

  /** Every lineage record of the run, page by page. */
  iterateArtifactsLineage(options: ListOptions = {}): AsyncGenerator<V1RunArtifact, void, undefined> {
    return paginate((o) => (this.skipsApi ? Promise.resolve(null) : this.getArtifactsLineage(o)), options);
  }

  /** Lists lineage of every run of the project (`GET /api/v1/{owner}/{project}/runs/lineage/artifacts`). */
  async getRunsArtifactsLineage(options: ListOptions = {}): Promise<Page<V1RunArtifact>> {
    if (this.skipsApi) return emptyPage();
    const response = await this.client.request<V1ListResponse<V1RunArtifact>>('GET', this.#projectPath('runs', 'lineage', 'artifacts'), {
      query: listQuery({ ...options, limit: options.limit ?? 20 }),
    });
    return toPage(response);
  }

  /** Sets upstream/downstream edges (`POST .../lineage/edges`). */
  async setRunEdgesLineage(edges: ReadonlyArray<{ uuid: string; is_upstream?: boolean; values?: Record<string, unknown> }>): Promise<void> {
    if (this.skipsApi) return;
    await this.client.request('POST', this.#runPath('lineage', 'edges'), { json: { edges }, retry: 'none' });
  }

  // ----- logs and events ------------------------------------------------------

  /** One page of logs (`GET /streams/v1/.../logs`); pass the returned `last_time`/`last_file` back to continue. */
  async getLogs(options: { lastFile?: string | null; lastTime?: string | null; force?: boolean } = {}): Promise<V1Logs> {
    if (this.skipsApi) return { logs: [] };
    const target = await this.#streams('logs');
    return this.client.request<V1Logs>('GET', target.path, {
      host: target.host,
      query: [
        ['kind', this.runData.kind ?? undefined],
        ['last_time', options.lastTime ?? undefined],
        ['last_file', options.lastFile ?? undefined],
        ['force', options.force],
        ['connection', this.artifactsStore],
      ],
    });
  }

  /**
   * Yields log lines as they come: waits until the run runs, then pages the
   * logs; ends once the run is done and every line was read, or when
   * `signal` aborts.
   */
  async *watchLogs(options: Omit<WatchOptions, 'statuses'> = {}): AsyncGenerator<V1Log, void, undefined> {
    if (this.skipsApi) return;
    const intervalMs = (options.interval ?? this.client.config.watchInterval) * 1000;
    let lastFile: string | null | undefined;
    let lastTime: string | null | undefined;
    for (;;) {
      if (isAborted(options.signal)) return;
      const { status } = await this.getStatuses();
      const done = isDoneStatus(status);
      if (!done && !isRunningStatus(status)) {
        await sleep(intervalMs, options.signal);
        continue;
      }
      for (;;) {
        if (isAborted(options.signal)) return;
        const page = await this.getLogs({ lastFile, lastTime });
        const lines = page.logs ?? [];
        for (const line of lines) yield line;
        const moved = page.last_time !== lastTime || page.last_file !== lastFile;
        lastTime = page.last_time ?? lastTime;
        lastFile = page.last_file ?? lastFile;
        if (lines.length === 0 || !moved) break;
      }
      if (done) return;
      await sleep(intervalMs, options.signal);
    }
  }

  /** Kubernetes details of the run (`GET /streams/v1/.../k8s_inspect`). */
  async inspect(): Promise<unknown> {
    if (this.skipsApi) return {};
    const target = await this.#streams('k8s_inspect');
    return this.client.request('GET', target.path, {
      host: target.host, query: [['kind', this.runData.kind ?? undefined], ['connection', this.artifactsStore]] });
  }

  /** Events of a kind (`GET /streams/v1/.../events/{kind}?names=a,b`). */
  async getEvents(options: { kind: string; names: string | readonly string[]; orient?: 'csv' | 'dict'; force?: boolean }): Promise<V1EventsResponse> {
    if (this.skipsApi) return { data: [] };
    const target = await this.#streams('events', options.kind);
    const names = namesParam(options.names);
    return this.client.request<V1EventsResponse>('GET', target.path, {
      host: target.host,
      query: [['names', names], ['orient', options.orient], ['force', options.force], ['connection', this.artifactsStore]],
    });
  }

  /**
   * Events of several runs in one request
   * (`GET /streams/v1/{ns}/{owner}/{project}/runs/multi/events/{kind}?runs=u1,u2`):
   * `{ data: { <uuid>: [...entries as getEvents] } }`, keys in no set order,
   * an unknown run mapped to `[]`. Offline and no-op: `{ data: {} }`.
   */
  async getMultiRunEvents(options: {
    kind: string;
    runs: readonly string[];
    names: string | readonly string[];
    orient?: 'csv' | 'dict';
    force?: boolean;
  }): Promise<V1MultiRunEventsResponse> {
    if (this.skipsApi) return { data: {} };
    if (this.owner === undefined || this.project === undefined) throw new PolyaxonClientException('Please provide a valid project.');
    if (options.runs.length === 0) throw new PolyaxonClientException('getMultiRunEvents needs at least one run uuid in `runs`.');
    const path = buildPath('streams', 'v1', this.namespace, this.owner, this.project, 'runs', 'multi', 'events', options.kind);
    const agentUrl = this.settings.agent?.url ?? undefined;
    const names = namesParam(options.names);
    return this.client.request<V1MultiRunEventsResponse>('GET', path, {
      host: agentUrl !== undefined && agentUrl !== '' && !this.client.config.inCluster ? agentUrl : undefined,
      query: [
        ['names', names],
        ['runs', options.runs.join(',')],
        ['orient', options.orient],
        ['force', options.force],
        ['connection', this.artifactsStore],
      ],
    });
  }

  /**
   * Metric events (`getEvents` with kind `metric`, orient `dict`); all
   * metrics of the run by default (its `kind:metric` lineage). Offline: read
   * from the run's event files (`<offlinePath>/events/metric/*.plx`).
   */
  async getMetrics(options: { names?: string | readonly string[]; force?: boolean } = {}): Promise<V1EventsResponse> {
    if (this.noOp) return { data: [] };
    if (this.isOffline) return (await import('../plots/run-metrics')).offlineMetricEvents(this, options);
    let names = options.names;
    if (names === undefined) {
      const lineage = await this.getArtifactsLineage({ query: 'kind:metric', limit: 1000 });
      names = lineage.results.map((l) => l.name ?? '').filter((n) => n !== '');
      if (names.length === 0) return { data: [] };
    }
    return this.getEvents({ kind: 'metric', names, orient: 'dict', force: options.force });
  }

  /**
   * The run's metrics as tidy rows `{ step, timestamp, metric, name }`
   * (upstream `get_metrics_as_tidy_df`); offline runs read their event files.
   *
   * @throws `MetricNotFoundError` (from `@px/client/plots`) when a named metric does not exist, listing those that do
   */
  async getMetricsAsTidy(options: MetricsOptions = {}): Promise<MetricPoint[]> {
    return (await import('../plots/run-metrics')).metricsAsTidy(this, options);
  }

  /**
   * The run's metrics as one row per step (joined on the step, unlike
   * upstream's `get_metrics_as_wide_df`, which aligns rows by position).
   *
   * @throws `MetricNotFoundError` (from `@px/client/plots`) when a named metric does not exist
   */
  async getMetricsAsWide(options: MetricsOptions = {}): Promise<WideRow[]> {
    return (await import('../plots/run-metrics')).metricsAsWide(this, options);
  }

  // ----- artifacts --------------------------------------------------------------

  /** The listing of an artifacts folder (`GET /streams/v1/.../artifacts/tree?path=`). */
  async getArtifactsTree(path = ''): Promise<V1ArtifactTree> {
    if (this.skipsApi) return { files: {}, dirs: [] };
    const target = await this.#streams('artifacts', 'tree');
    return this.client.request<V1ArtifactTree>('GET', target.path, { host: target.host, query: [['path', path], ['connection', this.artifactsStore]] });
  }

  /** The text of one artifact (`GET /streams/v1/.../artifact?path&stream=True&force=False`). */
  async getArtifact(path: string, options: { stream?: boolean; force?: boolean } = {}): Promise<string> {
    if (this.skipsApi) return '';
    const target = await this.#streams('artifact');
    return this.client.transport.callText('GET', target.path, {
      host: target.host,
      query: [['path', path], ['stream', options.stream ?? true], ['force', options.force ?? false], ['connection', this.artifactsStore]],
    }, '*/*');
  }

  #downloadRoot(pathTo: string | undefined): string {
    return pathTo ?? join(this.client.config.archivesRoot, this.#uuid());
  }

  /**
   * Downloads one artifact to `<pathTo>/<path>`, streamed to disk; skipped
   * when that file exists (unless `force`). A tar answer is extracted there
   * (unless `untar: false`, then kept as `<target>.tar.gz`).
   *
   * @returns the local path
   */
  async downloadArtifact(path: string, options: DownloadArtifactOptions = {}): Promise<string> {
    if (this.skipsApi) return '';
    const target = join(this.#downloadRoot(options.pathTo), path);
    if (options.force !== true) {
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) return target;
    }
    const streams = await this.#streams('artifact');
    const query: Query = [['path', path], ['connection', this.artifactsStore], ['force', options.force === true ? true : undefined]];
    const partial = `${target}.px-download`;
    const disposition = await downloadToFile(this.client, streams, query, partial, options.onProgress, options.signal);
    if (/\.tar(\.gz)?"/.test(disposition)) {
      const tarPath = `${target}.tar.gz`;
      await rm(tarPath, { force: true });
      await rename(partial, tarPath);
      if (options.untar === false) return tarPath;
      await extractArchive(createReadStream(tarPath) as AsyncIterable<Buffer>, target);
      await rm(tarPath, { force: true });
      return target;
    }
    await rename(partial, target);
    return target;
  }

  /**
   * Downloads a folder as tar.gz (`GET /streams/v1/.../artifacts?path=`) and
   * extracts it, streaming, into `extractPath` or `<pathTo>/<path>`.
   *
   * @returns the folder it was extracted into
   * @throws {@link UnsafeArchiveError} when the archive tries to escape it
   */
  async downloadArtifacts(path = '', options: DownloadArtifactsOptions = {}): Promise<string> {
    if (this.skipsApi) return '';
    const dest = options.extractPath ?? join(this.#downloadRoot(options.pathTo), path);
    const streams = await this.#streams('artifacts');
    const query: Query = [['path', path], ['connection', this.artifactsStore], ['check_path', options.checkPath === true ? true : undefined]];
    await downloadAndExtract(this.client, streams, query, dest, options.onProgress, options.signal);
    return dest;
  }

  /**
   * Downloads what a lineage record points to: event assets (packed by the
   * server) for media/model/dataframe events, a folder for `dir` and
   * `tensorboard`, a folder or file for `data`/`model`, else one file.
   *
   * @returns the local path
   */
  async downloadArtifactForLineage(lineage: V1RunArtifact, options: { pathTo?: string; force?: boolean } = {}): Promise<string> {
    if (this.skipsApi) return '';
    let path = lineage.path ?? '';
    const uuid = this.#uuid();
    const at = path.indexOf(`${uuid}/`);
    if (at >= 0) path = path.slice(at + uuid.length + 1);
    const kind = lineage.kind ?? 'file';
    const summary = lineage.summary ?? {};
    const isEvent = summary.is_event === true || summary.step != null;
    if (MULTI_FILE_EVENT_KINDS.includes(kind) && isEvent) {
      const dest = this.#downloadRoot(options.pathTo);
      const streams = await this.#streams('events', kind);
      const query: Query = [
        ['names', lineage.name ?? ''],
        ['pkg_assets', true],
        ['connection', this.artifactsStore],
        ['force', options.force === true ? true : undefined],
        ['path', uuid],
      ];
      await downloadAndExtract(this.client, streams, query, dest);
      return dest;
    }
    if (kind === 'dir' || kind === 'tensorboard') return this.downloadArtifacts(path, { pathTo: options.pathTo });
    if (kind === 'data' || kind === 'model') return this.downloadArtifacts(path, { pathTo: options.pathTo, checkPath: true });
    return this.downloadArtifact(path, { pathTo: options.pathTo, force: options.force });
  }

  #connection(ignoreStore: boolean | undefined): string | undefined {
    return ignoreStore === true ? undefined : this.artifactsStore;
  }

  /**
   * Uploads one file (`POST /streams/v1/.../artifact`, multipart `upload_file`
   * + `json`), streamed from disk.
   */
  async uploadArtifact(filepath: string, options: UploadOptions & { untar?: boolean } = {}): Promise<void> {
    if (this.skipsApi) return;
    const streams = await this.#streams('artifact');
    await uploadFile(
      this.client,
      streams,
      filepath,
      { untar: options.untar ?? false, path: options.path ?? '', overwrite: options.overwrite ?? true, connection: this.#connection(options.ignoreStore) },
      options.onProgress,
      options.signal,
    );
  }

  /**
   * Uploads several files packed on the fly as tar.gz (`POST /streams/v1/.../artifacts`,
   * `untar: true`). Member names are relative to `relativeTo` when given,
   * else the paths as given (without a leading `/`).
   *
   * @throws {@link PolyaxonClientException} when a file cannot be read or lies outside `relativeTo`
   */
  async uploadArtifacts(files: readonly string[], options: UploadOptions & { relativeTo?: string } = {}): Promise<void> {
    if (this.skipsApi || files.length === 0) return;
    const sources: TarSource[] = [];
    for (const file of files) {
      let info;
      try {
        info = await stat(file);
      } catch (error) {
        throw new PolyaxonClientException(`Cannot upload \`${file}\`: ${(error as Error).message}`, { cause: error });
      }
      let name = file;
      if (options.relativeTo !== undefined) {
        name = relative(options.relativeTo, file);
        if (name.startsWith('..') || isAbsolute(name)) {
          throw new PolyaxonClientException(`\`${file}\` is not inside \`${options.relativeTo}\`.`);
        }
      }
      name = name.split(sep).join('/').replace(/^\/+/, '');
      sources.push({ path: file, name, size: info.size, mode: info.mode & 0o7777, mtime: Math.floor(info.mtimeMs / 1000) });
    }
    await this.#uploadSources(sources, options);
  }

  async #uploadSources(sources: TarSource[], options: UploadOptions): Promise<void> {
    const streams = await this.#streams('artifacts');
    const path = options.path ?? '';
    await uploadTarGz(
      this.client,
      streams,
      sources,
      archiveNameFor(path),
      { untar: true, path, overwrite: options.overwrite ?? true, connection: this.#connection(options.ignoreStore) },
      options.onProgress,
      options.signal,
    );
  }

  /**
   * Uploads a folder's files (honouring `.polyaxonignore`; `*.plx.json`,
   * `*.plx.index` and `.polyaxon/` are never sent), packed as tar.gz with
   * names relative to `relativeTo` (default: the folder).
   */
  async uploadArtifactsDir(dirpath: string, options: UploadOptions & { relativeTo?: string } = {}): Promise<void> {
    if (this.skipsApi) return;
    const base = options.relativeTo ?? dirpath;
    const files = await collectFiles(dirpath);
    if (files.length === 0) return;
    const sources = files.map((f) => ({
      path: f.path,
      name: relative(base, f.path).split(sep).join('/'),
      size: f.size,
      mode: f.mode,
      mtime: f.mtime,
    }));
    await this.#uploadSources(sources, options);
  }

  /** Deletes one artifact (`DELETE /streams/v1/.../artifact?path=`). */
  async deleteArtifact(path: string): Promise<void> {
    if (this.skipsApi) return;
    const streams = await this.#streams('artifact');
    await this.client.request('DELETE', streams.path, { host: streams.host, query: [['path', path], ['connection', this.artifactsStore]] });
  }

  /** Deletes an artifacts folder (`DELETE /streams/v1/.../artifacts?path=`). */
  async deleteArtifacts(path: string): Promise<void> {
    if (this.skipsApi) return;
    const streams = await this.#streams('artifacts');
    await this.client.request('DELETE', streams.path, { host: streams.host, query: [['path', path], ['connection', this.artifactsStore]] });
  }

  // ----- actions ----------------------------------------------------------------

  async #action(action: string): Promise<void> {
    if (this.skipsApi) return;
    await this.client.request('POST', this.#runPath(action), { retry: 'none' });
  }

  /** Stops the run (`POST .../stop`). */
  stop(): Promise<void> {
    return this.#action('stop');
  }

  /** Skips the run (`POST .../skip`). */
  skip(): Promise<void> {
    return this.#action('skip');
  }

  /** Approves the run (`POST .../approve`). */
  approve(): Promise<void> {
    return this.#action('approve');
  }

  /** Invalidates the run's cache (`POST .../invalidate`). */
  invalidate(): Promise<void> {
    return this.#action('invalidate');
  }

  #restartBody(options: RestartOptions): V1Run {
    const meta: Record<string, unknown> = {};
    const uuid = this.#uuid();
    if (options.copyDirs !== undefined || options.copyFiles !== undefined) {
      meta.copy_artifacts = dropNulls({
        dirs: options.copyDirs?.map((d) => `${uuid}/${d}`),
        files: options.copyFiles?.map((f) => `${uuid}/${f}`),
      });
    }
    if (options.recompile === true) meta.recompile = true;
    return dropNulls({
      content: options.content === undefined ? undefined : contentString(options.content),
      name: options.name,
      description: options.description,
      tags: options.tags === undefined ? undefined : parseTags(options.tags),
      meta_info: Object.keys(meta).length === 0 ? undefined : meta,
    });
  }

  /** Restarts the run (`POST .../restart`, or `.../copy` when copying); returns the new run. */
  async restart(options: RestartOptions = {}): Promise<V1Run> {
    if (this.skipsApi) return {};
    const copy = options.copy === true || options.copyDirs !== undefined || options.copyFiles !== undefined;
    return this.client.request<V1Run>('POST', this.#runPath(copy ? 'copy' : 'restart'), { json: this.#restartBody(options), retry: 'none' });
  }

  /** Copies the run (`POST .../copy`); returns the new run. */
  copy(options: Omit<RestartOptions, 'copy'> = {}): Promise<V1Run> {
    return this.restart({ ...options, copy: true });
  }

  /** Resumes the run (`POST .../resume`). */
  async resume(options: Omit<RestartOptions, 'copy' | 'copyDirs' | 'copyFiles'> = {}): Promise<V1Run> {
    if (this.skipsApi) return {};
    return this.client.request<V1Run>('POST', this.#runPath('resume'), { json: this.#restartBody(options), retry: 'none' });
  }

  /** Registers a model version from this run (`ProjectClient.registerModelVersion` with `run`). */
  async promoteToModelVersion(version: string, options: Omit<RegisterVersionOptions, 'run'> = {}): Promise<V1ProjectVersion> {
    if (this.skipsApi) return {};
    const project = new ProjectClient({ owner: this.owner, project: this.project, client: this.client });
    return project.registerModelVersion(version, { ...options, run: this.#uuid() });
  }

  /** Registers an artifact version from this run (`ProjectClient.registerArtifactVersion` with `run`). */
  async promoteToArtifactVersion(version: string, options: Omit<RegisterVersionOptions, 'run'> = {}): Promise<V1ProjectVersion> {
    if (this.skipsApi) return {};
    const project = new ProjectClient({ owner: this.owner, project: this.project, client: this.client });
    return project.registerArtifactVersion(version, { ...options, run: this.#uuid() });
  }

  // ----- offline ----------------------------------------------------------------

  /** The offline folder of this run: `<offlineRoot>/runs/<uuid>`. */
  get offlinePath(): string {
    return join(this.client.config.offlineRoot, 'runs', this.#uuid());
  }

  /**
   * Writes `run.plx.json` and `lineages.plx.json` into `path` (default:
   * {@link RunClient.offlinePath}) with upstream's exact text: compact JSON in
   * schema order, floats as Python prints them (`"wait_time":0.0`; wrap
   * free-form values in {@link PyFloat} to keep them floats).
   */
  async persistRun(path?: string): Promise<void> {
    if (this.noOp) return;
    await writeOfflineRun(path ?? this.offlinePath, this.runData, [...this.artifactsLineage.values()]);
  }

  /**
   * {@link RunClient.persistRun}, synchronously: for `process.on('exit')`
   * handlers and signal handlers, which cannot await.
   */
  persistRunSync(path?: string): void {
    if (this.noOp) return;
    writeOfflineRunSync(path ?? this.offlinePath, this.runData, [...this.artifactsLineage.values()]);
  }

  /**
   * Loads an offline run folder into a RunClient (a new offline one unless
   * `runClient` is given).
   *
   * @returns the client, or null when the folder has no run (and `raiseIfNotFound` is not set)
   * @throws {@link PolyaxonClientException} when nothing is there and `raiseIfNotFound` is set
   */
  static async loadOfflineRun(options: LoadOfflineOptions): Promise<RunClient | null> {
    repairTornWrites(options.path);
    const loaded = await readOfflineRun(options.path);
    if (loaded === undefined) {
      if (options.raiseIfNotFound === true) throw new PolyaxonClientException(`No offline run was found at \`${options.path}\`.`);
      return null;
    }
    const { run, lineages } = loaded;
    const target =
      options.runClient ??
      new RunClient({
        owner: run.owner ?? undefined,
        project: run.project ?? undefined,
        runUuid: run.uuid ?? undefined,
        client: options.client,
        isOffline: true,
      });
    if (options.resetProject === true) {
      run.owner = target.owner ?? null;
      run.project = target.project ?? null;
    } else {
      target.owner = run.owner ?? target.owner;
      target.project = run.project ?? target.project;
    }
    if (options.resetUuid === true) run.uuid = randomUUID().replace(/-/g, '');
    if (options.name !== undefined) run.name = options.name;
    target.runUuid = run.uuid ?? target.runUuid;
    target.runData = run;
    target.artifactsLineage.clear();
    for (const lineage of lineages) if (lineage.name != null) target.artifactsLineage.set(lineage.name, lineage);
    return target;
  }

  /**
   * Pushes an offline run to the API: `POST .../runs/sync` with the full
   * record, its lineage, then (unless `uploadArtifacts: false`) the folder's
   * files as tar.gz to `/`. Unlike upstream, artifacts are uploaded even
   * when there is no lineage. `clean` deletes the folder afterwards.
   */
  async pushOfflineRun(options: PushOfflineOptions = {}): Promise<void> {
    if (this.noOp) return;
    const path = options.path ?? this.offlinePath;
    repairTornWrites(path);
    const wasOffline = this.isOffline;
    this.isOffline = false;
    try {
      const synced = await this.client.request<V1Run>('POST', this.#projectPath('runs', 'sync'), {
        json: JSON.parse(runToJson(this.runData)) as unknown,
        retry: 'none',
      });
      this.runData = { ...this.runData, ...synced };
      const lineages = [...this.artifactsLineage.values()];
      if (lineages.length > 0) {
        await this.client.request('POST', this.#runPath('lineage', 'artifacts'), {
          json: { artifacts: JSON.parse(lineagesToJson(lineages)) as unknown },
          retry: 'none',
        });
      }
      if (options.uploadArtifacts !== false) {
        await this.refresh();
        await this.uploadArtifactsDir(path, { path: '/', relativeTo: path, onProgress: options.onProgress });
      }
      if (options.clean === true) await rm(path, { recursive: true, force: true });
    } finally {
      this.isOffline = wasOffline;
    }
  }

  /**
   * Downloads a remote run into `path` (default: its offline folder, emptied
   * first): record, lineage and conditions, and its artifacts.
   *
   * @returns the folder
   */
  async pullRemoteRun(options: { path?: string; downloadArtifacts?: boolean } = {}): Promise<string> {
    if (this.noOp) return '';
    const path = options.path ?? this.offlinePath;
    const wasOffline = this.isOffline;
    this.isOffline = false;
    try {
      await rm(path, { recursive: true, force: true });
      await this.refresh({ loadArtifactsLineage: true, loadConditions: true });
      if (options.downloadArtifacts !== false) await this.downloadArtifacts('', { extractPath: path });
      await this.persistRun(path);
      return path;
    } finally {
      this.isOffline = wasOffline;
    }
  }

  /**
   * Waits for this client's background writes (shared with every RunClient
   * of the same PolyaxonClient), at most `timeoutMs` when given.
   *
   * @throws {@link BackgroundWriteError} when some failed and no `onError` hook took them, or when writes were still queued after `timeoutMs`
   */
  flush(options?: FlushOptions): Promise<void> {
    return this.noOp ? Promise.resolve() : this.client.flush(options);
  }

  /** A summary without secrets. */
  toJSON(): Record<string, unknown> {
    return { owner: this.owner, project: this.project, runUuid: this.runUuid, status: this.status, isOffline: this.isOffline, noOp: this.noOp };
  }
}

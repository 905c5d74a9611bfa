import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PolyaxonClient } from '../client/polyaxon-client';
import { readOfflineVersion, writeOfflineVersion } from '../offline/version-files';
import { NotFoundError } from '../errors/api-error';
import { PolyaxonClientException } from '../errors/client-error';
import type { V1ListResponse } from '../models/list-response';
import type { V1Project } from '../models/project';
import type { V1ProjectVersion } from '../models/project-version';
import type { V1Run } from '../models/run';
import type { V1StageCondition } from '../models/status';
import type { V1ProjectVersionKind, V1Stages } from '../models/statuses';
import { emptyPage, listQuery, paginate, toPage, type ListOptions, type Page } from '../pagination/page';
import { dropNulls } from '../client/drop-nulls';
import { nowIso } from '../run/timestamps';
import { parseTags } from '../run/names';
import { buildPath } from '../transport/url';

/** Options of {@link ProjectClient}. */
export interface ProjectClientOptions {
  /** Owner (organization); a `team` may be given as `owner/team`. Default: parsed from `project`, else the context owner, else `default`. */
  owner?: string | undefined;
  /** Project name, or `owner/project`. */
  project?: string | undefined;
  /** The client to use (default: a new one from the context). */
  client?: PolyaxonClient | undefined;
  /** Skip every API-only call (default: the client's `isOffline`). */
  isOffline?: boolean | undefined;
  /** Make every method a no-op (default: the client's `noOp`). */
  noOp?: boolean | undefined;
}

/** Options of {@link ProjectClient.registerVersion}. */
export interface RegisterVersionOptions {
  description?: string | undefined;
  tags?: string | readonly string[] | undefined;
  /** Content; an object is sent as a JSON string. */
  content?: string | Record<string, unknown> | undefined;
  readme?: string | undefined;
  /** The run (uuid) that produced this version. */
  run?: string | undefined;
  connection?: string | undefined;
  /** Lineage names; comma string accepted. */
  artifacts?: string | readonly string[] | undefined;
  stage?: V1Stages | undefined;
  stageConditions?: V1StageCondition[] | undefined;
  /** Update an existing version instead of failing. */
  force?: boolean | undefined;
}

/** Options of {@link ProjectClient.stageVersion}. */
export interface StageVersionOptions {
  stage: V1Stages;
  reason?: string | undefined;
  message?: string | undefined;
  lastTransitionTime?: string | undefined;
  lastUpdateTime?: string | undefined;
}

const VERSION_KINDS: readonly V1ProjectVersionKind[] = ['component', 'model', 'artifact'];

function checkKind(kind: string): V1ProjectVersionKind {
  if (!(VERSION_KINDS as readonly string[]).includes(kind)) {
    throw new PolyaxonClientException(`The kind \`${kind}\` is not supported, it must be one of ${VERSION_KINDS.join(', ')}.`);
  }
  return kind as V1ProjectVersionKind;
}

/**
 * Projects and their component/model/artifact versions (upstream
 * `ProjectClient`). In no-op mode, and for API calls in offline mode, every
 * method resolves to an empty value of its type (`{}`, an empty page,
 * `undefined`) without any I/O.
 *
 * @example
 * ```ts
 * const projects = new ProjectClient({ owner: 'acme', project: 'demo', client });
 * await projects.create({ name: 'demo', description: 'first' });
 * for await (const run of projects.iterateRuns({ query: 'status:running' })) console.log(run.uuid);
 * ```
 */
export class ProjectClient {
  /** Owner (organization). */
  readonly owner: string;
  /** Team, when the owner was given as `owner/team`. */
  readonly team: string | undefined;
  /** Project name (updated by `create`). */
  project: string | undefined;
  /** Last project record received. */
  projectData: V1Project = {};
  /** Whether every method is a no-op. */
  readonly noOp: boolean;
  /** Whether API calls are skipped. */
  readonly isOffline: boolean;
  #client: PolyaxonClient | undefined;

  constructor(options: ProjectClientOptions = {}) {
    this.#client = options.client;
    this.noOp = options.noOp ?? this.client.config.noOp;
    this.isOffline = options.isOffline ?? this.client.config.isOffline;
    let owner = options.owner;
    let project = options.project;
    let team: string | undefined;
    if (this.noOp) {
      owner ??= 'default';
    } else if (owner !== undefined && project !== undefined && project.includes('/')) {
      // upstream keeps the project verbatim when the owner is given
      const split = this.client.resolveEntity({ owner }, false);
      owner = split.owner ?? owner;
      team = split.team;
    } else {
      const resolved = this.client.resolveEntity({ owner, project }, false);
      owner = resolved.owner ?? 'default';
      team = resolved.team;
      project = resolved.project ?? project;
    }
    this.owner = owner;
    this.team = team;
    this.project = project;
  }

  /** The client (created from the context on first use when none was given). */
  get client(): PolyaxonClient {
    this.#client ??= new PolyaxonClient();
    return this.#client;
  }

  #skip(): boolean {
    return this.noOp || this.isOffline;
  }

  #projectPath(...rest: string[]): string {
    if (this.project === undefined || this.project === '') {
      throw new PolyaxonClientException('Please provide a valid project (ProjectClient was created without `project`).');
    }
    return buildPath('api', 'v1', this.owner, this.project, ...rest);
  }

  /** Fetches the project (`GET /api/v1/{owner}/{project}`) and stores it in `projectData`. */
  async refresh(): Promise<V1Project> {
    if (this.#skip()) return this.projectData;
    const data = await this.client.request<V1Project>('GET', this.#projectPath());
    this.projectData = { ...data, owner: data.owner ?? this.owner };
    return this.projectData;
  }

  /** Alias of {@link ProjectClient.refresh} (upstream `refresh_data`). */
  refreshData(): Promise<V1Project> {
    return this.refresh();
  }

  /** Alias of {@link ProjectClient.refresh}. */
  get(): Promise<V1Project> {
    return this.refresh();
  }

  /**
   * Creates a project (`POST /api/v1/{owner}[/{team}]/projects/create`); `project` becomes its name.
   *
   * @throws {@link ApiError} 400 when the name is taken or not a slug
   */
  async create(data: V1Project): Promise<V1Project> {
    if (this.#skip()) return {};
    const path =
      this.team === undefined
        ? buildPath('api', 'v1', this.owner, 'projects', 'create')
        : buildPath('api', 'v1', this.owner, this.team, 'projects', 'create');
    const created = await this.client.request<V1Project>('POST', path, { json: dropNulls(data), retry: 'none' });
    this.projectData = { ...created, owner: created.owner ?? this.owner };
    if (created.name != null) this.project = created.name;
    return this.projectData;
  }

  /** Fetches the project, creating it (`{ name: project }`) when it does not exist (404). */
  async getOrCreate(): Promise<V1Project> {
    if (this.#skip()) return {};
    try {
      return await this.refresh();
    } catch (error) {
      if (!NotFoundError.isInstance(error)) throw error;
      return this.create({ name: this.project ?? null });
    }
  }

  /** Lists projects of the owner (`GET /api/v1/{owner}/projects/list`); no default limit. */
  async list(options: ListOptions = {}): Promise<Page<V1Project>> {
    if (this.#skip()) return emptyPage();
    const response = await this.client.request<V1ListResponse<V1Project>>('GET', buildPath('api', 'v1', this.owner, 'projects', 'list'), {
      query: listQuery(options),
    });
    return toPage(response);
  }

  /** Every project of the owner, page by page. */
  iterate(options: ListOptions = {}): AsyncGenerator<V1Project, void, undefined> {
    return paginate((o) => (this.#skip() ? Promise.resolve(null) : this.list(o)), options);
  }

  /** Updates the project (`PATCH /api/v1/{owner}/{project}`). */
  async update(data: V1Project): Promise<V1Project> {
    if (this.#skip()) return {};
    const updated = await this.client.request<V1Project>('PATCH', this.#projectPath(), { json: data, retry: 'none' });
    this.projectData = { ...updated, owner: updated.owner ?? this.owner };
    if (updated.name != null) this.project = updated.name;
    return this.projectData;
  }

  /** Deletes the project (`DELETE /api/v1/{owner}/{project}`). */
  async delete(): Promise<void> {
    if (this.#skip()) return;
    await this.client.request('DELETE', this.#projectPath());
  }

  /** Lists the project's runs (`GET /api/v1/{owner}/{project}/runs`, limit 20 by default). */
  async listRuns(options: ListOptions = {}): Promise<Page<V1Run>> {
    if (this.#skip()) return emptyPage();
    const response = await this.client.request<V1ListResponse<V1Run>>('GET', this.#projectPath('runs'), {
      query: listQuery({ ...options, limit: options.limit ?? 20 }),
    });
    return toPage(response);
  }

  /** Every run of the project, page by page. */
  iterateRuns(options: ListOptions = {}): AsyncGenerator<V1Run, void, undefined> {
    return paginate((o) => (this.#skip() ? Promise.resolve(null) : this.listRuns(o)), options);
  }

  async #bulk(method: string, action: string, body: Record<string, unknown>): Promise<void> {
    if (this.#skip()) return;
    await this.client.request(method, this.#projectPath('runs', action), { json: body, retry: method === 'DELETE' ? 'idempotent' : 'none' });
  }

  /** Moves runs to another project (`POST .../runs/transfer`). */
  transferRuns(uuids: readonly string[], toProject: string): Promise<void> {
    return this.#bulk('POST', 'transfer', { uuids, project: toProject });
  }

  /** Approves runs (`POST .../runs/approve`). */
  approveRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('POST', 'approve', { uuids });
  }

  /** Archives runs (`POST .../runs/archive`). */
  archiveRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('POST', 'archive', { uuids });
  }

  /** Restores archived runs (`POST .../runs/restore`). */
  restoreRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('POST', 'restore', { uuids });
  }

  /** Stops runs (`POST .../runs/stop`). */
  stopRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('POST', 'stop', { uuids });
  }

  /** Skips runs (`POST .../runs/skip`). */
  skipRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('POST', 'skip', { uuids });
  }

  /** Invalidates runs (`POST .../runs/invalidate`). */
  invalidateRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('POST', 'invalidate', { uuids });
  }

  /** Bookmarks runs (`POST .../runs/bookmark`). */
  bookmarkRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('POST', 'bookmark', { uuids });
  }

  /** Deletes runs (`DELETE .../runs/delete` with a body). */
  deleteRuns(uuids: readonly string[]): Promise<void> {
    return this.#bulk('DELETE', 'delete', { uuids });
  }

  /** Adds tags to runs (`POST .../runs/tag`). */
  tagRuns(uuids: readonly string[], tags: string | readonly string[]): Promise<void> {
    return this.#bulk('POST', 'tag', { uuids, tags: parseTags(tags) });
  }

  /** Lists versions of a kind (`GET .../versions/{kind}`, limit 20 by default). */
  async listVersions(kind: V1ProjectVersionKind, options: ListOptions = {}): Promise<Page<V1ProjectVersion>> {
    checkKind(kind);
    if (this.#skip()) return emptyPage();
    const response = await this.client.request<V1ListResponse<V1ProjectVersion>>('GET', this.#projectPath('versions', kind), {
      query: listQuery({ ...options, limit: options.limit ?? 20 }),
    });
    return toPage(response);
  }

  /** Every version of a kind, page by page. */
  iterateVersions(kind: V1ProjectVersionKind, options: ListOptions = {}): AsyncGenerator<V1ProjectVersion, void, undefined> {
    return paginate((o) => (this.#skip() ? Promise.resolve(null) : this.listVersions(kind, o)), options);
  }

  /** {@link ProjectClient.listVersions} for components. */
  listComponentVersions(options?: ListOptions): Promise<Page<V1ProjectVersion>> {
    return this.listVersions('component', options);
  }

  /** {@link ProjectClient.listVersions} for models. */
  listModelVersions(options?: ListOptions): Promise<Page<V1ProjectVersion>> {
    return this.listVersions('model', options);
  }

  /** {@link ProjectClient.listVersions} for artifacts. */
  listArtifactVersions(options?: ListOptions): Promise<Page<V1ProjectVersion>> {
    return this.listVersions('artifact', options);
  }

  /**
   * Fetches one version (`GET .../versions/{kind}/{name}`).
   *
   * @throws {@link PolyaxonClientException} when the version has another kind
   */
  async getVersion(kind: V1ProjectVersionKind, name: string): Promise<V1ProjectVersion> {
    checkKind(kind);
    if (this.#skip()) return {};
    const version = await this.client.request<V1ProjectVersion>('GET', this.#projectPath('versions', kind, name));
    if (version.kind != null && version.kind !== kind) throw new PolyaxonClientException(`This version is not of kind \`${kind}\`.`);
    return version;
  }

  /** {@link ProjectClient.getVersion} for components. */
  getComponentVersion(name: string): Promise<V1ProjectVersion> {
    return this.getVersion('component', name);
  }

  /** {@link ProjectClient.getVersion} for models. */
  getModelVersion(name: string): Promise<V1ProjectVersion> {
    return this.getVersion('model', name);
  }

  /** {@link ProjectClient.getVersion} for artifacts. */
  getArtifactVersion(name: string): Promise<V1ProjectVersion> {
    return this.getVersion('artifact', name);
  }

  /** A version's stage and stage history (`GET .../versions/{kind}/{name}/stages`). */
  async getVersionStages(kind: V1ProjectVersionKind, name: string): Promise<{ stage: V1Stages | null; stageConditions: V1StageCondition[] }> {
    checkKind(kind);
    if (this.#skip()) return { stage: null, stageConditions: [] };
    const data = await this.client.request<{ stage?: V1Stages | null; stage_conditions?: V1StageCondition[] | null }>(
      'GET',
      this.#projectPath('versions', kind, name, 'stages'),
    );
    return { stage: data.stage ?? null, stageConditions: data.stage_conditions ?? [] };
  }

  /** Creates a version (`POST .../versions/{kind}`), its kind forced to `kind`. */
  async createVersion(kind: V1ProjectVersionKind, data: V1ProjectVersion): Promise<V1ProjectVersion> {
    checkKind(kind);
    if (this.#skip()) return {};
    return this.client.request<V1ProjectVersion>('POST', this.#projectPath('versions', kind), {
      json: dropNulls({ ...data, kind }),
      retry: 'none',
    });
  }

  /** Patches a version (`PATCH .../versions/{kind}/{name}`). */
  async patchVersion(kind: V1ProjectVersionKind, name: string, data: V1ProjectVersion): Promise<V1ProjectVersion> {
    checkKind(kind);
    if (this.#skip()) return {};
    return this.client.request<V1ProjectVersion>('PATCH', this.#projectPath('versions', kind, name), { json: data, retry: 'none' });
  }

  /**
   * Creates a version, or with `force` updates the existing one (only the
   * given fields).
   *
   * @throws {@link PolyaxonClientException} when it exists and `force` is not set
   */
  async registerVersion(kind: V1ProjectVersionKind, name: string, options: RegisterVersionOptions = {}): Promise<V1ProjectVersion> {
    checkKind(kind);
    if (this.#skip()) return {};
    let exists = false;
    try {
      await this.getVersion(kind, name);
      exists = true;
    } catch (error) {
      if (!NotFoundError.isInstance(error)) throw error;
    }
    if (exists && options.force !== true) {
      throw new PolyaxonClientException(`A ${kind} version ${name} already exists. Please pass the \`force\` argument to update it.`);
    }
    const body: V1ProjectVersion = dropNulls({
      name,
      description: options.description,
      tags: options.tags === undefined ? undefined : parseTags(options.tags),
      content: options.content === undefined ? undefined : typeof options.content === 'string' ? options.content : JSON.stringify(options.content),
      readme: options.readme,
      run: options.run,
      connection: options.connection,
      artifacts: options.artifacts === undefined ? undefined : parseTags(options.artifacts),
      stage: options.stage,
      stage_conditions: options.stageConditions,
    });
    return exists ? this.patchVersion(kind, name, body) : this.createVersion(kind, body);
  }

  /** {@link ProjectClient.registerVersion} for components. */
  registerComponentVersion(name: string, options?: RegisterVersionOptions): Promise<V1ProjectVersion> {
    return this.registerVersion('component', name, options);
  }

  /** {@link ProjectClient.registerVersion} for models. */
  registerModelVersion(name: string, options?: RegisterVersionOptions): Promise<V1ProjectVersion> {
    return this.registerVersion('model', name, options);
  }

  /** {@link ProjectClient.registerVersion} for artifacts. */
  registerArtifactVersion(name: string, options?: RegisterVersionOptions): Promise<V1ProjectVersion> {
    return this.registerVersion('artifact', name, options);
  }

  /** Deletes a version (`DELETE .../versions/{kind}/{name}`). */
  async deleteVersion(kind: V1ProjectVersionKind, name: string): Promise<void> {
    checkKind(kind);
    if (this.#skip()) return;
    await this.client.request('DELETE', this.#projectPath('versions', kind, name));
  }

  /**
   * Moves a version to a stage (`POST .../versions/{kind}/{name}/stages`). The server answers the post with
   * null fields (`{"stage": null, "stage_conditions": null}`), so the stage and its history are read back.
   *
   * @returns the version's stage and stage conditions after the change
   */
  async stageVersion(kind: V1ProjectVersionKind, name: string, options: StageVersionOptions): Promise<{ stage: V1Stages | null; stageConditions: V1StageCondition[] }> {
    checkKind(kind);
    if (this.#skip()) return { stage: null, stageConditions: [] };
    const now = nowIso();
    const condition = dropNulls({
      type: options.stage,
      status: true,
      reason: options.reason ?? 'ClientStageUpdate',
      message: options.message,
      last_transition_time: options.lastTransitionTime ?? now,
      last_update_time: options.lastUpdateTime ?? now,
    });
    await this.client.request('POST', this.#projectPath('versions', kind, name, 'stages'), { json: { condition }, retry: 'none' });
    return this.getVersionStages(kind, name);
  }

  /** Moves a version to another project (`POST .../versions/{kind}/{name}/transfer`). */
  async transferVersion(kind: V1ProjectVersionKind, name: string, toProject: string): Promise<void> {
    checkKind(kind);
    if (this.#skip()) return;
    await this.client.request('POST', this.#projectPath('versions', kind, name, 'transfer'), { json: { project: toProject }, retry: 'none' });
  }

  /**
   * Copies a version into another project (or this one) as `name` or `<version>-copy`.
   *
   * @throws {@link PolyaxonClientException} when the target exists and `force` is not set
   */
  async copyVersion(
    kind: V1ProjectVersionKind,
    version: string,
    options: { toProject?: string; name?: string; description?: string; tags?: string | readonly string[]; content?: string | Record<string, unknown>; force?: boolean } = {},
  ): Promise<V1ProjectVersion> {
    checkKind(kind);
    if (this.#skip()) return {};
    const source = await this.getVersion(kind, version);
    const target = new ProjectClient({ owner: this.owner, project: options.toProject ?? this.project, client: this.client });
    return target.registerVersion(kind, options.name ?? `${version}-copy`, {
      description: options.description ?? source.description ?? undefined,
      tags: options.tags ?? source.tags ?? undefined,
      content: options.content ?? source.content ?? undefined,
      readme: source.readme ?? undefined,
      run: source.run ?? undefined,
      connection: source.connection ?? undefined,
      artifacts: source.artifacts ?? undefined,
      force: options.force,
    });
  }

  /** The offline folder of a version: `<offlineRoot>/<kind>s/<version>`. */
  versionPath(kind: V1ProjectVersionKind, version: string): string {
    return join(this.client.config.offlineRoot, `${checkKind(kind)}s`, version);
  }

  /** Writes a version record (and its content) into `path` (see `version.plx.json`). */
  async persistVersion(config: V1ProjectVersion, path: string): Promise<void> {
    if (this.noOp) return;
    await writeOfflineVersion(path, config);
  }

  /**
   * Downloads the artifacts a model/artifact version points to (its
   * `meta_info.run` and `meta_info.lineage` names) into `path`.
   */
  async downloadArtifactsForVersion(config: V1ProjectVersion, path: string): Promise<void> {
    if (this.#skip() || (config.kind !== 'model' && config.kind !== 'artifact')) return;
    const meta = config.meta_info ?? {};
    const run = typeof meta.run === 'object' && meta.run !== null ? (meta.run as { uuid?: unknown }).uuid : meta.run;
    const lineage = Array.isArray(meta.lineage) ? (meta.lineage as unknown[]) : [];
    if (typeof run !== 'string' || lineage.length === 0) return;
    const { RunClient } = await import('../run/run-client');
    const runClient = new RunClient({ owner: this.owner, project: this.project, runUuid: run, client: this.client });
    const names = new Set(lineage.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name))));
    for await (const record of runClient.iterateArtifactsLineage({ limit: 1000 })) {
      if (record.name != null && names.has(record.name)) await runClient.downloadArtifactForLineage(record, { pathTo: path });
    }
  }

  /**
   * Downloads a version into `path` (default {@link ProjectClient.versionPath},
   * emptied first): its record, content and, unless disabled, its artifacts.
   *
   * @returns the folder
   */
  async pullVersion(kind: V1ProjectVersionKind, version: string, options: { path?: string; downloadArtifacts?: boolean } = {}): Promise<string> {
    checkKind(kind);
    if (this.#skip()) return '';
    const path = options.path ?? this.versionPath(kind, version);
    await rm(path, { recursive: true, force: true });
    const config = await this.getVersion(kind, version);
    await this.persistVersion(config, path);
    if (options.downloadArtifacts !== false) await this.downloadArtifactsForVersion(config, path);
    return path;
  }

  /**
   * Reads an offline version folder.
   *
   * @returns the version, or null when absent (unless `raiseIfNotFound`)
   * @throws {@link PolyaxonClientException} when absent and `raiseIfNotFound` is set
   */
  static async loadOfflineVersion(path: string, options: { raiseIfNotFound?: boolean } = {}): Promise<V1ProjectVersion | null> {
    const version = await readOfflineVersion(path);
    if (version === undefined) {
      if (options.raiseIfNotFound === true) throw new PolyaxonClientException(`No offline version was found at \`${path}\`.`);
      return null;
    }
    return version;
  }

  /**
   * Registers a version from its offline folder in this project (`force` to
   * update an existing one; `clean` deletes the folder afterwards).
   *
   * @throws {@link PolyaxonClientException} when the folder holds no version
   */
  async pushVersion(kind: V1ProjectVersionKind, version: string, options: { path?: string; force?: boolean; clean?: boolean } = {}): Promise<V1ProjectVersion> {
    checkKind(kind);
    if (this.noOp) return {};
    const path = options.path ?? this.versionPath(kind, version);
    const config = (await ProjectClient.loadOfflineVersion(path, { raiseIfNotFound: true }))!;
    const pushed = await this.registerVersion(kind, version, {
      description: config.description ?? undefined,
      tags: config.tags ?? undefined,
      content: config.content ?? undefined,
      readme: config.readme ?? undefined,
      run: config.run ?? undefined,
      connection: config.connection ?? undefined,
      artifacts: config.artifacts ?? undefined,
      stage: config.stage ?? undefined,
      force: options.force,
    });
    if (options.clean === true) await rm(path, { recursive: true, force: true });
    return pushed;
  }

  /** Waits for background writes of the shared client. */
  flush(): Promise<void> {
    return this.noOp ? Promise.resolve() : this.client.flush();
  }
}

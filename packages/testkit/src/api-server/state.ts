import { createHash, randomUUID } from 'node:crypto';
import { isoMicros, isoMillis, nowMicros, parseIsoMicros, secondsBetween } from './clock';
import { cloneJson, type JsonObject } from './json';
import { DONE_STATUSES, RUNNING_STATUSES } from './lifecycle';
import type {
  LogLineRecord,
  ProjectRecord,
  RunRecord,
  StageConditionRecord,
  StatusConditionRecord,
  VersionRecord,
} from './records';

/** A fresh 32-hex-digit uuid, as Polyaxon prints them. */
export function newUuid(): string {
  return randomUUID().replaceAll('-', '');
}

/** A component version's `state`: a hash of its content (upstream shows 32 hex digits). */
export function contentHash(content: string): string {
  return createHash('md5').update(content).digest('hex');
}

/** What {@link ApiState.addProject} accepts. */
export interface ProjectSeed {
  name: string;
  owner?: string;
  description?: string | null;
  tags?: string[] | null;
  readme?: string | null;
  is_public?: boolean;
}

/** What {@link ApiState.addRun} accepts (snake_case, like the wire). */
export interface RunSeed {
  project: string;
  owner?: string;
  uuid?: string;
  name?: string | null;
  description?: string | null;
  tags?: string[] | null;
  kind?: string;
  status?: string;
  meta_info?: JsonObject;
  inputs?: JsonObject | null;
  outputs?: JsonObject | null;
  is_managed?: boolean;
  managed_by?: string;
  pending?: string | null;
  content?: string | null;
  pipeline?: string | null;
  namespace?: string;
  /** Set for runs created by a managed operation or pushed offline runs (`job`). */
  runtime?: string | null;
  /** What `GET .../k8s_inspect` answers for this run (default: a 500, as a sandbox without kube config). */
  k8s_inspect?: JsonObject | null;
}

/** What {@link ApiState.addVersion} accepts. */
export interface VersionSeed {
  project: string;
  kind: string;
  name: string;
  owner?: string;
  description?: string | null;
  tags?: string[] | null;
  content?: string | null;
  readme?: string | null;
  connection?: string | null;
  run?: string | null;
  artifacts?: string[] | null;
  meta_info?: JsonObject | null;
  stage?: string;
}

/** What {@link ApiState.addLineage} accepts (a `V1RunArtifact`). */
export interface LineageSeed {
  name: string;
  kind?: string;
  path?: string | null;
  summary?: JsonObject | null;
  connection?: string | null;
  is_input?: boolean;
  meta_info?: JsonObject | null;
}

/** A status change request (`V1StatusCondition` as posted). */
export interface ConditionInput {
  type: string;
  status?: boolean;
  reason?: string | null;
  message?: string | null;
  last_update_time?: string | null;
  last_transition_time?: string | null;
  meta_info?: JsonObject | null;
}

function conditionTime(value: string | null | undefined, fallback: number): string {
  const micros = value ? parseIsoMicros(value) : undefined;
  return isoMillis(micros ?? fallback);
}

/**
 * The in-memory database of the test server: projects, runs (with their
 * statuses, lineage and logs) and project versions. Tests seed it directly
 * with the `add*` helpers and read it back to assert what the client did.
 */
export class ApiState {
  /** Owner used when a seed does not name one. */
  readonly defaultOwner: string;
  /** Projects by `owner/name`. */
  readonly projects = new Map<string, ProjectRecord>();
  /** Runs by uuid. */
  readonly runs = new Map<string, RunRecord>();
  /** Versions by `owner/project/kind/name`. */
  readonly versions = new Map<string, VersionRecord>();

  constructor(defaultOwner = 'default') {
    this.defaultOwner = defaultOwner;
  }

  /** Adds a project (no validation: seeds may hold anything) and returns its record. */
  addProject(seed: ProjectSeed): ProjectRecord {
    const micros = nowMicros();
    const owner = seed.owner ?? this.defaultOwner;
    const record: ProjectRecord = {
      uuid: newUuid(),
      owner,
      name: seed.name,
      description: seed.description ?? null,
      tags: seed.tags ?? null,
      readme: seed.readme ?? null,
      is_public: seed.is_public ?? false,
      bookmarked: false,
      live_state: 1,
      created_at: isoMicros(micros),
      updated_at: isoMicros(micros + 1),
      createdMicros: micros,
    };
    this.projects.set(`${owner}/${seed.name}`, record);
    return record;
  }

  /** The project `owner/name`, if any. */
  getProject(owner: string, name: string): ProjectRecord | undefined {
    return this.projects.get(`${owner}/${name}`);
  }

  /** Removes a project with its runs and versions. */
  deleteProject(project: ProjectRecord): void {
    this.projects.delete(`${project.owner}/${project.name}`);
    for (const run of [...this.runs.values()]) {
      if (run.owner === project.owner && run.project === project.name) this.runs.delete(run.uuid);
    }
    for (const [key, version] of [...this.versions]) {
      if (version.owner === project.owner && version.project === project.name) this.versions.delete(key);
    }
  }

  /** Renames a project, moving its runs and versions along. */
  renameProject(project: ProjectRecord, name: string): void {
    const old = project.name;
    this.projects.delete(`${project.owner}/${old}`);
    project.name = name;
    this.projects.set(`${project.owner}/${name}`, project);
    for (const run of this.runs.values()) {
      if (run.owner === project.owner && run.project === old) run.project = name;
    }
    for (const [key, version] of [...this.versions]) {
      if (version.owner === project.owner && version.project === old) {
        this.versions.delete(key);
        version.project = name;
        this.versions.set(this.versionKey(version.owner, name, version.kind, version.name), version);
      }
    }
  }

  /**
   * Adds a run (creating its project when missing) and returns its record.
   * A `status` other than `created` is applied through the normal status
   * machinery, so `started_at`/`finished_at` get filled as upstream does.
   */
  addRun(seed: RunSeed): RunRecord {
    const owner = seed.owner ?? this.defaultOwner;
    if (!this.getProject(owner, seed.project)) this.addProject({ owner, name: seed.project });
    const micros = nowMicros();
    const created = isoMillis(micros);
    const managed = seed.is_managed ?? false;
    const record: RunRecord = {
      uuid: seed.uuid ?? newUuid(),
      owner,
      project: seed.project,
      name: seed.name ?? null,
      description: seed.description ?? null,
      tags: seed.tags ?? null,
      readme: null,
      kind: seed.kind ?? 'job',
      runtime: seed.runtime !== undefined ? seed.runtime : managed ? (seed.kind ?? 'job') : null,
      status: 'created',
      status_conditions: [
        {
          type: 'created',
          status: true,
          reason: managed ? 'OperationServiceInit' : 'ModelManager',
          message: 'Run is created',
          last_update_time: created,
          last_transition_time: created,
        },
      ],
      created_at: isoMicros(micros),
      updated_at: isoMicros(micros + 1),
      started_at: null,
      finished_at: null,
      schedule_at: null,
      wait_time: null,
      duration: null,
      meta_info: cloneJson(seed.meta_info) ?? {},
      inputs: cloneJson(seed.inputs) ?? (managed ? {} : null),
      outputs: cloneJson(seed.outputs) ?? null,
      is_managed: managed,
      managed_by: seed.managed_by ?? (managed ? 'agent' : 'user'),
      pending: seed.pending ?? null,
      content: seed.content ?? null,
      raw_content: seed.content ?? null,
      compiled_content: null,
      pipeline: seed.pipeline ? { uuid: seed.pipeline, name: null, kind: null } : null,
      original: null,
      namespace: seed.namespace ?? 'polyaxon',
      user: null,
      live_state: 1,
      bookmarked: false,
      lineage: [],
      edges: [],
      logs: [],
      k8s_inspect: cloneJson(seed.k8s_inspect) ?? null,
      createdMicros: micros,
      startedMicros: null,
    };
    this.runs.set(record.uuid, record);
    if (seed.status && seed.status !== 'created') this.setStatus(record, { type: seed.status, reason: 'Seed' });
    return record;
  }

  /** The run `uuid` under `owner/project`, if any (deleted runs included, like upstream). */
  getRun(owner: string, project: string, uuid: string): RunRecord | undefined {
    const run = this.runs.get(uuid);
    return run && run.owner === owner && run.project === project ? run : undefined;
  }

  /** Live runs of a project (deleted and archived ones excluded). */
  listRuns(owner: string, project: string): RunRecord[] {
    return [...this.runs.values()].filter(
      (run) => run.owner === owner && run.project === project && run.live_state === 1,
    );
  }

  /** Marks a run as being deleted (`live_state: -1`), as upstream does before its cleanup cron. */
  markRunDeleted(run: RunRecord): void {
    run.live_state = -1;
    this.touch(run);
  }

  /** Really removes runs marked as deleted (what upstream's cron does later). */
  purgeDeletedRuns(): void {
    for (const run of [...this.runs.values()]) if (run.live_state === -1) this.runs.delete(run.uuid);
  }

  /** Updates `updated_at`. */
  touch(record: { updated_at: string }): void {
    record.updated_at = isoMicros(nowMicros());
  }

  /**
   * Applies a status condition the way upstream does: done runs keep their
   * status unless `force`; repeating the current status adds nothing;
   * entering a running status fills `started_at`/`wait_time`, entering a
   * done status fills `finished_at`/`duration`.
   * @returns whether the condition was recorded
   */
  setStatus(run: RunRecord, input: ConditionInput, force = false): boolean {
    if (DONE_STATUSES.has(run.status) && !force) return false;
    if (run.status === input.type) return false;
    const micros = nowMicros();
    const condition: StatusConditionRecord = {
      type: input.type,
      status: input.status ?? true,
      reason: input.reason ?? null,
      message: input.message ?? null,
      last_update_time: conditionTime(input.last_update_time, micros),
      last_transition_time: conditionTime(input.last_transition_time ?? input.last_update_time, micros),
    };
    if (input.meta_info) condition.meta_info = cloneJson(input.meta_info);
    run.status_conditions.push(condition);
    run.status = input.type;
    if (RUNNING_STATUSES.has(input.type) && run.startedMicros === null) {
      run.startedMicros = micros;
      run.started_at = isoMicros(micros);
      run.wait_time = secondsBetween(run.createdMicros, micros);
    }
    if (DONE_STATUSES.has(input.type) && run.finished_at === null) {
      const finished = nowMicros();
      run.finished_at = isoMicros(finished);
      if (run.startedMicros === null) {
        run.startedMicros = run.createdMicros;
        run.started_at = run.created_at;
      }
      run.duration = secondsBetween(run.startedMicros, finished);
    }
    this.touch(run);
    return true;
  }

  /** Adds or replaces (by name) lineage entries (`V1RunArtifact`) of a run. */
  addLineage(run: RunRecord, artifacts: LineageSeed[]): void {
    for (const artifact of artifacts) {
      const existing = run.lineage.findIndex((entry) => entry.name === artifact.name);
      if (existing >= 0) run.lineage.splice(existing, 1);
      run.lineage.push({
        name: artifact.name,
        kind: artifact.kind ?? 'artifact',
        path: artifact.path ?? null,
        summary: cloneJson(artifact.summary) ?? null,
        connection: artifact.connection ?? null,
        is_input: artifact.is_input ?? false,
        meta_info: cloneJson(artifact.meta_info) ?? null,
        createdMicros: nowMicros(),
      });
    }
  }

  /** Appends log lines served by the streams logs endpoint. */
  addLogs(run: RunRecord, lines: (LogLineRecord | string)[]): void {
    for (const line of lines) {
      run.logs.push(typeof line === 'string' ? { timestamp: isoMicros(nowMicros()), value: line } : { ...line });
    }
  }

  /** Key of a version in {@link ApiState.versions}. */
  versionKey(owner: string, project: string, kind: string, name: string): string {
    return `${owner}/${project}/${kind}/${name}`;
  }

  /** Adds a project version (creating the project when missing). */
  addVersion(seed: VersionSeed): VersionRecord {
    const owner = seed.owner ?? this.defaultOwner;
    if (!this.getProject(owner, seed.project)) this.addProject({ owner, name: seed.project });
    const micros = nowMicros();
    const record: VersionRecord = {
      uuid: newUuid(),
      owner,
      project: seed.project,
      kind: seed.kind,
      name: seed.name,
      description: seed.description ?? null,
      tags: seed.tags ?? null,
      content: seed.content ?? null,
      readme: seed.readme ?? null,
      connection: seed.connection ?? null,
      run: seed.run ?? null,
      artifacts: seed.artifacts ?? null,
      meta_info: cloneJson(seed.meta_info) ?? null,
      stage: seed.stage ?? 'testing',
      stage_conditions: [],
      state: seed.kind === 'component' && seed.content ? contentHash(seed.content) : null,
      created_at: isoMicros(micros),
      updated_at: isoMicros(micros + 1),
      createdMicros: micros,
    };
    // Upstream records the creation as a first stage condition (api-samples 69, 83, 94).
    const label = `${seed.kind.charAt(0).toUpperCase()}${seed.kind.slice(1)}`;
    record.stage_conditions.push({
      type: record.stage,
      status: true,
      reason: `${label}VersionCreated`,
      message: `A new ${seed.kind} version is created`,
      last_update_time: isoMillis(micros),
      last_transition_time: isoMillis(micros),
    });
    this.versions.set(this.versionKey(owner, seed.project, seed.kind, seed.name), record);
    return record;
  }

  /** The version `name` of `kind` in `owner/project`, if any. */
  getVersion(owner: string, project: string, kind: string, name: string): VersionRecord | undefined {
    return this.versions.get(this.versionKey(owner, project, kind, name));
  }

  /** Versions of one kind in a project. */
  listVersions(owner: string, project: string, kind: string): VersionRecord[] {
    return [...this.versions.values()].filter((v) => v.owner === owner && v.project === project && v.kind === kind);
  }

  /** Appends a stage condition to a version and sets its stage. */
  setStage(version: VersionRecord, input: Omit<StageConditionRecord, 'last_update_time' | 'last_transition_time'> & {
    last_update_time?: string | null;
    last_transition_time?: string | null;
  }): void {
    const micros = nowMicros();
    version.stage_conditions.push({
      type: input.type,
      status: input.status,
      reason: input.reason,
      message: input.message,
      last_update_time: conditionTime(input.last_update_time, micros),
      last_transition_time: conditionTime(input.last_transition_time ?? input.last_update_time, micros),
    });
    version.stage = input.type;
    this.touch(version);
  }

  /** Forgets everything. */
  clear(): void {
    this.projects.clear();
    this.runs.clear();
    this.versions.clear();
  }
}

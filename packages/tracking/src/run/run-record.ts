import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { TrackingError } from '../errors';
import { toFqnName } from '../names';
import { formatIsoDateTime, nowMicros } from '../serialization/py-datetime';
import { PyFloat } from '../serialization/py-float';
import { compactJson, fromParsedJson, type JsonInput } from '../serialization/py-json';

/** A JSON object as the encoders accept it. */
export type JsonObject = { [key: string]: JsonInput };

/** A status condition (`V1StatusCondition`). */
export interface StatusCondition {
  /** The status. */
  type: string;
  /** Always `true` (upstream sends a boolean). */
  status: true;
  /** Who set it (`PolyaxonClient` by default). */
  reason: string;
  /** Free text. */
  message?: string;
  /** ISO datetime. */
  last_update_time: string;
  /** ISO datetime. */
  last_transition_time: string;
}

/** A lineage record (`V1RunArtifact`), fields in upstream's serialisation order. */
export interface RunArtifact {
  /** The artifact name (unique per run). */
  name: string;
  /** The artifact kind (`metric`, `env`, `model`, ...). */
  kind: string;
  /** Path relative to the run root. */
  path?: string;
  /** Free summary object. */
  summary?: JsonObject;
  /** The artifacts store connection. */
  connection?: string;
  /** Whether it is an input of the run. */
  is_input?: boolean;
}

/** Statuses that end a run. */
export const DONE_STATUSES: ReadonlySet<string> = new Set(['failed', 'upstream_failed', 'stopped', 'skipped', 'succeeded']);
const RUNNING_STATUSES: ReadonlySet<string> = new Set(['scheduled', 'starting', 'processing', 'running']);
/** Statuses a run has before it starts. */
export const PENDING_STATUSES: ReadonlySet<string> = new Set(['created', 'on_schedule', 'resuming']);

const RUN_FIELDS = [
  'uuid', 'name', 'description', 'tags', 'user', 'owner', 'project', 'schedule_at', 'created_at', 'updated_at',
  'started_at', 'finished_at', 'wait_time', 'duration', 'managed_by', 'is_managed', 'is_approved', 'pending',
  'content', 'raw_content', 'status', 'bookmarked', 'live_state', 'readme', 'meta_info', 'kind', 'runtime', 'inputs',
  'outputs', 'original', 'pipeline', 'status_conditions', 'role', 'contributors', 'settings', 'resources', 'graph', 'merge',
] as const;

function isoNow(): string {
  return formatIsoDateTime({ epochMicros: nowMicros(), offsetMinutes: 0 });
}

function secondsBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 10) / 100;
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    const buffer = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function normaliseValues(values: Readonly<Record<string, unknown>>, what: string): JsonObject {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new TrackingError(`${what} must be an object of name → value.`);
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(values)) out[toFqnName(k)] = toJsonInput(v, `${what}.${k}`);
  return out;
}

function toJsonInput(value: unknown, where: string): JsonInput {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat) {
    return value;
  }
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map((v, i) => toJsonInput(v, `${where}[${i}]`));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toJsonInput(v, `${where}.${k}`);
    return out;
  }
  throw new TrackingError(`${where} is a ${typeof value}, which cannot be stored as JSON.`);
}

/**
 * The local copy of a run (`V1Run`) and its lineage, kept in upstream's
 * field order. Offline runs are persisted from it (`run.plx.json`,
 * `lineages.plx.json`); online runs use it for meta flags and outputs.
 */
export class RunRecord {
  readonly data: JsonObject = {};
  /** Lineage by name (a later record with the same name replaces the earlier one, as upstream). */
  readonly lineage = new Map<string, RunArtifact>();

  get status(): string | undefined {
    const s = this.data.status;
    return typeof s === 'string' ? s : undefined;
  }

  get metaInfo(): JsonObject {
    const m = this.data.meta_info;
    return m && typeof m === 'object' && !Array.isArray(m) && !(m instanceof PyFloat) ? (m as JsonObject) : {};
  }

  /** Sets fields from a creation (name, description, tags, owner, project, uuid). */
  create(fields: { uuid: string; owner?: string; project?: string; name?: string; description?: string; tags?: string[] }): void {
    this.set('uuid', fields.uuid);
    if (fields.name !== undefined) this.set('name', fields.name);
    if (fields.description !== undefined) this.set('description', fields.description);
    if (fields.tags !== undefined && fields.tags.length > 0) this.set('tags', fields.tags);
    if (fields.owner !== undefined) this.set('owner', fields.owner);
    if (fields.project !== undefined) this.set('project', fields.project);
    this.set('managed_by', 'user');
    this.set('is_managed', false);
    this.set('kind', 'job');
    this.set('runtime', 'job');
  }

  /** Sets one field, keeping upstream's field order. */
  set(field: (typeof RUN_FIELDS)[number], value: JsonInput): void {
    this.data[field] = value;
    const entries = Object.entries(this.data);
    const rank = (k: string): number => {
      const i = (RUN_FIELDS as readonly string[]).indexOf(k);
      return i < 0 ? RUN_FIELDS.length : i;
    };
    entries.sort(([a], [b]) => rank(a) - rank(b));
    for (const [k] of entries) Reflect.deleteProperty(this.data, k);
    for (const [k, v] of entries) this.data[k] = v;
  }

  /**
   * Appends a status condition and updates `created_at`, `started_at`,
   * `wait_time`, `finished_at` and `duration` like upstream's offline mode.
   *
   * @returns the condition
   */
  applyStatus(status: string, reason?: string, message?: string): StatusCondition {
    const time = isoNow();
    const condition: StatusCondition = {
      type: status,
      status: true,
      reason: reason ?? 'PolyaxonClient',
      ...(message === undefined ? {} : { message }),
      last_update_time: time,
      last_transition_time: time,
    };
    this.set('status', status);
    const conditions = Array.isArray(this.data.status_conditions) ? [...(this.data.status_conditions as JsonInput[])] : [];
    conditions.push({ ...condition });
    this.set('status_conditions', conditions);
    if (status === 'created') this.set('created_at', time);
    const created = typeof this.data.created_at === 'string' ? this.data.created_at : time;
    if (this.data.started_at === undefined && RUNNING_STATUSES.has(status)) {
      this.set('started_at', time);
      if (this.data.wait_time === undefined) this.set('wait_time', new PyFloat(secondsBetween(created, time)));
    }
    if (DONE_STATUSES.has(status) && this.data.finished_at === undefined) {
      this.set('finished_at', time);
      if (this.data.started_at === undefined) this.set('started_at', created);
      const started = this.data.started_at as string;
      if (this.data.duration === undefined) this.set('duration', new PyFloat(secondsBetween(started, time)));
    }
    return condition;
  }

  /**
   * Merges (or with `reset` replaces) `inputs`, `outputs` or `meta_info`;
   * keys are sanitised with `toFqnName` for inputs/outputs as upstream.
   *
   * @returns the normalised values that were applied
   */
  mergeValues(field: 'inputs' | 'outputs' | 'meta_info', values: Readonly<Record<string, unknown>>, reset = false): JsonObject {
    const normalised = field === 'meta_info' ? (toJsonInput(values, field) as JsonObject) : normaliseValues(values, field);
    const current = this.data[field];
    const base = !reset && current && typeof current === 'object' && !Array.isArray(current) ? (current as JsonObject) : {};
    this.set(field, { ...base, ...normalised });
    return normalised;
  }

  /** Adds tags (de-duplicated) or replaces them with `reset`. */
  mergeTags(tags: readonly string[], reset = false): void {
    const current = !reset && Array.isArray(this.data.tags) ? (this.data.tags as string[]) : [];
    this.set('tags', [...current, ...tags.filter((t) => !current.includes(t))]);
  }

  /** Caches lineage records by name. */
  addLineage(artifacts: readonly RunArtifact[]): void {
    for (const a of artifacts) this.lineage.set(a.name, a);
  }

  /**
   * Writes `run.plx.json` and (when there is lineage) `lineages.plx.json`
   * into `dir`, atomically, compact JSON in schema order.
   */
  persist(dir: string): void {
    mkdirSync(dir, { recursive: true });
    writeAtomic(join(dir, 'run.plx.json'), compactJson(this.data));
    if (this.lineage.size > 0) {
      writeAtomic(join(dir, 'lineages.plx.json'), compactJson([...this.lineage.values()].map((a) => lineageJson(a))));
    }
  }

  /**
   * Loads `run.plx.json` / `lineages.plx.json` from `dir` when present.
   *
   * @returns true when a run record was found
   * @throws {@link TrackingError} when a file exists but is not valid JSON of the right shape
   */
  load(dir: string): boolean {
    const runPath = join(dir, 'run.plx.json');
    if (!existsSync(runPath)) return false;
    const parsed = parseJsonFile(runPath);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TrackingError(`${runPath} must hold a JSON object.`);
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) this.data[k] = fromParsedJson(v);
    for (const f of ['wait_time', 'duration'] as const) {
      if (typeof this.data[f] === 'number') this.data[f] = new PyFloat(this.data[f]);
    }
    const lineagePath = join(dir, 'lineages.plx.json');
    if (existsSync(lineagePath)) {
      const lineages = parseJsonFile(lineagePath);
      if (!Array.isArray(lineages)) throw new TrackingError(`${lineagePath} must hold a JSON array.`);
      for (const item of lineages as RunArtifact[]) {
        if (item && typeof item.name === 'string') this.lineage.set(item.name, fromParsedJson(item) as unknown as RunArtifact);
      }
    }
    return true;
  }
}

function parseJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new TrackingError(`Could not read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * A lineage record as compact-JSON input in upstream's field order.
 *
 * @param a - the record
 * @returns the ordered object
 */
export function lineageJson(a: RunArtifact): JsonObject {
  return { name: a.name, kind: a.kind, path: a.path, summary: a.summary, connection: a.connection, is_input: a.is_input };
}

import { createHash } from 'node:crypto';
import { isJsonObject, type JsonObject } from './json';
import type { LineageRecord, ProjectRecord, RunRecord, VersionRecord } from './records';

/**
 * Response shapes, field for field and in the order the real server sends
 * them (see `api-samples/`): each endpoint uses its own serializer.
 */

const ZERO_RESOURCES: JsonObject = { memory: 0.0, cpu: 0.0, gpu: 0.0, custom: 0.0, cost: 0.0 };

/** `POST /api/v1/{owner}/projects/create` response. */
export function projectCreated(p: ProjectRecord): JsonObject {
  return {
    uuid: p.uuid,
    name: p.name,
    description: p.description,
    tags: p.tags,
    created_at: p.created_at,
    updated_at: p.updated_at,
    readme: p.readme,
  };
}

/** `GET/PATCH /api/v1/{owner}/{project}` response. */
export function projectDetail(p: ProjectRecord): JsonObject {
  return {
    uuid: p.uuid,
    name: p.name,
    description: p.description,
    tags: p.tags,
    created_at: p.created_at,
    updated_at: p.updated_at,
    bookmarked: p.bookmarked,
    readme: p.readme,
    live_state: p.live_state,
  };
}

/** One item of `GET /api/v1/{owner}/projects/list`. */
export function projectListItem(p: ProjectRecord): JsonObject {
  return {
    uuid: p.uuid,
    name: p.name,
    description: p.description,
    tags: p.tags,
    created_at: p.created_at,
    updated_at: p.updated_at,
    bookmarked: p.bookmarked,
  };
}

/** `POST .../runs` (and restart/copy) response. */
export function runCreated(r: RunRecord): JsonObject {
  return {
    uuid: r.uuid,
    kind: r.kind,
    name: r.name,
    description: r.description,
    content: r.compiled_content ?? r.content,
    is_managed: r.is_managed,
    managed_by: r.managed_by,
    pending: r.pending,
    meta_info: r.meta_info,
    tags: r.tags,
    settings: {},
  };
}

function runCommon(r: RunRecord): JsonObject {
  return {
    uuid: r.uuid,
    name: r.name,
    created_at: r.created_at,
    updated_at: r.updated_at,
    started_at: r.started_at,
    finished_at: r.finished_at,
    schedule_at: r.schedule_at,
    wait_time: r.wait_time,
    duration: r.duration,
    kind: r.kind,
    runtime: r.runtime,
    meta_info: r.meta_info,
    status: r.status,
    pipeline: r.pipeline,
    original: r.original,
    is_managed: r.is_managed,
    managed_by: r.managed_by,
    pending: r.pending,
    inputs: r.inputs,
    outputs: r.outputs,
    tags: r.tags,
  };
}

/** `GET/PATCH .../runs/{uuid}` response. */
export function runDetail(r: RunRecord): JsonObject {
  return {
    ...runCommon(r),
    settings: {
      namespace: r.namespace,
      agent: null,
      queue: null,
      artifacts_store: null,
      tensorboard: null,
      build: null,
      component: null,
      models: [],
      artifacts: [],
    },
    user: r.user,
    owner: r.owner,
    project: r.project,
    readme: r.readme,
    description: r.description,
    raw_content: r.raw_content,
    content: r.compiled_content ?? r.content,
    live_state: r.live_state,
    bookmarked: r.bookmarked,
    resources: { ...ZERO_RESOURCES },
  };
}

/** The short run shape shared by lists and restart/copy/resume answers. */
function runShort(r: RunRecord): JsonObject {
  return { ...runCommon(r), settings: { namespace: r.namespace, component: null }, user: r.user };
}

/** One item of `GET .../runs`. */
export function runListItem(r: RunRecord): JsonObject {
  return { ...runShort(r), bookmarked: r.bookmarked, resources: { ...ZERO_RESOURCES } };
}

/** `POST .../runs/{uuid}/restart|copy|resume` response (114, 115, 120). */
export function runCloned(r: RunRecord): JsonObject {
  return { ...runShort(r), owner: r.owner, project: r.project };
}

/** `POST .../runs/sync` response. */
export function runSynced(r: RunRecord): JsonObject {
  return {
    uuid: r.uuid,
    name: r.name,
    description: r.description,
    tags: r.tags,
    created_at: r.created_at,
    updated_at: r.updated_at,
    started_at: r.started_at,
    finished_at: r.finished_at,
    wait_time: r.wait_time,
    duration: r.duration,
    kind: r.kind,
    runtime: r.runtime,
    meta_info: r.meta_info,
    status: r.status,
    status_conditions: r.status_conditions as unknown as JsonObject[],
    is_managed: r.is_managed,
    managed_by: r.managed_by,
    inputs: r.inputs,
    outputs: r.outputs,
    content: r.compiled_content ?? r.content,
    raw_content: r.raw_content,
  };
}

/** `GET .../runs/{uuid}/statuses` response. */
export function runStatuses(r: RunRecord): JsonObject {
  return {
    uuid: r.uuid,
    status: r.status,
    status_conditions: r.status_conditions as unknown as JsonObject[],
    meta_info: r.meta_info,
  };
}

/** `POST .../runs/{uuid}/statuses` response: every field null (upstream quirk). */
export function statusCreated(): JsonObject {
  return { status: null, status_conditions: null, meta_info: null };
}

// RFC 4122 DNS namespace: upstream derives an input artifact's `state` as a uuid5 of its summary (api-samples 101).
const UUID5_NAMESPACE = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');

function uuid5(name: string): string {
  const bytes = createHash('sha1').update(UUID5_NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes.toString('hex');
}

/** An output's `state` is its run's uuid; an input's is derived from its summary. */
function lineageState(run: RunRecord, l: LineageRecord): string {
  return l.is_input ? uuid5(JSON.stringify(l.summary ?? {})) : run.uuid;
}

/** One item of `GET .../lineage/artifacts`. */
export function lineageItem(run: RunRecord, l: LineageRecord): JsonObject {
  const item: JsonObject = { name: l.name, kind: l.kind, is_input: l.is_input, path: l.path, summary: l.summary };
  if (l.connection !== null) item.connection = l.connection;
  item.state = lineageState(run, l);
  item.run = run.uuid;
  item.meta_info = { ...(l.meta_info ?? {}), run: { name: run.name, uuid: run.uuid } };
  return item;
}

/** One item of a version's `meta_info.artifacts` (the lineage entry without its run). */
export function versionArtifact(item: JsonObject): JsonObject {
  const { run: _run, meta_info: _metaInfo, ...rest } = item;
  return rest;
}

/** A project version as listings return it (short). */
export function versionListItem(v: VersionRecord): JsonObject {
  return {
    uuid: v.uuid,
    name: v.name,
    description: v.description,
    tags: v.tags,
    created_at: v.created_at,
    updated_at: v.updated_at,
    stage: v.stage,
    state: v.state,
    kind: v.kind,
  };
}

/**
 * A project version as create, get and patch return it. Only GET has the top-level `artifacts` names; GET and
 * PATCH also show `meta_info.artifacts` next to `meta_info.lineage` (api-samples 59, 64, 67).
 */
export function versionDetail(v: VersionRecord, view: 'created' | 'patched' | 'get'): JsonObject {
  const meta: JsonObject = {};
  for (const [key, value] of Object.entries(v.meta_info ?? {})) {
    meta[key] = value;
    const lineage = v.meta_info?.lineage;
    if (key === 'run' && view !== 'created' && Array.isArray(lineage)) {
      meta.artifacts = lineage.filter(isJsonObject).map(versionArtifact);
    }
  }
  return {
    ...versionListItem(v),
    owner: v.owner,
    project: v.project,
    content: v.content,
    readme: v.readme,
    run: v.run,
    ...(view === 'get' ? { artifacts: v.artifacts ?? [] } : {}),
    meta_info: meta,
  };
}

/** `GET .../versions/{kind}/{name}/stages` response (null reasons and messages are left out, as upstream). */
export function versionStages(v: VersionRecord): JsonObject {
  const conditions = v.stage_conditions.map((c) => {
    const out: JsonObject = { type: c.type, status: c.status };
    if (c.reason !== null) out.reason = c.reason;
    if (c.message !== null) out.message = c.message;
    out.last_update_time = c.last_update_time;
    out.last_transition_time = c.last_transition_time;
    return out;
  });
  return { uuid: v.uuid, stage: v.stage, stage_conditions: conditions };
}

import type { JsonObject } from './json';
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

/** One item of `GET .../lineage/artifacts`. */
export function lineageItem(run: RunRecord, l: LineageRecord): JsonObject {
  const item: JsonObject = { name: l.name, kind: l.kind, is_input: l.is_input, path: l.path, summary: l.summary };
  if (l.connection !== null) item.connection = l.connection;
  item.state = run.uuid;
  item.run = run.uuid;
  item.meta_info = { ...(l.meta_info ?? {}), run: { name: run.name, uuid: run.uuid } };
  return item;
}

/** A project version as every versions endpoint returns it. */
export function versionDetail(v: VersionRecord): JsonObject {
  return {
    uuid: v.uuid,
    name: v.name,
    description: v.description,
    tags: v.tags,
    kind: v.kind,
    content: v.content,
    readme: v.readme,
    connection: v.connection,
    run: v.run,
    artifacts: v.artifacts,
    meta_info: v.meta_info,
    stage: v.stage,
    stage_conditions: v.stage_conditions as unknown as JsonObject[],
    state: v.state,
    created_at: v.created_at,
    updated_at: v.updated_at,
  };
}

/** `GET .../versions/{kind}/{name}/stages` response. */
export function versionStages(v: VersionRecord): JsonObject {
  return { uuid: v.uuid, stage: v.stage, stage_conditions: v.stage_conditions as unknown as JsonObject[] };
}

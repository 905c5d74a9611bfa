import { BodyReader } from '../body-fields';
import { compileContent } from '../compile-content';
import { isJsonObject, isStringArray, type JsonObject } from '../json';
import { MANAGED_BY, RUN_KINDS, RUN_PENDING } from '../enums';
import { ALL_STATUSES } from '../lifecycle';
import { paginate } from '../pagination';
import { compileQuery, sortRecords, type QueryFields } from '../query-language';
import type { RunRecord } from '../records';
import { notFound, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import type { Route } from '../router';
import * as s from '../serializers';
import { listQuery } from './list-query';
import { readCondition } from './read-condition';
import { projectOf } from './projects';

const record = (r: RunRecord, key: 'inputs' | 'outputs' | 'meta_info', name: string): unknown => r[key]?.[name];

/** Fields `query=`/`sort=` accept on runs. */
export const RUN_FIELDS: QueryFields<RunRecord> = {
  manager: 'run',
  scalarPrefixes: ['metrics'],
  fields: {
    uuid: (r) => r.uuid,
    name: (r) => r.name,
    description: (r) => r.description,
    status: (r) => r.status,
    kind: (r) => r.kind,
    runtime: (r) => r.runtime,
    user: (r) => r.user,
    project: (r) => r.project,
    tags: (r) => r.tags ?? [],
    created_at: (r) => r.created_at,
    updated_at: (r) => r.updated_at,
    started_at: (r) => r.started_at,
    finished_at: (r) => r.finished_at,
    schedule_at: (r) => r.schedule_at,
    duration: (r) => r.duration,
    wait_time: (r) => r.wait_time,
    managed_by: (r) => r.managed_by,
    is_managed: (r) => r.is_managed,
    pending: (r) => r.pending,
    live_state: (r) => r.live_state,
    bookmarked: (r) => r.bookmarked,
    pipeline: (r) => (r.pipeline ? r.pipeline.uuid : null),
    original: (r) => (r.original ? r.original.uuid : null),
    cloning_kind: (r) => (r.original ? r.original.kind : null),
  },
  prefixed: {
    metrics: (r, key) => record(r, 'outputs', key),
    outputs: (r, key) => record(r, 'outputs', key),
    inputs: (r, key) => record(r, 'inputs', key),
    params: (r, key) => record(r, 'inputs', key),
    meta: (r, key) => record(r, 'meta_info', key),
    meta_info: (r, key) => record(r, 'meta_info', key),
  },
  dates: ['created_at', 'updated_at', 'started_at', 'finished_at', 'schedule_at'],
};

/** The run named in the path, or a 404 like upstream's. */
export function runOf(ctx: RouteContext, key = 'uuid'): RunRecord {
  const run = ctx.state.getRun(param(ctx, 'owner'), param(ctx, 'project'), param(ctx, key));
  if (!run) throw notFound('Run');
  return run;
}

/** Best-effort reading of an operation's name/kind/tags from `content` (JSON only). */
function describeContent(content: string): { name?: string; kind?: string; description?: string; tags?: string[] } {
  try {
    const parsed: unknown = JSON.parse(content);
    if (!isJsonObject(parsed)) return {};
    const component = isJsonObject(parsed.component) ? parsed.component : parsed;
    const run = isJsonObject(component.run) ? component.run : undefined;
    const pick = (key: string): string | undefined => {
      const v = parsed[key] ?? component[key];
      return typeof v === 'string' ? v : undefined;
    };
    const tags = parsed.tags ?? component.tags;
    return {
      name: pick('name'),
      description: pick('description'),
      kind: typeof run?.kind === 'string' ? run.kind : undefined,
      tags: isStringArray(tags) ? tags : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * What the scheduler does to a managed run that may start (on creation, approval, restart):
 * its operation is compiled with the params resolved, then it is `compiled` and `queued`
 * (there is no agent in the sandbox, so it stays there).
 */
export function schedule(ctx: RouteContext, run: RunRecord, operation: string | null = run.content): void {
  // `content` stays what the client sent (tests read it back); the answers show the compilation
  if (operation) {
    const compiled = compileContent(operation, true);
    if (compiled.content !== operation) run.compiled_content = compiled.content;
    if (Object.keys(compiled.inputs).length > 0) run.inputs = compiled.inputs;
  }
  ctx.state.setStatus(run, { type: 'compiled', reason: 'SchedulerPrepare', message: 'Run is compiled' });
  ctx.state.setStatus(run, { type: 'queued', reason: 'SchedulerStart', message: 'Run is queued' });
}

function create(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const reader = new BodyReader(ctx.body);
  const content = reader.string('content');
  const isManaged = reader.bool('is_managed');
  const managedBy = reader.choice('managed_by', MANAGED_BY);
  const pending = reader.choice('pending', RUN_PENDING);
  const name = reader.string('name');
  const description = reader.string('description');
  const tags = reader.stringList('tags');
  const metaInfo = reader.object('meta_info');
  reader.done();
  const fromContent = content ? describeContent(content) : {};
  const managed = isManaged ?? (managedBy ? managedBy !== 'user' : Boolean(content));
  const compiled = managed && content ? compileContent(content, false) : undefined;
  const run = ctx.state.addRun({
    owner: project.owner,
    project: project.name,
    name: name ?? fromContent.name ?? null,
    description: description ?? fromContent.description ?? null,
    tags: tags ?? fromContent.tags ?? null,
    kind: fromContent.kind && RUN_KINDS.has(fromContent.kind) ? fromContent.kind : 'job',
    meta_info: metaInfo ?? {},
    is_managed: managed,
    managed_by: managedBy ?? (managed ? 'agent' : 'user'),
    pending: pending ?? (compiled?.needsApproval === true ? 'approval' : null),
    content: content ?? null,
  });
  if (compiled !== undefined && compiled.content !== content) run.compiled_content = compiled.content;
  if (managed && !run.pending) schedule(ctx, run, content);
  return { status: 201, json: s.runCreated(run) };
}

/** Applies a V1Run patch body (`merge: true` merges inputs/outputs/meta_info and appends tags). */
function applyPatch(ctx: RouteContext, run: RunRecord): void {
  const reader = new BodyReader(ctx.body);
  const merge = reader.bool('merge') ?? false;
  const name = reader.string('name');
  const description = reader.string('description');
  const readme = reader.string('readme');
  const tags = reader.stringList('tags');
  const inputs = reader.object('inputs');
  const outputs = reader.object('outputs');
  const metaInfo = reader.object('meta_info');
  reader.done();
  if (name !== undefined) run.name = name;
  if (description !== undefined) run.description = description;
  if (readme !== undefined) run.readme = readme;
  if (tags !== undefined) {
    run.tags = merge && tags ? [...new Set([...(run.tags ?? []), ...tags])] : tags;
  }
  const mergeObject = (current: JsonObject | null, next: JsonObject | null): JsonObject | null =>
    merge && next ? { ...(current ?? {}), ...next } : next;
  if (inputs !== undefined) run.inputs = mergeObject(run.inputs, inputs);
  if (outputs !== undefined) run.outputs = mergeObject(run.outputs, outputs);
  if (metaInfo !== undefined) run.meta_info = mergeObject(run.meta_info, metaInfo) ?? {};
  ctx.state.touch(run);
}

function list(ctx: RouteContext, runs: RunRecord[]): Reply {
  const { query, sort } = listQuery(ctx);
  const matches = compileQuery(query, RUN_FIELDS);
  const sorted = sortRecords(runs.filter(matches), sort, RUN_FIELDS, '-created_at');
  return { status: 200, list: true, json: paginate(sorted.map(s.runListItem), ctx.url, ctx.settings.pageSize) };
}

function postStatus(ctx: RouteContext): Reply {
  const run = runOf(ctx);
  const reader = new BodyReader(ctx.body);
  const condition = reader.object('condition');
  const force = reader.bool('force') ?? false;
  reader.done();
  const posted = condition ? readCondition(condition, ALL_STATUSES, { metaInfo: true }) : undefined;
  if (posted) ctx.state.setStatus(run, posted, force);
  return { status: 201, json: s.statusCreated() };
}

/** Run endpoints under `/api/v1/{owner}/{project}/runs`: CRUD, list and statuses. */
export function runRoutes(): Route[] {
  const base = '/api/v1/:owner/:project/runs';
  const one = `${base}/:uuid`;
  const detailAllow = 'GET, PUT, PATCH, DELETE, HEAD, OPTIONS';
  return [
    {
      method: 'GET',
      pattern: base,
      allow: 'GET, POST, HEAD, OPTIONS',
      handle: (ctx) => {
        const project = projectOf(ctx);
        return list(ctx, ctx.state.listRuns(project.owner, project.name));
      },
    },
    { method: 'POST', pattern: base, allow: 'GET, POST, HEAD, OPTIONS', handle: create },
    { method: 'GET', pattern: one, allow: detailAllow, handle: (ctx) => ({ status: 200, json: s.runDetail(runOf(ctx)) }) },
    ...(['PATCH', 'PUT'] as const).map((method): Route => ({
      method,
      pattern: one,
      allow: detailAllow,
      handle: (ctx) => {
        const run = runOf(ctx);
        applyPatch(ctx, run);
        return { status: 200, json: s.runDetail(run) };
      },
    })),
    {
      method: 'DELETE',
      pattern: one,
      allow: detailAllow,
      handle: (ctx) => {
        ctx.state.markRunDeleted(runOf(ctx));
        return { status: 204, raw: Buffer.alloc(0), noContentType: true };
      },
    },
    {
      method: 'GET',
      pattern: `${one}/statuses`,
      allow: 'GET, POST, HEAD, OPTIONS',
      handle: (ctx) => ({ status: 200, json: s.runStatuses(runOf(ctx)) }),
    },
    { method: 'POST', pattern: `${one}/statuses`, allow: 'GET, POST, HEAD, OPTIONS', handle: postStatus },
    {
      // haupt only lets its own services read run stats (134)
      method: 'GET',
      pattern: `${one}/stats`,
      allow: 'GET, HEAD, OPTIONS',
      handle: () => ({ status: 403, json: { detail: 'Service requesting this endpoint not allowed.' } }),
    },
    {
      method: 'GET',
      pattern: `${one}/namespace`,
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => ({ status: 200, json: { namespace: runOf(ctx).namespace } }),
    },
    {
      method: 'GET',
      pattern: `${one}/settings`,
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => {
        const detail = s.runDetail(runOf(ctx));
        return { status: 200, json: detail.settings ?? {} };
      },
    },
    {
      // The OpenAPI upload path is not served by the CE server: a POST there answers 405 (api-samples 16).
      method: 'GET',
      pattern: `${one}/artifacts/upload`,
      allow: 'GET, HEAD, OPTIONS',
      offSpec: 'only here to reproduce the 405 the CE server answers to the OpenAPI upload path',
      handle: () => ({ status: 404, text: '' }),
    },
  ];
}

/** Organization-wide run endpoints (`/api/v1/orgs/{owner}/runs`). */
export function orgRunRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/v1/orgs/:owner/runs',
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => {
        const owner = param(ctx, 'owner');
        return list(ctx, [...ctx.state.runs.values()].filter((r) => r.owner === owner && r.live_state === 1));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/orgs/:owner/runs/:uuid',
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => {
        const run = ctx.state.runs.get(param(ctx, 'uuid'));
        if (!run || run.owner !== param(ctx, 'owner')) throw notFound('Run');
        return { status: 200, json: s.runDetail(run) };
      },
    },
  ];
}


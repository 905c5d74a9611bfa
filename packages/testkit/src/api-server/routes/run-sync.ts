import { BodyReader } from '../body-fields';
import { isoMicros, parseIsoMicros } from '../clock';
import { MANAGED_BY, RUN_KINDS } from '../enums';
import { isJsonObject } from '../json';
import { ALL_STATUSES } from '../lifecycle';
import { badRequest, type Reply } from '../reply';
import type { RouteContext } from '../route-context';
import type { Route } from '../router';
import * as s from '../serializers';
import { projectOf } from './projects';

/** `POST .../runs/sync`: stores an offline run as sent (its uuid, times, statuses). */
function sync(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const reader = new BodyReader(ctx.body);
  const uuid = reader.string('uuid');
  const status = reader.choice('status', ALL_STATUSES);
  const conditions = ctx.body && isJsonObject(ctx.body) ? ctx.body.status_conditions : undefined;
  const name = reader.string('name');
  const description = reader.string('description');
  const tags = reader.stringList('tags');
  const inputs = reader.object('inputs');
  const outputs = reader.object('outputs');
  const metaInfo = reader.object('meta_info');
  const kind = reader.string('kind');
  const content = reader.string('content');
  const isManaged = reader.bool('is_managed');
  const managedBy = reader.choice('managed_by', MANAGED_BY);
  reader.done();
  // haupt's OfflineRunSerializer: a managed run (managed_by other than `user`, else is_managed) needs its operation
  const managed = managedBy !== undefined ? managedBy !== 'user' : isManaged === true;
  if (managed && !content) throw badRequest({ non_field_errors: ['Run expects a `content`.'] });
  const existing = uuid ? ctx.state.runs.get(uuid) : undefined;
  if (existing) ctx.state.runs.delete(existing.uuid);
  const run = ctx.state.addRun({
    owner: project.owner,
    project: project.name,
    uuid: uuid ?? undefined,
    name: name ?? null,
    description: description ?? null,
    tags: tags ?? null,
    kind: kind && RUN_KINDS.has(kind) ? kind : 'job',
    inputs: inputs ?? null,
    outputs: outputs ?? null,
    meta_info: metaInfo ?? {},
    content: content ?? null,
    is_managed: managed,
    managed_by: managedBy ?? (managed ? 'agent' : 'user'),
  });
  const body = isJsonObject(ctx.body) ? ctx.body : {};
  run.runtime = typeof body.runtime === 'string' ? body.runtime : run.runtime;
  for (const key of ['created_at', 'started_at', 'finished_at'] as const) {
    const v = body[key];
    const micros = typeof v === 'string' ? parseIsoMicros(v) : undefined;
    if (micros !== undefined) run[key] = isoMicros(micros);
  }
  if (typeof body.wait_time === 'number') run.wait_time = body.wait_time;
  if (typeof body.duration === 'number') run.duration = body.duration;
  if (Array.isArray(conditions)) {
    run.status_conditions = conditions.filter(isJsonObject).map((c) => ({
      type: typeof c.type === 'string' ? c.type : 'unknown',
      status: c.status === true || c.status === 'True' || c.status === 'true',
      reason: typeof c.reason === 'string' ? c.reason : null,
      message: typeof c.message === 'string' ? c.message : null,
      last_update_time: typeof c.last_update_time === 'string' ? c.last_update_time : run.created_at,
      last_transition_time: typeof c.last_transition_time === 'string' ? c.last_transition_time : run.created_at,
    }));
  }
  if (status) run.status = status;
  ctx.state.touch(run);
  return { status: 201, json: s.runSynced(run) };
}

/** The offline-run sync endpoint. */
export function runSyncRoutes(): Route[] {
  return [{ method: 'POST', pattern: '/api/v1/:owner/:project/runs/sync', allow: 'POST, OPTIONS', handle: sync }];
}

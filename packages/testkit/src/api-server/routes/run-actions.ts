import { BodyReader } from '../body-fields';
import { DONE_STATUSES, SAFE_STOP_STATUSES } from '../lifecycle';
import type { RunRecord } from '../records';
import { badRequest, notFound, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import type { Route } from '../router';
import * as s from '../serializers';
import { projectOf } from './projects';
import { runOf } from './runs';

function stop(ctx: RouteContext, run: RunRecord): void {
  if (DONE_STATUSES.has(run.status)) return;
  const message = 'User requested to stop the run.';
  if (SAFE_STOP_STATUSES.has(run.status)) ctx.state.setStatus(run, { type: 'stopped', reason: 'EventHandler', message });
  else ctx.state.setStatus(run, { type: 'stopping', reason: 'EventHandler', message });
}

type RunAction = (ctx: RouteContext, run: RunRecord) => void;

const ACTIONS: Record<string, RunAction> = {
  stop,
  skip: (ctx, run) => {
    if (!DONE_STATUSES.has(run.status)) ctx.state.setStatus(run, { type: 'skipped', reason: 'EventHandler', message: 'User requested to skip the run.' });
  },
  approve: (ctx, run) => {
    if (run.pending) {
      run.pending = null;
      ctx.state.touch(run);
    }
  },
  invalidate: (ctx, run) => ctx.state.touch(run),
  archive: (ctx, run) => {
    run.live_state = 0;
    ctx.state.touch(run);
  },
  restore: (ctx, run) => {
    run.live_state = 1;
    ctx.state.touch(run);
  },
  bookmark: (ctx, run) => {
    run.bookmarked = true;
  },
};

function clone(ctx: RouteContext, kind: 'restart' | 'copy' | 'resume'): Reply {
  const run = runOf(ctx, 'run.uuid');
  const reader = new BodyReader(ctx.body);
  const content = reader.string('content');
  const name = reader.string('name');
  const description = reader.string('description');
  const tags = reader.stringList('tags');
  const metaInfo = reader.object('meta_info');
  reader.done();
  if (kind === 'resume') {
    if (!DONE_STATUSES.has(run.status)) {
      throw badRequest([
        `Cannot resume this run, the run must reach a final state first, current status error: ${run.status}`,
      ]);
    }
    // A resumed run leaves its final status: force it, and it will finish again later.
    run.finished_at = null;
    run.duration = null;
    ctx.state.setStatus(run, { type: 'resuming', reason: 'ResumeRun', message: 'Run was resumed by user.' }, true);
    if (content) run.content = content;
    ctx.state.touch(run);
    return { status: 201, json: s.runListItem(run) };
  }
  const copy = ctx.state.addRun({
    owner: run.owner,
    project: run.project,
    name: name ?? run.name,
    description: description ?? run.description,
    tags: tags ?? run.tags,
    kind: run.kind,
    meta_info: { ...run.meta_info, ...(metaInfo ?? {}) },
    inputs: run.inputs,
    is_managed: run.is_managed,
    managed_by: run.managed_by,
    content: content ?? run.content,
    namespace: run.namespace,
  });
  copy.original = { uuid: run.uuid, name: run.name, kind };
  return { status: 201, json: s.runListItem(copy) };
}

function transferOne(ctx: RouteContext): Reply {
  const run = runOf(ctx, 'run.uuid');
  const reader = new BodyReader(ctx.body);
  const to = reader.requiredString('project');
  reader.done();
  if (!ctx.state.getProject(run.owner, to!)) throw notFound('Project');
  run.project = to!;
  ctx.state.touch(run);
  return { status: 200, json: {} };
}

function uuidsOf(ctx: RouteContext): { reader: BodyReader; runs: RunRecord[] } {
  const project = projectOf(ctx);
  const reader = new BodyReader(ctx.body);
  const uuids = reader.stringList('uuids') ?? [];
  const runs = uuids
    .map((uuid) => ctx.state.getRun(project.owner, project.name, uuid))
    .filter((run): run is RunRecord => run !== undefined);
  return { reader, runs };
}

function bulk(action: RunAction): (ctx: RouteContext) => Reply {
  return (ctx) => {
    const { reader, runs } = uuidsOf(ctx);
    reader.done();
    for (const run of runs) action(ctx, run);
    return { status: 200, json: {} };
  };
}

/** Run actions: per run (`.../runs/{uuid}/stop`, `restart`, ...) and in bulk (`.../runs/stop` with `{"uuids"}`). */
export function runActionRoutes(): Route[] {
  const base = '/api/v1/:owner/:project/runs';
  const one = `${base}/:uuid`;
  const oneAlt = `${base}/:run.uuid`;
  const postAllow = 'POST, OPTIONS';
  return [
    { method: 'DELETE', pattern: `${base}/delete`, allow: 'DELETE, OPTIONS', handle: bulk((ctx, run) => ctx.state.markRunDeleted(run)) },
    {
      method: 'POST',
      pattern: `${base}/tag`,
      allow: postAllow,
      handle: (ctx) => {
        const { reader, runs } = uuidsOf(ctx);
        const tags = reader.stringList('tags') ?? [];
        reader.done();
        for (const run of runs) {
          run.tags = [...new Set([...(run.tags ?? []), ...tags])];
          ctx.state.touch(run);
        }
        return { status: 200, json: {} };
      },
    },
    {
      method: 'POST',
      pattern: `${base}/transfer`,
      allow: postAllow,
      handle: (ctx) => {
        const { reader, runs } = uuidsOf(ctx);
        const to = reader.requiredString('project');
        reader.done();
        const target = ctx.state.getProject(param(ctx, 'owner'), to!);
        if (!target) throw notFound('Project');
        for (const run of runs) {
          run.project = target.name;
          ctx.state.touch(run);
        }
        return { status: 200, json: {} };
      },
    },
    ...Object.entries(ACTIONS).map(([name, action]): Route => ({
      method: 'POST',
      pattern: `${base}/${name}`,
      allow: postAllow,
      handle: bulk(action),
    })),
    ...Object.entries(ACTIONS).map(([name, action]): Route => ({
      method: 'POST',
      pattern: `${one}/${name}`,
      allow: postAllow,
      handle: (ctx) => {
        action(ctx, runOf(ctx));
        return { status: 200, json: {} };
      },
    })),
    {
      method: 'DELETE',
      pattern: `${one}/unbookmark`,
      allow: 'DELETE, OPTIONS',
      handle: (ctx) => {
        runOf(ctx).bookmarked = false;
        return { status: 204, raw: Buffer.alloc(0), noContentType: true };
      },
    },
    { method: 'POST', pattern: `${oneAlt}/restart`, allow: postAllow, handle: (ctx) => clone(ctx, 'restart') },
    { method: 'POST', pattern: `${oneAlt}/copy`, allow: postAllow, handle: (ctx) => clone(ctx, 'copy') },
    { method: 'POST', pattern: `${oneAlt}/resume`, allow: postAllow, handle: (ctx) => clone(ctx, 'resume') },
    { method: 'POST', pattern: `${oneAlt}/transfer`, allow: postAllow, handle: transferOne },
  ];
}

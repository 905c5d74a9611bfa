import { BodyReader } from '../body-fields';
import type { JsonObject } from '../json';
import { DONE_STATUSES, SAFE_STOP_STATUSES } from '../lifecycle';
import type { RunRecord } from '../records';
import { badRequest, notFound, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import type { Route } from '../router';
import * as s from '../serializers';
import { projectOf } from './projects';
import { runOf, schedule } from './runs';

/** A status set on a user's request, worded like haupt's StateManager (samples 119, 122, 124). */
function userStatus(ctx: RouteContext, run: RunRecord, type: string, verb: string): void {
  ctx.state.setStatus(run, { type, reason: 'StateManager', message: `Run is ${type}; User requested to ${verb} the run.` });
}

function stop(ctx: RouteContext, run: RunRecord): void {
  if (DONE_STATUSES.has(run.status)) return;
  userStatus(ctx, run, SAFE_STOP_STATUSES.has(run.status) ? 'stopped' : 'stopping', 'stop');
}

type RunAction = (ctx: RouteContext, run: RunRecord) => void;

const ACTIONS: Record<string, RunAction> = {
  stop,
  skip: (ctx, run) => {
    if (!DONE_STATUSES.has(run.status)) userStatus(ctx, run, 'skipped', 'skip');
  },
  approve: (ctx, run) => {
    if (run.pending) {
      run.pending = null;
      ctx.state.touch(run);
      if (run.is_managed) schedule(ctx, run);
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

function withoutKey(object: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
}

function clone(ctx: RouteContext, kind: 'restart' | 'copy' | 'resume'): Reply {
  const run = runOf(ctx, 'run.uuid');
  const reader = new BodyReader(ctx.body);
  const content = reader.string('content');
  const name = reader.string('name');
  const description = reader.string('description');
  const tags = reader.stringList('tags');
  const metaInfo = reader.object('meta_info');
  reader.done();
  if (!run.content && !content) throw badRequest(['Cloning was not successful, error: Cannot read config_value: `None`']);
  if (kind === 'resume') {
    if (!DONE_STATUSES.has(run.status)) {
      throw badRequest([
        `Cannot resume this run, the run must reach a final state first, current status error: ${run.status}`,
      ]);
    }
    // A resumed run leaves its final status (forced); it keeps its times until it finishes again (120).
    ctx.state.setStatus(run, { type: 'resuming', reason: 'ResumeRun', message: 'Run was resumed by user.' }, true);
    if (content) {
      run.content = content;
      run.compiled_content = null;
    }
    if (name !== undefined) run.name = name;
    if (run.is_managed) ctx.state.setStatus(run, { type: 'queued', reason: 'SchedulerStart', message: 'Run is queued' });
    ctx.state.touch(run);
    return { status: 201, json: s.runCloned(run) };
  }
  const copy = ctx.state.addRun({
    owner: run.owner,
    project: run.project,
    name: name ?? run.name,
    description: description ?? run.description,
    tags: tags ?? run.tags,
    kind: run.kind,
    // `copy_artifacts` is an instruction to the scheduler, not kept in meta_info (115)
    meta_info: { ...run.meta_info, ...withoutKey(metaInfo ?? {}, 'copy_artifacts') },
    inputs: run.inputs,
    is_managed: run.is_managed,
    managed_by: run.managed_by,
    content: content ?? run.content,
    namespace: run.namespace,
  });
  copy.original = { uuid: run.uuid, name: run.name, kind };
  if (copy.is_managed) schedule(ctx, copy);
  return { status: 201, json: s.runCloned(copy) };
}

function transferOne(ctx: RouteContext): Reply {
  const run = runOf(ctx, 'run.uuid');
  const reader = new BodyReader(ctx.body);
  const to = reader.requiredString('project');
  reader.done();
  if (!ctx.state.getProject(run.owner, to!)) throw badRequest([`The destination project \`${to!}\` does not exist.`]);
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
        // bookmark answers 201 (126); the other actions 200 (112, 118, 123, 125)
        return { status: name === 'bookmark' ? 201 : 200, json: {} };
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

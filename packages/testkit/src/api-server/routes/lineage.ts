import { BodyReader } from '../body-fields';
import { ARTIFACT_KINDS } from '../enums';
import { isJsonObject, type Json } from '../json';
import { paginate } from '../pagination';
import { compileQuery, sortRecords, type QueryFields } from '../query-language';
import type { LineageRecord, RunRecord } from '../records';
import { badRequest, notFound, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import { serverCrash } from '../server-crash';
import type { Route } from '../router';
import * as s from '../serializers';
import { listQuery } from './list-query';
import { projectOf } from './projects';
import { runOf } from './runs';

interface Owned {
  run: RunRecord;
  lineage: LineageRecord;
}

const LINEAGE_FIELDS: QueryFields<Owned> = {
  fields: {
    name: (o) => o.lineage.name,
    kind: (o) => o.lineage.kind,
    path: (o) => o.lineage.path,
    is_input: (o) => o.lineage.is_input,
    connection: (o) => o.lineage.connection,
    run: (o) => o.run.uuid,
    created_at: (o) => o.lineage.createdMicros,
  },
};

function listLineage(ctx: RouteContext, items: Owned[]): Reply {
  const { query, sort } = listQuery(ctx);
  // Sorting a run's lineage by name makes the real server raise (api-samples 107).
  if (sort?.split(',').some((key) => key.trim().replace(/^-/, '') === 'name')) throw serverCrash(ctx);
  const matches = compileQuery(query, LINEAGE_FIELDS);
  const sorted = sortRecords(items.filter(matches), sort, LINEAGE_FIELDS, 'created_at');
  return { status: 200, list: true, json: paginate(sorted.map((o) => s.lineageItem(o.run, o.lineage)), ctx.url, ctx.settings.pageSize) };
}

function create(ctx: RouteContext): Reply {
  const run = runOf(ctx);
  const reader = new BodyReader(ctx.body);
  reader.done();
  const artifacts = reader.body.artifacts;
  if (!Array.isArray(artifacts)) throw badRequest({ artifacts: ['This field is required.'] });
  const invalid = invalidKinds(artifacts);
  if (invalid) throw badRequest([invalid]);
  const records = artifacts.map((item: Json, i) => {
    if (!isJsonObject(item)) throw badRequest({ artifacts: [`Item ${i} is not an object.`] });
    const a = new BodyReader(item);
    const name = a.requiredString('name');
    const kind = a.choice('kind', ARTIFACT_KINDS);
    const path = a.string('path');
    const summary = a.object('summary');
    const connection = a.string('connection');
    const isInput = a.bool('is_input');
    const metaInfo = a.object('meta_info');
    a.done();
    return {
      name: name!,
      kind: kind ?? 'artifact',
      path: path ?? null,
      summary: summary ?? null,
      connection: connection ?? null,
      is_input: isInput ?? false,
      meta_info: metaInfo ?? null,
    };
  });
  ctx.state.addLineage(run, records);
  ctx.state.touch(run);
  return { status: 201, raw: Buffer.alloc(0), noContentType: true };
}

function lineageByName(ctx: RouteContext): { run: RunRecord; index: number } {
  const run = runOf(ctx);
  const index = run.lineage.findIndex((l) => l.name === param(ctx, 'name'));
  if (index < 0) throw notFound('ArtifactLineage');
  return { run, index };
}

function edges(ctx: RouteContext): Reply {
  const run = runOf(ctx);
  const reader = new BodyReader(ctx.body);
  reader.done();
  const list = reader.body.edges;
  if (!Array.isArray(list)) throw badRequest({ edges: ['This field is required.'] });
  run.edges = list.filter(isJsonObject);
  return { status: 201, raw: Buffer.alloc(0), noContentType: true };
}

function related(ctx: RouteContext, upstream: boolean): Reply {
  const run = runOf(ctx);
  const uuids = run.edges.filter((e) => Boolean(e.is_upstream) === upstream).map((e) => e.uuid);
  const runs = uuids
    .map((uuid) => (typeof uuid === 'string' ? ctx.state.runs.get(uuid) : undefined))
    .filter((r): r is RunRecord => r !== undefined);
  return { status: 200, list: true, json: paginate(runs.map(s.runListItem), ctx.url, ctx.settings.pageSize) };
}

const KIND_LIST = [...ARTIFACT_KINDS];
const ENUM_HINT = `permitted: ${KIND_LIST.map((k) => `'${k}'`).join(', ')} (type=type_error.enum; enum_values=[${KIND_LIST.map((k) => `<V1ArtifactKind.${k.toUpperCase()}: '${k}'>`).join(', ')}])`;

/** The pydantic (v1) message upstream answers for unknown artifact kinds (api-samples 100), if any. */
function invalidKinds(artifacts: Json[]): string | undefined {
  const errors = artifacts.flatMap((item, i) => {
    const kind = isJsonObject(item) ? item.kind : undefined;
    return typeof kind === 'string' && !ARTIFACT_KINDS.has(kind) ? [`artifacts -> ${i} -> kind\n  value is not a valid enumeration member; ${ENUM_HINT}`] : [];
  });
  if (errors.length === 0) return undefined;
  return `${errors.length} validation error${errors.length > 1 ? 's' : ''} for V1RunArtifacts\n${errors.join('\n')}`;
}

/** The lineage endpoints of one run under `base` (`offSpec`: why a path the OpenAPI lacks is served). */
function perRun(base: string, offSpec?: string): Route[] {
  const listAllow = 'GET, POST, HEAD, OPTIONS';
  const routes: Route[] = [
    { method: 'POST', pattern: base, allow: listAllow, handle: create },
    {
      method: 'GET',
      pattern: base,
      allow: listAllow,
      handle: (ctx) => {
        const run = runOf(ctx);
        return listLineage(ctx, run.lineage.map((lineage) => ({ run, lineage })));
      },
    },
    {
      method: 'GET',
      pattern: `${base}/names`,
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => {
        const run = runOf(ctx);
        return { status: 200, list: true, json: paginate(run.lineage.map((l) => ({ name: l.name })), ctx.url, ctx.settings.pageSize) };
      },
    },
    {
      method: 'GET',
      pattern: `${base}/:name`,
      allow: 'GET, DELETE, HEAD, OPTIONS',
      handle: (ctx) => {
        const { run, index } = lineageByName(ctx);
        return { status: 200, json: s.lineageItem(run, run.lineage[index]!) };
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:name`,
      allow: 'GET, DELETE, HEAD, OPTIONS',
      handle: (ctx) => {
        const { run, index } = lineageByName(ctx);
        run.lineage.splice(index, 1);
        return { status: 204, raw: Buffer.alloc(0), noContentType: true };
      },
    },
  ];
  return offSpec === undefined ? routes : routes.map((route) => ({ ...route, offSpec }));
}

/** Artifact lineage endpoints (per run, per project, per organization). */
export function lineageRoutes(): Route[] {
  const one = '/api/v1/:owner/:project/runs/:uuid/lineage';
  return [
    {
      method: 'GET',
      pattern: '/api/v1/orgs/:owner/runs/lineage/artifacts',
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => {
        const owner = param(ctx, 'owner');
        const runs = [...ctx.state.runs.values()].filter((r) => r.owner === owner && r.live_state === 1);
        return listLineage(ctx, runs.flatMap((run) => run.lineage.map((lineage) => ({ run, lineage }))));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/:owner/:project/runs/lineage/artifacts',
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => {
        const project = projectOf(ctx);
        const runs = ctx.state.listRuns(project.owner, project.name);
        return listLineage(ctx, runs.flatMap((run) => run.lineage.map((lineage) => ({ run, lineage }))));
      },
    },
    ...perRun(`${one}/artifacts`),
    // The older path (`/runs/{uuid}/artifacts_lineage`) behaves the same (api-samples 99, 103).
    ...perRun('/api/v1/:owner/:project/runs/:uuid/artifacts_lineage', 'the older lineage path, still served by the real server but not in the OpenAPI'),
    { method: 'POST', pattern: `${one}/edges`, allow: 'POST, OPTIONS', handle: edges },
    { method: 'GET', pattern: `${one}/upstream`, allow: 'GET, HEAD, OPTIONS', handle: (ctx) => related(ctx, true) },
    { method: 'GET', pattern: `${one}/downstream`, allow: 'GET, HEAD, OPTIONS', handle: (ctx) => related(ctx, false) },
  ];
}

import { BodyReader } from '../body-fields';
import { STAGES, VERSION_KINDS } from '../lifecycle';
import { paginate } from '../pagination';
import { compileQuery, sortRecords, type QueryFields } from '../query-language';
import type { VersionRecord } from '../records';
import { badRequest, HttpError, notFound, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import { readCondition } from './read-condition';
import type { Route } from '../router';
import * as s from '../serializers';
import { listQuery } from './list-query';
import { projectOf } from './projects';

const VERSION_FIELDS: QueryFields<VersionRecord> = {
  fields: {
    name: (v) => v.name,
    description: (v) => v.description,
    tags: (v) => v.tags ?? [],
    stage: (v) => v.stage,
    kind: (v) => v.kind,
    run: (v) => v.run,
    connection: (v) => v.connection,
    created_at: (v) => v.created_at,
    updated_at: (v) => v.updated_at,
  },
  dates: ['created_at', 'updated_at'],
};

function kindOf(ctx: RouteContext, key = 'kind'): string {
  const kind = param(ctx, key);
  // Upstream routes only match these kinds: anything else is an unknown URL.
  if (!VERSION_KINDS.has(kind)) throw new HttpError({ status: 404, text: '' });
  return kind;
}

function versionOf(ctx: RouteContext, nameKey = 'name', kindKey = 'kind'): VersionRecord {
  const project = projectOf(ctx);
  const version = ctx.state.getVersion(project.owner, project.name, kindOf(ctx, kindKey), param(ctx, nameKey));
  if (!version) throw notFound('ProjectVersion');
  return version;
}

function readFields(reader: BodyReader) {
  return {
    description: reader.string('description'),
    tags: reader.stringList('tags'),
    content: reader.string('content'),
    readme: reader.string('readme'),
    connection: reader.string('connection'),
    run: reader.string('run'),
    artifacts: reader.stringList('artifacts'),
    meta_info: reader.object('meta_info'),
    stage: reader.choice('stage', STAGES),
  };
}

function create(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const kind = kindOf(ctx, 'version.kind');
  const reader = new BodyReader(ctx.body);
  const name = reader.requiredString('name');
  const fields = readFields(reader);
  reader.done();
  if (ctx.state.getVersion(project.owner, project.name, kind, name!)) {
    throw badRequest({ non_field_errors: ['The fields project, name, kind must make a unique set.'] });
  }
  const version = ctx.state.addVersion({
    owner: project.owner,
    project: project.name,
    kind,
    name: name!,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  });
  return { status: 201, json: s.versionDetail(version) };
}

function update(ctx: RouteContext): Reply {
  const version = versionOf(ctx, 'version.name', 'version.kind');
  const reader = new BodyReader(ctx.body);
  const name = reader.string('name');
  const fields = readFields(reader);
  reader.done();
  if (name && name !== version.name) {
    if (ctx.state.getVersion(version.owner, version.project, version.kind, name)) {
      throw badRequest({ non_field_errors: ['The fields project, name, kind must make a unique set.'] });
    }
    ctx.state.versions.delete(ctx.state.versionKey(version.owner, version.project, version.kind, version.name));
    version.name = name;
    ctx.state.versions.set(ctx.state.versionKey(version.owner, version.project, version.kind, name), version);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (version as unknown as Record<string, unknown>)[key] = value;
  }
  ctx.state.touch(version);
  return { status: 200, json: s.versionDetail(version) };
}

function list(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const kind = kindOf(ctx);
  const { query, sort } = listQuery(ctx);
  const matches = compileQuery(query, VERSION_FIELDS);
  const sorted = sortRecords(ctx.state.listVersions(project.owner, project.name, kind).filter(matches), sort, VERSION_FIELDS, '-created_at');
  return { status: 200, list: true, json: paginate(sorted.map(s.versionDetail), ctx.url, ctx.settings.pageSize) };
}

function stage(ctx: RouteContext): Reply {
  const version = versionOf(ctx);
  const reader = new BodyReader(ctx.body);
  const condition = reader.object('condition');
  reader.done();
  const posted = condition ? readCondition(condition, STAGES, { metaInfo: false }) : undefined;
  if (posted) {
    const { meta_info: _metaInfo, ...stageCondition } = posted;
    ctx.state.setStage(version, stageCondition);
  }
  return { status: 201, json: { stage: null, stage_conditions: null } };
}

function transfer(ctx: RouteContext): Reply {
  const version = versionOf(ctx, 'version.name', 'version.kind');
  const reader = new BodyReader(ctx.body);
  const to = reader.requiredString('project');
  reader.done();
  const target = ctx.state.getProject(version.owner, to!);
  if (!target) throw notFound('Project');
  if (ctx.state.getVersion(version.owner, target.name, version.kind, version.name)) {
    throw badRequest({ non_field_errors: ['The fields project, name, kind must make a unique set.'] });
  }
  ctx.state.versions.delete(ctx.state.versionKey(version.owner, version.project, version.kind, version.name));
  version.project = target.name;
  ctx.state.versions.set(ctx.state.versionKey(version.owner, target.name, version.kind, version.name), version);
  ctx.state.touch(version);
  return { status: 200, json: {} };
}

/** Component/model/artifact version endpoints of a project. */
export function versionRoutes(): Route[] {
  const base = '/api/v1/:owner/:project/versions';
  const detailAllow = 'GET, PUT, PATCH, DELETE, HEAD, OPTIONS';
  return [
    {
      method: 'GET',
      pattern: `${base}/:kind/names`,
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => {
        const project = projectOf(ctx);
        const versions = ctx.state.listVersions(project.owner, project.name, kindOf(ctx));
        const sorted = sortRecords(versions, undefined, VERSION_FIELDS, '-created_at');
        return { status: 200, list: true, json: paginate(sorted.map((v) => ({ name: v.name })), ctx.url, ctx.settings.pageSize) };
      },
    },
    { method: 'GET', pattern: `${base}/:kind`, allow: 'GET, POST, HEAD, OPTIONS', handle: list },
    { method: 'POST', pattern: `${base}/:version.kind`, allow: 'GET, POST, HEAD, OPTIONS', handle: create },
    { method: 'GET', pattern: `${base}/:kind/:name/stages`, allow: 'GET, POST, HEAD, OPTIONS', handle: (ctx) => ({ status: 200, json: s.versionStages(versionOf(ctx)) }) },
    { method: 'POST', pattern: `${base}/:kind/:name/stages`, allow: 'GET, POST, HEAD, OPTIONS', handle: stage },
    { method: 'POST', pattern: `${base}/:version.kind/:version.name/transfer`, allow: 'POST, OPTIONS', handle: transfer },
    { method: 'GET', pattern: `${base}/:kind/:name`, allow: detailAllow, handle: (ctx) => ({ status: 200, json: s.versionDetail(versionOf(ctx)) }) },
    { method: 'PATCH', pattern: `${base}/:version.kind/:version.name`, allow: detailAllow, handle: update },
    { method: 'PUT', pattern: `${base}/:version.kind/:version.name`, allow: detailAllow, handle: update },
    {
      method: 'DELETE',
      pattern: `${base}/:kind/:name`,
      allow: detailAllow,
      handle: (ctx) => {
        const version = versionOf(ctx);
        ctx.state.versions.delete(ctx.state.versionKey(version.owner, version.project, version.kind, version.name));
        return { status: 204, raw: Buffer.alloc(0), noContentType: true };
      },
    },
  ];
}

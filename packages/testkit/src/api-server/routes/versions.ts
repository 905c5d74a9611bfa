import { BodyReader } from '../body-fields';
import { componentContentError } from '../component-content';
import type { JsonObject } from '../json';
import { STAGES, VERSION_KINDS } from '../lifecycle';
import { paginate } from '../pagination';
import { compileQuery, sortRecords, type QueryFields } from '../query-language';
import type { VersionRecord } from '../records';
import { badRequest, HttpError, notFound, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import { serverCrash } from '../server-crash';
import { contentHash } from '../state';
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

const NAME = /^[-a-zA-Z0-9_.]+$/;
const NAME_MESSAGE = 'Enter a valid \u201cvalue\u201d consisting of letters, numbers, underscores, hyphens, or dots.';

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

function checkName(name: string): void {
  if (!NAME.test(name)) throw badRequest({ name: [NAME_MESSAGE] });
}

function duplicate(name: string): HttpError {
  return badRequest([`A version with name ${name} already exists on the requested project.`]);
}

/** Component content is stored trimmed and must read as a Polyaxonfile (api-samples 86–88). */
function checkedContent(kind: string, content: string | null | undefined): string | null | undefined {
  if (typeof content !== 'string') return content;
  const trimmed = content.replace(/\s+$/, '');
  if (kind === 'component') {
    const error = componentContentError(trimmed);
    if (error) throw badRequest([error]);
  }
  return trimmed;
}

/** `meta_info` of a version linked to a run: the run and the lineage of the named artifacts (api-samples 59). */
function runMetaInfo(ctx: RouteContext, project: string, run: string | null | undefined, artifacts: string[] | null | undefined): JsonObject | undefined {
  if (!run) {
    if (artifacts?.length) throw badRequest([`A run is required to link the artifacts: \`[${artifacts.map((a) => `'${a}'`).join(', ')}]\`.`]);
    return undefined;
  }
  const record = ctx.state.runs.get(run);
  // A run of another project (or no run) makes the real server raise (api-samples 63).
  if (!record || record.project !== project) throw serverCrash(ctx);
  const lineage = (artifacts ?? []).flatMap((name) => {
    const entry = record.lineage.find((l) => l.name === name);
    return entry ? [s.lineageItem(record, entry)] : [];
  });
  return { run: { project: record.project, name: record.name, uuid: record.uuid }, ...(artifacts?.length ? { lineage } : {}) };
}

function create(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const kind = kindOf(ctx, 'version.kind');
  const reader = new BodyReader(ctx.body);
  const name = reader.requiredString('name');
  const fields = readFields(reader);
  reader.done();
  checkName(name!);
  if (ctx.state.getVersion(project.owner, project.name, kind, name!)) throw duplicate(name!);
  const content = checkedContent(kind, fields.content);
  const runInfo = runMetaInfo(ctx, project.name, fields.run, fields.artifacts);
  const version = ctx.state.addVersion({
    owner: project.owner,
    project: project.name,
    kind,
    name: name!,
    ...Object.fromEntries(Object.entries({ ...fields, content }).filter(([, v]) => v !== undefined)),
  });
  if (runInfo) version.meta_info = { ...(version.meta_info ?? {}), ...runInfo };
  return { status: 201, json: s.versionDetail(version, 'created') };
}

function update(ctx: RouteContext): Reply {
  const version = versionOf(ctx, 'version.name', 'version.kind');
  const reader = new BodyReader(ctx.body);
  const name = reader.string('name');
  const fields = readFields(reader);
  reader.done();
  if (name && name !== version.name) {
    checkName(name);
    if (ctx.state.getVersion(version.owner, version.project, version.kind, name)) throw duplicate(name);
  }
  const content = checkedContent(version.kind, fields.content);
  if (name && name !== version.name) {
    ctx.state.versions.delete(ctx.state.versionKey(version.owner, version.project, version.kind, version.name));
    version.name = name;
    ctx.state.versions.set(ctx.state.versionKey(version.owner, version.project, version.kind, name), version);
  }
  for (const [key, value] of Object.entries({ ...fields, content })) {
    if (value !== undefined) (version as unknown as Record<string, unknown>)[key] = value;
  }
  if (typeof content === 'string' && version.kind === 'component') version.state = contentHash(content);
  ctx.state.touch(version);
  return { status: 200, json: s.versionDetail(version, 'patched') };
}

function list(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const kind = kindOf(ctx);
  const { query, sort } = listQuery(ctx);
  const matches = compileQuery(query, VERSION_FIELDS);
  const sorted = sortRecords(ctx.state.listVersions(project.owner, project.name, kind).filter(matches), sort, VERSION_FIELDS, '-updated_at');
  return { status: 200, list: true, json: paginate(sorted.map(s.versionListItem), ctx.url, ctx.settings.pageSize) };
}

function stage(ctx: RouteContext): Reply {
  const version = versionOf(ctx);
  const reader = new BodyReader(ctx.body);
  const condition = reader.object('condition');
  reader.done();
  // An unknown stage makes the real server raise (api-samples 70).
  if (condition && typeof condition.type === 'string' && !STAGES.has(condition.type)) throw serverCrash(ctx);
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
  if (ctx.state.getVersion(version.owner, target.name, version.kind, version.name)) throw duplicate(version.name);
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
        const sorted = sortRecords(versions, undefined, VERSION_FIELDS, '-updated_at');
        return { status: 200, list: true, json: paginate(sorted.map((v) => ({ name: v.name })), ctx.url, ctx.settings.pageSize) };
      },
    },
    { method: 'GET', pattern: `${base}/:kind`, allow: 'GET, POST, HEAD, OPTIONS', handle: list },
    { method: 'POST', pattern: `${base}/:version.kind`, allow: 'GET, POST, HEAD, OPTIONS', handle: create },
    { method: 'GET', pattern: `${base}/:kind/:name/stages`, allow: 'GET, POST, HEAD, OPTIONS', handle: (ctx) => ({ status: 200, json: s.versionStages(versionOf(ctx)) }) },
    { method: 'POST', pattern: `${base}/:kind/:name/stages`, allow: 'GET, POST, HEAD, OPTIONS', handle: stage },
    { method: 'POST', pattern: `${base}/:version.kind/:version.name/transfer`, allow: 'POST, OPTIONS', handle: transfer },
    { method: 'GET', pattern: `${base}/:kind/:name`, allow: detailAllow, handle: (ctx) => ({ status: 200, json: s.versionDetail(versionOf(ctx), 'get') }) },
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

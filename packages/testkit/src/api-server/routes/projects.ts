import { BodyReader } from '../body-fields';
import type { JsonObject } from '../json';
import { paginate } from '../pagination';
import { compileQuery, sortRecords, type QueryFields } from '../query-language';
import type { ProjectRecord } from '../records';
import { badRequest, notFound, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import type { Route } from '../router';
import { listQuery } from './list-query';
import * as s from '../serializers';

const SLUG = /^[-a-zA-Z0-9_]+$/;
const SLUG_MESSAGE = 'Enter a valid \u201cslug\u201d consisting of letters, numbers, underscores or hyphens.';

/** Fields `query=`/`sort=` accept on projects. */
export const PROJECT_FIELDS: QueryFields<ProjectRecord> = {
  fields: {
    uuid: (p) => p.uuid,
    name: (p) => p.name,
    description: (p) => p.description,
    tags: (p) => p.tags ?? [],
    created_at: (p) => p.created_at,
    updated_at: (p) => p.updated_at,
    live_state: (p) => p.live_state,
    bookmarked: (p) => p.bookmarked,
  },
  dates: ['created_at', 'updated_at'],
};

/** The project named in the path, or a 404 like upstream's. */
export function projectOf(ctx: RouteContext, key = 'project'): ProjectRecord {
  const project = ctx.state.getProject(param(ctx, 'owner'), param(ctx, key));
  if (!project) throw notFound('Project');
  return project;
}

function validName(ctx: RouteContext, reader: BodyReader, owner: string, current?: ProjectRecord): string | undefined {
  const name = current && !reader.has('name') ? current.name : reader.requiredString('name');
  if (name === undefined) return undefined;
  if (!SLUG.test(name)) {
    reader.done();
    throw badRequest({ name: [SLUG_MESSAGE] });
  }
  const clash = ctx.state.getProject(owner, name);
  if (clash && clash !== current) {
    reader.done();
    throw badRequest({ name: ['project with this name already exists.'] });
  }
  return name;
}

function create(ctx: RouteContext): Reply {
  const owner = param(ctx, 'owner');
  const reader = new BodyReader(ctx.body);
  const name = validName(ctx, reader, owner);
  const description = reader.string('description');
  const tags = reader.stringList('tags');
  const readme = reader.string('readme');
  const isPublic = reader.bool('is_public');
  reader.done();
  const project = ctx.state.addProject({
    owner,
    name: name!,
    description: description ?? null,
    tags: tags ?? null,
    readme: readme ?? null,
    is_public: isPublic ?? false,
  });
  return { status: 201, json: s.projectCreated(project) };
}

function update(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const reader = new BodyReader(ctx.body);
  const name = validName(ctx, reader, project.owner, project);
  const description = reader.string('description');
  const tags = reader.stringList('tags');
  const readme = reader.string('readme');
  const isPublic = reader.bool('is_public');
  const bookmarked = reader.bool('bookmarked');
  reader.done();
  if (name !== undefined && name !== project.name) ctx.state.renameProject(project, name);
  if (description !== undefined) project.description = description;
  if (tags !== undefined) project.tags = tags;
  if (readme !== undefined) project.readme = readme;
  if (isPublic !== undefined) project.is_public = isPublic;
  if (bookmarked !== undefined) project.bookmarked = bookmarked;
  ctx.state.touch(project);
  return { status: 200, json: s.projectDetail(project) };
}

function list(ctx: RouteContext): Reply {
  const owner = param(ctx, 'owner');
  const { query, sort } = listQuery(ctx);
  const matches = compileQuery(query, PROJECT_FIELDS);
  const projects = [...ctx.state.projects.values()].filter((p) => p.owner === owner && p.live_state === 1 && matches(p));
  const sorted = sortRecords(projects, sort, PROJECT_FIELDS, '-updated_at');
  return { status: 200, list: true, json: paginate(sorted.map(s.projectListItem), ctx.url, ctx.settings.pageSize) };
}

function names(ctx: RouteContext): Reply {
  const owner = param(ctx, 'owner');
  const projects = [...ctx.state.projects.values()].filter((p) => p.owner === owner && p.live_state === 1);
  const sorted = sortRecords(projects, undefined, PROJECT_FIELDS, '-created_at');
  const items: JsonObject[] = sorted.map((p) => ({ name: p.name }));
  return { status: 200, list: true, json: paginate(items, ctx.url, ctx.settings.pageSize) };
}

/** Project endpoints. */
export function projectRoutes(): Route[] {
  const detailAllow = 'GET, PUT, PATCH, DELETE, HEAD, OPTIONS';
  return [
    { method: 'POST', pattern: '/api/v1/:owner/projects/create', allow: 'POST, OPTIONS', handle: create },
    { method: 'POST', pattern: '/api/v1/:owner/:team/projects/create', allow: 'POST, OPTIONS', handle: create },
    { method: 'GET', pattern: '/api/v1/:owner/projects/list', allow: 'GET, HEAD, OPTIONS', handle: list },
    { method: 'GET', pattern: '/api/v1/:owner/projects/names', allow: 'GET, HEAD, OPTIONS', handle: names },
    {
      method: 'GET',
      pattern: '/api/v1/:owner/:project',
      allow: detailAllow,
      handle: (ctx) => ({ status: 200, json: s.projectDetail(projectOf(ctx)) }),
    },
    { method: 'PATCH', pattern: '/api/v1/:owner/:project', allow: detailAllow, handle: update },
    { method: 'PUT', pattern: '/api/v1/:owner/:project', allow: detailAllow, handle: update },
    {
      method: 'DELETE',
      pattern: '/api/v1/:owner/:project',
      allow: detailAllow,
      handle: (ctx) => {
        ctx.state.deleteProject(projectOf(ctx));
        return { status: 204, raw: Buffer.alloc(0), noContentType: true };
      },
    },
  ];
}

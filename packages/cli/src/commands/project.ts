import type { CommandContext } from '../command-context';
import { contextOptions, resolveFor } from '../context-loader';
import { projectUrl, resolveProjectTarget, type ProjectTarget } from '../entity-resolution';
import { CliError } from '../errors';
import { openOrPrintUrl } from '../open-url';
import { emitData } from '../output/emit-data';
import { parseOutputFormat } from '../output/output-format';
import { renderKeyValues, renderTable } from '../output/table';
import { boolValueOption, flagOption, intOption, entityFieldsOption, parseTags, stringOption } from '../option-values';
import { confirm } from '../prompt';
import { withApi } from './with-api';

const INFO_KEYS = ['uuid', 'owner', 'name', 'tags', 'created_at', 'updated_at', 'is_public', 'bookmarked', 'live_state'];

function printProject(ctx: CommandContext, project: Record<string, unknown>): void {
  if (typeof project.description === 'string' && project.description !== '') {
    ctx.print.header('Project description:');
    ctx.print.line(project.description);
    ctx.print.line('');
  }
  ctx.print.header('Project info:');
  ctx.print.line(renderKeyValues(INFO_KEYS.filter((k) => project[k] !== undefined && project[k] !== null).map((k) => [k, project[k]]), { upper: true }));
}

/** `px project create --name [owner/]name [--description] [--tags] [--public] [--init]`. */
export async function create(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const name = stringOption(ctx.options, 'name');
  if (name === undefined || name.trim() === '') throw new CliError('Please provide a name to create a project: `--name [owner/]name`.', { exitCode: 2 });
  const resolved = await resolveFor(ctx);
  const { parseProjectRef, writeProjectCache } = await import('@px/context');
  const ref = parseProjectRef(name, resolved);
  const body: Record<string, unknown> = { name: ref.project };
  const description = stringOption(ctx.options, 'description');
  if (description !== undefined) body.description = description;
  const tags = parseTags(stringOption(ctx.options, 'tags'));
  if (tags !== undefined) body.tags = tags;
  body.is_public = flagOption(ctx.options, 'public');
  const project = await withApi(ctx, resolved, (api) => api.createProject(ref.owner, body));
  const target: ProjectTarget = { owner: (project.owner as string | undefined) ?? ref.owner, project: (project.name as string | undefined) ?? ref.project };
  writeProjectCache({ ...project, owner: target.owner }, contextOptions(ctx), 'global');
  if (flagOption(ctx.options, 'init')) writeProjectCache({ ...project, owner: target.owner }, contextOptions(ctx), 'local');
  if (await emitData(ctx, format, project)) return 0;
  ctx.print.success(`Project \`${target.project}\` was created successfully.`);
  if (flagOption(ctx.options, 'init')) ctx.print.success('Project was initialized in the current directory.');
  ctx.print.line(`You can view this project on Polyaxon UI: ${projectUrl(resolved.host.value, target)}`);
  return 0;
}

/** `px project ls [-o owner] [-q] [-s] [--limit] [--offset] [--output json|yaml]`. */
export async function list(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const resolved = await resolveFor(ctx);
  const owner = stringOption(ctx.options, 'owner') ?? resolved.owner.value ?? 'default';
  const params = {
    query: stringOption(ctx.options, 'query'),
    sort: stringOption(ctx.options, 'sort'),
    limit: intOption(ctx.options, 'limit', '--limit'),
    offset: intOption(ctx.options, 'offset', '--offset'),
  };
  const page = await withApi(ctx, resolved, (api) => api.listProjects(owner, params));
  if (await emitData(ctx, format, page)) return 0;
  const results = page.results ?? [];
  ctx.print.header(`Projects for owner \`${owner}\` (${page.count ?? results.length}):`);
  if (results.length === 0) {
    ctx.print.line('No projects found.');
    return 0;
  }
  const columns = ['uuid', 'name', 'description', 'tags', 'created_at', 'updated_at'];
  ctx.print.line(renderTable(columns, results.map((p) => columns.map((c) => p[c])), { color: ctx.io.color, maxWidth: ctx.io.stdout.columns }));
  return 0;
}

/** `px project get [-p project]`: prints the project and caches it. */
export async function get(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const resolved = await resolveFor(ctx);
  const target = await resolveProjectTarget(ctx, resolved);
  const project = await withApi(ctx, resolved, (api) => api.getProject(target.owner, target.project));
  const { readProjectCache, writeProjectCache } = await import('@px/context');
  const cached = readProjectCache(contextOptions(ctx));
  if (cached === undefined || cached.data.name === target.project) {
    writeProjectCache({ ...project, owner: project.owner ?? target.owner }, contextOptions(ctx), cached?.visibility);
  }
  if (await emitData(ctx, format, project)) return 0;
  printProject(ctx, project);
  ctx.print.line(`You can view this project on Polyaxon UI: ${projectUrl(resolved.host.value, target)}`);
  return 0;
}

/** `px project update [-p] [--name] [--description] [--tags] [--private BOOL]`. */
export async function update(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const body = entityFieldsOption(ctx.options);
  const isPrivate = boolValueOption(ctx.options, 'private', '--private');
  if (isPrivate !== undefined) body.is_public = !isPrivate;
  if (Object.keys(body).length === 0) throw new CliError('No argument was provided to update the project.');
  const resolved = await resolveFor(ctx);
  const target = await resolveProjectTarget(ctx, resolved);
  const project = await withApi(ctx, resolved, (api) => api.updateProject(target.owner, target.project, body));
  if (await emitData(ctx, format, project)) return 0;
  ctx.print.success('Project updated.');
  printProject(ctx, project);
  return 0;
}

/** `px project delete [-p] [-y]`: deletes the project after a confirmation. */
export async function remove(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveProjectTarget(ctx, resolved);
  const full = `${target.owner}/${target.project}`;
  if (!flagOption(ctx.options, 'yes')) {
    const ok = await confirm(ctx.io.prompt, `Are sure you want to delete project \`${full}\``);
    if (ok !== true) throw new CliError('Exiting without deleting project.');
  }
  await withApi(ctx, resolved, (api) => api.deleteProject(target.owner, target.project));
  const { readProjectCache, purgeProjectCache, purgeRunCache } = await import('@px/context');
  const options = contextOptions(ctx);
  const cached = readProjectCache(options);
  if (cached?.data.name === target.project) {
    purgeProjectCache(options, cached.visibility);
    purgeRunCache(options, cached.visibility);
  }
  ctx.print.success(`Project \`${full}\` was deleted successfully`);
  return 0;
}

/** `px project dashboard [-p] [--url] [-y]`. */
export async function dashboard(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveProjectTarget(ctx, resolved);
  return openOrPrintUrl(ctx, projectUrl(resolved.host.value, target), 'The project dashboard is available at:');
}

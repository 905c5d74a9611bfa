import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectClient } from '@px/client';
import type { ResolvedContext } from '@px/context';
import type { PxApi } from '../../api';
import type { CommandContext } from '../../command-context';
import { resolveFor } from '../../context-loader';
import { resolveProjectTarget, type ProjectTarget } from '../../entity-resolution';
import { CliError } from '../../errors';
import { offlineRootOf } from '../../offline-runs';
import { openOrPrintUrl } from '../../open-url';
import { flagOption, intOption, parseTags, stringOption } from '../../option-values';
import { emitData } from '../../output/emit-data';
import { parseOutputFormat } from '../../output/output-format';
import { apiErrorSummary } from '../../print-error';
import { confirm } from '../../prompt';
import { specFiles } from '../../spec-files';
import { withApi } from '../with-api';
import { checkedComponentContent, checkLocalComponent } from './component-content';
import { REGISTRY_GROUPS, type RegistryKind } from './registry-specs';
import { LIST_COLUMNS, printStages, printVersion, versionFqn, versionUrl, type VersionRecord } from './version-view';
import { renderKeyValues, renderTable } from '../../output/table';

/** What every registry subcommand starts from. */
interface Scope {
  readonly kind: RegistryKind;
  readonly resolved: ResolvedContext;
  readonly target: ProjectTarget;
}

async function scopeOf(ctx: CommandContext): Promise<Scope> {
  const kind = REGISTRY_GROUPS[ctx.path[0] ?? ''];
  if (kind === undefined) throw new CliError(`Unknown registry \`${ctx.path.join(' ')}\`.`);
  const resolved = await resolveFor(ctx);
  return { kind, resolved, target: await resolveProjectTarget(ctx, resolved) };
}

function versionName(ctx: CommandContext): string {
  return stringOption(ctx.options, 'version') ?? 'latest';
}

/** Runs `fn` with a `ProjectClient` of `target` on the command's API client. */
function withProject<T>(ctx: CommandContext, scope: Scope, fn: (project: ProjectClient, api: PxApi) => Promise<T>, target: ProjectTarget = scope.target): Promise<T> {
  return withApi(ctx, scope.resolved, async (api) => {
    const { ProjectClient } = await import('@px/client');
    return fn(new ProjectClient({ owner: target.owner, project: target.project, client: api.client }), api);
  });
}

/** Rethrows an API error as upstream's "Could not …" message followed by the server's answer. */
async function failing<T>(message: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const summary = apiErrorSummary(error);
    if (summary === undefined) throw error;
    throw new CliError(message, { cause: error, details: [summary] });
  }
}

function parseContent(content: unknown): Promise<unknown> {
  if (typeof content !== 'string' || content === '') return Promise.resolve(undefined);
  return import('@px/polyaxonfile').then(
    (pf) => {
      try {
        return pf.parseYaml(content).value;
      } catch {
        return undefined;
      }
    },
    () => undefined,
  );
}

function listParams(ctx: CommandContext): { query?: string; sort?: string; limit?: number; offset?: number } {
  const params: { query?: string; sort?: string; limit?: number; offset?: number } = {};
  const query = stringOption(ctx.options, 'query');
  if (query !== undefined && query !== '') params.query = query;
  const sort = stringOption(ctx.options, 'sort');
  if (sort !== undefined && sort !== '') params.sort = sort;
  const limit = intOption(ctx.options, 'limit', '--limit');
  if (limit !== undefined && limit > 0) params.limit = limit;
  const offset = intOption(ctx.options, 'offset', '--offset');
  if (offset !== undefined && offset > 0) params.offset = offset;
  return params;
}

/** `px <kind>s ls [-p] [-q] [-s] [--limit] [--offset] [-o json|yaml]`. */
export async function ls(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const scope = await scopeOf(ctx);
  const { owner, project } = scope.target;
  const page = await withProject(ctx, scope, (p) => failing(`Could not get list of ${scope.kind} versions for ${owner}/${project}.`, p.listVersions(scope.kind, listParams(ctx))));
  if (await emitData(ctx, format, page)) return 0;
  const info = `<owner: ${owner}> <project: ${project}>`;
  if (page.results.length === 0) {
    ctx.print.header(`No version found for ${info}`);
    return 0;
  }
  ctx.print.header(`Versions for ${info}`);
  ctx.print.header('Navigation:');
  ctx.print.line(renderKeyValues([['count', page.count], ['next', page.next], ['previous', page.previous]].filter(([, v]) => v !== null && v !== undefined) as [string, unknown][], { upper: true }));
  ctx.print.header('Versions:');
  const rows = page.results.map((v) => LIST_COLUMNS.map((c) => (v as VersionRecord)[c]));
  ctx.print.line(renderTable(LIST_COLUMNS, rows, { color: ctx.io.color, maxWidth: ctx.io.stdout.columns }));
  return 0;
}

/** `px <kind>s register [-f] [-p] [-ver] [--description] [--tags] [--content] [--run-uid] [--artifacts] [--connection] [--force]`. */
export async function register(ctx: CommandContext): Promise<number> {
  const version = versionName(ctx);
  const kind = REGISTRY_GROUPS[ctx.path[0] ?? ''];
  // model/artifact content is opaque to the server (JSON or YAML, returned as sent): sent as given, like upstream
  let content = stringOption(ctx.options, 'content');
  if (kind === 'component') {
    const file = stringOption(ctx.options, 'file');
    if (file === undefined) throw new CliError('Please provide a path to a polyaxonfile to create a component version: `-f polyaxonfile.yaml`.');
    const [path] = specFiles(ctx, [file]);
    content = await checkedComponentContent(ctx, path!);
    if (content === undefined) return 1;
  }
  const scope = await scopeOf(ctx);
  const fqn = versionFqn(scope.target, version);
  await withProject(ctx, scope, (p) =>
    failing(
      `Could not create version \`${fqn}\`.`,
      p.registerVersion(scope.kind, version, {
        description: stringOption(ctx.options, 'description'),
        tags: parseTags(stringOption(ctx.options, 'tags')),
        content,
        run: stringOption(ctx.options, 'runUid'),
        artifacts: parseTags(stringOption(ctx.options, 'artifacts')),
        connection: stringOption(ctx.options, 'connection'),
        force: flagOption(ctx.options, 'force'),
      }),
    ),
  );
  ctx.print.success(`Version \`${fqn}\` was created successfully.`);
  ctx.print.line(`You can view this version on Polyaxon UI: ${versionUrl(scope.resolved.host.value, scope.target, scope.kind, version)}`);
  return 0;
}

/** `px <kind>s copy [-p] [-ver] [-to] [-n] [--description] [--tags] [--content] [--force]`. */
export async function copy(ctx: CommandContext): Promise<number> {
  const scope = await scopeOf(ctx);
  const version = versionName(ctx);
  const fqn = versionFqn(scope.target, version);
  const toProject = stringOption(ctx.options, 'toProject');
  const content = stringOption(ctx.options, 'content');
  const copied = await withProject(ctx, scope, (p) =>
    failing(
      `Could not copy version \`${fqn}\`.`,
      p.copyVersion(scope.kind, version, {
        ...(toProject === undefined ? {} : { toProject }),
        ...(stringOption(ctx.options, 'name') === undefined ? {} : { name: stringOption(ctx.options, 'name') }),
        ...(stringOption(ctx.options, 'description') === undefined ? {} : { description: stringOption(ctx.options, 'description') }),
        ...(stringOption(ctx.options, 'tags') === undefined ? {} : { tags: parseTags(stringOption(ctx.options, 'tags')) }),
        ...(content === undefined ? {} : { content }),
        force: flagOption(ctx.options, 'force'),
      }),
    ),
  );
  const to: ProjectTarget = { owner: scope.target.owner, project: toProject ?? scope.target.project };
  const name = copied.name ?? `${version}-copy`;
  ctx.print.success(`Version \`${fqn}\` was copied successfully to \`${versionFqn(to, name)}\`.`);
  ctx.print.line(`You can view this version on Polyaxon UI: ${versionUrl(scope.resolved.host.value, to, scope.kind, name)}`);
  return 0;
}

/** `px <kind>s get [-p] [-ver] [-o json|yaml]`: the version, its lineage, readme and content (as YAML). */
export async function get(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const scope = await scopeOf(ctx);
  const version = versionName(ctx);
  const record = await withProject(ctx, scope, (p) => failing(`Could not get ${scope.kind} version \`${versionFqn(scope.target, version)}\`.`, p.getVersion(scope.kind, version)));
  if (await emitData(ctx, format, record)) return 0;
  printVersion(ctx, record as VersionRecord, await parseContent(record.content));
  ctx.print.line(`You can view this version on Polyaxon UI: ${versionUrl(scope.resolved.host.value, scope.target, scope.kind, version)}`);
  return 0;
}

/** `px <kind>s stages [-p] [-ver] [-o json|yaml]`. */
export async function stages(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const scope = await scopeOf(ctx);
  const version = versionName(ctx);
  const result = await withProject(ctx, scope, (p) => failing(`Could not get ${scope.kind} version \`${versionFqn(scope.target, version)}\`.`, p.getVersionStages(scope.kind, version)));
  if (await emitData(ctx, format, { stage: result.stage, stage_conditions: result.stageConditions })) return 0;
  printStages(ctx, result.stage, result.stageConditions as unknown as Record<string, unknown>[]);
  return 0;
}

/** `px <kind>s delete [-p] [-ver] [-y]`: deletes after a confirmation. */
export async function remove(ctx: CommandContext): Promise<number> {
  const scope = await scopeOf(ctx);
  const version = versionName(ctx);
  const fqn = versionFqn(scope.target, version);
  if (!flagOption(ctx.options, 'yes')) {
    const ok = await confirm(ctx.io.prompt, `Are sure you want to delete ${scope.kind} version \`${fqn}\``);
    if (ok !== true) throw new CliError(`Exiting without deleting ${scope.kind} version.`);
  }
  await withProject(ctx, scope, (p) => failing(`Could not delete the ${scope.kind} version \`${fqn}\`.`, p.deleteVersion(scope.kind, version)));
  ctx.print.success(`The ${scope.kind} version \`${fqn}\` was deleted successfully`);
  return 0;
}

/** `px <kind>s update [-p] [-ver] [-n] [--description] [--tags] [-o json|yaml]`. */
export async function update(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const scope = await scopeOf(ctx);
  const version = versionName(ctx);
  const fqn = versionFqn(scope.target, version);
  const body: Record<string, unknown> = {};
  const name = stringOption(ctx.options, 'name');
  if (name) body.name = name;
  const description = stringOption(ctx.options, 'description');
  if (description) body.description = description;
  const tags = parseTags(stringOption(ctx.options, 'tags'));
  if (tags !== undefined && tags.length > 0) body.tags = tags;
  if (Object.keys(body).length === 0) throw new CliError(`No argument was provided to update the ${scope.kind} version ${fqn}.`);
  const record = await withProject(ctx, scope, (p) => failing(`Could not update the ${scope.kind} version \`${fqn}\`.`, p.patchVersion(scope.kind, version, body)));
  if (await emitData(ctx, format, record)) return 0;
  ctx.print.success(`The ${scope.kind} version updated.`);
  printVersion(ctx, record as VersionRecord, await parseContent(record.content));
  return 0;
}

/** `px <kind>s stage [-p] [-ver] -to STAGE [--reason] [--message]`. */
export async function stage(ctx: CommandContext): Promise<number> {
  const to = stringOption(ctx.options, 'to');
  if (to === undefined) throw new CliError('No argument was provided to update the version stage, please provide a correct `--to` value.');
  const scope = await scopeOf(ctx);
  const version = versionName(ctx);
  const reason = stringOption(ctx.options, 'reason') ?? 'CliStageUpdate';
  const message = stringOption(ctx.options, 'message');
  await withProject(ctx, scope, (p) =>
    failing(
      `Could not update the stage for ${scope.kind} version \`${versionFqn(scope.target, version)}\`.`,
      p.stageVersion(scope.kind, version, { stage: to as 'testing', reason, ...(message === undefined ? {} : { message }) }),
    ),
  );
  ctx.print.success(`The ${scope.kind} version's stage was updated.`);
  return 0;
}

/** `px <kind>s transfer [-p] [-ver] -to PROJECT`. */
export async function transfer(ctx: CommandContext): Promise<number> {
  const to = stringOption(ctx.options, 'toProject');
  if (to === undefined || to === '') throw new CliError('Please provide the destination project with `-to/--to-project`.', { exitCode: 2 });
  const scope = await scopeOf(ctx);
  const version = versionName(ctx);
  await withProject(ctx, scope, (p) =>
    failing(`Could not transfer the ${scope.kind} version \`${versionFqn(scope.target, version)}\` to \`${to}\`.`, p.transferVersion(scope.kind, version, to)),
  );
  ctx.print.success(`The \`${scope.kind}\` version was transferred to \`${to}\`.`);
  return 0;
}

/** `px <kind>s pull [-p] [-ver | -a | -q/-l/-off] [--path] [--no-artifacts]`: one or many versions to `<path>/<kind>s/<name>`. */
export async function pull(ctx: CommandContext): Promise<number> {
  const scope = await scopeOf(ctx);
  const root = offlineRootOf(ctx, scope.resolved);
  const all = flagOption(ctx.options, 'allVersions');
  const params = listParams(ctx);
  const many = all || Object.keys(params).length > 0;
  const explicit = stringOption(ctx.options, 'version');
  if (!many && explicit === undefined) throw new CliError('Please provide a version name, or pass the flag `-a/--all-versions` to pull versions.');
  const downloadArtifacts = !flagOption(ctx.options, 'noArtifacts');
  let failed = 0;
  await withProject(ctx, scope, async (p) => {
    let names = [explicit!];
    if (many) {
      const page = await failing(`Could not get list of ${scope.kind} versions.`, p.listVersions(scope.kind, all ? { ...params, limit: 1000 } : params));
      names = page.results.map((v) => v.name).filter((n): n is string => typeof n === 'string');
      ctx.print.header(`Pulling ${scope.kind} versions (total: ${names.length}) ...`);
    }
    for (const [i, name] of names.entries()) {
      if (many) ctx.print.header(`Pulling version ${i + 1}/${names.length} ...`);
      const fqn = versionFqn(scope.target, name);
      ctx.print.header(`Pulling ${scope.kind} version \`${fqn}\` ...`);
      try {
        const path = await failing(`Could not pull the ${scope.kind} version \`${fqn}\`.`, p.pullVersion(scope.kind, name, { path: join(root, `${scope.kind}s`, name), downloadArtifacts }));
        ctx.print.success(`Finished pulling the ${scope.kind} version \`${fqn}\` to \`${path}\``);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        failed += 1;
        ctx.print.error(`Error: ${error.message}`);
        for (const detail of error.details) ctx.print.error(detail);
      }
    }
  });
  return failed > 0 ? 1 : 0;
}

/** `px <kind>s push [-p] [-ver | -a] [-c] [--path] [--reset-project] [--force]`: local version folders back to a project. */
export async function push(ctx: CommandContext): Promise<number> {
  const scope = await scopeOf(ctx);
  const base = join(offlineRootOf(ctx, scope.resolved), `${scope.kind}s`);
  const explicit = stringOption(ctx.options, 'version');
  let names: string[];
  if (flagOption(ctx.options, 'allVersions')) {
    const entries = await readdir(base, { withFileTypes: true }).catch(() => []);
    names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    if (names.length === 0) throw new CliError(`Could not push offline ${scope.kind} versions, the path \`${base}\` does not exist, is not a directory, or is empty.`);
    ctx.print.header(`Pushing local ${scope.kind} versions (total: ${names.length}) ...`);
  } else if (explicit !== undefined) {
    names = [explicit];
  } else {
    throw new CliError('Please provide a version name, or pass the flag `-a/--all-versions` to push versions.');
  }
  const { ProjectClient } = await import('@px/client');
  let failed = 0;
  await withApi(ctx, scope.resolved, async (api) => {
    for (const [i, name] of names.entries()) {
      if (names.length > 1) ctx.print.header(`Pushing ${scope.kind} version ${i + 1}/${names.length} ...`);
      const folder = join(base, name);
      const local = await ProjectClient.loadOfflineVersion(folder).catch(() => null);
      if (local === null) {
        failed += 1;
        ctx.print.error(`Error: Could not load offline version \`${name}\` from \`${folder}\`.`);
        continue;
      }
      const reset = flagOption(ctx.options, 'resetProject');
      const target: ProjectTarget = {
        owner: reset || !local.owner ? scope.target.owner : local.owner,
        project: reset || !local.project ? scope.target.project : local.project,
      };
      if (scope.kind === 'component' && !(await checkLocalComponent(ctx, folder, local.content))) {
        failed += 1;
        continue;
      }
      const fqn = versionFqn(target, name);
      ctx.print.header(`Pushing ${scope.kind} version \`${fqn}\` ...`);
      try {
        const project = new ProjectClient({ owner: target.owner, project: target.project, client: api.client });
        await failing(`Could not push the ${scope.kind} version \`${fqn}\``, project.pushVersion(scope.kind, name, { path: folder, force: flagOption(ctx.options, 'force'), clean: flagOption(ctx.options, 'clean') }));
        ctx.print.success(`Finished pushing the ${scope.kind} version \`${fqn}\` from \`${folder}\``);
      } catch (error) {
        if (!(error instanceof CliError) && !(error instanceof Error && error.name === 'PolyaxonClientException')) throw error;
        failed += 1;
        ctx.print.error(`Error: ${error.message}`);
        if (error instanceof CliError) for (const detail of error.details) ctx.print.error(detail);
      }
    }
  });
  return failed > 0 ? 1 : 0;
}

/** `px <kind>s dashboard [-p] [-ver] [-y] [--url]`. */
export async function dashboard(ctx: CommandContext): Promise<number> {
  const scope = await scopeOf(ctx);
  return openOrPrintUrl(ctx, versionUrl(scope.resolved.host.value, scope.target, scope.kind, versionName(ctx)), 'The dashboard is available at:');
}

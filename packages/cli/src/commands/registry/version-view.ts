import type { CommandContext } from '../../command-context';
import { renderKeyValues, renderTable } from '../../output/table';
import { toYaml } from '../../output/yaml';
import type { ProjectTarget } from '../../entity-resolution';
import type { RegistryKind } from './registry-specs';

/** A version record as the API returns it (snake_case keys). */
export type VersionRecord = Record<string, unknown>;

/** Columns of `ls`: upstream's list minus the fields it leaves out (uuid, description, content, meta_info, ...). */
export const LIST_COLUMNS = ['name', 'tags', 'created_at', 'updated_at', 'stage', 'kind', 'state'];

const DETAIL_HIDDEN = new Set(['content', 'meta_info', 'stage_conditions', 'readme']);

/** `owner/project:version`, as upstream names a version in messages. */
export function versionFqn(target: ProjectTarget, version: string): string {
  return `${target.owner}/${target.project}:${version}`;
}

/** The UI page of a version: `<host>/ui/<owner>/<project>/<kind>s/<version>/`. */
export function versionUrl(host: string, target: ProjectTarget, kind: RegistryKind, version: string): string {
  return `${host}/ui/${target.owner}/${target.project}/${kind}s/${version}/`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Prints a list of objects as a table whose columns are the union of their keys. */
function printObjects(ctx: CommandContext, items: readonly Record<string, unknown>[]): void {
  const columns = [...new Set(items.flatMap((i) => Object.keys(i)))];
  ctx.print.line(renderTable(columns, items.map((i) => columns.map((c) => i[c])), { color: ctx.io.color, maxWidth: ctx.io.stdout.columns }));
}

/**
 * Prints a parsed component's inputs and outputs (upstream's `get_specification_details`), or a warning when
 * the version has no content.
 */
export function printComponentIo(ctx: CommandContext, content: unknown): void {
  if (!isObject(content)) return;
  for (const key of ['inputs', 'outputs'] as const) {
    const io = content[key];
    if (Array.isArray(io) && io.length > 0) {
      ctx.print.header(`Component ${key}:`);
      printObjects(ctx, io.filter(isObject));
    }
  }
}

/**
 * Prints a version as upstream's `get_version_details` does: its info, meta info, linked artifacts lineage,
 * readme and content. The content is printed as YAML (`parsedContent` when the caller could parse it, else the
 * raw text).
 */
export function printVersion(ctx: CommandContext, version: VersionRecord, parsedContent: unknown): void {
  ctx.print.header('Version info:');
  ctx.print.line(renderKeyValues(Object.entries(version).filter(([k, v]) => !DETAIL_HIDDEN.has(k) && v !== null && v !== undefined), { upper: true }));
  const meta = isObject(version.meta_info) ? { ...version.meta_info } : {};
  const artifacts = meta.artifacts;
  const lineage = meta.lineage ?? artifacts;
  delete meta.artifacts;
  delete meta.lineage;
  if (Object.keys(meta).length > 0) {
    ctx.print.header('Version meta info:');
    ctx.print.line(renderKeyValues(Object.entries(meta), { upper: true }));
  }
  if (Array.isArray(lineage) && lineage.length > 0) {
    ctx.print.header('Version artifacts lineage:');
    ctx.print.line(JSON.stringify(lineage, null, 2));
  }
  if (typeof version.readme === 'string' && version.readme !== '') {
    ctx.print.header('Version readme:');
    ctx.print.line(version.readme);
  }
  if (version.content !== null && version.content !== undefined && version.content !== '') {
    if (version.kind === 'component') printComponentIo(ctx, parsedContent);
    ctx.print.header('Content:');
    ctx.io.stdout.write(parsedContent === undefined ? `${typeof version.content === 'string' ? version.content : JSON.stringify(version.content)}\n` : toYaml(parsedContent));
  } else if (version.kind === 'component') {
    ctx.print.warning('This component version does not have any polyaxonfile content!');
  }
}

/** Prints the stage history of a version (upstream's `get_version_stages_table`). */
export function printStages(ctx: CommandContext, stage: unknown, conditions: readonly Record<string, unknown>[]): void {
  if (conditions.length === 0) {
    ctx.print.line('No stage conditions.');
    return;
  }
  ctx.print.line(`Latest stage: ${String(stage)}`);
  printObjects(ctx, conditions);
}

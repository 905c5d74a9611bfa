import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandContext } from '../command-context';
import { contextOptions, resolveFor } from '../context-loader';
import { resolveRunTarget, runUrl } from '../entity-resolution';
import { CliError } from '../errors';
import { offlineRootOf, readOfflineRun, readOfflineRunOption, writeOfflineRun } from '../offline-runs';
import { openOrPrintUrl } from '../open-url';
import { emitData } from '../output/emit-data';
import { parseOutputFormat } from '../output/output-format';
import { flagOption, listOption, entityFieldsOption, stringOption } from '../option-values';
import { confirm } from '../prompt';
import { cellText } from '../output/table';
import { readOverrideContent } from '../spec-files';
import { withApi } from './with-api';

/** `px ops update [--uid] [-n] [--description] [--tags] [--offline [--path]]`. */
export async function update(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const body = entityFieldsOption(ctx.options);
  if (Object.keys(body).length === 0) {
    ctx.print.warning('No argument was provided to update the run.');
    return 0;
  }
  const resolved = await resolveFor(ctx);
  if (flagOption(ctx.options, 'offline')) {
    // the offline run's own file (`<root>/runs/<uuid>/run.plx.json`) is updated in place
    const run = { ...(await readOfflineRunOption(ctx, resolved)), ...body };
    const uuid = cellText(run.uuid);
    await writeOfflineRun(offlineRootOf(ctx, resolved), stringOption(ctx.options, 'uid') ?? uuid, run);
    if (await emitData(ctx, format, run)) return 0;
    ctx.print.success(`Run \`${uuid}\` was updated.`);
    return 0;
  }
  const target = await resolveRunTarget(ctx, resolved);
  const run = await withApi(ctx, resolved, (api) => api.updateRun(target.owner, target.project, target.uuid, body));
  if (await emitData(ctx, format, run)) return 0;
  ctx.print.success(`Run \`${target.uuid}\` was updated.`);
  return 0;
}

/** `px ops stop [--uid] [-y]`: asks first; declining exits 0 as upstream. */
export async function stop(ctx: CommandContext): Promise<number> {
  const { confirmedRunAction } = await import('./ops-actions');
  return confirmedRunAction(ctx, 'stop', { declined: 'Exiting without stopping run.', done: (uuid) => `Run \`${uuid}\` is being stopped ...` });
}

/** `px ops approve [--uid]`. */
export async function approve(ctx: CommandContext): Promise<number> {
  const { runAction } = await import('./ops-actions');
  return runAction(ctx, 'approve', 'approved');
}

async function rerun(ctx: CommandContext, action: 'restart' | 'resume'): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  const body = entityFieldsOption(ctx.options);
  const files = listOption(ctx.options, 'file');
  const recompile = flagOption(ctx.options, 'recompile');
  if (files.length > 0) body.content = await readOverrideContent(ctx, files, recompile);
  const meta: Record<string, unknown> = {};
  if (recompile) meta.recompile = true;
  const copyDirs = listOption(ctx.options, 'copyDir');
  const copyFiles = listOption(ctx.options, 'copyFile');
  const copy = action === 'restart' && (flagOption(ctx.options, 'copy') || copyDirs.length > 0 || copyFiles.length > 0);
  if (copyDirs.length > 0 || copyFiles.length > 0) {
    meta.copy_artifacts = {
      ...(copyDirs.length > 0 ? { dirs: copyDirs.map((d) => `${target.uuid}/${d}`) } : {}),
      ...(copyFiles.length > 0 ? { files: copyFiles.map((f) => `${target.uuid}/${f}`) } : {}),
    };
  }
  if (Object.keys(meta).length > 0) body.meta_info = meta;
  const run = await withApi(ctx, resolved, (api) => api.rerun(target.owner, target.project, target.uuid, copy ? 'copy' : action, body));
  if (await emitData(ctx, format, run)) return 0;
  const verb = action === 'resume' ? 'resumed' : copy ? 'copied' : 'restarted';
  ctx.print.success(`Run was ${verb} with uid ${cellText(run.uuid)}`);
  return 0;
}

/** `px ops restart [--uid] [-c] [--copy-dir] [--copy-file] [-f] [--recompile]`. */
export function restart(ctx: CommandContext): Promise<number> {
  return rerun(ctx, 'restart');
}

/** `px ops resume [--uid] [-f] [--recompile]`. */
export function resume(ctx: CommandContext): Promise<number> {
  return rerun(ctx, 'resume');
}

/** `px ops delete [--uid] [-y] [--offline]`: asks first; declining exits 1 as upstream. */
export async function remove(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const offline = flagOption(ctx.options, 'offline') || resolved.isOffline.value;
  const uuid = offline ? stringOption(ctx.options, 'uid') : (await resolveRunTarget(ctx, resolved)).uuid;
  if (uuid === undefined) throw new CliError('Please provide the offline run with `--uid`.');
  if (!flagOption(ctx.options, 'yes')) {
    const ok = await confirm(ctx.io.prompt, `Are sure you want to delete run \`${uuid}\``);
    if (ok !== true) throw new CliError('Exiting without deleting the run.');
  }
  if (offline) {
    const root = offlineRootOf(ctx, resolved);
    await readOfflineRun(root, uuid);
    await rm(join(root, 'runs', uuid), { recursive: true, force: true });
  } else {
    const target = await resolveRunTarget(ctx, resolved);
    await withApi(ctx, resolved, (api) => api.deleteRun(target.owner, target.project, target.uuid));
    const { readRunCache, purgeRunCache } = await import('@px/context');
    const cached = readRunCache(contextOptions(ctx));
    if (cached?.data.uuid === uuid) purgeRunCache(contextOptions(ctx), cached.visibility);
  }
  ctx.print.success(`Run \`${uuid}\` was deleted successfully`);
  return 0;
}

/** `px ops dashboard [--uid] [--url] [-y] [--offline [--path]]`: with `--offline`, the offline run's owner/project/uuid. */
export async function dashboard(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  if (flagOption(ctx.options, 'offline')) {
    const run = await readOfflineRunOption(ctx, resolved);
    const target = { owner: cellText(run.owner), project: cellText(run.project), uuid: cellText(run.uuid) };
    return openOrPrintUrl(ctx, runUrl(resolved.host.value, target), 'The run dashboard is available at:');
  }
  const target = await resolveRunTarget(ctx, resolved);
  return openOrPrintUrl(ctx, runUrl(resolved.host.value, target), 'The run dashboard is available at:');
}

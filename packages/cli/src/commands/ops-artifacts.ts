import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunClient } from '@px/client';
import type { ResolvedContext } from '@px/context';
import type { PxApi } from '../api';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveRunTarget, type RunTarget } from '../entity-resolution';
import { CliError } from '../errors';
import { createProgressBar } from '../output/progress';
import { flagOption, listOption, stringOption } from '../option-values';
import { withApi } from './with-api';

/** A `@px/client` RunClient for `target`, sharing the command's connection. */
export async function runClientFor(api: PxApi, target: RunTarget): Promise<RunClient> {
  const { RunClient } = await import('@px/client');
  return new RunClient({ owner: target.owner, project: target.project, runUuid: target.uuid, client: api.client });
}

function destination(pathTo: string | undefined): string {
  if (pathTo === undefined || pathTo === '/' || pathTo === '') return '';
  return pathTo.replace(/^\/+/, '');
}

/**
 * Uploads a file or a folder (honouring `.polyaxonignore`) to the artifacts
 * of a run under `to` (`/` or empty = the run's root), with a progress bar on
 * a terminal.
 */
export async function uploadPath(ctx: CommandContext, resolved: ResolvedContext, target: RunTarget, from: string, to: string | undefined): Promise<void> {
  const source = resolve(ctx.cwd, from);
  let isDir: boolean;
  try {
    isDir = (await stat(source)).isDirectory();
  } catch {
    throw new CliError(`The path to upload does not exist: ${source}`);
  }
  const bar = createProgressBar(ctx.io, 'Uploading');
  try {
    await withApi(ctx, resolved, async (api) => {
      const run = await runClientFor(api, target);
      const options = { path: destination(to), onProgress: bar.onProgress };
      if (isDir) await run.uploadArtifactsDir(source, { ...options, relativeTo: source });
      else await run.uploadArtifact(source, options);
    });
  } finally {
    bar.done();
  }
  ctx.print.success(`Files uploaded to run \`${target.uuid}\` (${destination(to) === '' ? '/' : destination(to)}).`);
}

/** `px ops upload [--uid] [--path-from] [--path-to] [--sync-failure]`. */
export async function upload(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  try {
    await uploadPath(ctx, resolved, target, stringOption(ctx.options, 'pathFrom') ?? ctx.cwd, stringOption(ctx.options, 'pathTo'));
  } catch (error) {
    if (flagOption(ctx.options, 'syncFailure')) {
      await withApi(ctx, resolved, async (api) => {
        const run = await runClientFor(api, target);
        await run.logFailed({ reason: 'CliUpload', message: 'Failed to upload the artifacts.' });
      });
    }
    throw error;
  }
  return 0;
}

/** `px ops artifacts [--uid] [-f FILE ...] [-d DIR ...] [--path-to] [--no-untar]`: downloads artifacts (everything when none is selected). */
export async function download(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  const rawTo = stringOption(ctx.options, 'pathTo');
  const pathTo = rawTo === undefined ? undefined : resolve(ctx.cwd, rawTo);
  const files = listOption(ctx.options, 'file');
  const dirs = listOption(ctx.options, 'dir');
  const untar = !flagOption(ctx.options, 'noUntar');
  const written: string[] = [];
  await withApi(ctx, resolved, async (api) => {
    const run = await runClientFor(api, target);
    const transfer = async (label: string, fn: (onProgress: ReturnType<typeof createProgressBar>['onProgress']) => Promise<string>): Promise<void> => {
      const bar = createProgressBar(ctx.io, label);
      try {
        written.push(await fn(bar.onProgress));
      } finally {
        bar.done();
      }
    };
    for (const file of files) await transfer(file, (onProgress) => run.downloadArtifact(file, { pathTo, untar, onProgress }));
    for (const dir of dirs) await transfer(dir, (onProgress) => run.downloadArtifacts(dir, { pathTo, onProgress }));
    if (files.length === 0 && dirs.length === 0) await transfer('artifacts', (onProgress) => run.downloadArtifacts('', { pathTo, onProgress }));
  });
  for (const path of written) ctx.print.success(`Downloaded: ${path}`);
  return 0;
}

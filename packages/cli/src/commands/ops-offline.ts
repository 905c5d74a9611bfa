import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveProjectTarget } from '../entity-resolution';
import { CliError } from '../errors';
import { createProgressBar } from '../output/progress';
import { flagOption, intOption, stringOption } from '../option-values';
import { errorLine } from '../print-error';
import { withApi } from './with-api';

function rootOf(ctx: CommandContext, fallback: string, key: 'pathFrom' | 'pathTo'): string {
  const explicit = stringOption(ctx.options, key);
  return explicit === undefined ? fallback : resolve(ctx.cwd, explicit);
}

/**
 * `px ops push [--uid | -a] [--no-artifacts] [-c] [--path-from] [--reset-project] [--reset-uuid] [-n]`: pushes offline
 * runs to the API. `--path-from` is the offline root, or one run folder holding `run.plx.json`.
 */
export async function push(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const root = rootOf(ctx, resolved.offlineRoot.value, 'pathFrom');
  // `--path-from` may name one run folder (with run.plx.json), as `end()` suggests after a timeout
  const single = stringOption(ctx.options, 'pathFrom') !== undefined && existsSync(join(root, 'run.plx.json'));
  const runsDir = single ? dirname(root) : join(root, 'runs');
  let uuids: string[];
  if (single) {
    uuids = [basename(root)];
  } else if (flagOption(ctx.options, 'allRuns')) {
    uuids = await readdir(runsDir).catch(() => []);
    if (uuids.length === 0) {
      ctx.print.warning(`No offline runs were found under ${runsDir}.`);
      return 0;
    }
  } else {
    const uid = stringOption(ctx.options, 'uid');
    if (uid === undefined) throw new CliError('Please provide the offline run to push with `--uid`, or push all runs with `-a/--all-runs`.');
    uuids = [uid];
  }
  const resetProject = flagOption(ctx.options, 'resetProject');
  const target = resetProject ? await resolveProjectTarget(ctx, resolved) : undefined;
  const name = stringOption(ctx.options, 'name');
  const failed: string[] = [];
  await withApi(ctx, resolved, async (api) => {
    const { RunClient } = await import('@px/client');
    const pushOne = async (uuid: string): Promise<void> => {
      if (!/^[A-Za-z0-9_-]+$/.test(uuid)) throw new CliError(`Received an invalid run uuid: \`${uuid}\`.`);
      const path = join(runsDir, uuid);
      const base = target === undefined ? undefined : new RunClient({ owner: target.owner, project: target.project, client: api.client, isOffline: true });
      const run = await RunClient.loadOfflineRun({
        path,
        client: api.client,
        raiseIfNotFound: true,
        ...(base === undefined ? {} : { runClient: base, resetProject: true }),
        ...(flagOption(ctx.options, 'resetUuid') ? { resetUuid: true } : {}),
        ...(name === undefined ? {} : { name }),
      });
      if (run === null) throw new CliError(`No offline run was found at ${path}.`);
      if (run.owner === undefined || run.project === undefined) {
        throw new CliError(`The offline run \`${uuid}\` has no project; push it with \`--reset-project -p owner/project\`.`);
      }
      const bar = createProgressBar(ctx.io, `Pushing ${uuid}`);
      try {
        await run.pushOfflineRun({ path, uploadArtifacts: !flagOption(ctx.options, 'noArtifacts'), clean: flagOption(ctx.options, 'clean'), onProgress: bar.onProgress });
      } finally {
        bar.done();
      }
      ctx.print.success(`Offline run \`${uuid}\` was pushed to ${run.owner}/${run.project} as \`${run.runUuid ?? uuid}\`.`);
    };
    if (uuids.length === 1) {
      await pushOne(uuids[0]!);
      return;
    }
    // Every run is tried, as upstream does; each failure is reported and the exit code says that some failed.
    ctx.print.header(`Pushing offline runs (total: ${uuids.length}) ...`);
    for (const [i, uuid] of uuids.entries()) {
      ctx.print.header(`Pushing run ${i + 1}/${uuids.length} ...`);
      try {
        await pushOne(uuid);
      } catch (error) {
        failed.push(uuid);
        ctx.print.error(`Error: Could not push offline run \`${uuid}\`: ${errorLine(error).replace(/^Error: /, '')}`);
      }
    }
  });
  if (failed.length > 0) {
    ctx.print.error(`${failed.length} of ${uuids.length} offline runs could not be pushed: ${failed.map((uuid) => `\`${uuid}\``).join(', ')}.`);
    return 1;
  }
  return 0;
}

/** `px ops pull [--uid | -a [-q] [-l] [-off]] [--no-artifacts] [--path-to]`: pulls remote runs into the offline root. */
export async function pull(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveProjectTarget(ctx, resolved);
  const root = rootOf(ctx, resolved.offlineRoot.value, 'pathTo');
  await withApi(ctx, resolved, async (api) => {
    let uuids: string[];
    if (flagOption(ctx.options, 'allRuns')) {
      const page = await api.listRuns(target.owner, target.project, {
        query: stringOption(ctx.options, 'query'),
        limit: intOption(ctx.options, 'limit', '--limit'),
        offset: intOption(ctx.options, 'offset', '--offset'),
      });
      uuids = (page.results ?? []).map((r) => String(r.uuid));
    } else {
      const uid = stringOption(ctx.options, 'uid');
      if (uid === undefined) throw new CliError('Please provide the run to pull with `--uid`, or pull all runs with `-a/--all-runs`.');
      uuids = [uid];
    }
    const { RunClient } = await import('@px/client');
    for (const uuid of uuids) {
      const run = new RunClient({ owner: target.owner, project: target.project, runUuid: uuid, client: api.client });
      const path = await run.pullRemoteRun({ path: join(root, 'runs', uuid), downloadArtifacts: false });
      if (!flagOption(ctx.options, 'noArtifacts')) {
        const bar = createProgressBar(ctx.io, `Pulling ${uuid}`);
        try {
          await run.downloadArtifacts('', { extractPath: path, onProgress: bar.onProgress });
        } catch (error) {
          if ((error as { status?: unknown }).status !== 404) throw error;
          ctx.print.warning(`Run \`${uuid}\` has no artifacts to download.`);
        } finally {
          bar.done();
        }
      }
      ctx.print.success(`Run \`${uuid}\` was pulled to ${path}`);
    }
  });
  return 0;
}

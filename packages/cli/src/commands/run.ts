import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { cacheRun, resolveProjectTarget, runUrl } from '../entity-resolution';
import { CliError } from '../errors';
import { cellText } from '../output/table';
import { parseOutputFormat } from '../output/output-format';
import { flagOption, intOption, listOption, parseTags, stringOption } from '../option-values';
import { specFiles, specSources } from '../spec-files';
import type { withApi as WithApi } from './with-api';

/** `withApi`, loaded on first use: `px run --local --offline` talks to no server. */
async function withApi<T>(...args: Parameters<typeof WithApi<T>>): Promise<T> {
  return (await import('./with-api')).withApi(...args);
}

/** Where a mount (`./src:dest`, `./src`, or `{from, to}` in the Polyaxonfile) uploads from and to. */
function resolveMount(mount: unknown): { from: string; to: string } | undefined {
  if (typeof mount === 'string') {
    const at = mount.indexOf(':');
    return at < 0 ? { from: mount, to: 'uploads' } : { from: mount.slice(0, at), to: mount.slice(at + 1) || 'uploads' };
  }
  if (typeof mount !== 'object' || mount === null) return undefined;
  const { from, to } = mount as { from?: unknown; to?: unknown };
  return typeof from === 'string' ? { from, to: typeof to === 'string' && to !== '' ? to : 'uploads' } : undefined;
}

/**
 * `px run -f FILE [-P k=v ...] [-HP name=kind:value ...] [-p project] [-n name] [-u] [-m src:dest] [-w] [-l] ...`:
 * builds the operation locally, creates the run, then optionally uploads the working directory and mounts,
 * approves, watches statuses or streams logs.
 */
export async function run(ctx: CommandContext): Promise<number> {
  const o = ctx.options;
  const format = parseOutputFormat(stringOption(o, 'output'));
  if (flagOption(o, 'log') && flagOption(o, 'shell')) {
    throw new CliError("You can't use `--logs` and `--shell` at the same time, please use only one of them.");
  }
  if (flagOption(o, 'shell')) throw new CliError('`--shell` is not supported by px.');
  if (stringOption(o, 'pythonModule') !== undefined) throw new CliError('Python modules (`-pm`) are not supported by px; pass a YAML or JSON Polyaxonfile with `-f`.');
  const cache = stringOption(o, 'cache');
  const nocache = flagOption(o, 'nocache');
  if (cache !== undefined && nocache) throw new CliError("You can't use `--cache` and `--nocache` at the same time.");
  if (nocache) ctx.print.warning('The `--nocache` option is deprecated, please use `--cache=false`.');
  const uploadFrom = stringOption(o, 'uploadFrom');
  const uploadTo = stringOption(o, 'uploadTo');
  const upload = flagOption(o, 'upload') || uploadFrom !== undefined || uploadTo !== undefined;
  const url = stringOption(o, 'url');
  const hub = stringOption(o, 'hub');
  const files = url === undefined && hub === undefined ? specFiles(ctx, listOption(o, 'file')) : listOption(o, 'file').map((f) => f);
  if (files.length === 0 && url === undefined && hub === undefined) {
    throw new CliError('Please pass a valid polyaxonfile with `-f`, a url or a hub component (no polyaxonfile.yaml found in the current directory).');
  }
  const tags = parseTags(stringOption(o, 'tags'));
  const resolved = await resolveFor(ctx);
  const local = flagOption(o, 'local');
  const target = local ? undefined : await resolveProjectTarget(ctx, resolved);

  const pf = await import('@px/polyaxonfile/node');
  const presets = stringOption(o, 'presets')
    ?.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const approved = stringOption(o, 'approved');
  const queue = stringOption(o, 'queue');
  const namespace = stringOption(o, 'namespace');
  const hparams = listOption(o, 'hparam');
  const matrixKind = stringOption(o, 'matrixKind');
  const matrixConcurrency = intOption(o, 'matrixConcurrency', '--matrix-concurrency');
  const matrixNumRuns = intOption(o, 'matrixNumRuns', '--matrix-num-runs');
  const approveAfter = intOption(o, 'approveAfter', '-aa / --approve-after');
  const gitRevision = stringOption(o, 'gitRevision');
  let gitInit: Record<string, unknown> | undefined;
  if (flagOption(o, 'gitPreset') || gitRevision !== undefined) {
    const { gitInitPreset } = await import('../git-preset');
    gitInit = await gitInitPreset(ctx, gitRevision);
  }
  const sources = await specSources(files);
  const check = (fetchText?: (target: string) => Promise<string>): ReturnType<typeof pf.checkPolyaxonfile> => pf.checkPolyaxonfile({
    polyaxonfile: sources,
    ...(fetchText === undefined ? {} : { fetchText }),
    timeout: resolved.timeout.value,
    ...(url === undefined ? {} : { url }),
    ...(hub === undefined ? {} : { hub, hubHost: resolved.host.value }),
    params: listOption(o, 'param'),
    ...(hparams.length === 0 ? {} : { hparams }),
    ...(matrixKind === undefined ? {} : { matrixKind }),
    ...(matrixConcurrency === undefined ? {} : { matrixConcurrency }),
    ...(matrixNumRuns === undefined ? {} : { matrixNumRuns }),
    ...(gitInit === undefined ? {} : { gitInit }),
    ...(presets === undefined || presets.length === 0 ? {} : { presets }),
    ...(queue === undefined ? {} : { queue }),
    ...(namespace === undefined ? {} : { namespace }),
    ...(cache === undefined ? {} : { cache }),
    ...(nocache ? { nocache: true } : {}),
    ...(approved === undefined ? {} : { approved }),
    toOp: true,
    ignoreTemplate: flagOption(o, 'ignoreTemplate'),
    onWarning: (message) => ctx.print.warning(message),
  });
  // Remote specs are read as upstream does (hub components on the host with the user's token), all through one
  // API client (a hub DAG may fetch several).
  const op = url === undefined && hub === undefined ? await check() : await withApi(ctx, resolved, async (api) => {
    const { specFetcher } = await import('@px/client');
    return check(specFetcher(api.client).fetchText);
  });
  const spec = pf.toDict(op);
  const cliMounts = listOption(o, 'mount');
  if (cliMounts.length > 0) spec.mount = [...(Array.isArray(spec.mount) ? (spec.mount as unknown[]) : []), ...cliMounts];
  const mounts = (Array.isArray(spec.mount) ? (spec.mount as unknown[]) : []).map(resolveMount).filter((m) => m !== undefined);
  const uploading = upload || mounts.length > 0;
  const template = spec.template as { enabled?: unknown } | undefined;
  if (template !== undefined && template !== null && template.enabled !== false && !flagOption(o, 'ignoreTemplate')) {
    throw new CliError('Please customize the specification or disable the template!');
  }
  if (local) {
    const { runLocalCommand } = await import('../local/local-command');
    return runLocalCommand(ctx, resolved, spec);
  }
  if (target === undefined) throw new CliError('Please provide a valid project or initialize a project in the current path.');

  const body: Record<string, unknown> = {};
  const name = stringOption(o, 'name');
  if (name !== undefined) body.name = name;
  const description = stringOption(o, 'description');
  if (description !== undefined) body.description = description;
  if (tags !== undefined) body.tags = tags;
  body.content = JSON.stringify(spec);
  body.managed_by = 'agent';
  if (upload) body.meta_info = { upload_artifacts: uploadTo ?? 'uploads' };
  if (uploading) body.pending = 'upload';
  if (format.kind === 'table') ctx.print.line('Creating a new run...');
  const created = await withApi(ctx, resolved, async (api) => {
    try {
      return await api.createRun(target.owner, target.project, body);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      throw new CliError(
        `Could not create a run.${status === 404 ? ' Make sure you have a project initialized in your current workdir, otherwise you need to pass a project with `-p/--project`.' : ''}`,
        { cause: error, details: [String(error instanceof Error ? error.message : error)] },
      );
    }
  });
  const uuid = cellText(created.uuid);
  const runTarget = { ...target, uuid };
  await cacheRun(ctx, target, created);
  if (await (await import('../output/emit-data')).emitData(ctx, format, { ...created, url: runUrl(resolved.host.value, runTarget) })) return 0;
  ctx.print.success(`A new run was created: ${target.owner}/${target.project}:${cellText(created.name ?? uuid)}@${uuid}`);
  ctx.print.line(`You can view this run on Polyaxon UI: ${runUrl(resolved.host.value, runTarget)}`);

  if (uploading) {
    const { uploadPath } = await import('./ops-artifacts');
    if (upload) await uploadPath(ctx, resolved, runTarget, uploadFrom ?? ctx.cwd, uploadTo ?? 'uploads');
    for (const mount of mounts) await uploadPath(ctx, resolved, runTarget, mount.from, mount.to);
    if (approveAfter !== undefined && approveAfter > 0) {
      ctx.print.line(`Waiting ${approveAfter}s to approve the run...`);
      await new Promise((done) => setTimeout(done, approveAfter * 1000));
    }
    await withApi(ctx, resolved, (api) => api.runAction(target.owner, target.project, uuid, 'approve'));
  }
  const childOptions = { ...ctx.options, uid: uuid, project: `${target.owner}/${target.project}` };
  if (flagOption(o, 'watch')) {
    const { statuses } = await import('./ops-read');
    await statuses({ ...ctx, options: { ...childOptions, watch: true, output: undefined } });
  }
  if (flagOption(o, 'log')) {
    const { logs } = await import('./ops-logs');
    await logs({ ...ctx, options: { ...childOptions, follow: true } });
  }
  return 0;
}

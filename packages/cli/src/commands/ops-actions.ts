import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveRunTarget, type RunTarget } from '../entity-resolution';
import { CliError, UsageError } from '../errors';
import { openOrPrintUrl } from '../open-url';
import { flagOption, stringOption } from '../option-values';
import { confirm } from '../prompt';
import { isDone } from '../run-format';
import { cellText } from '../output/table';
import { withApi } from './with-api';

/**
 * A run action that asks first (skipped with `-y`): declining prints
 * `declined` and exits 0, as upstream's `ops stop` and `ops skip`.
 */
export async function confirmedRunAction(ctx: CommandContext, action: 'stop' | 'skip', words: { readonly declined: string; readonly done: (uuid: string) => string }): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  if (!flagOption(ctx.options, 'yes')) {
    const ok = await confirm(ctx.io.prompt, `Are sure you want to ${action} run \`${target.uuid}\``);
    if (ok !== true) {
      ctx.print.line(words.declined);
      return 0;
    }
  }
  await withApi(ctx, resolved, (api) => api.runAction(target.owner, target.project, target.uuid, action));
  ctx.print.success(words.done(target.uuid));
  return 0;
}

/** `px ops skip [--uid] [-y]`: asks first; declining exits 0 as upstream. */
export function skip(ctx: CommandContext): Promise<number> {
  return confirmedRunAction(ctx, 'skip', { declined: 'Exiting without skipping run.', done: (uuid) => `Run \`${uuid}\` is skipped.` });
}

/**
 * Posts `action` for the command's run (no confirmation) and says that the run was `done`
 * (`ops approve`, `ops invalidate`).
 */
export async function runAction(ctx: CommandContext, action: 'approve' | 'invalidate', done: string): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  await withApi(ctx, resolved, (api) => api.runAction(target.owner, target.project, target.uuid, action));
  ctx.print.success(`Run \`${target.uuid}\` was ${done}`);
  return 0;
}

/** `px ops invalidate [--uid]`: drops the run's cache state. */
export function invalidate(ctx: CommandContext): Promise<number> {
  return runAction(ctx, 'invalidate', 'invalidated');
}

/** `px ops transfer [--uid] -to PROJECT`: moves the run to another project of the same owner. */
export async function transfer(ctx: CommandContext): Promise<number> {
  const to = stringOption(ctx.options, 'toProject')?.trim();
  if (to === undefined || to === '') throw new UsageError("Missing option '-to' / '--to-project': the project to transfer the run to.");
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  await withApi(ctx, resolved, (api) => api.transferRun(target.owner, target.project, target.uuid, to));
  ctx.print.success(`Run \`${target.uuid}\` was transferred.`);
  return 0;
}

function namespaceOf(run: Record<string, unknown>): string {
  const settings = (run.settings as Record<string, unknown> | null | undefined) ?? {};
  return typeof settings.namespace === 'string' && settings.namespace !== '' ? settings.namespace : 'polyaxon';
}

/** `px ops inspect [--uid]`: prints the Kubernetes details of the run (JSON), as the streams service reports them. */
export async function inspect(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  const details = await withApi(ctx, resolved, async (api) => {
    const run = await api.getRun(target.owner, target.project, target.uuid);
    return api.inspectRun(target.owner, target.project, target.uuid, { namespace: namespaceOf(run), status: typeof run.status === 'string' ? run.status : undefined });
  });
  ctx.io.stdout.write(`${JSON.stringify(details ?? {}, null, 2)}\n`);
  return 0;
}

const RUNNING = 'running';

/**
 * The service urls of a run, as upstream builds them: the page embedded in
 * the UI and the service itself (`/services/v1/...`, `/external/v1/...` when
 * the run is external, `rewrite-` variants when the path is rewritten), on
 * the run's first port when its agent is 2.0 or newer, else port 80.
 */
export function serviceUrls(host: string, target: RunTarget, run: Record<string, unknown>): { readonly dashboard: string; readonly external: string } {
  const meta = (run.meta_info as Record<string, unknown> | null | undefined) ?? {};
  const settings = (run.settings as Record<string, unknown> | null | undefined) ?? {};
  const agent = settings.agent as { version?: unknown } | null | undefined;
  const external = meta.is_external === true;
  const base = meta.rewrite_path === true ? (external ? 'rewrite-external/v1' : 'rewrite-services/v1') : external ? 'external/v1' : 'services/v1';
  let port: number | undefined = 80;
  if (agent !== null && agent !== undefined) {
    const version = typeof agent.version === 'string' ? agent.version : undefined;
    const ports = Array.isArray(meta.ports) ? (meta.ports as unknown[]) : [];
    if (version !== undefined && Number.parseInt(version.split('.')[0] ?? '0', 10) >= 2) port = typeof ports[0] === 'number' ? ports[0] : 80;
    else port = undefined;
  }
  const root = host.replace(/\/+$/, '');
  const subpath = `${namespaceOf(run)}/${target.owner}/${target.project}/runs/${target.uuid}/${port === undefined ? '' : `${port}/`}`;
  return { dashboard: `${root}/ui/${target.owner}/${target.project}/runs/${target.uuid}/service/`, external: `${root}/${base}/${subpath}` };
}

/**
 * `px ops service [--uid] [--external] [--url] [-y]`: waits until the
 * service runs, then opens it (or prints both urls with `--url`).
 */
export async function service(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  const interval = Math.max(0.05, resolved.watchInterval.value) * 1000;
  const run = await withApi(ctx, resolved, async (api) => {
    let current = await api.getRun(target.owner, target.project, target.uuid);
    if (current.kind !== 'service') {
      throw new CliError(`Command expected an operation of kind \`service\` received kind: \`${cellText(current.kind)}\`!`);
    }
    while (current.status !== RUNNING && !isDone(cellText(current.status))) {
      if (ctx.io.progress) ctx.io.stderr.write('Waiting for running condition ...\r');
      await new Promise((r) => setTimeout(r, interval));
      current = await api.getRun(target.owner, target.project, target.uuid);
    }
    return current;
  });
  if (run.status !== RUNNING) {
    ctx.print.line(`The operation has reached a final status: ${cellText(run.status)}.`);
    return 0;
  }
  const urls = serviceUrls(resolved.host.value, target, run);
  if (flagOption(ctx.options, 'url')) {
    ctx.print.header(`The service will be available at: ${urls.dashboard}`);
    ctx.print.header(`You can also view it in an external link at: ${urls.external}`);
    return 0;
  }
  const external = flagOption(ctx.options, 'external');
  return openOrPrintUrl(ctx, external ? urls.external : urls.dashboard, external ? 'The service is available at:' : 'The service dashboard is available at:');
}

import type { ResolvedContext } from '@px/context';
import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveRunTarget } from '../entity-resolution';
import { CliError } from '../errors';
import { flagOption, stringOption } from '../option-values';
import { cellText } from '../output/table';
import { formatTime, isDone } from '../run-format';
import { withApi } from './with-api';

interface LogLine {
  readonly timestamp?: string | null;
  readonly node?: string | null;
  readonly pod?: string | null;
  readonly container?: string | null;
  readonly value?: string | null;
}

function formatLine(line: LogLine, hideTime: boolean, allInfo: boolean): string {
  const parts: string[] = [];
  if (allInfo) parts.push([line.node, line.pod, line.container].filter((x) => x !== undefined && x !== null && x !== '').join('/'));
  if (!hideTime && typeof line.timestamp === 'string') parts.push(formatTime(line.timestamp));
  parts.push(line.value ?? '');
  return parts.filter((p) => p !== '').join(' | ');
}

/** `px ops logs --offline --uid UUID`: the logs saved in an offline run's `plxlogs/` files (by `px run --local`). */
async function offlineLogs(ctx: CommandContext, resolved: ResolvedContext): Promise<number> {
  const fs = process.getBuiltinModule('node:fs/promises');
  const path = process.getBuiltinModule('node:path');
  const { offlineRootOf, readOfflineRunOption } = await import('../offline-runs');
  const run = await readOfflineRunOption(ctx, resolved);
  const dir = path.join(offlineRootOf(ctx, resolved), 'runs', cellText(run.uuid), 'plxlogs');
  const files = (await fs.readdir(dir).catch(() => [] as string[])).sort();
  if (files.length === 0) {
    ctx.print.warning(`The offline run \`${cellText(run.uuid)}\` has no logs.`);
    return 0;
  }
  const hideTime = flagOption(ctx.options, 'hideTime');
  const allInfo = flagOption(ctx.options, 'allInfo');
  const jsonLines = stringOption(ctx.options, 'output') === 'json';
  for (const file of files) {
    let lines: LogLine[];
    try {
      const parsed = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as { logs?: unknown };
      lines = Array.isArray(parsed.logs) ? (parsed.logs as LogLine[]) : [];
    } catch (error) {
      throw new CliError(`The log file ${path.join(dir, file)} is not valid: ${(error as Error).message}`);
    }
    ctx.io.stdout.write(lines.map((line) => `${jsonLines ? JSON.stringify(line) : formatLine(line, hideTime, allInfo)}\n`).join(''));
  }
  return 0;
}

/** `px ops logs [--uid] [-f | -nf] [-h] [-a] [-o json]`: prints the logs of a run, following them until it is done by default. */
export async function logs(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  if (flagOption(ctx.options, 'offline')) return offlineLogs(ctx, resolved);
  const target = await resolveRunTarget(ctx, resolved);
  const follow = !flagOption(ctx.options, 'noFollow');
  const hideTime = flagOption(ctx.options, 'hideTime');
  const allInfo = flagOption(ctx.options, 'allInfo');
  // `-o json`: one JSON object per log line (JSON lines), nothing else on stdout
  const jsonLines = stringOption(ctx.options, 'output') === 'json';
  const interval = Math.max(0.05, resolved.watchInterval.value) * 1000;
  return withApi(ctx, resolved, async (api) => {
    let run = await api.getRun(target.owner, target.project, target.uuid);
    const settings = (run.settings as Record<string, unknown> | null | undefined) ?? {};
    const namespace = typeof settings.namespace === 'string' ? settings.namespace : 'polyaxon';
    const store = settings.artifacts_store as { name?: unknown } | null | undefined;
    const connection = typeof store?.name === 'string' ? store.name : undefined;
    const kind = typeof run.kind === 'string' ? run.kind : undefined;
    let lastFile: string | undefined;
    let lastTime: string | undefined;
    for (;;) {
      const page = await api.getLogs(target.owner, target.project, target.uuid, {
        namespace,
        ...(kind === undefined ? {} : { kind }),
        ...(lastFile === undefined ? {} : { lastFile }),
        ...(lastTime === undefined ? {} : { lastTime }),
        ...(connection === undefined ? {} : { connection }),
      });
      const lines = (page.logs as LogLine[] | null | undefined) ?? [];
      for (const line of lines) ctx.print.line(jsonLines ? JSON.stringify(line) : formatLine(line, hideTime, allInfo));
      const before = `${lastFile ?? ''}|${lastTime ?? ''}`;
      if (typeof page.last_file === 'string') lastFile = page.last_file;
      if (typeof page.last_time === 'string') lastTime = page.last_time;
      // keep paging while the server moves forward; an unchanged cursor means this page was the last one
      if (lines.length > 0 && `${lastFile ?? ''}|${lastTime ?? ''}` !== before) continue;
      if (!follow || isDone(typeof run.status === 'string' ? run.status : undefined)) return 0;
      await new Promise((r) => setTimeout(r, interval));
      run = await api.getRun(target.owner, target.project, target.uuid);
    }
  });
}

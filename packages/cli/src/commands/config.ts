import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClientConfigData } from '@px/context';
import type { CommandContext } from '../command-context';
import { contextOptions, resolveFor } from '../context-loader';
import { CliError, UsageError } from '../errors';
import { emitData } from '../output/emit-data';
import { parseOutputFormat } from '../output/output-format';
import { renderKeyValues, renderTable } from '../output/table';
import { boolValueOption, flagOption, stringOption } from '../option-values';
import { VERSION } from '../version';

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `px config show`: every effective value with the source it came from, then the CLI and user configs. */
export async function show(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const resolved = await resolveFor(ctx);
  const { readCliConfigFile, readUserFile, readHomeFile, formatContext } = await import('@px/context');
  const options = contextOptions(ctx);
  const cli = readCliConfigFile(options);
  const user = readUserFile(options);
  const home = readHomeFile(options);
  const rows = formatContext(resolved);
  const context: Record<string, { value: string; source: string; origin: string }> = {};
  for (const row of rows) context[row.key] = { value: row.value, source: row.source, origin: row.origin };
  const data = { home: home ?? null, context, cli: cli ?? null, user: user ?? null };
  if (await emitData(ctx, format, data)) return 0;

  const p = ctx.print;
  p.header('In addition to environment variables, global configs will be loaded from:');
  p.line(renderKeyValues([['POLYAXON_HOME', home ?? resolved.configDir.value]]));
  p.line('');
  p.header('Effective configuration (value, source, origin):');
  p.line(
    renderTable(
      ['key', 'value', 'source', 'origin'],
      rows.map((r) => [snake(r.key), r.value, r.source, r.origin]),
      { color: ctx.io.color, maxWidth: ctx.io.stdout.columns },
    ),
  );
  p.line('');
  p.header('CLI config:');
  if (cli?.currentVersion !== undefined) p.line(`Version ${cli.currentVersion}`);
  else p.line('This cli is not configured.');
  if (cli?.installation !== undefined) {
    p.header('Platform config:');
    const entries = Object.entries(cli.installation).filter(([k]) => !['hmac', 'auth', 'host'].includes(k));
    p.line(renderKeyValues(entries, { upper: true }));
  } else {
    p.line('This cli is not connected to a Polyaxon Host.');
  }
  p.line('');
  p.header('User config:');
  if (user !== undefined) {
    p.line(renderKeyValues(Object.entries(user).filter(([k]) => k !== 'theme'), { upper: true }));
  }
  return 0;
}

/** `px config get KEYS...`: prints the requested keys of the home, client and CLI configs. */
export async function get(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  if (ctx.args.length === 0) return 0;
  const resolved = await resolveFor(ctx);
  const { readCliConfigFile, readHomeFile, formatContext } = await import('@px/context');
  const options = contextOptions(ctx);
  const values = new Map(formatContext(resolved).map((row) => [row.key, row.value] as const));
  const found: [string, unknown][] = [];
  const missing: string[] = [];
  const cli = readCliConfigFile(options) as Record<string, unknown> | undefined;
  for (const raw of new Set(ctx.args)) {
    const key = raw.replace(/-/g, '_');
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (key === 'home') {
      found.push(['home', readHomeFile(options) ?? null]);
    } else if (values.has(camel)) {
      found.push([key, values.get(camel)]);
    } else if (cli !== undefined && camel in cli) {
      found.push([key, cli[camel]]);
    } else {
      missing.push(raw);
    }
  }
  const notFound = `The following keys \`${missing.join(', ')}\` were not found in any configuration.`;
  if (await emitData(ctx, format, Object.fromEntries(found))) {
    // machine output stays parseable: the missing keys are reported on stderr
    if (missing.length > 0) ctx.print.warning(notFound);
    return 0;
  }
  if (found.length > 0) ctx.print.line(renderKeyValues(found));
  if (missing.length > 0) ctx.print.line(notFound);
  return 0;
}

/** `px config set --host ... --verify-ssl ... --home ... --owner ...`: updates the global config files. */
export async function set(ctx: CommandContext): Promise<number> {
  const o = ctx.options;
  const debug = boolValueOption(o, 'debug', '--debug');
  const noApi = boolValueOption(o, 'noApi', '--no-api');
  const verifySsl = boolValueOption(o, 'verifySsl', '--verify-ssl');
  const disableErrorsReporting = boolValueOption(o, 'disableErrorsReporting', '--disable-errors-reporting');
  const host = stringOption(o, 'host');
  const home = stringOption(o, 'home');
  const owner = stringOption(o, 'owner');
  const noPurge = flagOption(o, 'noPurge');
  const ctxOptions = contextOptions(ctx);
  const api = await import('@px/context');
  let cleanHost: string | undefined;
  if (host !== undefined) {
    // refused before anything is saved: a bad host would break every later command
    try {
      cleanHost = api.validateHost(host, '--host');
    } catch (error) {
      throw new UsageError((error as Error).message, { cause: error });
    }
  }

  if (home !== undefined) {
    const path = home === '' ? '' : resolve(ctx.cwd, home);
    if (path !== '') {
      try {
        mkdirSync(path, { recursive: true });
      } catch (error) {
        throw new CliError(`Couldn't create path configuration at ${path}. Please make sure that the path is accessible or manually create it.`, { cause: error });
      }
      api.writeHomeFile(path, ctxOptions);
    } else {
      api.purgeHomeFile(ctxOptions);
    }
  }
  if (owner !== undefined && owner !== '') {
    if (owner.split('/').length > 2) throw new CliError('Invalid owner format, please provide a valid owner.');
    const user = api.readUserFile(ctxOptions) ?? {};
    api.writeUserFile({ ...user, organization: owner }, ctxOptions);
  }

  const updates: ClientConfigData = {};
  if (cleanHost !== undefined) updates.host = cleanHost;
  if (debug !== undefined) updates.debug = debug;
  if (noApi !== undefined) updates.noApi = noApi;
  if (verifySsl !== undefined) updates.verifySsl = verifySsl;
  if (disableErrorsReporting !== undefined) updates.disableErrorsReporting = disableErrorsReporting;
  const existing = api.readClientConfigFile(ctxOptions);
  if (Object.keys(updates).length > 0 || existing !== undefined) {
    api.writeClientConfigFile({ ...existing, ...updates }, ctxOptions);
  }
  ctx.print.success('Config was updated.');
  api.purgeCliConfigFile(ctxOptions);
  if (host !== undefined && !noPurge) {
    api.purgeAuthFile(ctxOptions);
    api.purgeUserFile(ctxOptions);
    await refreshInstallation(ctx);
  }
  return 0;
}

/**
 * Fetches the server's installation (`GET /api/v1/installation`) and stores it
 * in `.cli`, as upstream does after the host changes. Failure is not fatal.
 */
export async function refreshInstallation(ctx: CommandContext): Promise<Record<string, unknown> | undefined> {
  const api = await import('@px/context');
  try {
    const { createApi } = await import('../api');
    const client = await createApi(ctx);
    const installation = await client.installation();
    api.writeCliConfigFile(
      { lastCheck: new Date().toISOString().replace('Z', '+00:00'), currentVersion: VERSION, installation, compatibility: {}, logHandler: {} },
      contextOptions(ctx),
    );
    return installation;
  } catch (error) {
    ctx.print.warning(`Could not connect to remote server to fetch its installation: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** `px config purge [--cache-only]`: deletes the global config files (or only the cached project and run). */
export async function purge(ctx: CommandContext): Promise<number> {
  const { purgeConfig } = await import('@px/context');
  purgeConfig(contextOptions(ctx), { cacheOnly: flagOption(ctx.options, 'cacheOnly') });
  ctx.print.success('Configs was removed.');
  return 0;
}

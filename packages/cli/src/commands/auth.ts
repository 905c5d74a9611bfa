import type { CommandContext } from '../command-context';
import { contextOptions, resolveFor } from '../context-loader';
import { CliError } from '../errors';
import { emitData } from '../output/emit-data';
import { parseOutputFormat } from '../output/output-format';
import { renderKeyValues } from '../output/table';
import { stringOption } from '../option-values';
import { apiErrorSummary } from '../print-error';
import { registerSecret } from '../redact';

const CE_REFUSAL = 'You are running Polyaxon CE which does not support this command!';

async function refuseOnCommunity(ctx: CommandContext): Promise<void> {
  const { readCliConfigFile, isCommunity } = await import('@px/context');
  const cli = readCliConfigFile(contextOptions(ctx));
  // upstream refuses on a missing `.cli` too; px only refuses when the stored installation says CE
  if (cli?.installation !== undefined && isCommunity(cli)) throw new CliError(CE_REFUSAL);
}

function printUser(ctx: CommandContext, user: Record<string, unknown>): void {
  ctx.print.header('User info:');
  const entries = Object.entries(user).filter(([k, v]) => !['role', 'theme'].includes(k) && v !== null && v !== undefined);
  ctx.print.line(renderKeyValues(entries, { upper: true }));
}

function userData(user: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of ['username', 'email', 'name', 'kind', 'theme', 'organization']) {
    const value = user[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}

/** A string option's value; an empty one counts as not given, as upstream's truthiness checks. */
function givenOption(ctx: CommandContext, key: string): string | undefined {
  const value = stringOption(ctx.options, key);
  return value === '' ? undefined : value;
}

/** `px login [-t TOKEN | -u USER [-p PASSWORD]]`: stores the token and the user, as `polyaxon login`. */
export async function login(ctx: CommandContext): Promise<number> {
  await refuseOnCommunity(ctx);
  let token = givenOption(ctx, 'token');
  const username = givenOption(ctx, 'username');
  let password = givenOption(ctx, 'password');
  const resolved = await resolveFor(ctx);
  const { createApi } = await import('../api');
  const context = await import('@px/context');
  const options = contextOptions(ctx);

  if (username !== undefined && token === undefined) {
    if (password === undefined) {
      password = (await ctx.io.prompt('Please enter your password: ', { hidden: true }))?.trim();
      if (password === undefined || password === '') throw new CliError('You entered an empty string. Please make sure you enter your password correctly.');
    }
    registerSecret(password);
    const api = await createApi(ctx, resolved);
    try {
      token = await api.loginWithPassword(username, password);
    } catch (error) {
      context.purgeAuthFile(options);
      context.purgeUserFile(options);
      context.purgeCliConfigFile(options);
      throw new CliError(`Could not login. ${errorText(error)}`, { cause: error });
    } finally {
      await api.close();
    }
    if (token === undefined || token === '') throw new CliError('Failed to login.');
  } else if (token === undefined) {
    ctx.print.line(`Get a token at ${resolved.host.value}/ui/profile/token/`);
    token = (await ctx.io.prompt('This is an invisible field. Paste token and press ENTER: ', { hidden: true }))?.trim();
    if (token === undefined || token === '') {
      throw new CliError('Empty token received. Make sure your shell is handling the token appropriately. See https://polyaxon.com/docs/cli/auth/');
    }
  }
  token = token.trim();
  registerSecret(token);

  const api = await createApi(ctx, { ...resolved, token: { value: token, source: 'explicit' } });
  let user: Record<string, unknown>;
  try {
    user = await api.currentUser();
  } catch (error) {
    throw new CliError(`Could not load user info. ${errorText(error)}`, { cause: error });
  } finally {
    await api.close();
  }
  context.purgeAuthFile(options);
  context.purgeUserFile(options);
  const name = typeof user.username === 'string' ? user.username : undefined;
  context.writeAuthFile({ ...(name === undefined ? {} : { username: name }), token }, options);
  context.writeUserFile(userData(user), options);
  ctx.print.success('Login successful');
  printUser(ctx, user);
  return 0;
}

/** What follows upstream's header line (`Could not login.`): the API error's status, meaning and body, else the message. */
function errorText(error: unknown): string {
  return apiErrorSummary(error) ?? (error instanceof Error ? error.message : String(error));
}

/** `px logout`: removes the stored token, user and CLI config. */
export async function logout(ctx: CommandContext): Promise<number> {
  const context = await import('@px/context');
  const options = contextOptions(ctx);
  context.purgeAuthFile(options);
  context.purgeUserFile(options);
  context.purgeCliConfigFile(options);
  ctx.print.success('You are logged out');
  return 0;
}

/** `px whoami`: prints the user of the current token. */
export async function whoami(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  await refuseOnCommunity(ctx);
  const { createApi } = await import('../api');
  const api = await createApi(ctx);
  let user: Record<string, unknown>;
  try {
    user = await api.currentUser();
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401 || status === 403) {
      throw new CliError(`Could not get the user info: your session has expired or the token is invalid (status ${status}). Run \`px login\`.`, { cause: error });
    }
    throw error;
  } finally {
    await api.close();
  }
  if (await emitData(ctx, format, user)) return 0;
  printUser(ctx, user);
  return 0;
}

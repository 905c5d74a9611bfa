import { ContextError } from './context-error';
import { ENV } from './env-keys';
import type { ResolvedContext } from './resolved-context';

/** Owner and project, both known. */
export interface RequiredProject {
  readonly owner: string;
  readonly team: string | undefined;
  readonly project: string;
}

/** Owner, project and run uuid, all known. */
export interface RequiredRun extends RequiredProject {
  readonly runUuid: string;
}

function triedText(tried: readonly string[]): string {
  return tried.length === 0 ? '' : ` Tried: ${tried.join(', ')}.`;
}

/**
 * Returns the owner and project of a resolved context.
 *
 * @param ctx - A resolved context.
 * @returns Owner, team and project.
 * @throws {@link ContextError} when no project was found; the message names
 *   the option and the environment variable that would fix it, and lists the
 *   sources tried.
 */
export function requireProject(ctx: ResolvedContext): RequiredProject {
  const project = ctx.project.value;
  if (project === undefined) {
    throw new ContextError(
      `No project: pass \`project\` (e.g. 'owner/project') or set ${ENV.PROJECT}, or run \`px init --project owner/project\`.${triedText(ctx.tried.project)}`,
      { envVar: ENV.PROJECT, tried: ctx.tried.project },
    );
  }
  const owner = ctx.owner.value;
  if (owner === undefined) {
    throw new ContextError(
      `No owner for project \`${project}\`: pass \`owner\` (or \`project: 'owner/${project}'\`) or set ${ENV.PROJECT}=owner/${project}; ` +
        `this installation is not a community edition, so there is no \`default\` owner.${triedText(ctx.tried.owner)}`,
      { envVar: ENV.PROJECT, tried: ctx.tried.owner },
    );
  }
  return { owner, team: ctx.team.value, project };
}

/**
 * Returns the owner, project and run uuid of a resolved context.
 *
 * @param ctx - A resolved context.
 * @returns Owner, team, project and run uuid.
 * @throws {@link ContextError} when the project or the run is unknown; the
 *   message names the options and environment variables that would fix it.
 */
export function requireRun(ctx: ResolvedContext): RequiredRun {
  const project = requireProject(ctx);
  const runUuid = ctx.runUuid.value;
  if (runUuid === undefined) {
    throw new ContextError(
      `No run: pass \`runUuid\`, or run inside Polyaxon (${ENV.IS_MANAGED}=true with ${ENV.RUN_INSTANCE}=<owner>.<project>.runs.<uuid>).` +
        triedText(ctx.tried.runUuid),
      { envVar: ENV.RUN_INSTANCE, tried: ctx.tried.runUuid },
    );
  }
  return { ...project, runUuid };
}

/**
 * Returns the API token of a resolved context.
 *
 * @param ctx - A resolved context.
 * @returns The token.
 * @throws {@link ContextError} when there is none (the message lists the
 *   sources tried and never contains a token).
 */
export function requireToken(ctx: ResolvedContext): string {
  const token = ctx.token.value;
  if (token === undefined) {
    throw new ContextError(
      `No API token: pass \`token\` or set ${ENV.AUTH_TOKEN}, or log in with \`px login\`.${triedText(ctx.tried.token)}`,
      { envVar: ENV.AUTH_TOKEN, tried: ctx.tried.token },
    );
  }
  return token;
}

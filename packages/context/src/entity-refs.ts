import { ContextError } from './context-error';

/**
 * Upstream's `slugify`: NFKD then ASCII only, characters other than letters,
 * digits, `_`, `.`, `-` and spaces removed, trimmed, and runs of `-`, `.`
 * and spaces collapsed into one `-`.
 *
 * @param value - Any string.
 * @returns The slug.
 */
export function slugify(value: string): string {
  const ascii = value.normalize('NFKD').replace(/[^ -~\t\n\r\v\f]/g, '');
  return ascii
    .replace(/[^\w.\s-]/g, '')
    .trim()
    .replace(/[-.\s]+/g, '-');
}

/**
 * Upstream's `validate_slug`: whether `value` is its own slug. Owner and
 * project names may hold letters (any case), digits, `_` and single `-`.
 *
 * @param value - The name to check.
 * @returns `true` for a valid name.
 */
export function isValidSlug(value: string): boolean {
  return value !== '' && slugify(value) === value;
}

/**
 * Throws unless `value` is a valid owner or project name.
 *
 * @param value - The name.
 * @param what - `owner`, `team` or `project`, for the message.
 * @param from - Where the name came from, for the message.
 * @returns The name.
 * @throws {@link ContextError} for an invalid name.
 */
export function validateName(value: string, what: 'owner' | 'team' | 'project', from?: string): string {
  if (!isValidSlug(value)) {
    throw new ContextError(
      `Received an invalid ${what}, received the value: \`${value}\`${from === undefined ? '' : ` (from ${from})`}. ` +
        'Names may contain letters, digits, `_` and single `-`.',
    );
  }
  return value;
}

/** The parts of an entity reference, as upstream splits it. */
export interface EntityInfo {
  /** The owner, possibly `org/team`, or `undefined` for a bare name. */
  readonly owner: string | undefined;
  /** The entity name. */
  readonly name: string;
}

/**
 * Upstream's `get_entity_info`: `.` counts as `/`; `name` has no owner,
 * `owner/name` has one, `org/team/name` has the owner `org/team`; more than
 * three parts is an error.
 *
 * @param ref - The reference.
 * @returns Owner and name.
 * @throws {@link ContextError} for an empty reference or more than three parts.
 */
export function getEntityInfo(ref: string): EntityInfo {
  if (ref === '') throw new ContextError('Received an invalid entity reference: ``.');
  const parts = ref.replaceAll('.', '/').split('/');
  if (parts.length > 3) throw new ContextError(`Received an invalid entity reference: \`${ref}\`.`);
  if (parts.length === 3) return { owner: `${parts[0]!}/${parts[1]!}`, name: parts[2]! };
  if (parts.length === 2) return { owner: parts[0]!, name: parts[1]! };
  return { owner: undefined, name: ref };
}

/**
 * Upstream's `split_owner_team_space`: `org/team` gives `org` and `team`.
 *
 * @param owner - An owner, possibly with a team.
 * @returns The organization and the team (if any).
 */
export function splitOwnerTeam(owner: string): { readonly owner: string; readonly team: string | undefined } {
  const slash = owner.indexOf('/');
  return slash < 0 ? { owner, team: undefined } : { owner: owner.slice(0, slash), team: owner.slice(slash + 1) };
}

/**
 * Upstream's `get_entity_full_name`: `owner/entity` with any team dropped,
 * or `entity` alone when the owner is missing.
 *
 * @param owner - The owner (a team part is dropped).
 * @param entity - The entity name.
 * @returns The full name, or `entity` (possibly `undefined`).
 */
export function getEntityFullName(owner: string | undefined, entity: string | undefined): string | undefined {
  const org = owner === undefined || owner === '' ? undefined : splitOwnerTeam(owner).owner;
  return org !== undefined && entity !== undefined && entity !== '' ? `${org}/${entity}` : entity;
}

/** A parsed and validated project reference. */
export interface ProjectRef {
  /** The organization or user (team removed). */
  readonly owner: string;
  /** The team, kept (upstream drops it) so callers such as project creation can use it. */
  readonly team: string | undefined;
  readonly project: string;
}

/** Something that supplies the default owner: a resolved context or a plain owner. */
export type OwnerDefaults = { readonly owner?: string | { readonly value: string | undefined } };

function defaultOwner(ctx: OwnerDefaults | undefined): string | undefined {
  const owner = ctx?.owner;
  return typeof owner === 'object' ? owner.value : owner;
}

/**
 * Parses `owner/project`, `org/team/project` or `project` (owner from
 * `ctx`, else upstream's default `default`), and validates both names.
 *
 * @param ref - The project reference.
 * @param ctx - A resolved context or `{ owner }` giving the default owner.
 * @returns Owner, team and project.
 * @throws {@link ContextError} for a malformed reference or an invalid name.
 *
 * @example
 * ```ts
 * parseProjectRef('acme/mnist');               // { owner: 'acme', team: undefined, project: 'mnist' }
 * parseProjectRef('mnist', { owner: 'bob' });  // { owner: 'bob', team: undefined, project: 'mnist' }
 * ```
 */
export function parseProjectRef(ref: string, ctx?: OwnerDefaults): ProjectRef {
  const info = getEntityInfo(ref.trim() === ref ? ref : ref.trim());
  const rawOwner = info.owner ?? defaultOwner(ctx) ?? 'default';
  const { owner, team } = splitOwnerTeam(rawOwner);
  validateName(owner, 'owner', `\`${ref}\``);
  if (team !== undefined) validateName(team, 'team', `\`${ref}\``);
  validateName(info.name, 'project', `\`${ref}\``);
  return { owner, team, project: info.name };
}

const RUN_UUID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Validates a run uuid: letters, digits, `_` and `-` only (so it is safe in
 * URLs and paths). Upstream's uuids are 32 hex characters.
 *
 * @param value - The uuid.
 * @param from - Where it came from, for the message.
 * @returns The uuid.
 * @throws {@link ContextError} for an invalid uuid.
 */
export function validateRunUuid(value: string, from?: string): string {
  if (!RUN_UUID.test(value)) {
    throw new ContextError(`Received an invalid run uuid: \`${value}\`${from === undefined ? '' : ` (from ${from})`}.`);
  }
  return value;
}

/** A run instance: owner, project and uuid of one run. */
export interface RunRef {
  readonly owner: string;
  readonly project: string;
  readonly runUuid: string;
}

/**
 * Parses a run-instance string `<owner>.<project>.runs.<uuid>` (what
 * Polyaxon puts in `POLYAXON_RUN_INSTANCE`): exactly four `.`-separated parts.
 *
 * @param value - The run instance.
 * @returns Owner, project and uuid.
 * @throws {@link ContextError} when the string does not have four non-empty parts or a name is invalid.
 */
export function parseRunInstance(value: string): RunRef {
  const parts = value.split('.');
  if (parts.length !== 4 || parts.some((part) => part === '')) {
    throw new ContextError(
      `run instance is invalid \`${value}\`: expected \`<owner>.<project>.runs.<uuid>\`; make sure this run was started by Polyaxon.`,
    );
  }
  return {
    owner: validateName(parts[0]!, 'owner', 'the run instance'),
    project: validateName(parts[1]!, 'project', 'the run instance'),
    runUuid: validateRunUuid(parts[3]!, 'the run instance'),
  };
}

/**
 * Formats a run instance `<owner>.<project>.runs.<uuid>` (a team in `owner` is dropped, like upstream).
 *
 * @param owner - The owner.
 * @param project - The project name.
 * @param runUuid - The run uuid.
 * @returns The run-instance string.
 */
export function formatRunInstance(owner: string, project: string, runUuid: string): string {
  return `${splitOwnerTeam(owner).owner}.${project}.runs.${runUuid}`;
}

/** A context that supplies a default owner and project for {@link parseRunRef}. */
export type RunDefaults = OwnerDefaults & { readonly project?: string | { readonly value: string | undefined } };

/**
 * Parses a run reference: a bare uuid (owner and project from `ctx`), a run
 * instance `owner.project.runs.uuid`, or `owner/project/runs/uuid`.
 *
 * @param ref - The reference.
 * @param ctx - A resolved context or `{ owner, project }` for bare uuids.
 * @returns Owner, project and uuid.
 * @throws {@link ContextError} for a malformed reference, or a bare uuid
 *   without a project in `ctx` (the message says how to give one).
 */
export function parseRunRef(ref: string, ctx?: RunDefaults): RunRef {
  const slash = ref.split('/');
  if (slash.length === 4 && slash[2] === 'runs') {
    return {
      owner: validateName(splitOwnerTeam(slash[0]!).owner, 'owner', `\`${ref}\``),
      project: validateName(slash[1]!, 'project', `\`${ref}\``),
      runUuid: validateRunUuid(slash[3]!, `\`${ref}\``),
    };
  }
  if (ref.includes('.')) return parseRunInstance(ref);
  const runUuid = validateRunUuid(ref);
  const project = typeof ctx?.project === 'object' ? ctx.project.value : ctx?.project;
  if (project === undefined) {
    throw new ContextError(
      `Run \`${ref}\` needs a project: pass \`project\` (e.g. 'owner/project') or set POLYAXON_PROJECT, or use \`owner/project/runs/${ref}\`.`,
      { envVar: 'POLYAXON_PROJECT' },
    );
  }
  const parsed = parseProjectRef(project, ctx);
  return { owner: parsed.owner, project: parsed.project, runUuid };
}

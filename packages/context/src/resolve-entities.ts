import { readProjectCache, readRunCache, type CacheEntry, type ProjectCache, type RunCache } from './cache-files';
import { isCommunity, readCliConfigFile, type CliConfigData } from './cli-config-file';
import { envValue, type ConfigFilePaths, type Env } from './config-paths';
import { ContextError } from './context-error';
import { getEntityInfo, parseRunInstance, splitOwnerTeam, validateName, validateRunUuid, type RunRef } from './entity-refs';
import { ENV } from './env-keys';
import type { ContextOptions, Resolved, ValueSource } from './resolved-context';
import { resolved } from './resolved-value';
import { readUserFile } from './user-file';

/** The default owner in community editions and library use. */
export const DEFAULT_OWNER = 'default';

interface ProjectCandidate {
  readonly owner: string | undefined;
  readonly name: string;
  readonly source: ValueSource;
  readonly origin: string | undefined;
  readonly cache?: CacheEntry<ProjectCache>;
}

function parseProjectOption(raw: string, what: string): { owner: string | undefined; name: string } {
  let info;
  try {
    info = getEntityInfo(raw);
  } catch (error) {
    throw new ContextError(`Invalid ${what}: expected \`owner/project\` or \`project\`, got \`${raw}\`.`, { cause: error });
  }
  return { owner: info.owner, name: info.name };
}

/** Owner, team, project and run uuid, with the sources tried. */
export interface Resolution {
  readonly owner: Resolved<string | undefined>;
  readonly team: Resolved<string | undefined>;
  readonly project: Resolved<string | undefined>;
  readonly runUuid: Resolved<string | undefined>;
  readonly tried: { owner: string[]; project: string[]; runUuid: string[] };
}

/** What {@link resolveEntities} needs. */
export interface EntityInputs {
  readonly options: ContextOptions;
  readonly env: Env;
  readonly paths: ConfigFilePaths;
  readonly isManaged: boolean;
  readonly isOffline: boolean;
}

interface CandidateInputs {
  readonly options: ContextOptions;
  readonly env: Env;
  readonly useCache: boolean;
  readonly explicitOwner: string | undefined;
  readonly explicitOrg: string | undefined;
  readonly skipped: string[];
}

/** Whether a candidate's owner clashes with option `owner`; records why it is skipped. */
function clashes(inputs: CandidateInputs, owner: string | undefined, what: string): boolean {
  if (inputs.explicitOrg === undefined || owner === undefined || splitOwnerTeam(owner).owner === inputs.explicitOrg) return false;
  inputs.skipped.push(`(skipped ${what}: its owner \`${owner}\` differs from option \`owner\`)`);
  return true;
}

function explicitCandidate(inputs: CandidateInputs): ProjectCandidate | undefined {
  const { project } = inputs.options;
  if (project === undefined || project === '') return undefined;
  const parsed = parseProjectOption(project, 'option `project`');
  if (parsed.owner !== undefined && inputs.explicitOrg !== undefined && splitOwnerTeam(parsed.owner).owner !== inputs.explicitOrg) {
    throw new ContextError(`Option \`owner\` (\`${inputs.explicitOwner ?? ''}\`) conflicts with the owner in option \`project\` (\`${project}\`); pass only one.`);
  }
  return { owner: parsed.owner ?? inputs.explicitOwner, name: parsed.name, source: 'explicit', origin: undefined };
}

function envCandidate(inputs: CandidateInputs): ProjectCandidate | undefined {
  const raw = envValue(inputs.env, ENV.PROJECT);
  if (raw === undefined) return undefined;
  const parsed = parseProjectOption(raw, `environment variable ${ENV.PROJECT}`);
  if (clashes(inputs, parsed.owner, ENV.PROJECT)) return undefined;
  return { owner: parsed.owner ?? inputs.explicitOwner, name: parsed.name, source: 'env', origin: ENV.PROJECT };
}

function runInstanceFromEnv(env: Env): RunRef | undefined {
  const raw = envValue(env, ENV.RUN_INSTANCE);
  if (raw === undefined) return undefined;
  try {
    return parseRunInstance(raw);
  } catch (error) {
    throw new ContextError(`Invalid environment variable ${ENV.RUN_INSTANCE}: ${(error as Error).message}`, { envVar: ENV.RUN_INSTANCE, cause: error });
  }
}

function inClusterCandidate(inputs: CandidateInputs, instance: RunRef | undefined): ProjectCandidate | undefined {
  if (instance === undefined || clashes(inputs, instance.owner, 'the run instance')) return undefined;
  return { owner: instance.owner, name: instance.project, source: 'in-cluster', origin: ENV.RUN_INSTANCE };
}

function cacheCandidate(inputs: CandidateInputs): ProjectCandidate | undefined {
  if (!inputs.useCache) return undefined;
  const entry = readProjectCache(inputs.options);
  if (entry?.data.name === undefined || clashes(inputs, entry.data.owner, entry.path)) return undefined;
  return { owner: entry.data.owner ?? inputs.explicitOwner, name: entry.data.name, source: 'local-cache', origin: entry.path, cache: entry };
}

function resolveOwner(
  explicitOwner: string | undefined,
  chosen: ProjectCandidate | undefined,
  fallback: () => Resolved<string | undefined>,
): { owner: Resolved<string | undefined>; team: Resolved<string | undefined> } {
  // Candidates of another owner were skipped, so an explicit owner (and its team) is always the one in effect.
  const raw = explicitOwner !== undefined ? resolved(explicitOwner, 'explicit') : chosen?.owner !== undefined ? resolved(chosen.owner, chosen.source, chosen.origin) : fallback();
  if (raw.value === undefined) return { owner: raw, team: resolved(undefined, 'default') };
  const split = splitOwnerTeam(raw.value);
  validateName(split.owner, 'owner', describeSource(raw));
  if (split.team !== undefined) validateName(split.team, 'team', describeSource(raw));
  return {
    owner: resolved(split.owner, raw.source, raw.origin),
    team: split.team === undefined ? resolved(undefined, 'default') : resolved(split.team, raw.source, raw.origin),
  };
}

/**
 * Resolves owner, team, project and run uuid (see the README for the order).
 *
 * @param inputs - Options, environment, paths and the managed/offline flags.
 * @returns The resolution and the sources tried.
 * @throws {@link ContextError} for invalid references, names, run instances or cache files.
 */
export function resolveEntities({ options, env, paths, isManaged, isOffline }: EntityInputs): Resolution {
  const useCache = options.useCache !== false;
  const explicitOwner = options.owner === undefined || options.owner === '' ? undefined : options.owner;
  const inputs: CandidateInputs = {
    options,
    env,
    useCache,
    explicitOwner,
    explicitOrg: explicitOwner === undefined ? undefined : splitOwnerTeam(explicitOwner).owner,
    skipped: [],
  };
  const instance = isManaged ? runInstanceFromEnv(env) : undefined;
  const chosen = explicitCandidate(inputs) ?? envCandidate(inputs) ?? inClusterCandidate(inputs, instance) ?? cacheCandidate(inputs);

  const tried = {
    project: [
      'explicit option `project`',
      `env ${ENV.PROJECT}`,
      `in-cluster ${ENV.RUN_INSTANCE} (only when ${ENV.IS_MANAGED} is true)`,
      ...(useCache ? [`local cache ${paths.localProject}`, `global cache ${paths.globalProject}`] : []),
      ...inputs.skipped,
    ],
    owner: ['explicit option `owner` or `project`', `env ${ENV.PROJECT}`, `in-cluster ${ENV.RUN_INSTANCE}`, 'the project cache', `${paths.user} (organization)`],
    runUuid: [] as string[],
  };
  const { owner, team } = resolveOwner(explicitOwner, chosen, () => localOwner(options, paths, tried.owner));

  let project: Resolved<string | undefined> = resolved(undefined, 'default');
  if (chosen !== undefined) {
    project = resolved(chosen.name, chosen.source, chosen.origin);
    validateName(chosen.name, 'project', describeSource(project));
  }

  const runUuid = resolveRunUuid({ options, paths, isOffline, useCache, instance, owner: owner.value, project, projectCache: chosen?.cache }, tried.runUuid);
  return { owner, team, project, runUuid, tried };
}

function describeSource(value: Resolved<unknown>): string {
  if (value.source === 'explicit') return 'the explicit options';
  return value.origin === undefined ? value.source : `${value.source} ${value.origin}`;
}

function localOwner(options: ContextOptions, paths: ConfigFilePaths, tried: string[]): Resolved<string | undefined> {
  const user = readUserFile(options);
  if (user?.organization !== undefined && user.organization !== '') return resolved(user.organization, 'cli-config', paths.user);
  if (options.useCliConfig === true) {
    const cli: CliConfigData | undefined = readCliConfigFile(options);
    tried.push(`${paths.cli} (community installations default to \`default\`)`);
    if (!isCommunity(cli)) return resolved(undefined, 'default');
  }
  return resolved(DEFAULT_OWNER, 'default');
}

interface RunInputs {
  readonly options: ContextOptions;
  readonly paths: ConfigFilePaths;
  readonly isOffline: boolean;
  readonly useCache: boolean;
  readonly instance: RunRef | undefined;
  readonly owner: string | undefined;
  readonly project: Resolved<string | undefined>;
  readonly projectCache: CacheEntry<ProjectCache> | undefined;
}

function resolveRunUuid(input: RunInputs, tried: string[]): Resolved<string | undefined> {
  const { options, paths, instance, owner, project } = input;
  tried.push('explicit option `runUuid`');
  if (options.runUuid !== undefined && options.runUuid !== '') return resolved(validateRunUuid(options.runUuid, 'option `runUuid`'), 'explicit');
  tried.push(`in-cluster ${ENV.RUN_INSTANCE} (only when ${ENV.IS_MANAGED} is true and the project matches)`);
  if (instance !== undefined && instance.owner === owner && instance.project === project.value) {
    return resolved(instance.runUuid, 'in-cluster', ENV.RUN_INSTANCE);
  }
  if (input.isOffline) {
    tried.push('(run caches are not read offline)');
    return resolved(undefined, 'default');
  }
  if (!input.useCache) return resolved(undefined, 'default');
  tried.push(`local cache ${paths.localRun}`, `global cache ${paths.globalRun}`);
  const entry: CacheEntry<RunCache> | undefined = readRunCache(options);
  if (entry?.data.uuid === undefined || project.value === undefined) return resolved(undefined, 'default');
  const cached = entry.data;
  const sameProject =
    cached.project !== undefined
      ? cached.project === project.value && (cached.owner === undefined || cached.owner === owner)
      : input.projectCache !== undefined && input.projectCache.visibility === entry.visibility;
  if (!sameProject) {
    tried.push(`(skipped ${entry.path}: it belongs to ${cached.owner ?? '?'}/${cached.project ?? '?'}, not ${owner ?? '?'}/${project.value})`);
    return resolved(undefined, 'default');
  }
  return resolved(validateRunUuid(entry.data.uuid, entry.path), 'local-cache', entry.path);
}

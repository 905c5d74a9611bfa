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
  readonly instance?: RunRef;
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

/**
 * Resolves owner, team, project and run uuid (see the README for the order).
 *
 * @param inputs - Options, environment, paths and the managed/offline flags.
 * @returns The resolution and the sources tried.
 * @throws {@link ContextError} for invalid references, names, run instances or cache files.
 */
export function resolveEntities({ options, env, paths, isManaged, isOffline }: EntityInputs): Resolution {
  const tried = { owner: [] as string[], project: [] as string[], runUuid: [] as string[] };
  const useCache = options.useCache !== false;
  const explicitOwner = options.owner === undefined || options.owner === '' ? undefined : options.owner;
  const explicitOrg = explicitOwner === undefined ? undefined : splitOwnerTeam(explicitOwner).owner;
  const candidates: ProjectCandidate[] = [];

  tried.project.push('explicit option `project`');
  if (options.project !== undefined && options.project !== '') {
    const parsed = parseProjectOption(options.project, 'option `project`');
    if (parsed.owner !== undefined && explicitOwner !== undefined && splitOwnerTeam(parsed.owner).owner !== explicitOrg) {
      throw new ContextError(`Option \`owner\` (\`${explicitOwner}\`) conflicts with the owner in option \`project\` (\`${options.project}\`); pass only one.`);
    }
    candidates.push({ owner: parsed.owner ?? explicitOwner, name: parsed.name, source: 'explicit', origin: undefined });
  }

  tried.project.push(`env ${ENV.PROJECT}`);
  const envProject = envValue(env, ENV.PROJECT);
  if (candidates.length === 0 && envProject !== undefined) {
    const parsed = parseProjectOption(envProject, `environment variable ${ENV.PROJECT}`);
    if (explicitOrg !== undefined && parsed.owner !== undefined && splitOwnerTeam(parsed.owner).owner !== explicitOrg) {
      tried.project.push(`(skipped ${ENV.PROJECT}: its owner \`${parsed.owner}\` differs from option \`owner\`)`);
    } else {
      candidates.push({ owner: parsed.owner ?? explicitOwner, name: parsed.name, source: 'env', origin: ENV.PROJECT });
    }
  }

  tried.project.push(`in-cluster ${ENV.RUN_INSTANCE} (only when ${ENV.IS_MANAGED} is true)`);
  const rawInstance = envValue(env, ENV.RUN_INSTANCE);
  let instance: RunRef | undefined;
  if (isManaged && rawInstance !== undefined) {
    try {
      instance = parseRunInstance(rawInstance);
    } catch (error) {
      throw new ContextError(`Invalid environment variable ${ENV.RUN_INSTANCE}: ${(error as Error).message}`, { envVar: ENV.RUN_INSTANCE, cause: error });
    }
    if (candidates.length === 0) {
      if (explicitOrg !== undefined && explicitOrg !== instance.owner) {
        tried.project.push(`(skipped the run instance: its owner \`${instance.owner}\` differs from option \`owner\`)`);
      } else {
        candidates.push({ owner: instance.owner, name: instance.project, source: 'in-cluster', origin: ENV.RUN_INSTANCE, instance });
      }
    }
  }

  let projectCache: CacheEntry<ProjectCache> | undefined;
  if (useCache) {
    tried.project.push(`local cache ${paths.localProject}`, `global cache ${paths.globalProject}`);
    if (candidates.length === 0) {
      projectCache = readProjectCache(options);
      const cached = projectCache?.data;
      if (projectCache !== undefined && cached?.name !== undefined) {
        if (explicitOrg !== undefined && cached.owner !== undefined && cached.owner !== explicitOrg) {
          tried.project.push(`(skipped ${projectCache.path}: its owner \`${cached.owner}\` differs from option \`owner\`)`);
        } else {
          candidates.push({ owner: cached.owner ?? explicitOwner, name: cached.name, source: 'local-cache', origin: projectCache.path, cache: projectCache });
        }
      }
    }
  }

  const chosen = candidates[0];
  let owner: Resolved<string | undefined>;
  tried.owner.push('explicit option `owner` or `project`', `env ${ENV.PROJECT}`, `in-cluster ${ENV.RUN_INSTANCE}`, 'the project cache', `${paths.user} (organization)`);
  if (explicitOwner !== undefined) {
    // Every candidate was checked against it, so the explicit owner (and its team) is the one in effect.
    owner = resolved(explicitOwner, 'explicit');
  } else if (chosen?.owner !== undefined) {
    owner = resolved(chosen.owner, chosen.source, chosen.origin);
  } else {
    owner = localOwner(options, paths, tried.owner);
  }

  let team: Resolved<string | undefined> = resolved(undefined, 'default');
  if (owner.value !== undefined) {
    const split = splitOwnerTeam(owner.value);
    validateName(split.owner, 'owner', describeSource(owner));
    if (split.team !== undefined) {
      validateName(split.team, 'team', describeSource(owner));
      team = resolved(split.team, owner.source, owner.origin);
    }
    owner = resolved(split.owner, owner.source, owner.origin);
  }

  let project: Resolved<string | undefined> = resolved(undefined, 'default');
  if (chosen !== undefined) {
    validateName(chosen.name, 'project', describeSource(resolved(chosen.name, chosen.source, chosen.origin)));
    project = resolved(chosen.name, chosen.source, chosen.origin);
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

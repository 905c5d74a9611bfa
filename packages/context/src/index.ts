export { VERSION } from './version';
export { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';
export type { ContextOptions, Resolved, ResolvedContext, ValueSource } from './resolved-context';
export { ContextError, type ContextErrorOptions } from './context-error';
export { resolveContext, DEFAULT_HOST } from './resolve-context';
export { DEFAULT_OWNER } from './resolve-entities';
export { NO_AUTH_TOKEN } from './resolve-auth';
export { requireProject, requireRun, requireToken, type RequiredProject, type RequiredRun } from './require';
export { formatContext, type ContextRow } from './format-context';
export { redactContext, maskUrlPassword, REDACTED } from './redaction';
export { ENV, type EnvKey } from './env-keys';
export { parseLaxBool, strToBool, isTruthyString } from './booleans';
export { parseIntValue, parseFloatValue } from './numbers';
export { CLIENT_CONFIG_FIELDS, type ClientConfigData, type ClientConfigField, type FieldKind } from './client-config-fields';
export { configFilePaths, defaultGlobalDir, homeFilePath, type ConfigFilePaths, type Env } from './config-paths';
export {
  readClientConfigFile,
  writeClientConfigFile,
  updateClientConfigFile,
  purgeClientConfigFile,
  formatClientConfig,
  parseClientConfigRecord,
  type ClientConfigPatch,
} from './client-config-file';
export { readAuthFile, readAuthFileAt, writeAuthFile, purgeAuthFile, formatAuth, parseAuthRecord, type AuthData } from './auth-file';
export { readUserFile, writeUserFile, purgeUserFile, formatUser, type UserData } from './user-file';
export { readCliConfigFile, writeCliConfigFile, purgeCliConfigFile, formatCliConfig, isCommunity, type CliConfigData } from './cli-config-file';
export { readHomeFile, writeHomeFile, purgeHomeFile } from './home-file';
export {
  readProjectCache,
  writeProjectCache,
  purgeProjectCache,
  formatProjectCache,
  readRunCache,
  writeRunCache,
  purgeRunCache,
  formatRunCache,
  type ProjectCache,
  type RunCache,
  type CacheEntry,
  type CacheVisibility,
} from './cache-files';
export { purgeConfig } from './purge-config';
export { formatHomeYaml, parseHomeYaml } from './home-yaml';
export {
  slugify,
  isValidSlug,
  validateName,
  validateRunUuid,
  getEntityInfo,
  getEntityFullName,
  splitOwnerTeam,
  parseProjectRef,
  parseRunRef,
  parseRunInstance,
  formatRunInstance,
  type EntityInfo,
  type ProjectRef,
  type RunRef,
  type OwnerDefaults,
  type RunDefaults,
} from './entity-refs';
export { writeFileAtomic, removeStaleTempFiles, type AtomicWriteOptions } from './fs-io';
export { isProcessRunning } from './process-running';
export { validateHost } from './host-url';
export { inClusterPaths, offlinePath, type InClusterPaths, type OfflineKind } from './context-paths';

export { VERSION } from './version';
export { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';
export type { ContextOptions, Resolved, ResolvedContext, ValueSource } from './resolved-context';
export { ContextError, type ContextErrorOptions } from './context-error';
export { resolveContext, DEFAULT_HOST, DEFAULT_OWNER, NO_AUTH_TOKEN } from './resolve-context';
export { requireProject, requireRun, requireToken, type RequiredProject, type RequiredRun } from './require';
export { formatContext, type ContextRow } from './format-context';
export { redactContext, REDACTED } from './redaction';
export { ENV, type EnvKey } from './env-keys';
export { parseLaxBool, strToBool, isTruthyString } from './booleans';
export { parseIntValue, parseFloatValue } from './numbers';
export { CLIENT_CONFIG_FIELDS, type ClientConfigData, type ClientConfigField, type FieldKind } from './client-config-fields';
export { configFilePaths, type ConfigFilePaths } from './config-paths';
export {
  readClientConfigFile,
  writeClientConfigFile,
  updateClientConfigFile,
  type ClientConfigPatch,
  purgeClientConfigFile,
  formatClientConfig,
  parseClientConfigRecord,
  readAuthFile,
  readAuthFileAt,
  writeAuthFile,
  purgeAuthFile,
  formatAuth,
  parseAuthRecord,
  readUserFile,
  writeUserFile,
  purgeUserFile,
  formatUser,
  readCliConfigFile,
  writeCliConfigFile,
  purgeCliConfigFile,
  formatCliConfig,
  isCommunity,
  readHomeFile,
  writeHomeFile,
  purgeHomeFile,
  readProjectCache,
  writeProjectCache,
  purgeProjectCache,
  formatProjectCache,
  readRunCache,
  writeRunCache,
  purgeRunCache,
  formatRunCache,
  purgeConfig,
  type AuthData,
  type UserData,
  type CliConfigData,
  type ProjectCache,
  type RunCache,
  type CacheEntry,
  type CacheVisibility,
} from './config-files';
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
export { writeFileAtomic, type AtomicWriteOptions } from './fs-io';
export { inClusterPaths, offlinePath, type InClusterPaths, type OfflineKind } from './context-paths';

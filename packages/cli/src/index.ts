export { VERSION } from './version';
export { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';
export { runCli, type RunCliOptions } from './main';
export { CliError, UsageError, type CliErrorOptions } from './errors';
export type { TextSink, CliIo } from './cli-io';

export { VERSION } from './version';
export { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';

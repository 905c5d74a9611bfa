// Node entry of @px/polyaxonfile: everything from the main and render entries, with the
// readers, `compile` and `checkPolyaxonfile` also reading file paths, plus
// file and URL helpers.
export * from './index';
export * from './render';
export {
  ComponentSpecification,
  OperationSpecification,
  CompiledOperationSpecification,
  getSpecification,
  compile,
} from './node/specifications';
export { checkPolyaxonfile } from './node/check-node';
export { readPolyaxonfile, readPath, fetchPolyaxonfile, findDefaultPolyaxonfile, DEFAULT_POLYAXONFILES } from './node/read-file';
export { decodeUtf8, parseBytes } from './node/decode-utf8';

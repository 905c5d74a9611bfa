// Browser-safe public entry of @px/polyaxonfile: no Node builtins here.
export { VERSION } from './version';
export { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';
export { PolyaxonfileError, PolyaxonSchemaError } from './errors';
export type { SpecErrorOptions, SpecIssue, SpecLocation, SpecStage } from './errors';
export * from './schemas';
export { parseYaml, parseJson, MAX_SOURCE_LENGTH } from './yaml/parse-yaml';
export type { SourceDocument } from './yaml/parse-yaml';
export type { Position } from './yaml/locate-node';
export { readSources, toSourceDocument, isSourceDocument } from './read/read-sources';
export { fetchSpecText, fetchFailureCause, DEFAULT_FETCH_TIMEOUT } from './read/fetch-text';
export type { FetchTextOptions } from './read/fetch-text';
export type { MergedSources, ReadOptions, SpecData, SpecSource } from './read/read-sources';
export { deepMerge, MAX_DEPTH } from './read/plain-data';
export {
  ComponentSpecification,
  OperationSpecification,
  CompiledOperationSpecification,
  getSpecification,
} from './specs/specifications';
export type { AnySpec } from './specs/specifications';
export type { SpecReadOptions } from './specs/read-spec';
export { SCHEMA_VERSION, SECTIONS, SPEC_KINDS } from './specs/sections';
export type { SpecKind } from './specs/sections';
export { toDict } from './specs/to-dict';
export type { Spec, SpecDict, SpecMethods } from './specs/to-dict';
export { patchObject, patchValue } from './compile/patch';
export { compileOperation } from './compile/compile-operation';
export { applyOperationContexts } from './compile/apply-contexts';
export type { ApplyContextsOptions } from './compile/apply-contexts';
export { validateDag, upstreamOps } from './compile/dag';
export type { DagRun } from './compile/dag';
export { compile } from './compile/compile';
export type { CompileOptions } from './compile/compile';
export { validateParams, matrixParams } from './params/validate-params';
export type { ConvertValue, IOLike, ParamLike, RefContext, ValidateParamsOptions } from './params/validate-params';
export { parseParamRef, typesCompatible } from './params/param-refs';
export type { ParamRef } from './params/param-refs';
export { checkPolyaxonfile } from './check/check-polyaxonfile';
export type { CheckOptions } from './check/check-polyaxonfile';
export { parseCliParams, parseHparams } from './check/parse-params';
export { hubComponentUrl, parseHubRef, PUBLIC_GIT_REGISTRY, PUBLIC_HUB_HOST } from './check/hub-ref';
export type { HubRef } from './check/hub-ref';

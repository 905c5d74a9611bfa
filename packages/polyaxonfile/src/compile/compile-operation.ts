import { CompiledOperationSchema } from '../schemas/compiled-operation';
import type { V1CompiledOperation } from '../schemas/compiled-operation';
import type { V1Operation } from '../schemas/operation';
import { PolyaxonSchemaError } from '../errors';
import { isRecord } from '../read/plain-data';
import { sourceOf, rememberSource } from '../specs/source-registry';
import type { Locate } from '../specs/source-registry';
import { toDict, withSpecMethods } from '../specs/to-dict';
import type { Spec } from '../specs/to-dict';
import { validateSchema } from '../validate/validate-schema';
import { patchObject } from './patch';
import { applyRunPatch } from './run-patch';
import type { PatchStrategy } from '../schemas/patch-strategy';

/** Operation fields copied onto the compiled operation (when set on the operation). */
const OP_FIELDS = [
  'name', 'cost', 'description', 'tags', 'isApproved', 'presets', 'queue', 'namespace', 'cache', 'build', 'hooks',
  'events', 'plugins', 'termination', 'matrix', 'joins', 'schedule', 'dependencies', 'trigger', 'conditions',
  'skipOnUpstreamSkip', 'mount',
] as const;

/** Component fields that a compiled operation does not have. */
const COMPONENT_ONLY = new Set(['kind', 'version']);

function strategyOf(value: unknown): PatchStrategy {
  return value === 'replace' || value === 'isnull' || value === 'pre_merge' ? value : 'post_merge';
}

function prefixed(locate: Locate, prefix: readonly (string | number)[]): Locate {
  return (path) => {
    const [head, ...rest] = path;
    if (head === 'run' || head === 'inputs' || head === 'outputs') return locate([...prefix, head, ...rest]);
    return locate(path);
  };
}

/**
 * Upstream `OperationSpecification.compile_operation`: inlines the
 * component, applies an optional override, merges `runPatch` into the run
 * with the operation's patch strategy, adds a `contexts` entry per
 * context-only param, then patches the operation's own fields onto it.
 *
 * @param op - an operation with an inline `component`
 * @param override - an optional preset/override operation applied first
 * @returns the compiled operation (params not applied yet)
 * @throws {@link PolyaxonSchemaError} (stage `compile`) when the component is missing or the result is invalid
 */
export function compileOperation(op: V1Operation, override?: Partial<V1Operation> | null): Spec<V1CompiledOperation> {
  const locate = sourceOf(op);
  let operation = toDict(op) as Record<string, unknown>;
  if (override !== undefined && override !== null) {
    operation = patchObject(operation, toDict(override), strategyOf(override.patchStrategy));
  }
  const component = operation.component;
  if (!isRecord(component)) {
    throw new PolyaxonSchemaError('Compile operation received an invalid configuration: the component is missing.', {
      stage: 'compile',
      issues: [{ ...locate(['component']), path: ['component'], message: 'the component is missing', expected: 'an inline component (resolve hubRef/urlRef/pathRef first)', received: 'nothing' }],
    });
  }
  const strategy = strategyOf(operation.patchStrategy);
  let compiled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(component)) if (!COMPONENT_ONLY.has(key) && key !== 'template') compiled[key] = value;
  compiled = { version: operation.version ?? component.version ?? 1.1, kind: 'compiled_operation', ...compiled };
  if (isRecord(operation.runPatch) && isRecord(compiled.run)) {
    compiled.run = applyRunPatch(compiled.run, operation.runPatch, strategy, locate);
  }
  const params = isRecord(operation.params) ? operation.params : {};
  const contexts: Record<string, unknown>[] = [];
  for (const [name, param] of Object.entries(params)) {
    if (isRecord(param) && param.contextOnly === true) {
      contexts.push({ name, ...(param.connection === undefined ? {} : { connection: param.connection }), ...(param.toInit === undefined ? {} : { toInit: param.toInit }), ...(param.toEnv === undefined ? {} : { toEnv: param.toEnv }) });
    }
  }
  if (Array.isArray(operation.joins)) {
    for (const join of operation.joins) {
      if (!isRecord(join) || !isRecord(join.params)) continue;
      for (const [name, param] of Object.entries(join.params)) {
        if (isRecord(param) && param.contextOnly === true) contexts.push({ name, isList: true });
      }
    }
  }
  if (contexts.length > 0) compiled.contexts = contexts;
  const ownFields: Record<string, unknown> = {};
  for (const key of OP_FIELDS) if (operation[key] !== undefined && operation[key] !== null) ownFields[key] = operation[key];
  compiled = patchObject(compiled, ownFields, strategy);
  const compiledLocate = prefixed(locate, ['component']);
  const result = validateSchema(CompiledOperationSchema, compiled, {
    title: 'Compile operation received an invalid configuration',
    locate: compiledLocate,
    stage: 'compile',
  });
  const spec = withSpecMethods(result);
  rememberSource(spec, compiledLocate);
  opParams.set(spec, params);
  return spec;
}

const opParams = new WeakMap<object, Record<string, unknown>>();

/** The params of the operation a compiled operation was built from. */
export function compiledParams(compiled: object): Record<string, unknown> | undefined {
  return opParams.get(compiled);
}

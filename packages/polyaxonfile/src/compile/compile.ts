import type { V1CompiledOperation } from '../schemas/compiled-operation';
import type { V1Operation } from '../schemas/operation';
import type { SpecData } from '../read/read-sources';
import { getSpecification, OperationSpecification } from '../specs/specifications';
import type { SpecReadOptions } from '../specs/read-spec';
import { componentInOperation, rememberSource, sourceOf } from '../specs/source-registry';
import { toDict } from '../specs/to-dict';
import type { Spec } from '../specs/to-dict';
import { applyOperationContexts } from './apply-contexts';
import type { ApplyContextsOptions } from './apply-contexts';
import { compileOperation } from './compile-operation';

/** Options of {@link compile}. */
export interface CompileOptions extends ApplyContextsOptions, SpecReadOptions {}

/**
 * Reads any Polyaxonfile and compiles it: a component is wrapped in an
 * operation, an operation's inline component is merged with the operation
 * (`runPatch`, own fields), then params are validated and applied and the
 * operation contexts (DAG checks) are applied.
 *
 * @param data - the Polyaxonfile (text, object, parsed document or list merged in order)
 * @param options - extra `params` and flags
 * @returns the compiled operation, `{{ }}` templates left unrendered
 * @throws {@link PolyaxonfileError} or {@link PolyaxonSchemaError} at stage `read`, `compile` or `params`
 * @example
 * ```ts
 * const compiled = compile(yamlText, { params: { lr: 0.01 } });
 * compiled.inputs?.[0]?.value; // 0.01
 * ```
 */
export function compile(data: SpecData, options: CompileOptions = {}): Spec<V1CompiledOperation> {
  const spec = getSpecification(data, options);
  let compiled: V1CompiledOperation;
  if (spec.kind === 'component') {
    const op = OperationSpecification.read({ version: spec.version ?? 1.1, kind: 'operation', component: toDict(spec) });
    rememberSource(op, componentInOperation(sourceOf(spec)));
    compiled = compileOperation(op);
  } else if (spec.kind === 'operation') {
    let op = spec as V1Operation;
    const record = op as unknown as Record<string, unknown>;
    if ((record.component === undefined || record.component === null) && options.resolveComponent !== undefined) {
      const component = options.resolveComponent(record);
      if (component !== undefined) {
        const located = sourceOf(op);
        op = OperationSpecification.read({ ...toDict(op), component });
        rememberSource(op, located);
      }
    }
    compiled = compileOperation(op);
  } else {
    compiled = spec as V1CompiledOperation;
  }
  return applyOperationContexts(compiled, options);
}

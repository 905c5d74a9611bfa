import type { V1CompiledOperation } from '../schemas/compiled-operation';
import { parseIOValue } from '../schemas/io-value';
import { normalizeParamValue } from '../schemas/param';
import { PolyaxonSchemaError } from '../errors';
import type { SpecIssue } from '../errors';
import { isRecord } from '../read/plain-data';
import { sourceOf, rememberSource } from '../specs/source-registry';
import type { Locate } from '../specs/source-registry';
import { withSpecMethods } from '../specs/to-dict';
import type { Spec } from '../specs/to-dict';
import { validateParams } from '../params/validate-params';
import type { IOLike, ParamLike } from '../params/validate-params';
import { compiledParams } from './compile-operation';
import { validateDag } from './dag';

/** Options of {@link applyOperationContexts}. */
export interface ApplyContextsOptions {
  /** Extra params (`name → value` or full `{value, ref, ...}` forms); they win over the operation's. */
  readonly params?: Readonly<Record<string, unknown>> | null;
  /** A template spec: required inputs may stay unset. */
  readonly isTemplate?: boolean;
  /** Also check `runs.<uuid>` refs against the context. */
  readonly checkAllRefs?: boolean;
  /** Resolves a DAG op's `hubRef`/`urlRef`/`pathRef` to its component (unresolved ops are not param-checked). */
  readonly resolveComponent?: (op: Record<string, unknown>) => Record<string, unknown> | undefined;
}

function convert(io: IOLike, value: unknown): unknown {
  return parseIOValue(
    {
      name: io.name,
      type: io.type ?? null,
      isList: io.isList ?? null,
      isOptional: io.isOptional ?? null,
      value: io.value,
      validation: io.validation ?? null,
    },
    value,
    { isTemplate: true },
  );
}

function normalizeParams(params: unknown): Record<string, ParamLike> {
  const out: Record<string, ParamLike> = {};
  if (!isRecord(params)) return out;
  for (const [name, value] of Object.entries(params)) out[name] = normalizeParamValue(value) as ParamLike;
  return out;
}

function ioList(value: unknown): IOLike[] {
  if (!Array.isArray(value)) return [];
  const items: unknown[] = value;
  return items.filter((io): io is IOLike => isRecord(io) && typeof io.name === 'string');
}

function applyValues(ios: IOLike[] | undefined, params: Record<string, ParamLike>): IOLike[] | undefined {
  if (ios === undefined) return undefined;
  return ios.map((io) => {
    const param = params[io.name];
    if (param === undefined) return io;
    const next: Record<string, unknown> = { ...io, value: param.value };
    if (param.connection !== undefined && param.connection !== null) next.connection = param.connection;
    if (param.toInit !== undefined && param.toInit !== null) next.toInit = param.toInit;
    if (param.toEnv !== undefined && param.toEnv !== null) next.toEnv = param.toEnv;
    return next as unknown as IOLike;
  });
}

// Shared, never mutated: a DAG of n ops adds about 30 entries per op.
const ANY_CONTEXT = { type: 'any' } as const;

function addIOContext(context: Map<string, { type?: string | null; isList?: boolean | null }>, entity: string, component: Record<string, unknown>): void {
  for (const section of ['inputs', 'outputs', 'globals', 'artifacts', 'io']) context.set(`${entity}.${section}`, ANY_CONTEXT);
  // `<entity>.globals.<key>` refs are known to `validateParams` without the context: not stored per op (a DAG
  // of 10k ops would otherwise hold 210k such entries).
  for (const section of ['inputs', 'outputs'] as const) {
    for (const io of ioList(component[section])) {
      context.set(`${entity}.${section}.${io.name}`, { type: io.type ?? null, isList: io.isList ?? null });
      context.set(`${entity}.artifacts.${io.name}`, { type: io.type ?? null, isList: io.isList ?? null });
    }
  }
}

function validateDagOps(compiled: Record<string, unknown>, run: Record<string, unknown>, locate: Locate, options: ApplyContextsOptions): void {
  validateDag(run, locate, ['run']);
  const ops = (run.operations as unknown[]).filter(isRecord);
  const components = new Map<string, Record<string, unknown>>();
  if (Array.isArray(run.components)) for (const c of run.components) if (isRecord(c) && typeof c.name === 'string') components.set(c.name, c);
  const componentOf = (op: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (typeof op.dagRef === 'string') return components.get(op.dagRef);
    if (isRecord(op.component)) return op.component;
    return options.resolveComponent?.(op);
  };
  const context = new Map<string, { type?: string | null; isList?: boolean | null }>();
  addIOContext(context, 'dag', compiled);
  for (const op of ops) {
    const component = componentOf(op);
    if (component !== undefined && typeof op.name === 'string') addIOContext(context, `ops.${op.name}`, component);
  }
  const issues: SpecIssue[] = [];
  ops.forEach((op, index) => {
    const component = componentOf(op);
    if (component === undefined) return;
    try {
      validateParams({
        params: normalizeParams(op.params),
        inputs: ioList(component.inputs),
        outputs: ioList(component.outputs),
        matrix: op.matrix,
        joins: op.joins,
        refContext: context,
        isDag: true,
        isTemplate: options.isTemplate,
        checkAllRefs: options.checkAllRefs,
        convert,
        locate,
        paramsPath: ['run', 'operations', index, 'params'],
        where: `<op ${JSON.stringify(op.name) ?? ''}>.<component ${JSON.stringify(component.name ?? op.dagRef) ?? ''}>`,
      });
    } catch (error) {
      if (!PolyaxonSchemaError.isInstance(error)) throw error;
      issues.push(...error.issues);
    }
  });
  if (issues.length > 0) throw new PolyaxonSchemaError(issues[0]!.message, { stage: 'compile', issues });
}

/**
 * Upstream `apply_operation_contexts` (with the params applied first):
 * validates the params against the compiled operation's inputs and outputs
 * and sets their values, then for a DAG checks its structure and every op's
 * params against its component, with refs to upstream ops resolved.
 *
 * @param compiled - a compiled operation (from `compileOperation` or a reader)
 * @returns a new compiled operation with IO values set
 * @throws {@link PolyaxonSchemaError} (stage `params` or `compile`) listing every problem
 */
export function applyOperationContexts(compiled: V1CompiledOperation, options: ApplyContextsOptions = {}): Spec<V1CompiledOperation> {
  const locate = sourceOf(compiled);
  const value = compiled as unknown as Record<string, unknown>;
  const params = { ...normalizeParams(compiledParams(compiled)), ...normalizeParams(options.params) };
  const inputs = ioList(value.inputs);
  const outputs = ioList(value.outputs);
  const validated = validateParams({
    params,
    inputs,
    outputs,
    contexts: ioList(value.contexts),
    matrix: value.matrix,
    joins: value.joins,
    isTemplate: options.isTemplate,
    checkAllRefs: options.checkAllRefs,
    convert,
    locate,
  });
  const next: Record<string, unknown> = { ...value };
  if (value.inputs !== undefined) next.inputs = applyValues(inputs, validated);
  if (value.outputs !== undefined) next.outputs = applyValues(outputs, validated);
  if (isRecord(value.run) && value.run.kind === 'dag') validateDagOps(value, value.run, locate, options);
  const spec = withSpecMethods(next as unknown as V1CompiledOperation);
  rememberSource(spec, locate);
  return spec;
}

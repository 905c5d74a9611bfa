// `px run --local --dry-run` of a pipeline: each op compiled as far as it can be before anything
// runs. A param taken from an upstream op's outputs is only known once that op ran, so it shows as
// `<ops.NAME.outputs.KEY>` in the op's command.
import { compileOp, type DagOp } from './dag-runner';
import { type Obj, isObj } from './is-obj';

/** The placeholder of a param that references upstream ops, or `undefined` for a value known now. */
export function upstreamPlaceholder(param: unknown): string | undefined {
  if (isObj(param) && typeof param.ref === 'string' && param.ref.startsWith('ops.')) return `<${param.ref}.${String(param.value)}>`;
  const value = isObj(param) ? param.value : param;
  if (typeof value === 'string' && /\{\{[^}]*\bops\./.test(value)) return value.replace(/\{\{\s*(.*?)\s*\}\}/g, '<$1>');
  return undefined;
}

/** An op compiled for a dry run: params from upstream ops become string inputs holding their placeholder. */
export function dryRunCompile(op: DagOp): Obj {
  const params: Obj = {};
  const placeholders = new Map<string, string>();
  for (const [key, param] of Object.entries(isObj(op.op.params) ? op.op.params : {})) {
    const placeholder = upstreamPlaceholder(param);
    if (placeholder === undefined) params[key] = isObj(param) ? param.value : param;
    else placeholders.set(key, placeholder);
  }
  const inputs = Array.isArray(op.component.inputs) ? (op.component.inputs as unknown[]) : [];
  const component = {
    ...op.component,
    inputs: inputs.map((io) => (isObj(io) && typeof io.name === 'string' && placeholders.has(io.name) ? { ...io, type: 'str', isOptional: true, value: placeholders.get(io.name) } : io)),
  };
  return compileOp(op, params, component);
}

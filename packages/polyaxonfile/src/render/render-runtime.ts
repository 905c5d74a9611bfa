import type { V1CompiledOperation } from '../schemas/compiled-operation';
import { pyStr } from '../schemas/py-format';
import { isRecord } from '../read/plain-data';
import { sourceOf, rememberSource } from '../specs/source-registry';
import { withSpecMethods } from '../specs/to-dict';
import type { Spec } from '../specs/to-dict';
import { literalEval } from './python-literal';
import { renderTemplate } from './render-template';

/** Runtime contexts an agent provides (`globals`, `connections`, ...). */
export interface RuntimeContexts {
  /** `globals.*` values (run uuid, paths, ...). */
  readonly globals?: Readonly<Record<string, unknown>>;
  /** Connections by name (`connections['name'].url`). */
  readonly connections?: Readonly<Record<string, unknown>>;
  /** Any other top-level variable. */
  readonly [key: string]: unknown;
}

interface IOView {
  name: string;
  type?: string | null;
  value?: unknown;
  isFlag?: boolean | null;
  argFormat?: string | null;
  connection?: string | null;
}

function ioViews(value: unknown): IOView[] {
  if (!Array.isArray(value)) return [];
  const items: unknown[] = value;
  return items.filter((io): io is IOView => isRecord(io) && typeof io.name === 'string');
}

function asArg(io: IOView): string {
  const value = io.value;
  if (typeof io.argFormat === 'string' && io.argFormat !== '') return renderTemplate(io.argFormat, { [io.name]: value });
  if (io.isFlag === true) return value === true ? `--${io.name}` : '';
  if (value === null || value === undefined) return '';
  return `--${io.name}=${pyStr(value)}`;
}

/**
 * The variables a run's templates see: each IO's display value (flags as
 * `--name` or empty), `params.<name>.{value,type,as_str,as_arg,connection}`,
 * `params.as_args`, plus the runtime contexts.
 *
 * @returns the rendering context
 */
export function runtimeContext(compiled: V1CompiledOperation, contexts: RuntimeContexts = {}): Record<string, unknown> {
  const record = compiled as unknown as Record<string, unknown>;
  const ios = [...ioViews(record.inputs), ...ioViews(record.outputs), ...ioViews(record.contexts)];
  const params: Record<string, unknown> = {};
  const context: Record<string, unknown> = { ...contexts };
  const args: string[] = [];
  for (const io of ios) {
    const display = io.isFlag === true ? (io.value === true ? `--${io.name}` : '') : io.type === 'str' && io.value !== null && io.value !== undefined ? pyStr(io.value) : io.value;
    context[io.name] = display;
    const arg = asArg(io);
    if (arg !== '') args.push(arg);
    params[io.name] = { value: io.value, type: io.type ?? null, as_str: io.value === null || io.value === undefined ? '' : pyStr(io.value), as_arg: arg, connection: io.connection ?? null };
  }
  params.as_args = args.join(' ');
  context.params = params;
  return context;
}

function renderValue(value: unknown, context: Record<string, unknown>, depth: number): unknown {
  if (depth > 200) return value;
  if (typeof value === 'string') return value.includes('{{') ? literalEval(renderTemplate(value, context)) : value;
  if (Array.isArray(value)) return value.map((item) => renderValue(item, context, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(out, key, { value: renderValue(item, context, depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/**
 * Upstream's runtime rendering (stage 2): renders the `run` section's
 * `{{ }}` templates with the params and the runtime contexts, then reads
 * each rendered string as a Python literal (`"3"` becomes 3). Supports the
 * Jinja subset Polyaxonfiles use: variables, attribute and item access.
 *
 * @param compiled - a compiled operation with params applied
 * @param contexts - runtime contexts (`globals`, `connections`, ...)
 * @returns a new compiled operation with `run` rendered
 * @throws {@link PolyaxonSchemaError} when a template cannot be resolved
 */
export function renderRuntime(compiled: V1CompiledOperation, contexts: RuntimeContexts = {}): Spec<V1CompiledOperation> {
  const context = runtimeContext(compiled, contexts);
  const record = compiled as unknown as Record<string, unknown>;
  const next = { ...record, run: renderValue(record.run, context, 0) } as unknown as V1CompiledOperation;
  const spec = withSpecMethods(next);
  rememberSource(spec, sourceOf(compiled));
  return spec;
}

import { PolyaxonSchemaError } from '../errors';
import type { SpecIssue, SpecLocation } from '../errors';
import { isRecord } from '../read/plain-data';
import { checkRefValue, GLOBALS_KEYS, isTemplate, parseParamRef, refValueParts, typesCompatible } from './param-refs';

/** The IO fields param validation reads. */
export interface IOLike {
  readonly name: string;
  readonly type?: string | null;
  readonly isOptional?: boolean | null;
  readonly isList?: boolean | null;
  readonly isFlag?: boolean | null;
  readonly delayValidation?: boolean | null;
  readonly validation?: { readonly delay?: boolean | null } | null;
  readonly value?: unknown;
  readonly connection?: string | null;
  readonly toInit?: boolean | null;
  readonly toEnv?: string | null;
}

/** The param fields param validation reads. */
export interface ParamLike {
  readonly value?: unknown;
  readonly ref?: string | null;
  readonly contextOnly?: boolean | null;
  readonly connection?: string | null;
  readonly toInit?: boolean | null;
  readonly toEnv?: string | null;
}

/** What a DAG knows about its ops' IO: `ops.<op>.<section>.<name>` → type info. */
export type RefContext = ReadonlyMap<string, { readonly type?: string | null; readonly isList?: boolean | null }>;

/** Converts and validates a literal value for an IO (the models' `parseIOValue`). */
export type ConvertValue = (io: IOLike, value: unknown) => unknown;

/** Inputs of {@link validateParams}. */
export interface ValidateParamsOptions {
  readonly params?: Readonly<Record<string, ParamLike>> | null;
  readonly inputs?: readonly IOLike[] | null;
  readonly outputs?: readonly IOLike[] | null;
  readonly contexts?: readonly IOLike[] | null;
  readonly matrix?: unknown;
  readonly joins?: unknown;
  /** Known refs when validating an op inside a DAG. */
  readonly refContext?: RefContext;
  /** Inside a DAG: `ops.*` refs are checked against `refContext`. */
  readonly isDag?: boolean;
  readonly isTemplate?: boolean;
  readonly checkAllRefs?: boolean;
  readonly convert: ConvertValue;
  /** Locates `['params', name]`-style paths. */
  readonly locate?: (path: readonly (string | number)[]) => SpecLocation;
  /** Path prefix of the params in the document (default `['params']`). */
  readonly paramsPath?: readonly (string | number)[];
  /** Appended to the "non optional inputs" message inside DAGs. */
  readonly where?: string;
}

const RANGE_LIKE = new Set(['range', 'linspace', 'logspace', 'geomspace', 'uniform', 'quniform', 'loguniform', 'qloguniform', 'normal', 'qnormal', 'lognormal', 'qlognormal']);

function hpTypeError(name: string, ioType: string | null | undefined, hpKind: string): string | undefined {
  if (ioType === undefined || ioType === null || ioType === 'any') return undefined;
  if (RANGE_LIKE.has(hpKind) && ioType !== 'int' && ioType !== 'float') {
    return `Param \`${name}\` has a an input type \`${ioType}\` and it does not correspond to hyper-param type \`int or float\`.`;
  }
  if (hpKind === 'daterange' && ioType !== 'date') {
    return `Param \`${name}\` has a an input type \`${ioType}\` and it does not correspond to hyper-param type \`date\`.`;
  }
  if (hpKind === 'datetimerange' && ioType !== 'datetime') {
    return `Param \`${name}\` has a an input type \`${ioType}\` and it does not correspond to hyper-param type \`datetime\`.`;
  }
  return undefined;
}

/** The hyper-parameters a matrix provides: name → hp kind (`undefined` kind when unknown). */
export function matrixParams(matrix: unknown): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (!isRecord(matrix)) return out;
  if (isRecord(matrix.params)) {
    for (const [name, hp] of Object.entries(matrix.params)) out.set(name, isRecord(hp) && typeof hp.kind === 'string' ? hp.kind : undefined);
  }
  if (isRecord(matrix.resource) && typeof matrix.resource.name === 'string') out.set(matrix.resource.name, undefined);
  if (matrix.kind === 'mapping') {
    if (Array.isArray(matrix.values) && isRecord(matrix.values[0])) for (const name of Object.keys(matrix.values[0])) out.set(name, undefined);
    else if (typeof matrix.values === 'string') out.set('*', undefined);
  }
  return out;
}

function isDelayed(io: IOLike, isOutput: boolean): boolean {
  if (io.delayValidation !== undefined && io.delayValidation !== null) return io.delayValidation;
  if (io.validation?.delay !== undefined && io.validation.delay !== null) return io.validation.delay;
  return isOutput;
}

function joinParamNames(joins: unknown): Map<string, ParamLike> {
  const out = new Map<string, ParamLike>();
  if (!Array.isArray(joins)) return out;
  for (const join of joins) {
    if (isRecord(join) && isRecord(join.params)) {
      for (const [name, param] of Object.entries(join.params)) if (isRecord(param)) out.set(name, param);
    }
  }
  return out;
}

const pySet = (names: readonly string[]): string => `{${names.map((n) => `'${n}'`).join(', ')}}`;

/**
 * Upstream's `validate_params`: params checked against the component's
 * inputs and outputs (required, types via `convert`, refs, matrix and
 * join-provided values, unexpected names). Every problem is collected.
 *
 * @returns the params with literal values converted to their IO types
 * @throws {@link PolyaxonSchemaError} (stage `params`) listing every problem
 */
export function validateParams(options: ValidateParamsOptions): Record<string, ParamLike> {
  const locate = options.locate ?? ((): SpecLocation => ({}));
  const prefix = options.paramsPath ?? ['params'];
  const issues: SpecIssue[] = [];
  const root = locate([]);
  // Params passed programmatically have no place in the file: point at the IO declaration instead.
  const declared = new Map<string, (string | number)[]>();
  (options.inputs ?? []).forEach((io, index) => declared.set(io.name, ['inputs', index]));
  (options.outputs ?? []).forEach((io, index) => declared.set(io.name, ['outputs', index]));
  const add = (path: (string | number)[], message: string, extra: Partial<SpecIssue> = {}): void => {
    let location = locate(path);
    const fallback = declared.get(String(path[prefix.length]));
    if (fallback !== undefined && location.line === root.line && location.column === root.column) location = locate(fallback);
    issues.push({ ...location, path, message, ...extra });
  };
  const params: Record<string, ParamLike> = { ...(options.params ?? {}) };
  const joinParams = joinParamNames(options.joins);
  for (const [name, param] of joinParams) if (!Object.hasOwn(params, name)) params[name] = param;
  const contextNames = new Set((options.contexts ?? []).map((io) => io.name));
  for (const [name, param] of Object.entries(params)) {
    if (contextNames.has(name)) params[name] = { ...param, contextOnly: true };
  }
  const inputs = options.inputs ?? [];
  const outputs = options.outputs ?? [];
  const matrix = matrixParams(options.matrix);
  const isTemplateSpec = options.isTemplate === true;
  const hasParams = Object.keys(params).length > 0;

  const required = [...inputs.filter((io) => io.isOptional !== true && !isDelayed(io, false)), ...outputs.filter((io) => io.isOptional !== true && !isDelayed(io, true))];
  if (required.length > 0 && !isTemplateSpec && !hasParams && matrix.size === 0) {
    const message = `The Polyaxonfile has non optional inputs/outputs, you need to pass valid params${options.where === undefined ? '' : ` Please check: ${options.where}`}`;
    throw new PolyaxonSchemaError(message, {
      stage: 'params',
      issues: required.map((io) => ({ ...locate(prefix), path: [...prefix, io.name], message: `No value was provided for the non optional key \`${io.name}\`.`, expected: io.type ?? 'a value', received: 'nothing' })),
    });
  }
  const unexpected = (names: string[]): void => {
    if (names.length > 0) add([...prefix, names[0]!], `Received unexpected params \`${pySet(names)}\``, { expected: `one of the declared inputs/outputs (${[...inputs, ...outputs].map((io) => io.name).join(', ') || 'none'})`, received: names.join(', ') });
  };
  if (inputs.length === 0 && outputs.length === 0) {
    unexpected(Object.entries(params).filter(([, p]) => p.contextOnly !== true).map(([n]) => n));
  }
  const out: Record<string, ParamLike> = { ...params };
  const check = (io: IOLike, isOutput: boolean): void => {
    const param = params[io.name];
    const path = [...prefix, io.name];
    if (param !== undefined) {
      const isJoin = joinParams.has(io.name) && params[io.name] === joinParams.get(io.name);
      if (isJoin) {
        if (param.contextOnly !== true && io.isList !== true && io.type !== 'artifacts') {
          add(path, `Param \`${io.name}\` has a an input type \`${io.type ?? 'None'}\`, it does not expect a list of values from the join. You should either pass a single value or add \`isList\` to you IO definition`, { expected: 'an IO with isList: true', received: `type ${io.type ?? 'None'}` });
        }
        return;
      }
      if (typeof param.ref === 'string' && param.ref !== '') {
        checkRef(io, param, path);
        return;
      }
      if (isTemplate(param.value)) return;
      try {
        out[io.name] = { ...param, value: options.convert(io, param.value) };
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        add([...path, 'value'], message, { expected: io.isList === true ? `a list of ${io.type ?? 'any'}` : (io.type ?? 'any'), received: JSON.stringify(param.value) ?? 'null' });
      }
      return;
    }
    if (matrix.has(io.name) || matrix.has('*')) {
      const kind = matrix.get(io.name);
      const problem = kind === undefined ? undefined : hpTypeError(io.name, io.type, kind);
      if (problem !== undefined) add(['matrix', 'params', io.name], problem, { expected: io.type ?? 'any', received: `hyper-param ${kind ?? ''}` });
      return;
    }
    if (!isOutput && io.isOptional !== true && !isDelayed(io, false) && !isTemplateSpec) {
      add(path, `Input ${io.name} is required, no param was passed.`, { expected: io.type ?? 'a value', received: 'nothing' });
    }
  };
  const checkRef = (io: IOLike, param: ParamLike, path: (string | number)[]): void => {
    const ref = parseParamRef(param.ref!, io.name);
    if ('error' in ref) {
      add([...path, 'ref'], ref.error, { expected: 'dag, ops.<name> or runs.<uuid>', received: param.ref! });
      return;
    }
    const value = typeof param.value === 'string' ? param.value : '';
    const shape = checkRefValue(value, io.name, ref.kind === 'dag');
    if (shape !== undefined) {
      add([...path, 'value'], shape, { received: value });
      return;
    }
    if (ref.kind === 'runs' && options.checkAllRefs !== true) return;
    if (isTemplate(value) && ref.kind === 'runs') return;
    const parts = refValueParts(value);
    if (parts[0] === 'artifacts') return;
    const entity = ref.kind === 'dag' ? 'dag' : ref.kind === 'ops' ? `ops.${ref.name}` : `runs.${ref.uuid}`;
    let found: { type?: string | null; isList?: boolean | null } | undefined;
    if (parts[0] === 'globals' && parts.length === 2 && (GLOBALS_KEYS as readonly string[]).includes(parts[1]!)) found = { type: 'str' };
    else found = options.refContext?.get(`${entity}.${parts.join('.')}`);
    if (found === undefined) {
      add([...path, 'value'], `Param \`${io.name}\` has a ref value \`${value}\`, but reference with name \`${entity}\` has no such information, please check that your polyaxonfile defines the correct template`, {
        expected: `an input/output of \`${entity}\``,
        received: value,
      });
      return;
    }
    if (parts.length === 1) return;
    if (!typesCompatible(io.type, found.type)) {
      add([...path, 'value'], `Param \`${io.name}\` has a an input type \`${io.type ?? 'None'}\` and it does not correspond to the type of the value \`${value}\` received from \`${entity}\` with type \`${found.type ?? 'None'}\``, { expected: io.type ?? 'any', received: found.type ?? 'None' });
    } else if (Boolean(io.isList) !== Boolean(found.isList) && io.type !== 'any' && found.type !== 'any') {
      add([...path, 'value'], `Param \`${io.name}\` has a an input type \`${io.isList === true ? `List[${io.type ?? 'None'}]` : (io.type ?? 'None')}\` and it does not correspond to the type of the value \`${value}\` received from \`${entity}\` with type \`${found.isList === true ? `List[${found.type ?? 'None'}]` : (found.type ?? 'None')}\``);
    }
  };
  for (const io of inputs) check(io, false);
  for (const io of outputs) check(io, true);
  if (inputs.length > 0 || outputs.length > 0) {
    const declared = new Set([...inputs, ...outputs].map((io) => io.name));
    unexpected(Object.entries(params).filter(([name, p]) => !declared.has(name) && p.contextOnly !== true && !joinParams.has(name)).map(([n]) => n));
  }
  if (issues.length > 0) {
    throw new PolyaxonSchemaError(issues.length === 1 ? issues[0]!.message : `${issues[0]!.message} (and ${issues.length - 1} more problem${issues.length === 2 ? '' : 's'})`, { stage: 'params', issues });
  }
  return out;
}

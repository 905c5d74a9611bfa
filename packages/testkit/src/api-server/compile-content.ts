import { isJsonObject, type Json, type JsonObject } from './json';

/** What the scheduler's compilation of an operation `content` gives back. */
export interface CompiledContent {
  /** The `compiled_operation` as JSON text (or the content unchanged when it is not a JSON operation). */
  readonly content: string;
  /** The resolved input values (`{}` when not resolved). */
  readonly inputs: JsonObject;
  /** `isApproved: false` in the operation: the run waits for approval. */
  readonly needsApproval: boolean;
}

function inputValues(component: JsonObject, op: JsonObject): JsonObject {
  const values: JsonObject = {};
  for (const input of Array.isArray(component.inputs) ? component.inputs : []) {
    if (isJsonObject(input) && typeof input.name === 'string' && input.value !== undefined) values[input.name] = input.value;
  }
  const params = isJsonObject(op.params) ? op.params : {};
  for (const [name, param] of Object.entries(params)) if (isJsonObject(param) && param.value !== undefined) values[name] = param.value;
  return values;
}

function render(value: Json, values: JsonObject): Json {
  if (typeof value === 'string') {
    return value.replace(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g, (whole, name: string) => {
      const v = values[name];
      return v === undefined ? whole : typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => render(v, values));
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, values)]));
  return value;
}

/**
 * Compiles an operation the way haupt's scheduler shows it (samples 109–111): the component
 * is inlined into a `compiled_operation`. A run that can be scheduled gets its params resolved
 * (and `run.init: []`); a run waiting for approval is only compiled (`contexts: []`). Only JSON
 * operations are compiled; anything else is returned as sent.
 */
export function compileContent(content: string, resolve: boolean): CompiledContent {
  let op: unknown;
  try {
    op = JSON.parse(content);
  } catch {
    return { content, inputs: {}, needsApproval: false };
  }
  if (!isJsonObject(op) || op.kind !== 'operation' || !isJsonObject(op.component)) return { content, inputs: {}, needsApproval: false };
  const component = op.component;
  const needsApproval = op.isApproved === false;
  const values = inputValues(component, op);
  const compiled: JsonObject = { version: op.version ?? component.version ?? 1.1, kind: 'compiled_operation' };
  if (component.name !== undefined) compiled.name = component.name;
  if (op.isApproved !== undefined) compiled.isApproved = op.isApproved;
  for (const [key, value] of Object.entries(component)) {
    if (!['version', 'kind', 'name', 'run'].includes(key)) compiled[key] = value;
  }
  const run = isJsonObject(component.run) ? component.run : {};
  if (resolve && !needsApproval) {
    const { kind, ...rest } = run;
    compiled.run = render({ kind: kind ?? 'job', init: [], ...rest }, values);
    return { content: JSON.stringify(compiled), inputs: values, needsApproval };
  }
  compiled.contexts = [];
  compiled.run = run;
  return { content: JSON.stringify(compiled), inputs: {}, needsApproval };
}

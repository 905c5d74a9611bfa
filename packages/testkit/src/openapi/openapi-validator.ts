import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ExchangeRequest, ExchangeResponse, ExchangeValidator, ValidationOutcome } from './exchange-validator';
import type { SwaggerDocument, SwaggerParameter } from './load-specs';
import { OperationIndex } from './operations';
import { EXTRA_QUERY_PARAMS, patchDefinitions, QUERY_BOOLEANS, stripNulls, SUCCESS_ALIASES } from './quirks';

const SCHEMA_ID = 'polyaxon-sdk';
const STRICT_ID = 'polyaxon-sdk-strict';

/**
 * A copy of the definitions where every object schema that lists its
 * `properties` refuses others: request bodies must not carry fields the
 * specification does not know (a typo, or a field of another model).
 * Free-form objects (`meta_info`, `inputs`, ... without `properties`) stay free.
 */
function strictDefinitions(definitions: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const schema = node as Record<string, unknown>;
    if (schema.properties && typeof schema.properties === 'object' && schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
    }
    Object.values(schema).forEach(visit);
  };
  const copy = structuredClone(definitions);
  visit(copy);
  return copy;
}

// ajv-formats is CommonJS: its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    'allowedValues' in params
      ? ` ${JSON.stringify(params.allowedValues)}`
      : 'additionalProperty' in params
        ? `: "${String(params.additionalProperty)}"`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

function queryTypeError(param: SwaggerParameter, value: string): string | undefined {
  switch (param.type) {
    case 'integer':
      return /^-?\d+$/.test(value) ? undefined : `query parameter "${param.name}" must be an integer, got "${value}"`;
    case 'number':
      return value.trim() !== '' && !Number.isNaN(Number(value)) ? undefined : `query parameter "${param.name}" must be a number, got "${value}"`;
    case 'boolean':
      return QUERY_BOOLEANS.has(value) ? undefined : `query parameter "${param.name}" must be a boolean, got "${value}"`;
    default:
      if (param.format === 'date-time' && value !== '' && Number.isNaN(Date.parse(value))) {
        return `query parameter "${param.name}" must be a date-time, got "${value}"`;
      }
      return undefined;
  }
}

/**
 * Validates values and HTTP exchanges against the official Polyaxon
 * Swagger 2 specification, with the tolerances listed in `quirks.ts`.
 */
export class OpenApiValidator implements ExchangeValidator {
  private readonly ajv: Ajv;
  private readonly index: OperationIndex;
  private readonly definitions: ReadonlySet<string>;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(documents: readonly SwaggerDocument[]) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv);
    const definitions = patchDefinitions(Object.assign({}, ...documents.map((doc) => doc.definitions ?? {})) as Record<string, Record<string, unknown>>);
    this.definitions = new Set(Object.keys(definitions));
    this.ajv.addSchema({ $id: SCHEMA_ID, definitions }, SCHEMA_ID);
    this.ajv.addSchema({ $id: STRICT_ID, definitions: strictDefinitions(definitions) }, STRICT_ID);
    this.index = new OperationIndex(documents);
  }

  /** Whether the specification defines `name` (e.g. `v1Run`). */
  hasDefinition(name: string): boolean {
    return this.definitions.has(name);
  }

  /** Names of every definition. */
  definitionNames(): string[] {
    return [...this.definitions].sort();
  }

  private compile(schema: Record<string, unknown>, strict = false): ValidateFunction {
    const rewritten = JSON.stringify(schema).replaceAll('"#/definitions/', `"${strict ? STRICT_ID : SCHEMA_ID}#/definitions/`);
    let validate = this.cache.get(rewritten);
    if (!validate) {
      validate = this.ajv.compile(JSON.parse(rewritten) as Record<string, unknown>);
      this.cache.set(rewritten, validate);
    }
    return validate;
  }

  /**
   * Errors of `value` against `schema` (null properties treated as absent);
   * `strict` also refuses properties the schema does not list.
   */
  check(schema: Record<string, unknown>, value: unknown, strict = false): string[] {
    const validate = this.compile(schema, strict);
    return validate(stripNulls(value)) ? [] : (validate.errors ?? []).map(formatError);
  }

  /** Errors of `value` against the definition `name`. */
  checkDefinition(name: string, value: unknown): string[] {
    return this.check({ $ref: `#/definitions/${name}` }, value);
  }

  request(request: ExchangeRequest): ValidationOutcome {
    const match = this.index.find(request.method, request.pathname);
    if (!match) return { errors: [`no operation in the official OpenAPI for ${request.method} ${request.pathname}`] };
    const { operation } = match;
    const operationId = operation.operationId;
    const errors: string[] = [];
    const params = operation.parameters ?? [];
    const queryParams = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name, p]));
    const extras = new Set(operationId ? (EXTRA_QUERY_PARAMS[operationId] ?? []) : []);
    for (const [name, value] of request.query) {
      const param = queryParams.get(name);
      if (!param) {
        if (!extras.has(name)) errors.push(`query parameter "${name}" is not in the specification`);
        continue;
      }
      const error = queryTypeError(param, value);
      if (error) errors.push(error);
    }
    for (const param of queryParams.values()) {
      if (param.required && !request.query.has(param.name)) errors.push(`missing required query parameter "${param.name}"`);
    }
    const bodyParam = params.find((p) => p.in === 'body');
    if (bodyParam?.schema) {
      if (request.json === undefined) {
        if (bodyParam.required) errors.push('missing required JSON body');
      } else {
        errors.push(...this.check(bodyParam.schema, request.json, true).map((e) => `body ${e}`));
      }
    } else if (request.json !== undefined && !(typeof request.json === 'object' && request.json !== null && Object.keys(request.json).length === 0)) {
      errors.push('a body was sent to an operation that takes none');
    }
    return { operationId, errors };
  }

  response(response: ExchangeResponse): ValidationOutcome {
    const match = this.index.find(response.method, response.pathname);
    if (!match) return { errors: [] };
    const { operation } = match;
    const operationId = operation.operationId;
    const responses = operation.responses ?? {};
    const code = String(response.status);
    const ok = response.status >= 200 && response.status < 300;
    // Error bodies are Django REST framework's (`{"detail"}`, `{"field": [...]}`, `["..."]`), never the
    // `runtimeError` of the `default` response: only explicitly declared error codes are checked.
    const declared = responses[code] ?? (ok && SUCCESS_ALIASES.includes(response.status) ? responses['200'] : undefined);
    if (response.status === 204) {
      return { operationId, errors: response.hasBody ? ['a 204 response must have no body'] : [] };
    }
    if (!declared) return { operationId, errors: ok ? [`status ${code} is not declared`] : [] };
    const schema = declared.schema;
    if (!schema || response.json === undefined) return { operationId, errors: [] };
    return { operationId, errors: this.check(schema, response.json).map((e) => `body ${e}`) };
  }
}

// Generates the editor JSON Schema (schema/polyaxonfile.schema.json) from the
// valibot models. Dev-time only: @valibot/to-json-schema is a devDependency
// and nothing here is imported by src, so the browser bundle does not grow.
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import type { GenericSchema } from 'valibot';
import * as schemas from '../../../src/schemas';
import { SCHEMA_VERSION, SECTIONS } from '../../../src/specs/sections';
import { describeFields } from './describe-fields';
import { createEditorView } from './editor-view';
import { kindSwitches, type Json } from './kind-switch';

/** The schema's `$id`: where the published file is served (jsDelivr mirrors every npm release). */
export const SCHEMA_ID = 'https://cdn.jsdelivr.net/npm/@px/polyaxonfile/schema/polyaxonfile.schema.json';

const SPEC_DEFS = { component: 'Component', operation: 'Operation', compiled_operation: 'CompiledOperation' } as const;

function isValibotSchema(value: unknown): value is GenericSchema {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'schema' && typeof (value as { '~run'?: unknown })['~run'] === 'function';
}

/**
 * The top level: `kind` picks the document's model; `version` must be the one
 * upstream reads, except in preset files (`isPreset: true`), which may leave
 * out both (upstream reads them as operations). Top-level sections are
 * camelCase only (nested models also take snake_case field names).
 */
function topLevel(defs: Record<string, Json>): Json {
  for (const name of Object.values(SPEC_DEFS)) {
    const properties = defs[name]!.properties as Record<string, Json>;
    properties.version = { enum: [SCHEMA_VERSION] };
  }
  const kinds = Object.keys(SPEC_DEFS);
  return {
    type: 'object',
    properties: { kind: { enum: kinds }, version: { enum: [SCHEMA_VERSION] } },
    propertyNames: { enum: [...SECTIONS] },
    if: { properties: { isPreset: { const: true } }, required: ['isPreset'] },
    else: { required: ['version', 'kind'] },
    allOf: [
      ...Object.entries(SPEC_DEFS).map(([kind, def]) => ({
        if: { properties: { kind: { const: kind } }, required: ['kind'] },
        then: { $ref: `#/$defs/${def}` },
      })),
      { if: { not: { required: ['kind'] } }, then: { $ref: '#/$defs/Operation' } },
    ],
  };
}

/**
 * Other YAML 1.1 readers (the `yaml` package behind yaml-language-server with
 * `yaml.yamlVersion: "1.1"`) read the range shorthand `0:1` as the base-60
 * number 1, where PyYAML keeps the string: hp values written as strings also
 * accept a number, so such an editor shows no false error.
 */
function toleratePlainNumbers(hpParam: Json): void {
  const widen = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(widen);
    else if (typeof node === 'object' && node !== null) {
      const json = node as Json;
      if (json.type === 'string' && Object.keys(json).length === 1) json.type = ['string', 'number'];
      if (Array.isArray(json.anyOf)) widen(json.anyOf);
    }
  };
  for (const branch of hpParam.allOf as { then: { properties: { value: unknown } } }[]) widen(branch.then.properties.value);
}

/** The JSON Schema document shipped as `@px/polyaxonfile/schema.json`. */
export function generateJsonSchema(): Record<string, unknown> {
  const view = createEditorView();
  const definitions: Record<string, GenericSchema> = {};
  for (const [name, value] of Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.endsWith('Schema') && isValibotSchema(value)) definitions[name.replace(/Schema$/, '')] = view(value);
  }
  const converted = toJsonSchema(view(v.union([schemas.ComponentSchema, schemas.OperationSchema, schemas.CompiledOperationSchema])), {
    errorMode: 'ignore',
    typeMode: 'input',
    ignoreActions: ['raw_check', 'check'],
    definitions,
  }) as Json;
  const defs = converted.$defs as Record<string, Json>;
  const schema: Json = {
    $schema: converted.$schema,
    $id: SCHEMA_ID,
    title: `Polyaxonfile (version ${SCHEMA_VERSION})`,
    description:
      'A Polyaxonfile: a component, an operation or a compiled operation. Generated from the @px/polyaxonfile models; ' +
      'the package checks more than JSON Schema can express (params against inputs, DAGs, references).',
    ...topLevel(defs),
    $defs: defs,
  };
  kindSwitches(schema);
  toleratePlainNumbers(defs.HpParam!);
  describeFields(schema);
  return schema;
}

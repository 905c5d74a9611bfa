// Generates the editor JSON Schema from the valibot models (dev-time only:
// @valibot/to-json-schema is a devDependency, never imported by src).
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import type { GenericSchema } from 'valibot';
import * as schemas from '../../src/schemas';

function isValibotSchema(value: unknown): value is GenericSchema {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'schema' && typeof (value as { '~run'?: unknown })['~run'] === 'function';
}

/** The JSON Schema document shipped as `@px/polyaxonfile/schema.json`. */
export function generateJsonSchema(): Record<string, unknown> {
  const definitions: Record<string, GenericSchema> = {};
  for (const [name, value] of Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.endsWith('Schema') && isValibotSchema(value)) definitions[name.replace(/Schema$/, '')] = value;
  }
  const root = toJsonSchema(
    v.union([schemas.ComponentSchema, schemas.OperationSchema, schemas.CompiledOperationSchema]),
    { errorMode: 'ignore', definitions },
  ) as Record<string, unknown>;
  return {
    $id: 'https://px.invalid/polyaxonfile.schema.json',
    title: 'Polyaxonfile (version 1.1)',
    description: 'Generated from the @px/polyaxonfile valibot models. Editors only: the package validates more than JSON Schema can express.',
    ...root,
  };
}

// Adds hover help to every field of the generated schema: `markdownDescription`
// (editors that render markdown) and `description` (plain text), from
// FIELD_DOCS, with the allowed values of enum fields listed.
import { toCamelCase } from '../../../src/schemas';
import { FIELD_DOCS } from './field-docs';
import type { Json } from './kind-switch';

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enum or const values a field accepts, looking through `anyOf`/`allOf` (not into nested objects). */
function allowedValues(schema: unknown): unknown[] {
  if (!isJson(schema)) return [];
  const own = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : [];
  const nested = [schema.anyOf, schema.allOf, schema.oneOf].flatMap((list) => (Array.isArray(list) ? list.flatMap(allowedValues) : []));
  return [...new Set([...own, ...nested])];
}

function docFor(model: string, key: string): string | undefined {
  return FIELD_DOCS[`${model}.${key}`] ?? FIELD_DOCS[key];
}

function describeProperties(properties: Json, model: string, missing: Set<string>): void {
  for (const [key, schema] of Object.entries(properties)) {
    if (!isJson(schema)) continue;
    const camel = toCamelCase(key);
    const alias = camel !== key && camel in properties;
    const doc = docFor(model, camel);
    if (doc === undefined) {
      missing.add(`${model}.${camel}`);
      continue;
    }
    const values = allowedValues(schema).filter((value) => value !== null);
    let markdown = alias ? `${doc} (snake_case spelling of \`${camel}\`.)` : doc;
    if (values.length > 0) markdown += `\n\nAllowed values: ${values.map((value) => `\`${JSON.stringify(value).replace(/^"|"$/g, '')}\``).join(', ')}.`;
    schema.description = markdown.replaceAll('`', '').replaceAll('\n\n', ' ');
    schema.markdownDescription = markdown;
  }
}

function walk(node: unknown, model: string, missing: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, model, missing);
    return;
  }
  if (!isJson(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isJson(value)) {
      for (const field of Object.values(value)) walk(field, model, missing);
      describeProperties(value, model, missing);
    } else if (key !== '$defs' && key !== 'if') walk(value, model, missing);
  }
}

/**
 * Describes every field of `schema` in place.
 *
 * @param schema - The generated document (top level and `$defs`).
 * @throws Error naming the fields FIELD_DOCS does not describe.
 */
export function describeFields(schema: Json): void {
  const missing = new Set<string>();
  walk(schema, 'Polyaxonfile', missing);
  for (const [model, definition] of Object.entries(schema.$defs as Record<string, unknown>)) walk(definition, model, missing);
  if (missing.size > 0) throw new Error(`No description for ${[...missing].sort().join(', ')} (add them to test/support/json-schema/field-docs.ts)`);
}

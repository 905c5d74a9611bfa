// An "editor view" of the valibot models for JSON Schema conversion: the same
// tree with two shapes made visible that the converter cannot see on its own.
//  - Mappings built as `pipe(unknown, check, record(...))` (`dict()` in
//    src/schemas/common.ts) become the `record` they check, so map values are
//    validated (matrix params, hp kinds, ...) instead of being any object.
//  - Required fields that accept two spellings (`numRuns` / `num_runs`) are
//    optional entries in the strict object; the view adds "one of the two
//    spellings is required" as JSON Schema metadata.
// Nothing here changes validation in the package: it only feeds the generator.
import * as v from 'valibot';
import type { GenericSchema } from 'valibot';
import { toSnakeCase } from '../../../src/schemas';

type Node = Record<string, unknown> & { kind: string; type: string };

const WRAPPERS = new Set(['optional', 'nullish', 'nullable', 'exact_optional', 'undefinedable', 'non_optional', 'non_nullable', 'non_nullish']);
const OBJECTS = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);
const TRANSFORMS = new Set(['transform', 'raw_transform', 'to_number', 'to_string', 'to_boolean', 'to_date', 'to_bigint', 'parse_json', 'stringify_json']);

function flatPipe(items: readonly Node[]): Node[] {
  return items.flatMap((item) => (item.kind === 'schema' && Array.isArray(item.pipe) ? flatPipe(item.pipe as Node[]) : [item]));
}

/** The record a `dict()` pipe checks, if `node` is one (`unknown`, checks/metadata, then a record, before any transform). */
function dictRecord(node: Node): Node | undefined {
  if (!Array.isArray(node.pipe)) return undefined;
  const items = flatPipe(node.pipe as Node[]);
  if (items[0]?.type !== 'unknown') return undefined;
  for (const item of items.slice(1)) {
    if (item.kind === 'transformation' && TRANSFORMS.has(item.type)) return undefined;
    if (item.kind === 'schema') return item.type === 'record' ? item : undefined;
  }
  return undefined;
}

/**
 * Pairs `[camelCase, snake_case]` of a strict object whose field is required
 * under either spelling (`modelParts` wraps the same schema in two distinct
 * `optional`s; truly optional fields share one schema object).
 */
function requiredSpellings(entries: Record<string, Node>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const snake = toSnakeCase(key);
    const alias = entries[snake];
    if (snake === key || alias === undefined || alias === entry) continue;
    if (entry.type === 'optional' && alias.type === 'optional' && entry.wrapped === alias.wrapped && !WRAPPERS.has((entry.wrapped as Node).type)) {
      pairs.push([key, snake]);
    }
  }
  return pairs;
}

/**
 * Builds editor views of schemas; one instance per conversion so shared
 * sub-schemas map to one view object (the converter finds `$ref`s by identity).
 */
export function createEditorView(): (schema: GenericSchema) => GenericSchema {
  const memo = new WeakMap<object, Node>();

  const view = (node: Node): Node => {
    const cached = memo.get(node);
    if (cached) return cached;
    const out: Node = { ...node };
    memo.set(node, out);
    const record = dictRecord(node);
    if (record) {
      Object.assign(out, view(record));
      delete out.pipe;
      return out;
    }
    if (Array.isArray(node.pipe)) {
      // A pipe copies its first schema's fields: convert through its items only.
      out.pipe = (node.pipe as Node[]).map((item) => (item.kind === 'schema' ? view(item) : item));
      return out;
    }
    if (OBJECTS.has(node.type)) {
      const entries = node.entries as Record<string, Node>;
      out.entries = Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, view(entry)]));
      if (node.rest) out.rest = view(node.rest as Node);
      const pairs = requiredSpellings(entries);
      if (pairs.length > 0) {
        const object = { ...out };
        const required = pairs.map(([a, b]) => ({ anyOf: [{ required: [a] }, { required: [b] }] }));
        Object.assign(out, v.pipe(object as unknown as GenericSchema, v.metadata({ allOf: required })));
      }
    }
    if (node.wrapped) out.wrapped = view(node.wrapped as Node);
    if (node.item) out.item = view(node.item as Node);
    if (node.type === 'record') out.value = view(node.value as Node);
    if (Array.isArray(node.options) && node.kind === 'schema' && node.type !== 'picklist' && node.type !== 'enum') {
      out.options = (node.options as Node[]).map(view);
    }
    if (Array.isArray(node.items) && node.type.includes('tuple')) out.items = (node.items as Node[]).map(view);
    if (node.type === 'lazy') {
      const getter = node.getter as (input: unknown) => Node;
      out.getter = (input: unknown) => view(getter(input));
    }
    return out;
  };
  return (schema) => view(schema as unknown as Node) as unknown as GenericSchema;
}

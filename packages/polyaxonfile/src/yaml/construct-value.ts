import type { MapNode, YamlNode } from './compose-document';
import { setKey } from '../read/plain-data';
import { ScalarValueError, constructBool, constructFloat, constructInt, constructTimestamp } from './resolve-scalar';
import { YamlSyntaxError } from './yaml-syntax-error';

// Nodes to plain data, as PyYAML's SafeConstructor builds Python objects,
// mapped to JSON-like values: `!!set` becomes the list of its members,
// `!!omap`/`!!pairs` lists of [key, value], `!!binary` the decoded text,
// timestamps ISO strings. Mapping keys become strings (`null` → '').

const Y = 'tag:yaml.org,2002:';
const MERGE = `${Y}merge`;

/** How many nodes aliases may add to a document, each time they repeat one (a guard against "billion laughs"). */
export const MAX_EXPANDED_NODES = 1_000_000;

const NODE_NAMES = { scalar: 'scalar', seq: 'sequence', map: 'mapping' } as const;

function problem(message: string, node: YamlNode, context?: string, contextNode?: YamlNode): never {
  throw new YamlSyntaxError(message, node, context, contextNode);
}

function expectKind<K extends YamlNode['kind']>(node: YamlNode, kind: K): Extract<YamlNode, { kind: K }> {
  if (node.kind !== kind) problem(`expected a ${NODE_NAMES[kind]} node, but found ${NODE_NAMES[node.kind]}`, node);
  return node as Extract<YamlNode, { kind: K }>;
}

function decodeBase64(text: string): string {
  // Python's base64.decodebytes: characters outside the alphabet are skipped; the padding must be right.
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  if (clean.length % 4 !== 0) throw new ScalarValueError('failed to decode base64 data: Incorrect padding');
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(clean), (c) => c.charCodeAt(0)));
  } catch {
    throw new ScalarValueError('failed to decode base64 data');
  }
}

/** A mapping's pairs with `<<` merge keys applied, as PyYAML's `flatten_mapping`. */
function flatten(node: MapNode): [YamlNode, YamlNode][] {
  const merged: [YamlNode, YamlNode][] = [];
  const own: [YamlNode, YamlNode][] = [];
  for (const pair of node.pairs) {
    const [key, value] = pair;
    if (key.tag !== MERGE) {
      own.push(pair);
      continue;
    }
    if (value.kind === 'map') merged.push(...flatten(value));
    else if (value.kind === 'seq') {
      const parts = value.items.map((item) => {
        if (item.kind !== 'map') problem(`expected a mapping for merging, but found ${NODE_NAMES[item.kind]}`, item, 'while constructing a mapping', node);
        return flatten(item);
      });
      for (const part of parts.reverse()) merged.push(...part);
    } else problem(`expected a mapping or list of mappings for merging, but found ${NODE_NAMES[value.kind]}`, value, 'while constructing a mapping', node);
  }
  return merged.length === 0 ? own : [...merged, ...own];
}

/** The string key a constructed mapping key becomes. */
function keyString(key: unknown): string | undefined {
  if (key === null) return '';
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'boolean') return String(key);
  return undefined;
}

const SCALARS: Readonly<Record<string, (text: string) => unknown>> = {
  [`${Y}str`]: (text) => text,
  [`${Y}null`]: () => null,
  [`${Y}bool`]: constructBool,
  [`${Y}int`]: constructInt,
  [`${Y}float`]: constructFloat,
  [`${Y}timestamp`]: constructTimestamp,
  [`${Y}binary`]: decodeBase64,
};

/** A constructor for one document: builds nodes, following aliases within the expansion budget. */
function constructor(): (node: YamlNode) => unknown {
  let budget = MAX_EXPANDED_NODES;
  const built = new Set<YamlNode>();
  const active = new Set<YamlNode>();

  function value(node: YamlNode): unknown {
    if (!built.has(node)) built.add(node);
    else if (--budget < 0) problem(`the document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases`, node);
    const scalar = SCALARS[node.tag];
    if (scalar !== undefined) {
      try {
        return scalar(expectKind(node, 'scalar').value);
      } catch (error) {
        if (error instanceof ScalarValueError) problem(error.message, node);
        throw error;
      }
    }
    if (active.has(node)) problem('found a recursive alias (the node contains itself), which cannot be represented as data', node);
    active.add(node);
    try {
      return collection(node);
    } finally {
      active.delete(node);
    }
  }

  function collection(node: YamlNode): unknown {
    switch (node.tag) {
      case `${Y}seq`:
        return expectKind(node, 'seq').items.map(value);
      case `${Y}map`:
        return mapping(expectKind(node, 'map'));
      case `${Y}set`:
        return Object.keys(mapping(expectKind(node, 'map')));
      case `${Y}omap`:
      case `${Y}pairs`: {
        const context = `while constructing ${node.tag === `${Y}omap` ? 'an ordered map' : 'pairs'}`;
        if (node.kind !== 'seq') return problem(`expected a sequence, but found ${NODE_NAMES[node.kind]}`, node, context);
        return node.items.map((item) => {
          if (item.kind !== 'map') return problem(`expected a mapping of length 1, but found ${NODE_NAMES[item.kind]}`, item, context, node);
          if (item.pairs.length !== 1) return problem(`expected a single mapping item, but found ${item.pairs.length} items`, item, context, node);
          return item.pairs[0]!.map(value);
        });
      }
      default:
        return problem(`could not determine a constructor for the tag '${node.tag}'`, node);
    }
  }

  function mapping(node: MapNode): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [keyNode, valueNode] of flatten(node)) {
      const key = keyNode.tag === `${Y}value` ? '=' : keyString(value(keyNode));
      if (key === undefined) problem('found unhashable key', keyNode, 'while constructing a mapping', node);
      setKey(out, key, value(valueNode));
    }
    return out;
  }

  return value;
}

/**
 * The string a scalar mapping key becomes (`undefined` for a collection or
 * a scalar that cannot be built).
 *
 * @param node - the key node
 * @returns the key
 */
export function scalarKeyText(node: YamlNode): string | undefined {
  if (node.kind !== 'scalar') return undefined;
  try {
    return keyString(constructor()(node));
  } catch {
    return undefined;
  }
}

/**
 * Builds the plain value of a composed document, as PyYAML's `safe_load`
 * would, in JSON-like data.
 *
 * @param root - the root node (`undefined`: an empty stream, read as `null`)
 * @returns the value
 * @throws {@link YamlSyntaxError} for what PyYAML's SafeConstructor refuses
 */
export function constructValue(root: YamlNode | undefined): unknown {
  return root === undefined ? null : constructor()(root);
}

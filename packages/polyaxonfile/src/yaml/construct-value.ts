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
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const bytes = Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
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
};

class Constructor {
  private budget = MAX_EXPANDED_NODES;
  private readonly built = new Set<YamlNode>();
  private readonly active = new Set<YamlNode>();

  value(node: YamlNode): unknown {
    if (!this.built.has(node)) this.built.add(node);
    else if (--this.budget < 0) problem(`the document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases`, node);
    const scalar = SCALARS[node.tag];
    if (scalar !== undefined) {
      try {
        return scalar(expectKind(node, 'scalar').value);
      } catch (error) {
        if (error instanceof ScalarValueError) problem(error.message, node);
        throw error;
      }
    }
    if (node.tag === `${Y}binary`) {
      const text = expectKind(node, 'scalar').value;
      try {
        return decodeBase64(text);
      } catch {
        return problem('failed to decode base64 data', node, 'while constructing a binary value');
      }
    }
    if (this.active.has(node)) problem('found a recursive alias (the node contains itself), which cannot be represented as data', node);
    this.active.add(node);
    try {
      return this.collection(node);
    } finally {
      this.active.delete(node);
    }
  }

  private collection(node: YamlNode): unknown {
    switch (node.tag) {
      case `${Y}seq`:
        return expectKind(node, 'seq').items.map((item) => this.value(item));
      case `${Y}map`:
        return this.mapping(expectKind(node, 'map'));
      case `${Y}set`:
        return Object.keys(this.mapping(expectKind(node, 'map')));
      case `${Y}omap`:
      case `${Y}pairs`: {
        const context = `while constructing an ${node.tag === `${Y}omap` ? 'ordered map' : 'pairs'}`;
        if (node.kind !== 'seq') return problem(`expected a sequence, but found ${NODE_NAMES[node.kind]}`, node, context);
        return node.items.map((item) => {
          if (item.kind !== 'map') return problem(`expected a mapping of length 1, but found ${NODE_NAMES[item.kind]}`, item, context, node);
          if (item.pairs.length !== 1) return problem(`expected a single mapping item, but found ${item.pairs.length} items`, item, context, node);
          const [key, value] = item.pairs[0]!;
          return [this.value(key), this.value(value)];
        });
      }
      default:
        return problem(`could not determine a constructor for the tag '${node.tag}'`, node);
    }
  }

  private mapping(node: MapNode): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [keyNode, valueNode] of flatten(node)) {
      const key = keyNode.tag === `${Y}value` ? '=' : keyString(this.value(keyNode));
      if (key === undefined) problem('found unhashable key', keyNode, 'while constructing a mapping', node);
      setKey(out, key, this.value(valueNode));
    }
    return out;
  }
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
    return keyString(new Constructor().value(node));
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
  return root === undefined ? null : new Constructor().value(root);
}

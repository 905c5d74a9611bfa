import type { AnchoredNodes, MapNode, YamlNode } from './compose-document';
import { setKey } from '../read/plain-data';
import { pyStringRepr } from '../schemas/py-format';
import { ScalarValueError, constructBool, constructFloat, constructInt, constructTimestamp } from './resolve-scalar';
import { YamlSyntaxError } from './yaml-syntax-error';

// Nodes to plain data, as PyYAML's SafeConstructor builds Python objects,
// mapped to JSON-like values: `!!set` becomes the list of its members,
// `!!omap`/`!!pairs` lists of [key, value], `!!binary` the decoded text,
// timestamps ISO strings. Mapping keys become strings (`null` → '').

const Y = 'tag:yaml.org,2002:';
// Tags compared once per node are built once here (a template literal in a loop makes a new string each time).
const MERGE = `${Y}merge`;
const MAP = `${Y}map`;
const VALUE = `${Y}value`;

/** How many nodes aliases may add to a document, each time they repeat one (a guard against "billion laughs"). */
const MAX_EXPANDED_NODES = 1_000_000;

const NODE_NAMES = { scalar: 'scalar', seq: 'sequence', map: 'mapping' } as const;

function problem(message: string, node: YamlNode, context?: string, contextNode?: YamlNode): never {
  throw new YamlSyntaxError(message, node, context, contextNode);
}

function expectKind<K extends YamlNode['kind']>(node: YamlNode, kind: K): Extract<YamlNode, { kind: K }> {
  if (node.kind !== kind) problem(`expected a ${NODE_NAMES[kind]} node, but found ${NODE_NAMES[node.kind]}`, node);
  return node as Extract<YamlNode, { kind: K }>;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Python's `base64.decodebytes` (non-strict `a2b_base64`): other characters are skipped, padding is checked. */
function decodeBase64(text: string): string {
  const nonAscii = /[\u0080-\u{10FFFF}]/u.exec(text);
  if (nonAscii !== null) {
    // Python counts code points, not UTF-16 units.
    const at = Array.from(text.slice(0, nonAscii.index)).length;
    throw new ScalarValueError(
      `failed to convert base64 data into ascii: 'ascii' codec can't encode character ${pyStringRepr(nonAscii[0])} in position ${at}: ordinal not in range(128)`,
    );
  }
  const bytes: number[] = [];
  let quad = 0;
  let pads = 0;
  let bits = 0;
  let count = 0;
  let padded = false;
  for (const ch of text) {
    if (ch === '=') {
      // Enough padding ends the data; what follows is ignored.
      if (quad >= 2 && quad + ++pads >= 4) {
        padded = true;
        break;
      }
      continue;
    }
    const value = BASE64.indexOf(ch);
    if (value < 0) continue;
    count++;
    pads = 0;
    bits = (bits << 6) | value;
    if (quad > 0) bytes.push((bits >> (6 - 2 * quad)) & 0xff);
    quad = (quad + 1) % 4;
  }
  if (!padded && quad === 1) {
    throw new ScalarValueError(`failed to decode base64 data: Invalid base64-encoded string: number of data characters (${count}) cannot be 1 more than a multiple of 4`);
  }
  if (!padded && quad !== 0) throw new ScalarValueError('failed to decode base64 data: Incorrect padding');
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * How many more nodes merge keys and aliases may repeat in one document: one budget for both, so
 * neither `<<: [*a, *a]` nested nor aliases of aliases can make the work grow exponentially.
 */
interface Budget {
  left: number;
}

function spend(budget: Budget, count: number, node: YamlNode): void {
  budget.left -= count;
  if (budget.left < 0) problem(`the document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases and merge keys`, node);
}

const hasMergeKey = (node: MapNode): boolean => node.pairs.some(([key]) => key.tag === MERGE);

/**
 * A mapping's pairs with `<<` merge keys applied, as PyYAML's `flatten_mapping` (which rewrites the
 * node in place, so a mapping merged many times is flattened once: here, `memo`). Every merged pair
 * is paid for from `budget`, and the values merged in are marked `reused` (PyYAML builds them once).
 */
function createFlattener(budget: Budget, reused: Set<YamlNode>): (node: MapNode) => readonly [YamlNode, YamlNode][] {
  const memo = new Map<MapNode, [YamlNode, YamlNode][]>();
  const active = new Set<MapNode>();
  const flatten = (node: MapNode): readonly [YamlNode, YamlNode][] => {
    if (!hasMergeKey(node)) return node.pairs;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (active.has(node)) problem('found a mapping that merges itself (a recursive merge key)', node, 'while constructing a mapping', node);
    active.add(node);
    const merged: [YamlNode, YamlNode][] = [];
    const own: [YamlNode, YamlNode][] = [];
    const take = (part: readonly [YamlNode, YamlNode][]): void => {
      spend(budget, part.length, node);
      for (const pair of part) {
        merged.push(pair);
        reused.add(pair[1]);
      }
    };
    for (const pair of node.pairs) {
      const [key, value] = pair;
      if (key.tag !== MERGE) {
        own.push(pair);
        continue;
      }
      if (value.kind === 'map') take(flatten(value));
      else if (value.kind === 'seq') {
        const parts = value.items.map((item) => {
          if (item.kind !== 'map') problem(`expected a mapping for merging, but found ${NODE_NAMES[item.kind]}`, item, 'while constructing a mapping', node);
          return flatten(item);
        });
        for (const part of parts.reverse()) take(part);
      } else problem(`expected a mapping or list of mappings for merging, but found ${NODE_NAMES[value.kind]}`, value, 'while constructing a mapping', node);
    }
    active.delete(node);
    const flat = merged.length === 0 ? own : [...merged, ...own];
    memo.set(node, flat);
    return flat;
  };
  return flatten;
}

/** The string key a constructed mapping key becomes. */
function keyString(key: string | number | boolean | null): string {
  return key === null ? '' : String(key);
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

type Container = unknown[] | Record<string, unknown>;
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/**
 * PyYAML's construction: scalars are built at once; a collection is created
 * empty and filled in a later round (its generator), so problems surface in
 * the same order as in PyYAML, and an alias is the very object it names.
 */
function constructGraph(root: YamlNode, anchored: AnchoredNodes, budget: Budget): { value: unknown; origin: WeakMap<object, YamlNode>; shared: boolean } {
  // Only nodes with an anchor, or merged into a mapping, can be reached twice: they alone are remembered.
  const built = new Map<YamlNode, unknown>();
  const reused = new Set<YamlNode>();
  const flatten = createFlattener(budget, reused);
  const origin = new WeakMap<object, YamlNode>();
  let rounds: [YamlNode, Container][] = [];
  let shared = false;

  function object(node: YamlNode): unknown {
    // Most documents have no anchors or merge keys: then no lookup per node.
    const isAnchored = (anchored.size !== 0 || reused.size !== 0) && (anchored.has(node) || reused.has(node));
    if (isAnchored && built.has(node)) {
      const value = built.get(node);
      shared ||= isContainer(value);
      return value;
    }
    const scalar = SCALARS[node.tag];
    let value: unknown;
    if (scalar !== undefined) {
      try {
        value = scalar(expectKind(node, 'scalar').value);
      } catch (error) {
        if (error instanceof ScalarValueError) problem(error.message, node);
        throw error;
      }
    } else {
      if (!(node.tag in FILLERS)) problem(`could not determine a constructor for the tag ${pyStringRepr(node.tag)}`, node);
      const container: Container = node.tag === MAP ? {} : [];
      rounds.push([node, container]);
      if (isAnchored) origin.set(container, node);
      value = container;
    }
    if (isAnchored) built.set(node, value);
    return value;
  }

  function mapping(node: YamlNode, each: (key: string, value: unknown) => void): void {
    const map = expectKind(node, 'map');
    for (const [keyNode, valueNode] of flatten(map)) {
      const key = keyNode.tag === VALUE ? '=' : object(keyNode);
      if (isContainer(key)) problem('found unhashable key', keyNode, 'while constructing a mapping', node);
      each(keyString(key as string | number | boolean | null), object(valueNode));
    }
  }

  function pairs(node: YamlNode, list: unknown[], context: string): void {
    if (node.kind !== 'seq') problem(`expected a sequence, but found ${NODE_NAMES[node.kind]}`, node, context, node);
    for (const item of node.items) {
      if (item.kind !== 'map') problem(`expected a mapping of length 1, but found ${NODE_NAMES[item.kind]}`, item, context, node);
      if (item.pairs.length !== 1) problem(`expected a single mapping item, but found ${item.pairs.length} items`, item, context, node);
      list.push(item.pairs[0]!.map(object));
    }
  }

  const FILLERS: Readonly<Record<string, (node: YamlNode, into: Container) => void>> = {
    [`${Y}seq`]: (node, into) => {
      // A loop, not push(...items): a spread of a long list would exhaust the stack.
      for (const item of expectKind(node, 'seq').items) (into as unknown[]).push(object(item));
    },
    [`${Y}map`]: (node, into) => mapping(node, (key, value) => setKey(into as Record<string, unknown>, key, value)),
    [`${Y}set`]: (node, into) => mapping(node, (key) => (into as unknown[]).push(key)),
    [`${Y}omap`]: (node, into) => pairs(node, into as unknown[], 'while constructing an ordered map'),
    [`${Y}pairs`]: (node, into) => pairs(node, into as unknown[], 'while constructing pairs'),
  };

  const value = object(root);
  while (rounds.length > 0) {
    const round = rounds;
    rounds = [];
    for (const [node, container] of round) FILLERS[node.tag]!(node, container);
  }
  return { value, origin, shared };
}

/**
 * Copies the constructed graph into a tree of plain data, refusing cycles and
 * bounding how much aliases repeat (PyYAML shares the objects instead).
 */
function toTree(value: unknown, origin: WeakMap<object, YamlNode>, root: YamlNode, budget: Budget): unknown {
  const seen = new WeakSet<object>();
  const active = new WeakSet<object>();
  // `at`: the nearest anchored node, named in errors.
  const copy = (item: unknown, at: YamlNode): unknown => {
    if (!isContainer(item)) return item;
    const node = origin.get(item) ?? at;
    if (active.has(item)) problem('found a recursive alias (the node contains itself), which cannot be represented as data', node);
    if (seen.has(item)) spend(budget, 1, node);
    seen.add(item);
    active.add(item);
    try {
      if (Array.isArray(item)) return item.map((entry) => copy(entry, node));
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(item)) setKey(out, key, copy(item[key], node));
      return out;
    } finally {
      active.delete(item);
    }
  };
  return copy(value, root);
}

/**
 * The string a scalar mapping key becomes (`undefined` for a collection or
 * a scalar that cannot be built).
 *
 * @param node - the key node
 * @returns the key
 */
export function scalarKeyText(node: YamlNode): string | undefined {
  // Called for every key a field path is looked up among: built directly, without a construction's state.
  if (node.kind !== 'scalar') return undefined;
  const scalar = SCALARS[node.tag];
  if (scalar === undefined) return undefined;
  try {
    return keyString(scalar(node.value) as string | number | boolean | null);
  } catch {
    return undefined;
  }
}

/**
 * Builds the plain value of a composed document, as PyYAML's `safe_load`
 * would, in JSON-like data.
 *
 * @param root - the root node (`undefined`: an empty stream, read as `null`)
 * @param anchored - the nodes that carry an anchor (from `composeDocument`)
 * @returns the value
 * @throws {@link YamlSyntaxError} for what PyYAML's SafeConstructor refuses
 */
export function constructValue(root: YamlNode | undefined, anchored: AnchoredNodes): unknown {
  if (root === undefined) return null;
  const budget: Budget = { left: MAX_EXPANDED_NODES };
  const { value, origin, shared } = constructGraph(root, anchored, budget);
  return shared ? toTree(value, origin, root, budget) : value;
}

import type { MapNode, YamlNode } from './compose-document';
import { toCamelCase } from '../schemas/common';
import { scalarKeyText } from './construct-value';

/** A 1-based line and column. */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}


function findPair(node: MapNode, segment: string, seen: Set<YamlNode>): [YamlNode, YamlNode] | undefined {
  if (seen.has(node)) return undefined;
  seen.add(node);
  let loose: [YamlNode, YamlNode] | undefined;
  const camel = toCamelCase(segment);
  for (const pair of node.pairs) {
    const text = scalarKeyText(pair[0]);
    if (text === segment) return pair;
    if (text !== undefined && loose === undefined && toCamelCase(text) === camel) loose = pair;
  }
  if (loose !== undefined) return loose;
  for (const [key, value] of node.pairs) {
    // `<<` merge keys: look inside the merged mappings too.
    if (!key.tag.endsWith(':merge')) continue;
    for (const source of value.kind === 'seq' ? value.items : [value]) {
      const found = source.kind === 'map' ? findPair(source, segment, seen) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Finds where a field path points in a composed YAML document: the key of a
 * mapping entry, the item of a sequence, or the deepest existing ancestor
 * when the path leads to something missing. camelCase and snake_case
 * spellings of a key are matched to each other.
 *
 * @param root - the document's root node
 * @param path - the field path
 * @returns the 1-based position, or `undefined` for an empty document
 */
export function locateNode(root: YamlNode | undefined, path: readonly (string | number)[]): Position | undefined {
  if (root === undefined) return undefined;
  let node = root;
  let at: YamlNode = root;
  for (const segment of path) {
    if (node.kind === 'map') {
      const pair = findPair(node, String(segment), new Set());
      if (pair === undefined) break;
      at = pair[0];
      node = pair[1];
    } else if (node.kind === 'seq' && /^\d+$/.test(String(segment))) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      at = item;
      node = item;
    } else break;
  }
  return { line: at.line + 1, column: at.column + 1 };
}

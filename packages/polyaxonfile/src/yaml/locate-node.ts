import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';

/** A 1-based line and column. */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

const camelOf = (key: string): string => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value === null) return '';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  return undefined;
}

function findPair(doc: Document, node: Node, segment: string, seen: Set<Node>): Pair | undefined {
  if (!isMap(node) || seen.has(node)) return undefined;
  seen.add(node);
  let loose: Pair | undefined;
  for (const item of node.items) {
    if (!isPair(item)) continue;
    const text = keyText(item);
    if (text === segment) return item;
    if (text !== undefined && loose === undefined && camelOf(text) === camelOf(segment)) loose = item;
  }
  if (loose !== undefined) return loose;
  for (const item of node.items) {
    // `<<` merge keys: look inside the merged mappings too.
    if (isPair(item) && keyText(item) === '<<') {
      const sources = isSeq(item.value) ? item.value.items : [item.value];
      for (const source of sources) {
        const target = isAlias(source) ? source.resolve(doc) : source;
        if (target !== undefined && target !== null) {
          const found = findPair(doc, target as Node, segment, seen);
          if (found !== undefined) return found;
        }
      }
    }
  }
  return undefined;
}

/**
 * Finds where a field path points in a parsed YAML document: the key of a
 * mapping entry, the item of a sequence, or the deepest existing ancestor
 * when the path leads to something missing. camelCase and snake_case
 * spellings of a key are matched to each other.
 */
export function locateNode(
  doc: Document,
  counter: LineCounter,
  path: readonly (string | number)[],
): Position | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents)?.range?.[0];
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = findPair(doc, node, String(segment), new Set());
      if (pair === undefined) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' || (isSeq(node) && /^\d+$/.test(String(segment)))) {
      const item = (node as { items: unknown[] }).items[Number(segment)];
      if (item === undefined || item === null) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else break;
  }
  if (offset === undefined) return undefined;
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

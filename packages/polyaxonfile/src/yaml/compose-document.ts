import { pyStringRepr } from '../schemas/py-format';
import { resolveImplicitTag } from './resolve-scalar';
import { createScanner } from './scan-tokens';
import type { Token, TokenType } from './scan-tokens';
import { YamlSyntaxError } from './yaml-syntax-error';
import type { Mark } from './yaml-syntax-error';

// Tokens to a node graph, following PyYAML's parser grammar and composer:
// one document only, anchors shared (an alias is the very node it names),
// each node's tag resolved (explicit, or implicit from a plain scalar).

/** A scalar node. */
export interface ScalarNode extends Mark {
  readonly kind: 'scalar';
  readonly tag: string;
  readonly value: string;
}

/** A sequence node. */
export interface SeqNode extends Mark {
  readonly kind: 'seq';
  readonly tag: string;
  readonly items: YamlNode[];
}

/** A mapping node: its pairs in source order (duplicates kept). */
export interface MapNode extends Mark {
  readonly kind: 'map';
  readonly tag: string;
  readonly pairs: [YamlNode, YamlNode][];
}

/** A node of the composed document. */
export type YamlNode = ScalarNode | SeqNode | MapNode;

/** The nodes that carry an anchor, so that aliases can name them (only these can be shared). */
export type AnchoredNodes = ReadonlySet<YamlNode>;

const DEFAULT_HANDLES: Readonly<Record<string, string>> = { '!': '!', '!!': 'tag:yaml.org,2002:' };
const SEQ = 'tag:yaml.org,2002:seq';
const MAP = 'tag:yaml.org,2002:map';

/**
 * Reads the single YAML document in `text` into a node graph, as PyYAML's
 * `compose` does (aliases are the nodes they name).
 *
 * @param text - the YAML source (already checked for unprintable characters)
 * @returns the root node (`undefined` for an empty stream) and the nodes that carry an anchor
 * @throws {@link YamlSyntaxError} for text PyYAML refuses
 */
export function composeDocument(text: string): { root: YamlNode | undefined; anchored: AnchoredNodes } {
  const scanner = createScanner(text);
  let handles: Record<string, string> = { ...DEFAULT_HANDLES };
  let anchors = new Map<string, YamlNode>();
  const anchored = new Set<YamlNode>();

  const { nextToken: next, peekToken: peek } = scanner;

  // Fixed parameters, not a rest array: this runs several times per token.
  function is(a: TokenType, b?: TokenType, c?: TokenType, d?: TokenType): boolean {
    const type = peek().type;
    return type === a || type === b || type === c || type === d;
  }

  function single(): YamlNode | undefined {
    let root: YamlNode | undefined;
    if (!is('<stream end>')) {
      root = is('<directive>', '<document start>') ? explicitDocument() : node(true);
      if (is('<document end>')) next();
    }
    while (is('<document end>')) next();
    if (!is('<stream end>')) {
      const second = peek();
      documentStart();
      throw new YamlSyntaxError('but found another document', second, 'expected a single document in the stream', root);
    }
    return root;
  }

  function explicitDocument(): YamlNode {
    documentStart();
    next();
    if (is('<directive>', '<document start>', '<document end>', '<stream end>')) return empty(peek(), true);
    return node(true);
  }

  /** Reads an explicit document's directives, up to its `---` (not taken). */
  function documentStart(): void {
    handles = {};
    anchors = new Map();
    let version = false;
    while (is('<directive>')) {
      const token = next();
      if (token.handle === 'YAML') {
        if (version) throw new YamlSyntaxError('found duplicate YAML directive', token);
        if (!token.value!.startsWith('1.')) throw new YamlSyntaxError('found incompatible YAML document (version 1.* is required)', token);
        version = true;
      } else if (token.handle === 'TAG') {
        const [handle, prefix] = token.value!.split(' ') as [string, string];
        if (Object.hasOwn(handles, handle)) throw new YamlSyntaxError(`duplicate tag handle ${pyStringRepr(handle)}`, token);
        handles[handle] = prefix;
      }
    }
    for (const [handle, prefix] of Object.entries(DEFAULT_HANDLES)) if (!Object.hasOwn(handles, handle)) handles[handle] = prefix;
    const token = peek();
    if (token.type !== '<document start>') throw new YamlSyntaxError(`expected '<document start>', but found '${token.type}'`, token);
  }

  /** Where a one-character indicator token ends (PyYAML places the empty node after `-`, `?` or `:` there). */
  function after(token: Token): Mark {
    return { line: token.line, column: token.column + 1 };
  }

  function empty(mark: Mark, implicit: boolean, tag?: string): ScalarNode {
    return { kind: 'scalar', tag: tag ?? (implicit ? resolveImplicitTag('') : 'tag:yaml.org,2002:str'), value: '', line: mark.line, column: mark.column };
  }

  function register<T extends YamlNode>(anchor: Token | undefined, node: T): T {
    if (anchor !== undefined) {
      const first = anchors.get(anchor.value!);
      if (first !== undefined) throw new YamlSyntaxError('second occurrence', node, `found duplicate anchor ${pyStringRepr(anchor.value!)}; first occurrence`, first);
      anchors.set(anchor.value!, node);
      anchored.add(node);
    }
    return node;
  }

  function node(block: boolean, indentless = false): YamlNode {
    // The first token is looked at once (this runs for every node).
    const start = peek();
    const first = start.type;
    if (first === '<alias>') {
      next();
      const target = anchors.get(start.value!);
      if (target === undefined) throw new YamlSyntaxError(`found undefined alias ${pyStringRepr(start.value!)}`, start);
      return target;
    }
    let anchor: Token | undefined;
    let tagToken: Token | undefined;
    if (first === '<anchor>') {
      anchor = next();
      if (is('<tag>')) tagToken = next();
    } else if (first === '<tag>') {
      tagToken = next();
      if (is('<anchor>')) anchor = next();
    }
    let tag: string | undefined;
    if (tagToken !== undefined) {
      const handle = tagToken.handle;
      if (handle === undefined) tag = tagToken.value!;
      else {
        if (!Object.hasOwn(handles, handle)) {
          throw new YamlSyntaxError(`found undefined tag handle ${pyStringRepr(handle)}`, tagToken, `while parsing a ${block ? 'block' : 'flow'} node`, start);
        }
        tag = handles[handle]! + tagToken.value!;
      }
    }
    const specific = tag !== undefined && tag !== '!' ? tag : undefined;
    const token = peek();
    const mark: Mark = start;
    if (indentless && token.type === '-') {
      return indentlessSequence(register(anchor, { kind: 'seq', tag: specific ?? SEQ, items: [], line: mark.line, column: mark.column }));
    }
    switch (token.type) {
      case '<scalar>': {
        next();
        const implicit = (token.plain === true && tag === undefined) || tag === '!';
        const resolved = specific ?? (implicit ? resolveImplicitTag(token.value!) : 'tag:yaml.org,2002:str');
        return register(anchor, { kind: 'scalar', tag: resolved, value: token.value!, line: mark.line, column: mark.column });
      }
      case '[':
        return flowSequence(register(anchor, { kind: 'seq', tag: specific ?? SEQ, items: [], line: mark.line, column: mark.column }));
      case '{':
        return flowMapping(register(anchor, { kind: 'map', tag: specific ?? MAP, pairs: [], line: mark.line, column: mark.column }));
      case '<block sequence start>':
        if (block) return blockSequence(register(anchor, { kind: 'seq', tag: specific ?? SEQ, items: [], line: mark.line, column: mark.column }));
        break;
      case '<block mapping start>':
        if (block) return blockMapping(register(anchor, { kind: 'map', tag: specific ?? MAP, pairs: [], line: mark.line, column: mark.column }));
        break;
      default:
    }
    if (anchor !== undefined || tag !== undefined) {
      return register(anchor, empty(mark, tag === undefined || tag === '!', specific));
    }
    throw new YamlSyntaxError(`expected the node content, but found '${token.type}'`, token, `while parsing a ${block ? 'block' : 'flow'} node`, start);
  }

  function blockSequence(seq: SeqNode): SeqNode {
    const start = next();
    while (is('-')) {
      const entry = next();
      seq.items.push(is('-', '<block end>') ? empty(after(entry), true) : node(true));
    }
    endBlock('while parsing a block collection', start);
    return seq;
  }

  function indentlessSequence(seq: SeqNode): SeqNode {
    while (is('-')) {
      const entry = next();
      seq.items.push(is('-', '?', ':', '<block end>') ? empty(after(entry), true) : node(true));
    }
    return seq;
  }

  function blockMapping(map: MapNode): MapNode {
    const start = next();
    for (;;) {
      let key: YamlNode;
      if (is('?')) {
        const token = next();
        key = is('?', ':', '<block end>') ? empty(after(token), true) : node(true, true);
      } else break;
      let value: YamlNode;
      if (is(':')) {
        const token = next();
        value = is('?', ':', '<block end>') ? empty(after(token), true) : node(true, true);
      } else value = empty(peek(), true);
      map.pairs.push([key, value]);
    }
    endBlock('while parsing a block mapping', start);
    return map;
  }

  function endBlock(context: string, start: Mark): void {
    const token = peek();
    if (token.type !== '<block end>') throw new YamlSyntaxError(`expected <block end>, but found '${token.type}'`, token, context, start);
    next();
  }

  /** Reads a flow collection's entries, separated by commas, up to `end`. */
  function flowEntries(end: ']' | '}', context: string, entry: () => void): void {
    const start = next();
    let first = true;
    while (!is(end)) {
      if (!first) {
        if (!is(',')) throw new YamlSyntaxError(`expected ',' or '${end}', but got '${peek().type}'`, peek(), context, start);
        next();
      }
      first = false;
      if (!is(end)) entry();
    }
    next();
  }

  function flowSequence(seq: SeqNode): SeqNode {
    flowEntries(']', 'while parsing a flow sequence', () => {
      if (!is('?')) {
        seq.items.push(node(false));
        return;
      }
      // `[a: 1]`: a single-pair mapping.
      const token = next();
      const key = is(':', ',', ']') ? empty(after(token), true) : node(false);
      seq.items.push({ kind: 'map', tag: MAP, pairs: [[key, flowValue(']')]], line: token.line, column: token.column });
    });
    return seq;
  }

  function flowMapping(map: MapNode): MapNode {
    flowEntries('}', 'while parsing a flow mapping', () => {
      if (!is('?')) {
        map.pairs.push([node(false), empty(peek(), true)]);
        return;
      }
      const token = next();
      const key = is(':', ',', '}') ? empty(after(token), true) : node(false);
      map.pairs.push([key, flowValue('}')]);
    });
    return map;
  }

  function flowValue(end: ']' | '}'): YamlNode {
    if (!is(':')) return empty(peek(), true);
    const token = next();
    return is(',', end) ? empty(after(token), true) : node(false);
  }

  return { root: single(), anchored };
}

import { PolyaxonfileError } from '../errors';
import type { SpecIssue, SpecLocation } from '../errors';
import { describeKind, describeValue } from '../describe-value';
import { parseYaml } from '../yaml/parse-yaml';
import type { SourceDocument } from '../yaml/parse-yaml';
import { deepMerge, isRecord, toPlainData } from './plain-data';

/** One Polyaxonfile source: YAML/JSON text, its UTF-8 bytes (Node entry), a plain object, or an already parsed document. */
export type SpecSource = string | Uint8Array | Readonly<Record<string, unknown>> | SourceDocument;

/** What the readers accept: one source or a list merged in order. */
export type SpecData = SpecSource | readonly SpecSource[];

/** Options of the readers. */
export interface ReadOptions {
  /**
   * Turns a string into a document when it names something (the Node entry
   * reads file paths here). Returning `undefined` parses it as YAML text.
   */
  readonly resolve?: (text: string) => SourceDocument | undefined;
  /** Parses bytes (the Node entry decodes them as strict UTF-8); without it, bytes are refused. */
  readonly decode?: (bytes: Uint8Array) => SourceDocument;
}

/** Documents merged in order, able to locate a field path in the document that set it. */
export interface MergedSources {
  /** The merged value. */
  readonly value: Record<string, unknown>;
  /** The documents, in merge order. */
  readonly sources: readonly SourceDocument[];
  /** File, line and column of a field path. */
  readonly locate: (path: readonly (string | number)[]) => SpecLocation;
}

/** Whether `value` is a {@link SourceDocument}. */
export function isSourceDocument(value: unknown): value is SourceDocument {
  return isRecord(value) && typeof value.locate === 'function' && 'value' in value;
}

function cannotRead(item: unknown, issue: Partial<SpecIssue> = {}): never {
  const shown = typeof item === 'string' ? (item.length > 80 ? `${item.slice(0, 77)}...` : item) : describeValue(item);
  throw new PolyaxonfileError(`Cannot read config_value: \`${shown}\``, {
    stage: 'read',
    issues: [{ path: [], message: 'Cannot read config_value', expected: 'a non-empty mapping', received: describeValue(item), ...issue }],
  });
}

/**
 * Turns one source into a parsed document.
 *
 * @throws {@link PolyaxonfileError} for unreadable sources
 */
export function toSourceDocument(item: unknown, options: ReadOptions = {}): SourceDocument {
  if (isSourceDocument(item)) return item;
  if (typeof item === 'string') return options.resolve?.(item) ?? parseYaml(item);
  if (item instanceof Uint8Array && options.decode !== undefined) return options.decode(item);
  if (isRecord(item) && !(item instanceof Uint8Array)) {
    const value = toPlainData(item);
    return { value, locate: () => undefined };
  }
  throw new PolyaxonfileError(
    `Expects Mapping, string, or list of Mapping/string instances, received ${describeValue(item)} instead`,
    { stage: 'read', issues: [{ path: [], message: 'unsupported source', expected: 'a mapping or a string', received: describeValue(item) }] },
  );
}

function depthOf(value: unknown, path: readonly (string | number)[]): number {
  let node = value;
  let depth = 0;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node) && Object.hasOwn(node, String(segment))) node = node[String(segment)];
    else break;
    depth++;
  }
  return depth;
}

/**
 * Reads and deep-merges a list of sources (objects merged key by key, lists
 * and scalars replaced).
 *
 * @throws {@link PolyaxonfileError} when a source cannot be read or is not a non-empty mapping
 */
export function readSources(data: SpecData | readonly unknown[], options: ReadOptions = {}): MergedSources {
  const items: readonly unknown[] = Array.isArray(data) ? data : [data];
  if (items.length === 0) cannotRead(data);
  const sources = items.map((item) => {
    if (Array.isArray(item)) {
      throw new PolyaxonfileError(
        `Expects Mapping, string, or list of Mapping/string instances, received a nested list instead`,
        { stage: 'read', issues: [{ path: [], message: 'unsupported source', expected: 'a mapping or a string', received: describeValue(item) }] },
      );
    }
    const doc = toSourceDocument(item, options);
    if (!isRecord(doc.value) || Object.keys(doc.value).length === 0) {
      // A file that is not a mapping may be anything (a token, an env dump): name it, never quote it.
      if (doc.file !== undefined) cannotRead(doc.file, { file: doc.file, received: `${describeKind(doc.value)} (content not shown)` });
      cannotRead(typeof item === 'string' ? item : doc.value);
    }
    return doc;
  });
  let value: unknown = {};
  for (const source of sources) value = deepMerge(value, source.value);
  return {
    value: value as Record<string, unknown>,
    sources,
    locate: (path) => {
      let best: SourceDocument | undefined;
      let bestDepth = -1;
      for (let i = sources.length - 1; i >= 0; i--) {
        const depth = depthOf(sources[i]!.value, path);
        if (depth > bestDepth) {
          best = sources[i];
          bestDepth = depth;
        }
      }
      if (best === undefined) return {};
      const position = best.locate(path);
      return { ...(best.file === undefined ? {} : { file: best.file }), ...position };
    },
  };
}

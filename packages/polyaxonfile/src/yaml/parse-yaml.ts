import { LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { PolyaxonfileError } from '../errors';
import type { SpecIssue } from '../errors';
import { locateNode } from './locate-node';
import type { Position } from './locate-node';
import { pyyamlTags } from './pyyaml-tags';
import { relaxFlowIndent } from './relax-flow-indent';
import { summarize } from '../validate/validate-schema';

/** The largest document read, in characters (a guard against memory exhaustion). */
export const MAX_SOURCE_LENGTH = 16 * 1024 * 1024;

/** A document read from YAML or JSON text, able to say where a field path is. */
export interface SourceDocument {
  /** The plain value (objects, arrays, strings, numbers, booleans, null). */
  readonly value: unknown;
  /** The file or URL it came from. */
  readonly file?: string;
  /** Where `path` is in the source text, when known. */
  readonly locate: (path: readonly (string | number)[]) => Position | undefined;
}

const OPTIONS = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: pyyamlTags,
  merge: true,
  uniqueKeys: false,
  logLevel: 'error',
  prettyErrors: false,
  strict: false,
} as const;

function yamlIssues(errors: readonly YAMLError[], counter: LineCounter, file?: string, pads?: ReadonlyMap<number, number>): SpecIssue[] {
  return errors.map((error) => {
    const { line, col } = counter.linePos(error.pos[0]);
    const column = Math.max(1, col - (pads?.get(line - 1) ?? 0));
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { path: [], message, line, column, ...(file === undefined ? {} : { file }) };
  });
}

function fail(message: string, issues: SpecIssue[], cause?: unknown): never {
  throw new PolyaxonfileError(message, { stage: 'yaml', issues, cause });
}

function tooLarge(length: number, file?: string): void {
  if (length > MAX_SOURCE_LENGTH) {
    fail(`Received an invalid yaml stream: the document is larger than ${MAX_SOURCE_LENGTH} characters.`, [
      { path: [], message: 'document too large', expected: `at most ${MAX_SOURCE_LENGTH} characters`, received: `${length} characters`, ...(file === undefined ? {} : { file }) },
    ]);
  }
}

/** Flow collections nested deeper than this are refused up front (PyYAML's recursive composer fails near 1000 too). */
export const MAX_FLOW_DEPTH = 1000;

/** A quick upper bound of the flow-collection nesting (brackets outside quotes). */
function flowDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 /* \ */ && quote === 34) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if ((c === 34 || c === 39) && depth > 0) quote = c;
  }
  return false;
}

function compose(text: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { ...OPTIONS, lineCounter: counter });
  return { doc, counter };
}

function problems(doc: Document): YAMLError[] {
  // PyYAML's safe loader refuses tags it does not know; `yaml` only warns.
  const badTags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  return [...doc.errors, ...badTags];
}

/**
 * Parses YAML text with PyYAML's YAML 1.1 semantics (`yes`/`no`/`on`/`off`
 * booleans, base-60 `1:10`, octal `010`, timestamps as ISO strings), keeping
 * node positions for error reporting.
 *
 * @param text - the YAML source
 * @param file - the file or URL, named in errors
 * @returns the document
 * @throws {@link PolyaxonfileError} (stage `yaml`) when the text is not valid YAML
 */
export function parseYaml(text: string, file?: string): SourceDocument {
  tooLarge(text.length, file);
  if (flowDepthExceeds(text, MAX_FLOW_DEPTH)) {
    fail(`Received an invalid yaml stream: flow collections are nested deeper than ${MAX_FLOW_DEPTH} levels.`, [
      { path: [], message: 'nested too deeply', expected: `at most ${MAX_FLOW_DEPTH} levels of [ ] / { }`, received: 'more', ...(file === undefined ? {} : { file }) },
    ]);
  }
  try {
    let { doc, counter } = compose(text);
    let found = problems(doc);
    let pads: ReadonlyMap<number, number> | undefined;
    if (found.length > 0) {
      const relaxed = relaxFlowIndent(text);
      if (relaxed !== undefined) {
        const retry = compose(relaxed.text);
        if (problems(retry.doc).length === 0) {
          ({ doc, counter } = retry);
          pads = relaxed.pads;
          found = [];
        }
      }
    }
    if (found.length > 0) {
      const issues = yamlIssues(found, counter, file);
      fail(summarize('Received an invalid yaml stream', issues), issues);
    }
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    return {
      value,
      ...(file === undefined ? {} : { file }),
      locate: (path) => {
        const position = locateNode(doc, counter, path);
        if (position === undefined || pads === undefined) return position;
        return { line: position.line, column: Math.max(1, position.column - (pads.get(position.line - 1) ?? 0)) };
      },
    };
  } catch (error) {
    if (error instanceof PolyaxonfileError) throw error;
    const reason = error instanceof RangeError ? 'the document is nested too deeply' : error instanceof Error ? error.message : String(error);
    return fail(`Received an invalid yaml stream: ${reason}`, [{ path: [], message: reason, ...(file === undefined ? {} : { file }) }], error);
  }
}

function jsonPosition(text: string, message: string): Position | undefined {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol !== null) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos === null) return undefined;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return { line, column: Number(pos[1]) - before.lastIndexOf('\n') };
}

/**
 * Parses JSON text (used for `.json` files). Positions for later errors are
 * found by re-reading the text as YAML, only when an error needs them.
 *
 * @param text - the JSON source
 * @param file - the file or URL, named in errors
 * @returns the document
 * @throws {@link PolyaxonfileError} (stage `yaml`) when the text is not valid JSON
 */
export function parseJson(text: string, file?: string): SourceDocument {
  tooLarge(text.length, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = jsonPosition(text, reason);
    fail(`Received an invalid json stream: ${reason}`, [
      { path: [], message: reason, ...position, ...(file === undefined ? {} : { file }) },
    ], error);
  }
  let located: { doc: Document; counter: LineCounter } | undefined;
  return {
    value,
    ...(file === undefined ? {} : { file }),
    locate: (path) => {
      try {
        located ??= compose(text);
        return locateNode(located.doc, located.counter, path);
      } catch {
        return undefined;
      }
    },
  };
}

import { PolyaxonfileError } from '../errors';
import type { SpecIssue } from '../errors';
import { composeDocument } from './compose-document';
import type { YamlNode } from './compose-document';
import { constructValue } from './construct-value';
import { locateNode } from './locate-node';
import type { Position } from './locate-node';
import { YamlSyntaxError } from './yaml-syntax-error';
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

// PyYAML's Reader refuses these before scanning.
const UNPRINTABLE = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function yamlIssue(error: YamlSyntaxError, file?: string): SpecIssue {
  const where = error.mark === undefined ? {} : { line: error.mark.line + 1, column: error.mark.column + 1 };
  return { path: [], message: error.message, ...where, ...(file === undefined ? {} : { file }) };
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

function compose(text: string): ReturnType<typeof composeDocument> {
  const bad = UNPRINTABLE.exec(text);
  if (bad !== null) {
    const code = bad[0].codePointAt(0)!;
    const before = text.slice(0, bad.index);
    const line = before.split('\n').length - 1;
    throw new YamlSyntaxError(`unacceptable character #x${code.toString(16).padStart(4, '0')}: special characters are not allowed`, {
      line,
      column: bad.index - (before.lastIndexOf('\n') + 1),
    });
  }
  return composeDocument(text);
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
  try {
    const { root, anchored } = compose(text);
    const value = constructValue(root, anchored);
    return { value, ...(file === undefined ? {} : { file }), locate: (path) => locateNode(root, path) };
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      const issue = yamlIssue(error, file);
      return fail(summarize('Received an invalid yaml stream', [issue]), [issue], error);
    }
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
  let located: YamlNode | undefined;
  return {
    value,
    ...(file === undefined ? {} : { file }),
    locate: (path) => {
      try {
        // JSON may indent with tabs, which YAML refuses; outside strings (where JSON forbids raw tabs) they are
        // blanks, and a space in their place keeps every column.
        located ??= compose(text.replaceAll('\t', ' ')).root;
        return locateNode(located, path);
      } catch {
        return undefined;
      }
    },
  };
}

import * as v from 'valibot';
import { PolyaxonSchemaError } from '../errors';
import type { SpecIssue, SpecLocation, SpecStage } from '../errors';
import { describeValue } from '../describe-value';

type Locate = (path: readonly (string | number)[]) => SpecLocation;
type AnyIssue = v.BaseIssue<unknown>;

/** How many issues one error reports at most (the rest are counted). */
export const MAX_ISSUES = 50;

function pathOf(issue: AnyIssue, prefix: readonly (string | number)[]): (string | number)[] {
  const keys = (issue.path ?? []).map((item) => {
    const key: unknown = item.key;
    return typeof key === 'number' ? key : String(key);
  });
  return [...prefix, ...keys];
}

/** What the document holds at `path` (described), or valibot's own description when the path does not resolve. */
function receivedAt(input: unknown, path: readonly (string | number)[], fallback: string): string {
  let node = input;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, segment)) node = (node as Record<string, unknown>)[segment];
    else return i === path.length - 1 && typeof node === 'object' && node !== null ? 'nothing' : fallback;
  }
  return describeValue(node);
}

function flatten(issues: readonly AnyIssue[], out: AnyIssue[]): void {
  for (const issue of issues) {
    const nested = issue.issues;
    // For unions, the branch issues that went deepest explain the problem best.
    if (nested !== undefined && nested.length > 0 && (issue.type === 'union' || issue.type === 'variant')) {
      const depth = (i: AnyIssue): number => i.path?.length ?? 0;
      const deepest = Math.max(...nested.map(depth));
      if (deepest > (issue.path?.length ?? 0)) {
        flatten(nested.filter((i) => depth(i) === deepest), out);
        continue;
      }
    }
    out.push(issue);
  }
}

/**
 * Converts valibot issues into located {@link SpecIssue}s (deduplicated).
 *
 * @param issues - valibot issues
 * @param locate - maps a field path to file, line and column
 * @param prefix - path of the validated value inside the document
 * @returns the issues
 */
export function toSpecIssues(
  issues: readonly AnyIssue[],
  locate: Locate,
  prefix: readonly (string | number)[] = [],
  input?: unknown,
): SpecIssue[] {
  const flat: AnyIssue[] = [];
  flatten(issues, flat);
  const seen = new Set<string>();
  const out: SpecIssue[] = [];
  for (const issue of flat) {
    const path = pathOf(issue, prefix);
    const key = `${path.join('\u0000')}\u0001${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const received = input === undefined ? issue.received : receivedAt(input, path.slice(prefix.length), issue.received);
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      // valibot's "Invalid key: Expected never" means a field the model does not have.
      out.push({ ...locate(path), path, message: `Extra inputs are not permitted: unknown field ${issue.received}`, expected: 'no such field', received: issue.received });
      continue;
    }
    // A missing required key: valibot's `expected` is the quoted key name.
    const missingKey = received === 'nothing' && issue.expected !== null && /^"[^"]+"$/.test(issue.expected);
    const expected = missingKey ? `a value for ${issue.expected}` : issue.expected;
    out.push({
      ...locate(path),
      path,
      message: issue.message,
      ...(expected === null ? {} : { expected }),
      received,
    });
  }
  return out;
}

/** Builds the error message: a summary line then one line per issue. */
export function summarize(title: string, issues: readonly SpecIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
    const path = issue.path.length > 0 ? issue.path.join('.') : '<root>';
    const detail = [issue.expected === undefined ? '' : `expected ${issue.expected}`, issue.received === undefined ? '' : `received ${issue.received}`]
      .filter((x) => x !== '')
      .join(', ');
    const said = /\breceived\b/i.test(issue.message);
    return `  - ${where === '' ? '' : `${where}: `}${path}: ${issue.message}${detail === '' || said ? '' : ` (${detail})`}`;
  });
  const more = issues.length > MAX_ISSUES ? [`  ... and ${issues.length - MAX_ISSUES} more`] : [];
  return [`${title} (${issues.length} problem${issues.length === 1 ? '' : 's'}):`, ...shown, ...more].join('\n');
}

/**
 * Validates `value` with a valibot schema.
 *
 * @returns the schema's output
 * @throws {@link PolyaxonSchemaError} listing every problem, located
 */
export function validateSchema<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  options: { title: string; locate: Locate; stage?: SpecStage; prefix?: readonly (string | number)[] },
): v.InferOutput<S> {
  let result: v.SafeParseResult<S>;
  try {
    result = v.safeParse(schema, value);
  } catch (error) {
    if (error instanceof PolyaxonSchemaError) throw error;
    const reason = error instanceof RangeError ? 'the document is nested too deeply' : error instanceof Error ? error.message : String(error);
    throw new PolyaxonSchemaError(`${options.title}: ${reason}`, {
      stage: options.stage ?? 'read',
      issues: [{ ...options.locate(options.prefix ?? []), path: [...(options.prefix ?? [])], message: reason }],
      cause: error,
    });
  }
  if (result.success) return result.output;
  const issues = toSpecIssues(result.issues, options.locate, options.prefix, value);
  throw new PolyaxonSchemaError(summarize(options.title, issues), { stage: options.stage ?? 'read', issues });
}

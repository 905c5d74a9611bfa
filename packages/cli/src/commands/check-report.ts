// What `px check` says about a Polyaxonfile that is not valid: the `-o json` error object and the
// printed issues with code frames. Loaded only when a check fails (and by commands that check content).
import type { CommandContext } from '../command-context';
import { codeFrame } from '../output/code-frame';
import { hasMarker } from '../print-error';
import { sourceText } from '../spec-files';

/** The `-o json` answer of `px check` (issue contract). */
export type CheckReport =
  | { readonly ok: true; readonly kind: unknown; readonly spec: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly error: {
        readonly type: string;
        readonly message: string;
        readonly file: string | null;
        readonly line: number | null;
        readonly column: number | null;
        readonly path: string | null;
      };
    };

interface IssueLike {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly expected?: string;
  readonly received?: string;
}

const PREFIX = /^Polyaxonfile is not valid\.\s*/;

function cleanMessage(message: string): string {
  return message.replace(PREFIX, '').trim() || message;
}

function issuesOf(error: unknown): readonly IssueLike[] {
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as IssueLike[]) : [];
}

/** Turns any failure of the check into the JSON error object of the contract. */
export function errorReport(error: unknown, fallbackFile: string | undefined): CheckReport {
  const isSpec = hasMarker(error, 'px.polyaxonfile.PolyaxonfileError');
  const first = isSpec ? issuesOf(error)[0] : undefined;
  const name = error instanceof Error ? error.name : 'Error';
  const fallback = error instanceof Error ? cleanMessage(error.message) : String(error);
  const message =
    first === undefined ? fallback : first.received !== undefined && !first.message.includes(first.received) ? `${first.message} (received ${first.received})` : first.message;
  return {
    ok: false,
    error: {
      type: name,
      message,
      file: first?.file ?? fallbackFile ?? null,
      line: first?.line ?? null,
      column: first?.column ?? null,
      path: first === undefined || first.path.length === 0 ? null : first.path.join('.'),
    },
  };
}

/**
 * Prints why a Polyaxonfile is not valid: each issue with its field path, then `--> file:line:column` and a
 * code frame of the source (at most 20 issues).
 */
export function printIssues(ctx: CommandContext, error: unknown): void {
  ctx.print.error('Polyaxonfile is not valid.');
  const issues = issuesOf(error);
  if (issues.length === 0) {
    ctx.print.error(`Error: ${error instanceof Error ? cleanMessage(error.message) : String(error)}`);
    return;
  }
  const sources = new Map<string, string | undefined>();
  for (const issue of issues.slice(0, 20)) {
    const where = issue.path.length === 0 ? '' : ` (at \`${issue.path.join('.')}\`)`;
    const detail = [issue.expected === undefined ? undefined : `expected ${issue.expected}`, issue.received === undefined ? undefined : `received ${issue.received}`]
      .filter((x) => x !== undefined)
      .join(', ');
    ctx.print.error(`Error: ${issue.message}${where}${detail === '' || issue.message.includes(detail) ? '' : `; ${detail}`}`);
    if (issue.file !== undefined && issue.line !== undefined) {
      ctx.print.error(`  --> ${issue.file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`);
      if (!sources.has(issue.file)) sources.set(issue.file, frameSource(issue.file));
      const text = sources.get(issue.file);
      const frame = text === undefined ? undefined : codeFrame(text, issue.line, issue.column);
      if (frame !== undefined) ctx.print.error(frame.replace(/^/gm, '  '));
    }
  }
  if (issues.length > 20) ctx.print.error(`... and ${issues.length - 20} more problems`);
}

// A Polyaxonfile declares its kind at the top level (`kind: component` in YAML, `"kind": "operation"` in JSON).
const POLYAXONFILE_KIND = /^kind:[ \t]*["']?(?:component|operation|compiled_operation)\b|"kind"\s*:\s*"(?:component|operation|compiled_operation)"/m;

/**
 * The text of `file` when a code frame may quote it: only a Polyaxonfile (a top-level `kind` of a
 * Polyaxonfile). Anything else (a token, an env dump, the CLI's `.auth`, text that is not YAML) may hold
 * secrets and is never quoted.
 */
function frameSource(file: string): string | undefined {
  const text = sourceText(file);
  return text !== undefined && POLYAXONFILE_KIND.test(text) ? text : undefined;
}

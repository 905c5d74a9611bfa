import type { Printer, TextSink } from './cli-io';
import { CliError } from './errors';
import { redact } from './redact';

const MARKERS = Symbol.for('px.error.markers');

/**
 * Whether `error` carries the marker of a `@px` error class (checked without
 * importing the package that defines it, so printing an error never loads
 * the HTTP stack or the parser).
 */
export function hasMarker(error: unknown, marker: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const markers = (error as { [MARKERS]?: unknown })[MARKERS];
  return Array.isArray(markers) && markers.includes(marker);
}

/**
 * What an API error says, as upstream's handler does: the status, what it
 * means and the server's body, secrets redacted (e.g.
 * `Status: 400. One or more request parameters are incorrect ["bad name"]`),
 * or undefined when `error` is not an `ApiError`.
 */
export function apiErrorSummary(error: unknown): string | undefined {
  if (!hasMarker(error, 'px.client.ApiError')) return undefined;
  // ApiError's own hint and detail: reading them needs no import of @px/client.
  const e = error as { status: number; hint?: unknown; detail?: unknown };
  const hint = typeof e.hint === 'string' ? e.hint.replace('Retry by invoking Polyaxon login.', 'Retry by invoking `px login`.') : 'Request failed.';
  const detail = typeof e.detail === 'string' ? e.detail.slice(0, 300) : '';
  return redact(`Status: ${e.status}. ${hint}${detail === '' ? '' : ` ${detail}`}`);
}

interface SpecErrorLike {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly issues?: readonly { readonly path: readonly (string | number)[]; readonly message: string; readonly file?: string; readonly line?: number; readonly column?: number }[];
}

// The parser's messages start with this line; the printed line says it already.
const SPEC_PREFIX = /^Polyaxonfile is not valid\.\s*/;
const MAX_ISSUES = 20;

/** ` (file:line:column)`, or '' when `at` has no file. */
function place(at: { readonly file?: string; readonly line?: number; readonly column?: number }): string {
  if (at.file === undefined) return '';
  return ` (${at.file}${at.line === undefined ? '' : `:${at.line}${at.column === undefined ? '' : `:${at.column}`}`})`;
}

/** One line per problem of a Polyaxonfile error (field path, message, place), at most 20. */
function specIssueLines(error: unknown): string[] {
  if (!hasMarker(error, 'px.polyaxonfile.PolyaxonfileError')) return [];
  const issues = (error as SpecErrorLike).issues ?? [];
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => `  ${issue.path.length === 0 ? '' : `at \`${issue.path.join('.')}\`: `}${issue.message}${place(issue)}`);
  if (issues.length > MAX_ISSUES) lines.push(`  ... and ${issues.length - MAX_ISSUES} more problems`);
  return lines;
}

/** The one-line message printed for `error` (secrets redacted). */
export function errorLine(error: unknown): string {
  const api = apiErrorSummary(error);
  if (api !== undefined) return `Error: ${api}`;
  if (hasMarker(error, 'px.polyaxonfile.PolyaxonfileError')) {
    const e = error as SpecErrorLike;
    const message = e.message.replace(SPEC_PREFIX, '').trim() || e.message;
    return redact(`Error: Polyaxonfile is not valid: ${message}${place(e)}`);
  }
  if (error instanceof CliError || hasMarker(error, 'px.PolyaxonException')) {
    return redact(`Error: ${(error as Error).message}`);
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return redact(`Error: Could not connect to the Polyaxon server: ${error.message}`);
    }
    return redact(`Error: Unexpected error: ${error.message}`);
  }
  return redact(`Error: Unexpected error: ${String(error)}`);
}

function stackOf(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    lines.push(depth === 0 ? (current.stack ?? current.message) : `Caused by: ${current.stack ?? current.message}`);
    current = current.cause;
  }
  return lines;
}

/**
 * Prints `error` as one clear line on stderr (plus the stack trace and the
 * chain of causes with `verbose`) and returns the exit code: the
 * {@link CliError}'s own code, else 1.
 */
export function printError(error: unknown, options: { print: Printer; verbose: boolean; stderr: TextSink }): number {
  options.print.error(errorLine(error));
  for (const line of specIssueLines(error)) options.print.error(redact(line));
  if (error instanceof CliError) {
    for (const detail of error.details) options.print.error(redact(detail));
  }
  if (options.verbose) {
    for (const line of stackOf(error)) options.stderr.write(`${redact(line)}\n`);
  } else if (!(error instanceof CliError) && !hasMarker(error, 'px.PolyaxonException')) {
    options.print.error('Run with --verbose (or POLYAXON_DEBUG=true) for the stack trace.');
  }
  return error instanceof CliError ? error.exitCode : 1;
}

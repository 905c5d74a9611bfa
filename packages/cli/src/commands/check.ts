import type { CommandContext } from '../command-context';
import { CliError, UsageError } from '../errors';
import { codeFrame } from '../output/code-frame';
import { parseOutputFormat } from '../output/output-format';
import { toYaml } from '../output/yaml';
import { hasMarker } from '../print-error';
import { resolveFor } from '../context-loader';
import { redact } from '../redact';
import { flagOption, listOption, stringOption } from '../option-values';
import { MissingSpecFileError, remoteSpecReader, sourceText, specFiles, specSources, STDIN_FILE, STDIN_NAME } from '../spec-files';

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

/** Registers the resolved token (when there is one) so that nothing printed about a failed check can show it. */
async function registerToken(ctx: CommandContext): Promise<void> {
  try {
    await resolveFor(ctx);
  } catch {
    // No usable context: there is no token to hide.
  }
}

/**
 * `px check -f FILE [-f PRESET ...] [-P k=v ...] [--lint] [-o json]`: checks a
 * Polyaxonfile and builds its operation (upstream `check_polyaxonfile(..., to_op=True)`).
 * Never loads the HTTP stack.
 */
export async function check(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  if (format.kind === 'file') throw new UsageError('`px check` supports `-o json` and `-o yaml`.');
  if (stringOption(ctx.options, 'pythonModule') !== undefined) {
    throw new CliError('Python modules (`-pm`) are not supported by px; pass a YAML or JSON Polyaxonfile with `-f`.');
  }
  const machine = format.kind === 'json' || format.kind === 'yaml';
  const write = (report: CheckReport): void => {
    const text = format.kind === 'yaml' ? toYaml(report) : `${JSON.stringify(report, null, 2)}\n`;
    ctx.io.stdout.write(report.ok ? text : redact(text));
  };
  let files: string[];
  try {
    files = specFiles(ctx, listOption(ctx.options, 'file'));
  } catch (error) {
    if (!machine || !(error instanceof MissingSpecFileError)) throw error;
    // with -o json a missing file is reported in the JSON contract too (exit 1)
    write({
      ok: false,
      error: {
        type: error.problem === 'does not exist' ? 'FileNotFoundError' : error.problem === 'is a directory' ? 'IsADirectoryError' : 'OSError',
        message: error.detail,
        file: error.file,
        line: null,
        column: null,
        path: null,
      },
    });
    return 1;
  }
  const params = listOption(ctx.options, 'param');
  const presets = stringOption(ctx.options, 'presets')
    ?.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const pf = await import('@px/polyaxonfile/node');
  let spec: Record<string, unknown>;
  try {
    if (files.length === 0) {
      throw new pf.PolyaxonfileError(
        'Something went wrong, `check_polyaxonfile` was called without a polyaxonfile, a hub component reference, a url or a python module.',
        { stage: 'read' },
      );
    }
    const op = await pf.checkPolyaxonfile({
      polyaxonfile: await specSources(files),
      params,
      fetchText: remoteSpecReader(ctx, pf),
      ...(presets === undefined || presets.length === 0 ? {} : { presets }),
      toOp: true,
      validateParams: !flagOption(ctx.options, 'lint'),
      onWarning: (message) => ctx.print.warning(message),
    });
    spec = pf.toDict(op);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    await registerToken(ctx);
    if (machine) {
      write(errorReport(error, files[0] === STDIN_FILE ? STDIN_NAME : files[0]));
      return 1;
    }
    printIssues(ctx, error);
    return 1;
  }
  if (machine) {
    write({ ok: true, kind: spec.kind, spec });
    return 0;
  }
  ctx.print.success('Polyaxonfile valid');
  if (flagOption(ctx.options, 'version')) ctx.print.line(`The version is: ${String(spec.version)}`);
  return 0;
}

import type { CommandContext } from '../command-context';
import { CliError, UsageError } from '../errors';
import { parseOutputFormat } from '../output/output-format';
import { redact } from '../redact';
import { flagOption, listOption, stringOption } from '../option-values';
import { MissingSpecFileError, remoteSpecReader, specFiles, specSources, STDIN_FILE, STDIN_NAME } from '../spec-files';
import type { CheckReport } from './check-report';

export type { CheckReport } from './check-report';

/** Registers the resolved token (when there is one) so that nothing printed about a failed check can show it. */
async function registerToken(ctx: CommandContext): Promise<void> {
  try {
    const { resolveFor } = await import('../context-loader');
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
  // the YAML writer loads only for `-o yaml`
  const write = async (report: CheckReport): Promise<void> => {
    const text = format.kind === 'yaml' ? (await import('../output/yaml')).toYaml(report) : `${JSON.stringify(report, null, 2)}\n`;
    ctx.io.stdout.write(report.ok ? text : redact(text));
  };
  let files: string[];
  try {
    files = specFiles(ctx, listOption(ctx.options, 'file'));
  } catch (error) {
    if (!machine || !(error instanceof MissingSpecFileError)) throw error;
    // with -o json a missing file is reported in the JSON contract too (exit 1)
    await write({
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
    // what a failed check prints loads only when a check fails
    const report = await import('./check-report');
    if (machine) {
      await write(report.errorReport(error, files[0] === STDIN_FILE ? STDIN_NAME : files[0]));
      return 1;
    }
    report.printIssues(ctx, error);
    return 1;
  }
  if (machine) {
    await write({ ok: true, kind: spec.kind, spec });
    return 0;
  }
  ctx.print.success('Polyaxonfile valid');
  if (flagOption(ctx.options, 'version')) ctx.print.line(`The version is: ${String(spec.version)}`);
  return 0;
}

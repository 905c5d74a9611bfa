import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandContext } from './command-context';
import { UsageError } from './errors';

/** What is wrong with a `-f` path. */
export type SpecFileProblem = 'does not exist' | 'is a directory' | 'is not a regular file';

/**
 * A `-f` path that is missing, a directory, or not a regular file (a FIFO,
 * a device, a socket): a usage error, exit 2, as click.
 */
export class MissingSpecFileError extends UsageError {
  static override readonly marker: string = 'px.cli.MissingSpecFileError';
  /** The path as given on the command line. */
  readonly file: string;
  /** What the path is instead of a readable file. */
  readonly problem: SpecFileProblem;
  /** The sentence saying so: `Path 'x' is a directory.` */
  readonly detail: string;

  constructor(file: string, problem: SpecFileProblem = 'does not exist') {
    const detail = describeSpecFileProblem(file, problem);
    super(`Invalid value for '-f' / '--file': ${detail}`);
    this.file = file;
    this.problem = problem;
    this.detail = detail;
  }
}

/** `Path 'x' is a directory.`: the sentence naming what is wrong with a `-f` path. */
export function describeSpecFileProblem(file: string, problem: SpecFileProblem): string {
  return `Path '${file}' ${problem}.`;
}

function problemOf(path: string): SpecFileProblem | undefined {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 'does not exist';
  }
  if (info.isDirectory()) return 'is a directory';
  return info.isFile() ? undefined : 'is not a regular file';
}

/** The default Polyaxonfile names upstream looks for in the working directory, in order. */
const DEFAULT_NAMES = ['polyaxon', 'polyaxonci', 'polyaxon-ci', 'polyaxon.ci', 'polyaxonfile'];
const DEFAULT_EXTENSIONS = ['yaml', 'yml', 'json'];

/**
 * The `-f` files of a command as absolute paths (relative to the working
 * directory). Without any, the first default file (`polyaxon.yaml`,
 * `polyaxonfile.yaml`, ...) found in the working directory.
 *
 * @throws {@link MissingSpecFileError} (exit 2, as click) when a given path does not exist or is not a regular file.
 */
export function specFiles(ctx: CommandContext, files: readonly string[]): string[] {
  if (files.length === 0) {
    for (const name of DEFAULT_NAMES) {
      for (const ext of DEFAULT_EXTENSIONS) {
        const path = join(ctx.cwd, `${name}.${ext}`);
        if (existsSync(path)) return [path];
      }
    }
    return [];
  }
  return files.map((file) => {
    const path = resolve(ctx.cwd, file);
    const problem = problemOf(path);
    if (problem !== undefined) throw new MissingSpecFileError(file, problem);
    return path;
  });
}

/**
 * The content sent with `ops restart/resume -f`: the files read as a preset
 * operation (or, with `recompile`, checked as a full operation), as JSON text.
 */
export async function readOverrideContent(ctx: CommandContext, files: readonly string[], recompile: boolean): Promise<string> {
  const paths = specFiles(ctx, files);
  const pf = await import('@px/polyaxonfile/node');
  if (recompile) {
    const op = await pf.checkPolyaxonfile({ polyaxonfile: paths, toOp: true, validateParams: false });
    return JSON.stringify(pf.toDict(op));
  }
  const op = pf.OperationSpecification.read(paths, { isPreset: true });
  return JSON.stringify(pf.toDict(op));
}

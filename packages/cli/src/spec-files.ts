import { existsSync, readFileSync, statSync } from 'node:fs';
import type { SpecSource } from '@px/polyaxonfile';
import { join, resolve } from 'node:path';
import type * as PolyaxonfileNode from '@px/polyaxonfile/node';
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

/** The `-f` value that reads the Polyaxonfile from standard input. */
export const STDIN_FILE = '-';
/** The file name errors give for a Polyaxonfile read from standard input. */
export const STDIN_NAME = '<stdin>';

/**
 * The `-f` files of a command as absolute paths (relative to the working
 * directory); `-` (standard input) stays `-`. Without any, the first default
 * file (`polyaxon.yaml`, `polyaxonfile.yaml`, ...) found in the working directory.
 *
 * @throws {@link MissingSpecFileError} (exit 2, as click) when a given path does not exist or is not a regular file.
 * @throws {@link UsageError} when `-f -` is given twice (standard input reads once).
 */
export function specFiles(ctx: CommandContext, files: readonly string[]): string[] {
  if (files.filter((f) => f === STDIN_FILE).length > 1) throw new UsageError('`-f -` reads standard input, which can be given only once.');
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
    if (file === STDIN_FILE) return file;
    const path = resolve(ctx.cwd, file);
    const problem = problemOf(path);
    if (problem !== undefined) throw new MissingSpecFileError(file, problem);
    return path;
  });
}

let stdinText: string | undefined;

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  stdinText = Buffer.concat(chunks).toString('utf8');
  return stdinText;
}

/** The text of a Polyaxonfile named in an error (`<stdin>` included), for code frames; `undefined` when unreadable. */
export function sourceText(file: string): string | undefined {
  if (file === STDIN_NAME) return stdinText;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * What the Polyaxonfile readers take for the files of {@link specFiles}:
 * paths as they are, and `-` as the YAML (or JSON) read from standard input,
 * named `<stdin>` in errors (`px check -f -`, `cat job.yaml | px run -f -`).
 *
 * @param stdin - where `-` reads from (default: the process's standard input, opened only then)
 */
export async function specSources(files: readonly string[], stdin?: AsyncIterable<Buffer | string>): Promise<SpecSource[]> {
  if (!files.includes(STDIN_FILE)) return [...files];
  const { parseYaml } = await import('@px/polyaxonfile');
  const text = await readAll(stdin ?? process.stdin);
  return files.map((file) => (file === STDIN_FILE ? parseYaml(text, STDIN_NAME) : file));
}

/**
 * The content sent with `ops restart/resume -f`: the files read as a preset
 * operation (or, with `recompile`, checked as a full operation), as JSON text.
 */
export async function readOverrideContent(ctx: CommandContext, files: readonly string[], recompile: boolean): Promise<string> {
  const paths = await specSources(specFiles(ctx, files));
  const pf = await import('@px/polyaxonfile/node');
  if (recompile) {
    const op = await pf.checkPolyaxonfile({ polyaxonfile: paths, toOp: true, validateParams: false, fetchText: remoteSpecReader(ctx, pf) });
    return JSON.stringify(pf.toDict(op));
  }
  const op = pf.OperationSpecification.read(paths, { isPreset: true });
  return JSON.stringify(pf.toDict(op));
}

/**
 * A `fetchText` for `checkPolyaxonfile` that reads `urlRef`/`hubRef` URLs within the context's timeout
 * (`POLYAXON_TIMEOUT` or the client config; 20 s by default, as the API client), resolved at the first
 * remote read so that checks of local files never load the context.
 */
export function remoteSpecReader(ctx: CommandContext, pf: typeof PolyaxonfileNode): (url: string) => Promise<string> {
  let timeout: number | undefined;
  return async (url) => {
    if (timeout === undefined) {
      try {
        const { resolveFor } = await import('./context-loader');
        timeout = (await resolveFor(ctx)).timeout.value;
      } catch {
        // An unusable config has no timeout to give: the client's default applies.
        timeout = pf.DEFAULT_FETCH_TIMEOUT;
      }
    }
    return pf.fetchSpecText(url, { timeout });
  };
}

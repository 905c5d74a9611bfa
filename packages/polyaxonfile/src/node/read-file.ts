import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { PolyaxonfileError } from '../errors';
import { parseJson, parseYaml } from '../yaml/parse-yaml';
import type { SourceDocument } from '../yaml/parse-yaml';
import { fetchSpecText } from '../read/fetch-text';
import { parseBytes } from './decode-utf8';
import type { FetchTextOptions } from '../read/fetch-text';

/** File names `polyaxon check` looks for when no file is given (names first, then extensions). */
export const DEFAULT_POLYAXONFILES: readonly string[] = ['polyaxon', 'polyaxonci', 'polyaxon-ci', 'polyaxon.ci', 'polyaxonfile'].flatMap(
  (name) => ['.yaml', '.yml', '.json'].map((ext) => `${name}${ext}`),
);

function readError(message: string, file: string, cause?: unknown): never {
  throw new PolyaxonfileError(message, { stage: 'read', issues: [{ path: [], message, file }], cause });
}

function looksLikePath(text: string): boolean {
  return text.length > 0 && text.length < 4096 && !text.includes('\n');
}

/**
 * Reads a Polyaxonfile from disk when `path` names an existing file
 * (`.json` through JSON, anything else as YAML); `undefined` otherwise.
 *
 * @param path - the file path
 * @param relativeTo - a file whose directory relative paths are resolved against
 * @returns the document, or undefined when there is no such file
 * @throws {@link PolyaxonfileError} for unreadable or unsupported files
 */
export function readPath(path: string, relativeTo?: string): SourceDocument | undefined {
  if (!looksLikePath(path)) return undefined;
  const full = relativeTo === undefined || isAbsolute(path) ? resolve(path) : join(dirname(relativeTo), path);
  let isFile = false;
  try {
    isFile = existsSync(full) && statSync(full).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) return undefined;
  const ext = extname(full).toLowerCase();
  if (ext === '.py') readError(`Python modules are not supported: \`${path}\`. Expects a file with extension: \`.yml\`, \`.yaml\`, or \`json\`.`, full);
  let bytes: Uint8Array;
  try {
    // Bytes, decoded by the parser as strict UTF-8: invalid bytes are an error, not U+FFFD.
    bytes = readFileSync(full);
  } catch (error) {
    return readError(`Cannot read config_value: \`${path}\``, full, error);
  }
  return parseBytes(bytes, full, ext === '.json');
}

/**
 * Downloads a Polyaxonfile (YAML, or JSON when the URL ends in `.json`), within a timeout.
 *
 * @param url - an http(s) URL
 * @param options - `timeout` in seconds (default 20, the API client's default; `0`: none)
 * @returns the document
 * @throws {@link PolyaxonfileError} naming the URL and the cause (timeout, DNS, refused connection, TLS,
 *   HTTP status) when the download fails, or when the content is invalid
 */
export async function fetchPolyaxonfile(url: string, options: FetchTextOptions = {}): Promise<SourceDocument> {
  const text = await fetchSpecText(url, options);
  return new URL(url).pathname.toLowerCase().endsWith('.json') ? parseJson(text, url) : parseYaml(text, url);
}

/**
 * Reads a Polyaxonfile from a path or an http(s) URL.
 *
 * @param location - file path or URL
 * @param options - for a URL, `timeout` in seconds (default 20; `0`: none)
 * @returns the document (pass it, or a list of them, to any reader)
 * @throws {@link PolyaxonfileError} when it cannot be read
 * @example
 * ```ts
 * const doc = await readPolyaxonfile('polyaxonfile.yaml');
 * const spec = getSpecification(doc);
 * ```
 */
export async function readPolyaxonfile(location: string, options: FetchTextOptions = {}): Promise<SourceDocument> {
  if (/^https?:\/\//i.test(location)) return fetchPolyaxonfile(location, options);
  return readPath(location) ?? readError(`Cannot read config_value: \`${location}\` (no such file)`, location);
}

/**
 * The first default Polyaxonfile found in `cwd` (see {@link DEFAULT_POLYAXONFILES}).
 *
 * @returns its path, or undefined
 */
export function findDefaultPolyaxonfile(cwd: string = process.cwd()): string | undefined {
  for (const name of DEFAULT_POLYAXONFILES) {
    const path = join(cwd, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

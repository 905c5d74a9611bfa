import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { PolyaxonClient } from '../client/polyaxon-client';
import { PolyaxonClientException } from '../errors/client-error';
import { multipartBody } from '../multipart/multipart-body';
import { extractArchive } from '../tar/extract';
import { tarStream, type TarSource } from '../tar/tar-writer';
import type { Query } from '../transport/api-transport';
import { countBytes, progressStream, watchProgress, type ProgressHandler } from '../transport/progress';
import { readAll } from '../transport/raw-request';

/** Where a streams call goes: the path, and the agent's origin when the run has one. */
export interface StreamsTarget {
  path: string;
  host?: string | undefined;
}

/** What the `json` part of an upload says. */
export interface UploadSpec {
  untar: boolean;
  path: string;
  overwrite: boolean;
  connection?: string | undefined;
}

function specJson(spec: UploadSpec): string {
  const body: Record<string, unknown> = { untar: spec.untar, path: spec.path, overwrite: spec.overwrite };
  if (spec.connection !== undefined) body.connection = spec.connection;
  return JSON.stringify(body);
}

async function sendUpload(
  client: PolyaxonClient,
  target: StreamsTarget,
  filename: string,
  data: Readable,
  size: number | undefined,
  spec: UploadSpec,
  onProgress: ProgressHandler | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  const body = multipartBody(
    { field: 'upload_file', filename, contentType: 'text/plain', data: progressStream(data, size, onProgress), size },
    [['json', specJson(spec)]],
  );
  const headers: Record<string, string> = { 'content-type': body.contentType };
  if (body.length !== undefined) headers['content-length'] = String(body.length);
  const response = await client.stream('POST', target.path, { host: target.host, headers, body: body.parts, signal });
  await readAll(response.body);
}

/**
 * Uploads one file as multipart (`upload_file` + `json`), streamed from
 * disk with a Content-Length; the filename is the local path as given.
 *
 * @throws {@link PolyaxonClientException} when the file cannot be read
 */
export async function uploadFile(
  client: PolyaxonClient,
  target: StreamsTarget,
  filepath: string,
  spec: UploadSpec,
  onProgress?: ProgressHandler,
  signal?: AbortSignal,
): Promise<void> {
  let size: number;
  try {
    const info = await stat(filepath);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw new PolyaxonClientException(`Cannot upload \`${filepath}\`: ${(error as Error).message}`, { cause: error });
  }
  const data = createReadStream(filepath, { highWaterMark: 1024 * 1024 });
  await sendUpload(client, target, filepath.split('\\').join('/'), data, size, spec, onProgress, signal);
}

/**
 * Packs `sources` as tar.gz on the fly and uploads it with `untar: true`
 * (chunked transfer, constant memory).
 */
export async function uploadTarGz(
  client: PolyaxonClient,
  target: StreamsTarget,
  sources: readonly TarSource[],
  archiveName: string,
  spec: UploadSpec,
  onProgress?: ProgressHandler,
  signal?: AbortSignal,
): Promise<void> {
  const gzip = createGzip({ level: 6 });
  const tar = Readable.from(tarStream(sources), { objectMode: false });
  tar.on('error', (error) => gzip.destroy(error));
  const packed = tar.pipe(gzip);
  await sendUpload(client, target, archiveName, packed, undefined, spec, onProgress, signal);
}

/** The byte count a progress bar can expect: Content-Length, unless the body is decoded (gzip) on the way. */
function expectedLength(response: { decoded: boolean; headers: Record<string, string | string[] | undefined> }): number | undefined {
  const length = Number(response.headers['content-length']);
  return response.decoded || !Number.isFinite(length) ? undefined : length;
}

/**
 * Streams a GET response into the file `dest` (through a temp file renamed
 * at the end). Returns the response's `content-disposition`.
 */
export async function downloadToFile(
  client: PolyaxonClient,
  target: StreamsTarget,
  query: Query,
  dest: string,
  onProgress?: ProgressHandler,
  signal?: AbortSignal,
): Promise<string> {
  const response = await client.stream('GET', target.path, { host: target.host, query, signal });
  await mkdir(dirname(dest), { recursive: true });
  const tmp = `${dest}.px-partial`;
  const total = expectedLength(response);
  try {
    await pipeline(watchProgress(response.body, total, onProgress), createWriteStream(tmp));
    await rename(tmp, dest);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new PolyaxonClientException(`Download into \`${dest}\` failed: ${(error as Error).message}`, { cause: error });
  }
  const disposition = response.headers['content-disposition'];
  return Array.isArray(disposition) ? disposition.join(', ') : (disposition ?? '');
}

/** Whether a response carries an archive (by its Content-Disposition or Content-Type). */
function isArchive(headers: Record<string, string | string[] | undefined>): boolean {
  const disposition = String(headers['content-disposition'] ?? '');
  const type = String(headers['content-type'] ?? '');
  return /\.tar(\.gz)?"/.test(disposition) || /\.(tgz|tar)\b/.test(disposition) || /(gzip|x-tar)/.test(type);
}

/**
 * Streams a tar(.gz) GET response straight into `dest`, extracting safely.
 * When the server answers with a plain file instead (`check_path`), it is
 * saved as `dest`.
 *
 * @returns `dir` when extracted, `file` when saved as a file
 */
export async function downloadAndExtract(
  client: PolyaxonClient,
  target: StreamsTarget,
  query: Query,
  dest: string,
  onProgress?: ProgressHandler,
  signal?: AbortSignal,
): Promise<'dir' | 'file'> {
  const response = await client.stream('GET', target.path, { host: target.host, query, signal });
  const total = expectedLength(response);
  if (!isArchive(response.headers)) {
    await mkdir(dirname(dest), { recursive: true });
    const tmp = `${dest}.px-partial`;
    try {
      await pipeline(watchProgress(response.body, total, onProgress), createWriteStream(tmp));
      await rename(tmp, dest);
    } catch (error) {
      await rm(tmp, { force: true });
      throw new PolyaxonClientException(`Download into \`${dest}\` failed: ${(error as Error).message}`, { cause: error });
    }
    return 'file';
  }
  await extractArchive(countBytes(response.body as AsyncIterable<Buffer>, total, onProgress), dest);
  return 'dir';
}

/** The temp archive name upstream would use: `<basename of path or "uploads">.tar.gz`. */
export function archiveNameFor(path: string): string {
  const base = basename(path.replace(/\/+$/, ''));
  return `${base === '' || base === '.' ? 'uploads' : base}.tar.gz`;
}

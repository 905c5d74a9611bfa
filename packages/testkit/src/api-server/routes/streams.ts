import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseIsoMicros } from '../clock';
import { ARTIFACT_KINDS } from '../enums';
import { readRunEvents } from '../events-files';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { multipartBoundary, parseMultipart } from '../multipart';
import { badRequest, emptyHtml, type Reply } from '../reply';
import { param, type RouteContext } from '../route-context';
import type { Route } from '../router';
import { extractTarGz, safeJoin, tarGzDirectory } from '../tar';

const MIME: Record<string, string> = {
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.json': 'application/json',
  '.yaml': 'application/x-yaml',
  '.yml': 'application/x-yaml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.gz': 'application/gzip',
  '.tar': 'application/x-tar',
  '.py': 'text/x-python',
};

const NOT_FOUND = 'Artifact not found: filepath=None';

/** The folder of a run in the artifacts store. */
export function runDir(ctx: RouteContext): string {
  return safeJoin(ctx.settings.artifactsDir, param(ctx, 'uuid'));
}

/** A path inside a run folder: upstream treats a leading `/` as the run root (`"path": "/"`). */
function inRun(path: string): string {
  return path.replace(/^\/+/, '');
}

function relPath(ctx: RouteContext): string {
  return inRun(ctx.url.searchParams.get('path') ?? '');
}

function isTrue(value: string | null): boolean {
  return value !== null && ['true', 'True', '1'].includes(value);
}

function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function fileReply(path: string): Reply {
  const info = statOf(path);
  if (!info?.isFile()) return { status: 404, text: NOT_FOUND };
  const name = basename(path);
  return {
    status: 200,
    headers: {
      'Content-Type': MIME[extname(name).toLowerCase()] ?? 'application/octet-stream',
      'Content-Disposition': `inline; filename="${name}"`,
      'Content-Length': String(info.size),
    },
    stream: () => createReadStream(path, { highWaterMark: 1024 * 1024 }),
  };
}

/** The upload protocol upstream's client follows (`json` field keys and types). */
function checkUploadJson(raw: string | undefined): { errors: string[]; meta: JsonObject } {
  if (raw === undefined) return { errors: ['multipart field "json" is missing'], meta: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { errors: [`multipart field "json" is not JSON: ${raw}`], meta: {} };
  }
  if (!isJsonObject(parsed)) return { errors: ['multipart field "json" must be an object'], meta: {} };
  const errors: string[] = [];
  const types: Record<string, string> = { path: 'string', untar: 'boolean', overwrite: 'boolean', connection: 'string' };
  for (const [key, value] of Object.entries(parsed)) {
    const expected = types[key];
    if (!expected) errors.push(`multipart "json" has an unknown key "${key}"`);
    else if (value !== null && typeof value !== expected) errors.push(`multipart "json".${key} must be a ${expected}`);
  }
  return { errors, meta: parsed };
}

async function upload(ctx: RouteContext, defaultUntar: boolean): Promise<Reply> {
  const boundary = multipartBoundary(ctx.req.headers['content-type']);
  if (!boundary) {
    ctx.req.resume();
    ctx.reportViolation(['artifact uploads must be multipart/form-data']);
    throw badRequest({ detail: 'Expected a multipart/form-data body.' });
  }
  const staging = join(ctx.settings.artifactsDir, '.uploads');
  mkdirSync(staging, { recursive: true });
  const parts = await parseMultipart(ctx.req, boundary, () => join(staging, randomBytes(8).toString('hex')));
  const cleanup = (): void => {
    for (const file of parts.files) rmSync(file.path, { force: true });
  };
  try {
    const { errors, meta } = checkUploadJson(parts.fields.json);
    const file = parts.files.find((f) => f.field === 'upload_file');
    const unexpected = [...Object.keys(parts.fields).filter((k) => k !== 'json'), ...parts.files.filter((f) => f.field !== 'upload_file').map((f) => f.field)];
    if (!file) errors.push('multipart file field "upload_file" is missing');
    for (const field of unexpected) errors.push(`unexpected multipart field "${field}"`);
    const summary: JsonObject = {
      fields: { ...parts.fields },
      files: parts.files.map((f): Json => ({ field: f.field, filename: f.filename, contentType: f.contentType ?? null, size: f.size })),
    };
    ctx.recordBody(summary);
    ctx.reportViolation(errors);
    if (!file) throw badRequest({ detail: 'No file was uploaded (field `upload_file`).' });
    const path = typeof meta.path === 'string' ? inRun(meta.path) : '';
    const untar = typeof meta.untar === 'boolean' ? meta.untar : defaultUntar;
    const overwrite = typeof meta.overwrite === 'boolean' ? meta.overwrite : true;
    const destination = safeJoin(runDir(ctx), path);
    if (untar) {
      mkdirSync(destination, { recursive: true });
      await extractTarGz(file.path, destination, overwrite);
    } else {
      // The server keeps only the basename of the (absolute, client-side) filename.
      const target = safeJoin(destination, basename(file.filename.replace(/\\/g, '/')));
      if (overwrite || !existsSync(target)) {
        mkdirSync(destination, { recursive: true });
        renameSync(file.path, target);
      }
    }
    return { status: 200, text: '' };
  } finally {
    cleanup();
  }
}

function tree(ctx: RouteContext): Reply {
  const dir = safeJoin(runDir(ctx), relPath(ctx));
  const files: JsonObject = {};
  const dirs: string[] = [];
  if (statOf(dir)?.isDirectory()) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(entry.name);
      else if (entry.isFile()) files[entry.name] = statSync(join(dir, entry.name)).size;
    }
  }
  return { status: 200, json: { files, dirs }, headers: { 'Content-Type': 'application/json' } };
}

function downloadDir(ctx: RouteContext): Reply {
  const rel = relPath(ctx);
  const target = safeJoin(runDir(ctx), rel);
  const info = statOf(target);
  if (info?.isFile() && isTrue(ctx.url.searchParams.get('check_path'))) return fileReply(target);
  if (!info?.isDirectory()) return { status: 404, text: NOT_FOUND };
  const name = rel.replace(/\/+$/, '') === '' ? param(ctx, 'uuid') : basename(rel.replace(/\/+$/, ''));
  return {
    status: 200,
    headers: { 'Content-Type': 'application/gzip', 'Content-Disposition': `inline; filename="${name}.tar.gz"` },
    stream: () => tarGzDirectory(target),
  };
}

function deleteFile(ctx: RouteContext): Reply {
  const rel = relPath(ctx);
  const target = safeJoin(runDir(ctx), rel);
  if (!statOf(target)?.isFile()) {
    return { status: 400, text: `Artifact could not be deleted: filepath=${param(ctx, 'uuid')}/${rel}` };
  }
  rmSync(target);
  return { status: 204, text: '' };
}

function deleteDir(ctx: RouteContext): Reply {
  const target = safeJoin(runDir(ctx), relPath(ctx));
  rmSync(target, { recursive: true, force: true });
  return { status: 204, text: '' };
}

function namesOf(ctx: RouteContext): string[] {
  return (ctx.url.searchParams.get('names') ?? '').split(',').filter((n) => n !== '');
}

/** `sample=N` (dict orient only), or undefined. */
function sampleOf(ctx: RouteContext, orient: string): number | undefined {
  const raw = ctx.url.searchParams.get('sample');
  if (orient === 'csv' || raw === null || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * What the real server answers before reading any file: 400 `text/html` for
 * an unknown kind (sample 46), 500 with an empty body when `names` (or, for
 * several runs, `runs`) is missing (sample 47).
 */
function eventsPrecheck(ctx: RouteContext, required: readonly string[]): Reply | undefined {
  const kind = param(ctx, 'kind');
  if (!ARTIFACT_KINDS.has(kind)) return { status: 400, text: `received an unrecognisable event ${kind}.` };
  for (const name of required) if (!ctx.url.searchParams.get(name)) return { status: 500, text: '' };
  return undefined;
}

function events(ctx: RouteContext): Reply {
  const kind = param(ctx, 'kind');
  const orient = ctx.url.searchParams.get('orient') ?? 'dict';
  if (isTrue(ctx.url.searchParams.get('pkg_assets'))) {
    return downloadDir({ ...ctx, url: new URL(`${ctx.url.pathname}?path=`, ctx.url) });
  }
  const failed = eventsPrecheck(ctx, ['names']);
  if (failed) return failed;
  return { status: 200, json: { data: readRunEvents(runDir(ctx), kind, namesOf(ctx), orient, 'events', sampleOf(ctx, orient)) } };
}

/** `GET .../runs/multi/events/{kind}?runs=u1,u2&names=..`: `{data: {uuid: [...]}}`, an unknown run mapped to `[]`. */
function multiEvents(ctx: RouteContext): Reply {
  const kind = param(ctx, 'kind');
  const orient = ctx.url.searchParams.get('orient') ?? 'dict';
  const failed = eventsPrecheck(ctx, ['runs', 'names']);
  if (failed) return failed;
  const runs = (ctx.url.searchParams.get('runs') ?? '').split(',').filter((r) => r !== '');
  const data: JsonObject = {};
  for (const uuid of runs) data[uuid] = readRunEvents(safeJoin(ctx.settings.artifactsDir, uuid), kind, namesOf(ctx), orient, 'events', sampleOf(ctx, orient));
  return { status: 200, json: { data } };
}

function resources(ctx: RouteContext): Reply {
  const orient = ctx.url.searchParams.get('orient') ?? 'dict';
  const dir = join(runDir(ctx), 'resources', 'metric');
  let names = namesOf(ctx);
  if (names.length === 0 && existsSync(dir)) names = readdirSync(dir).filter((f) => f.endsWith('.plx')).map((f) => f.slice(0, -4)).sort();
  return { status: 200, json: { data: readRunEvents(runDir(ctx), 'metric', names, orient, 'resources') } };
}

const MAX_LOG_LINES = 2000;

/** A logs answer, keys in upstream's order (135). */
function logsReply(logs: Json[], lastTime: string | null, lastFile: string | null, files: Json[]): Reply {
  return { status: 200, json: { last_time: lastTime, last_file: lastFile, logs, files } };
}

/** The lines of a `.jsonl` archive (one `V1Log` per line). */
function jsonLines(text: string): Json[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line): Json[] => {
      try {
        const parsed: unknown = JSON.parse(line);
        return isJsonObject(parsed) ? [parsed] : [];
      } catch {
        return [];
      }
    });
}

/**
 * Logs of uploaded `plxlogs/<file>`s. Archived `.jsonl` files are read whole, with no
 * `last_time`/`last_file` (135); `{"logs": [V1Log, ...]}` files one per call like upstream.
 */
function fileLogs(ctx: RouteContext): Reply | undefined {
  const dir = join(runDir(ctx), 'plxlogs');
  if (!statOf(dir)?.isDirectory()) return undefined;
  const files = readdirSync(dir).filter((f) => statOf(join(dir, f))?.isFile()).sort();
  if (files.length === 0) return undefined;
  const archives = files.filter((f) => f.endsWith('.jsonl'));
  if (archives.length > 0) return logsReply(archives.flatMap((f) => jsonLines(readFileSync(join(dir, f), 'utf8'))), null, null, []);
  const lastFile = ctx.url.searchParams.get('last_file');
  const next = lastFile ? files.indexOf(lastFile) + 1 : 0;
  const file = files[next];
  if (file === undefined) return logsReply([], ctx.url.searchParams.get('last_time'), lastFile, files);
  let logs: Json[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (isJsonObject(parsed) && Array.isArray(parsed.logs)) logs = parsed.logs;
  } catch {
    logs = [];
  }
  const last = logs.at(-1);
  const lastTime = isJsonObject(last) && typeof last.timestamp === 'string' ? last.timestamp : null;
  return logsReply(logs, lastTime, file, files);
}

function logs(ctx: RouteContext): Reply {
  const run = ctx.state.getRun(param(ctx, 'owner'), param(ctx, 'project'), param(ctx, 'uuid'));
  if (!run?.logs.length) {
    const fromFiles = fileLogs(ctx);
    if (fromFiles) return fromFiles;
  }
  const lastTime = ctx.url.searchParams.get('last_time');
  const after = (lastTime ? parseIsoMicros(lastTime) : undefined) ?? Number.NEGATIVE_INFINITY;
  const lines = (run?.logs ?? []).filter((line) => (parseIsoMicros(line.timestamp) ?? 0) > after).slice(0, MAX_LOG_LINES);
  const last = lines.at(-1);
  return logsReply(
    lines.map((line): JsonObject => ({ ...line })),
    last ? last.timestamp : lastTime,
    ctx.url.searchParams.get('last_file'),
    [],
  );
}

/** A seeded inspection, else a plain 500 like the sandbox (no kube config, no archived spec: 137). */
function k8sInspect(ctx: RouteContext): Reply {
  const run = ctx.state.getRun(param(ctx, 'owner'), param(ctx, 'project'), param(ctx, 'uuid'));
  return run?.k8s_inspect ? { status: 200, json: run.k8s_inspect } : emptyHtml(500);
}

/** `/streams/v1/{namespace}/{owner}/{project}/runs/...` endpoints (artifacts store, events, logs). */
export function streamRoutes(): Route[] {
  const base = '/streams/v1/:namespace/:owner/:project/runs';
  const one = `${base}/:uuid`;
  const offSpec = 'upstream uploads through the streams service, which the SDK specification does not describe';
  return [
    { method: 'GET', pattern: `${base}/multi/events/:kind`, handle: multiEvents },
    { method: 'POST', pattern: `${one}/artifact`, body: 'stream', offSpec, handle: (ctx) => upload(ctx, false) },
    { method: 'POST', pattern: `${one}/artifacts`, body: 'stream', offSpec, handle: (ctx) => upload(ctx, true) },
    { method: 'GET', pattern: `${one}/artifact`, handle: (ctx) => fileReply(safeJoin(runDir(ctx), relPath(ctx))) },
    { method: 'GET', pattern: `${one}/artifacts`, handle: downloadDir },
    { method: 'GET', pattern: `${one}/artifacts/tree`, handle: tree },
    { method: 'DELETE', pattern: `${one}/artifact`, body: 'none', handle: deleteFile },
    { method: 'DELETE', pattern: `${one}/artifacts`, body: 'none', handle: deleteDir },
    { method: 'GET', pattern: `${one}/events/:kind`, handle: events },
    { method: 'GET', pattern: `${one}/resources`, handle: resources },
    { method: 'GET', pattern: `${one}/logs`, handle: logs },
    { method: 'GET', pattern: `${one}/k8s_inspect`, handle: k8sInspect },
  ];
}

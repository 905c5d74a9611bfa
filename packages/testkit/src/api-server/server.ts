import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadExchangeValidator, type ExchangeValidator } from '../openapi/exchange-validator';
import { OpenApiViolationError, QueryLanguageError } from './errors';
import { FaultRegistry, type Fault } from './faults';
import type { Json } from './json';
import { parseJsonBody, readBody } from './read-body';
import { RecordedRequest } from './recorded-request';
import { HttpError, type Reply } from './reply';
import type { RouteContext, RouteSettings } from './route-context';
import { buildRouter } from './routes';
import type { Route } from './router';
import { ApiState } from './state';
import type { ApiServer, ApiServerOptions, Violation } from './types';
import { writeReply } from './write-reply';

let validationNoticed = false;

const OPEN_PATHS = [/^\/healthz\/?$/, /^\/api\/v1\/installation\/?$/, /^\/api\/v1\/compatibility\//];

function formatViolations(violations: readonly Violation[]): string {
  const lines = violations.map((v) => {
    const head = `${v.direction} ${v.target}${v.status ? ` -> ${v.status}` : ''}${v.operationId ? ` (${v.operationId})` : ''}`;
    return `- ${head}\n${v.errors.map((e) => `    ${e}`).join('\n')}`;
  });
  return `The API test server saw ${violations.length} exchange(s) that do not match the official OpenAPI schema:\n${lines.join('\n')}`;
}

const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);

/** Whether `error` only means that the client went away (aborted upload/download): not a server fault. */
function clientWentAway(req: IncomingMessage, res: ServerResponse, error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return CLIENT_GONE.has(code) || (error instanceof Error && error.message === 'aborted') || req.socket.destroyed || res.destroyed;
}

function authFailure(required: boolean | string | undefined, header: string | undefined): Reply | undefined {
  if (!required) return undefined;
  if (header === undefined || header.trim() === '') {
    return { status: 401, json: { detail: 'Authentication credentials were not provided.' }, headers: { 'WWW-Authenticate': 'Token' } };
  }
  if (typeof required === 'string' && header !== `Token ${required}`) {
    return { status: 401, json: { detail: 'Invalid token.' }, headers: { 'WWW-Authenticate': 'Token' } };
  }
  return undefined;
}

function faultReply(fault: Fault): Reply {
  const status = fault.status ?? 503;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  return { status, headers, json: { detail: `Injected fault: status ${status}` } };
}

/**
 * Starts a Polyaxon API test server on 127.0.0.1 with a random port. It
 * implements the endpoints the client uses, answers like the real CE server
 * recorded in `api-samples/`, and (when `../shared` is present) checks every
 * request and response against the official OpenAPI schema.
 *
 * @example
 * ```ts
 * const server = await startApiServer();
 * server.state.addProject({ name: 'demo' });
 * const res = await fetch(`${server.url}/api/v1/default/demo`);
 * await server.close(); // throws when an exchange broke the OpenAPI schema
 * ```
 */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const artifactsDir = mkdtempSync(join(tmpdir(), 'px-api-server-'));
  const state = new ApiState(options.defaultOwner ?? 'default');
  const faults = new FaultRegistry();
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const router = buildRouter();
  let validator: ExchangeValidator | undefined;
  if (options.validate !== false) {
    validator = loadExchangeValidator();
    if (!validator && !validationNoticed) {
      validationNoticed = true;
      console.log('[px] API test server: OpenAPI validation skipped, ../shared/corpus/schemas not found');
    }
  }
  const settings: RouteSettings = {
    artifactsDir,
    pageSize: options.pageSize ?? 20,
    installation: { key: randomBytes(16).toString('hex'), version: options.version ?? '2.4.0', dist: 'ce', mode: 'sandbox' },
    user: { username: options.defaultOwner ?? 'default', email: 'default@polyaxon.local', organization: options.defaultOwner ?? 'default' },
  };
  const gzipMode = options.gzip ?? 'always';
  const sockets = new Set<Socket>();

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    url: URL,
    route: Route | undefined,
    reply: Reply,
  ): Promise<void> {
    record.status = reply.status;
    if (validator && route && !route.offSpec && !reply.stream) {
      const outcome = validator.response({
        method: req.method ?? 'GET',
        pathname: url.pathname,
        status: reply.status,
        json: reply.json,
        hasBody: reply.json !== undefined || (reply.text ?? '') !== '' || (reply.raw?.length ?? 0) > 0,
      });
      if (outcome.errors.length > 0) {
        violations.push({ direction: 'response', target: record.target, operationId: outcome.operationId, status: reply.status, errors: outcome.errors });
      }
    }
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    await writeReply(res, reply, {
      allow: route?.allow,
      gzip: gzipMode === 'always' || (gzipMode === 'accepted' && accepts),
      head: req.method === 'HEAD',
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `127.0.0.1:${port}`}`);
    const record = new RecordedRequest(method, url, req.headers);
    requests.push(record);

    const fault = faults.take(method, `${url.pathname}${url.search}`);
    if (fault) {
      record.fault = fault.kind;
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'status') {
        req.resume();
        await answer(req, res, record, url, undefined, faultReply(fault));
        return;
      }
      await sleep(fault.delayMs ?? 1000);
    }

    const match = router.match(method, url.pathname);
    if (match.kind === 'not-found') {
      req.resume();
      await answer(req, res, record, url, undefined, { status: 404, text: '' });
      return;
    }
    if (match.kind === 'method-not-allowed') {
      req.resume();
      await answer(req, res, record, url, { method, pattern: '', allow: match.allow, handle: () => ({ status: 405 }) }, { status: 405, text: '' });
      return;
    }
    const { route, params } = match;
    const denied = OPEN_PATHS.some((re) => re.test(url.pathname)) ? undefined : authFailure(options.requireToken, record.authorization);
    if (denied) {
      req.resume();
      await answer(req, res, record, url, route, denied);
      return;
    }

    let reply: Reply;
    try {
      const mode = route.body ?? (method === 'GET' || method === 'HEAD' ? 'none' : 'json');
      let body: Json | undefined;
      if (mode === 'json') {
        const bytes = await readBody(req);
        body = parseJsonBody(bytes) as Json | undefined;
        record.body = body;
      } else if (mode === 'none') {
        req.resume();
      }
      if (validator && !route.offSpec) {
        const outcome = validator.request({
          method,
          pathname: url.pathname,
          query: url.searchParams,
          json: body,
          contentType: req.headers['content-type'],
        });
        if (outcome.errors.length > 0) violations.push({ direction: 'request', target: record.target, operationId: outcome.operationId, errors: outcome.errors });
      }
      const ctx: RouteContext = {
        req,
        url,
        params,
        body,
        state,
        settings,
        recordBody: (summary) => {
          record.body = summary;
        },
        reportViolation: (errors) => {
          if (errors.length > 0) violations.push({ direction: 'request', target: record.target, errors });
        },
      };
      reply = await route.handle(ctx);
    } catch (error) {
      if (clientWentAway(req, res, error)) {
        record.status = 0;
        res.destroy();
        return;
      }
      if (HttpError.isInstance(error)) reply = error.reply;
      else if (QueryLanguageError.isInstance(error)) reply = { status: 400, json: { detail: error.message } };
      else {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        violations.push({ direction: 'server', target: record.target, errors: [`handler crashed: ${message}`] });
        reply = { status: 500, json: { detail: 'Internal server error.' } };
      }
    }
    await answer(req, res, record, url, route, reply);
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (clientWentAway(req, res, error)) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      violations.push({ direction: 'server', target: `${req.method ?? ''} ${req.url ?? ''}`, errors: [`server failed: ${message}`] });
      if (!res.headersSent) res.writeHead(500);
      res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed = false;

  const api: ApiServer = {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    state,
    requests,
    faults,
    artifactsDir,
    violations,
    validating: validator !== undefined,
    assertNoViolations() {
      if (violations.length > 0) throw new OpenApiViolationError(formatViolations(violations));
    },
    takeViolations() {
      return violations.splice(0, violations.length);
    },
    async close() {
      if (!closed) {
        closed = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          for (const socket of sockets) socket.destroy();
        });
        rmSync(artifactsDir, { recursive: true, force: true });
      }
      if (options.failOnViolations !== false) api.assertNoViolations();
    },
  };
  return api;
}

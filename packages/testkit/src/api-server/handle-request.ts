import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExchangeValidator } from '../openapi/exchange-validator';
import { authFailure } from './auth';
import { QueryLanguageError } from './errors';
import type { Fault, FaultRegistry } from './faults';
import type { Json } from './json';
import { parseJsonBody, readBody } from './read-body';
import { RecordedRequest } from './recorded-request';
import { HttpError, type Reply } from './reply';
import type { RouteContext, RouteSettings } from './route-context';
import type { Route, Router } from './router';
import type { ApiState } from './state';
import type { ApiServerOptions, Violation } from './types';
import { writeReply } from './write-reply';

/** What the request handler works with. */
export interface HandlerDeps {
  options: ApiServerOptions;
  router: Router;
  state: ApiState;
  settings: RouteSettings;
  faults: FaultRegistry;
  validator: ExchangeValidator | undefined;
  requests: RecordedRequest[];
  violations: Violation[];
  /** Fallback Host when a request has none. */
  fallbackHost: () => string;
}

const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);

/** Whether `error` only means that the client went away (aborted upload/download): not a server fault. */
export function clientWentAway(req: IncomingMessage, res: ServerResponse, error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return CLIENT_GONE.has(code) || (error instanceof Error && error.message === 'aborted') || req.socket.destroyed || res.destroyed;
}

/** HEAD is validated as the GET it mirrors (the specification lists no HEAD operations). */
function specMethod(method: string): string {
  return method === 'HEAD' ? 'GET' : method;
}

function faultReply(fault: Fault): Reply {
  const status = fault.status ?? 503;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  return { status, headers, json: { detail: `Injected fault: status ${status}` } };
}

/**
 * Builds the server's request listener: log → fault → route → auth → body →
 * request validation → handler → response validation → write.
 */
export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { options, router, state, settings, faults, validator, requests, violations } = deps;
  const gzipMode = options.gzip ?? 'always';

  async function answer(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, url: URL, reply: Reply, route?: Route, allow?: string): Promise<void> {
    record.status = reply.status;
    if (validator && route && !route.offSpec && !reply.stream) {
      const outcome = validator.response({
        method: specMethod(record.method),
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
      allow: allow ?? route?.allow,
      gzip: gzipMode === 'always' || (gzipMode === 'accepted' && accepts),
      head: record.method === 'HEAD',
    });
  }

  async function run(req: IncomingMessage, record: RecordedRequest, url: URL, route: Route, params: Record<string, string>): Promise<Reply> {
    const mode = route.body ?? (record.method === 'GET' || record.method === 'HEAD' ? 'none' : 'json');
    let body: Json | undefined;
    if (mode === 'json') {
      body = parseJsonBody(await readBody(req)) as Json | undefined;
      record.body = body;
    } else if (mode === 'none') {
      req.resume();
    }
    if (validator && !route.offSpec) {
      const outcome = validator.request({
        method: specMethod(record.method),
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
    return route.handle(ctx);
  }

  return async function handle(req, res) {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? deps.fallbackHost()}`);
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
        await answer(req, res, record, url, faultReply(fault));
        return;
      }
      await sleep(fault.delayMs ?? 1000);
    }

    const match = router.match(method, url.pathname);
    if (match.kind !== 'found') {
      req.resume();
      const reply: Reply = { status: match.kind === 'not-found' ? 404 : 405, text: '' };
      await answer(req, res, record, url, reply, undefined, match.kind === 'method-not-allowed' ? match.allow : undefined);
      return;
    }
    const { route, params } = match;
    const denied = authFailure(options.requireToken, url.pathname, record.authorization, settings.accounts);
    if (denied) {
      req.resume();
      await answer(req, res, record, url, denied, route);
      return;
    }

    let reply: Reply;
    try {
      reply = await run(req, record, url, route, params);
    } catch (error) {
      if (clientWentAway(req, res, error)) {
        res.destroy();
        return;
      }
      if (HttpError.isInstance(error)) reply = error.reply;
      else if (QueryLanguageError.isInstance(error)) reply = { status: 400, json: error.asList ? [error.message] : { detail: error.message } };
      else {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        violations.push({ direction: 'server', target: record.target, errors: [`handler crashed: ${message}`] });
        reply = { status: 500, json: { detail: 'Internal server error.' } };
      }
    }
    await answer(req, res, record, url, reply, route);
  };
}

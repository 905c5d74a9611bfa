import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExchangeValidator, type ExchangeValidator } from '../openapi/exchange-validator';
import { OpenApiViolationError } from './errors';
import { FaultRegistry } from './faults';
import { clientWentAway, createRequestHandler } from './handle-request';
import type { RecordedRequest } from './recorded-request';
import type { RouteSettings } from './route-context';
import { buildRouter } from './routes';
import { ApiState } from './state';
import type { ApiServer, ApiServerOptions, Violation } from './types';
import { emailOf, UserAccounts } from './user-accounts';

let validationNoticed = false;

function formatViolations(violations: readonly Violation[]): string {
  const lines = violations.map((v) => {
    const head = `${v.direction} ${v.target}${v.status ? ` -> ${v.status}` : ''}${v.operationId ? ` (${v.operationId})` : ''}`;
    return `- ${head}\n${v.errors.map((e) => `    ${e}`).join('\n')}`;
  });
  return `The API test server saw ${violations.length} exchange(s) that do not match the official OpenAPI schema:\n${lines.join('\n')}`;
}

function loadValidator(options: ApiServerOptions): ExchangeValidator | undefined {
  if (options.validate === false) return undefined;
  const validator = loadExchangeValidator();
  if (!validator && !validationNoticed) {
    validationNoticed = true;
    console.log('[px] API test server: OpenAPI validation skipped, ../shared/corpus/schemas not found');
  }
  return validator;
}

/**
 * Starts a Polyaxon API test server on 127.0.0.1 with a random port. It
 * implements the endpoints the client uses, answers like the real CE server
 * recorded in `api-samples/`, and (when `../shared` is present) checks every
 * request and response against the official OpenAPI schema.
 *
 * @param options - auth, password users, validation, gzip and paging settings (all optional)
 * @returns the running server; stop it with `close()`
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
  const owner = options.defaultOwner ?? 'default';
  const state = new ApiState(owner);
  const faults = new FaultRegistry();
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const validator = loadValidator(options);
  const accounts = new UserAccounts(options.users);
  const settings: RouteSettings = {
    artifactsDir,
    pageSize: options.pageSize ?? 20,
    installation: { key: randomBytes(16).toString('hex'), version: options.version ?? '2.4.0', dist: 'ce', mode: 'sandbox' },
    user: { username: owner, email: emailOf(owner), organization: owner },
    accounts,
  };
  let port = 0;
  const handle = createRequestHandler({
    options,
    router: buildRouter({ passwordLogin: accounts.enabled }),
    state,
    settings,
    faults,
    validator,
    requests,
    violations,
    fallbackHost: () => `127.0.0.1:${port}`,
  });
  const sockets = new Set<Socket>();
  const server = createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!clientWentAway(req, res, error)) {
        const message = error instanceof Error ? error.message : String(error);
        violations.push({ direction: 'server', target: `${req.method ?? ''} ${req.url ?? ''}`, errors: [`server failed: ${message}`] });
        if (!res.headersSent) res.writeHead(500);
      }
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
  port = (server.address() as AddressInfo).port;
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
    userToken(username) {
      return accounts.tokenOf(username);
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

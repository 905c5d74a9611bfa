import type { PolyaxonClient } from '@px/client';
import type { ResolvedContext } from '@px/context';
import type { CommandContext } from './command-context';
import { resolveFor } from './context-loader';

/** A JSON object as the API returns it (snake_case keys). */
export type ApiObject = Record<string, unknown>;

/** A paginated list answer. */
export interface ApiList {
  readonly count?: number;
  readonly results?: ApiObject[];
  readonly next?: string | null;
  readonly previous?: string | null;
}

/** Pagination and filter parameters of list calls. */
export interface ListParams {
  readonly offset?: number | undefined;
  readonly limit?: number | undefined;
  readonly sort?: string | undefined;
  readonly query?: string | undefined;
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

function listQuery(params: ListParams): [string, string | number | undefined][] {
  // upstream only sends truthy values, in the order offset, limit, sort, query
  return [
    ['offset', params.offset === 0 ? undefined : params.offset],
    ['limit', params.limit === 0 ? undefined : params.limit],
    ['sort', params.sort === '' ? undefined : params.sort],
    ['query', params.query === '' ? undefined : params.query],
  ];
}

/**
 * The API calls the CLI makes, on top of `@px/client`'s {@link PolyaxonClient}
 * (loaded only by commands that talk to the server).
 */
export class PxApi {
  constructor(
    /** The underlying client (token held privately). */
    readonly client: PolyaxonClient,
    /** The context it was built from. */
    readonly context: ResolvedContext,
  ) {}

  /** The API host. */
  get host(): string {
    return this.client.host;
  }

  /** `GET /api/v1/installation`. */
  installation(): Promise<ApiObject> {
    return this.client.request<ApiObject>('GET', '/api/v1/installation');
  }

  /** `GET /api/v1/users`: the user of the token. */
  currentUser(): Promise<ApiObject> {
    return this.client.request<ApiObject>('GET', '/api/v1/users');
  }

  /** `POST /api/v1/auth/token`: exchanges a username and password for a token. */
  async loginWithPassword(username: string, password: string): Promise<string | undefined> {
    const auth = await this.client.request<ApiObject>('POST', '/api/v1/auth/token', { json: { username, password }, retry: 'none' });
    return typeof auth.token === 'string' ? auth.token : undefined;
  }

  /** `POST /api/v1/{owner}/projects/create`. */
  createProject(owner: string, body: ApiObject): Promise<ApiObject> {
    return this.client.request<ApiObject>('POST', `/api/v1/${seg(owner)}/projects/create`, { json: body, retry: 'none' });
  }

  /** `GET /api/v1/{owner}/projects/list`. */
  listProjects(owner: string, params: ListParams): Promise<ApiList> {
    return this.client.request<ApiList>('GET', `/api/v1/${seg(owner)}/projects/list`, { query: listQuery(params) });
  }

  /** `GET /api/v1/{owner}/{project}`. */
  getProject(owner: string, project: string): Promise<ApiObject> {
    return this.client.request<ApiObject>('GET', `/api/v1/${seg(owner)}/${seg(project)}`);
  }

  /** `PATCH /api/v1/{owner}/{project}`. */
  updateProject(owner: string, project: string, body: ApiObject): Promise<ApiObject> {
    return this.client.request<ApiObject>('PATCH', `/api/v1/${seg(owner)}/${seg(project)}`, { json: body });
  }

  /** `DELETE /api/v1/{owner}/{project}`. */
  async deleteProject(owner: string, project: string): Promise<void> {
    await this.client.request('DELETE', `/api/v1/${seg(owner)}/${seg(project)}`);
  }

  private runsPath(owner: string, project: string): string {
    return `/api/v1/${seg(owner)}/${seg(project)}/runs`;
  }

  /** `POST /api/v1/{owner}/{project}/runs`. */
  createRun(owner: string, project: string, body: ApiObject): Promise<ApiObject> {
    return this.client.request<ApiObject>('POST', this.runsPath(owner, project), { json: body, retry: 'none' });
  }

  /** `GET /api/v1/{owner}/{project}/runs`. */
  listRuns(owner: string, project: string, params: ListParams): Promise<ApiList> {
    return this.client.request<ApiList>('GET', this.runsPath(owner, project), { query: listQuery(params) });
  }

  /** `GET /api/v1/{owner}/{project}/runs/{uuid}`. */
  getRun(owner: string, project: string, uuid: string): Promise<ApiObject> {
    return this.client.request<ApiObject>('GET', `${this.runsPath(owner, project)}/${seg(uuid)}`);
  }

  /** `PATCH /api/v1/{owner}/{project}/runs/{uuid}`. */
  updateRun(owner: string, project: string, uuid: string, body: ApiObject): Promise<ApiObject> {
    return this.client.request<ApiObject>('PATCH', `${this.runsPath(owner, project)}/${seg(uuid)}`, { json: body });
  }

  /** `DELETE /api/v1/{owner}/{project}/runs/{uuid}`. */
  async deleteRun(owner: string, project: string, uuid: string): Promise<void> {
    await this.client.request('DELETE', `${this.runsPath(owner, project)}/${seg(uuid)}`);
  }

  /** `GET /api/v1/{owner}/{project}/runs/{uuid}/statuses`. */
  getStatuses(owner: string, project: string, uuid: string): Promise<ApiObject> {
    return this.client.request<ApiObject>('GET', `${this.runsPath(owner, project)}/${seg(uuid)}/statuses`);
  }

  /** `POST /api/v1/{owner}/{project}/runs/{uuid}/{action}` for `stop`, `approve`, `skip`, `invalidate`. */
  async runAction(owner: string, project: string, uuid: string, action: 'stop' | 'approve' | 'skip' | 'invalidate'): Promise<void> {
    await this.client.request('POST', `${this.runsPath(owner, project)}/${seg(uuid)}/${action}`, { retry: 'none' });
  }

  /** `POST /api/v1/{owner}/{project}/runs/{uuid}/transfer` with `{"project": to}` (answers `{}`). */
  async transferRun(owner: string, project: string, uuid: string, to: string): Promise<void> {
    await this.client.request('POST', `${this.runsPath(owner, project)}/${seg(uuid)}/transfer`, { json: { project: to }, retry: 'none' });
  }

  /** `GET /streams/v1/{namespace}/{owner}/{project}/runs/{uuid}/k8s_inspect?status=...` (what `polyaxon ops inspect` sends). */
  inspectRun(owner: string, project: string, uuid: string, params: { namespace: string; status?: string }): Promise<unknown> {
    return this.client.request('GET', `/streams/v1/${seg(params.namespace)}/${seg(owner)}/${seg(project)}/runs/${seg(uuid)}/k8s_inspect`, {
      query: [['status', params.status]],
    });
  }

  /** `POST .../restart`, `.../copy` or `.../resume` with a V1Run body; returns the new run. */
  rerun(owner: string, project: string, uuid: string, action: 'restart' | 'copy' | 'resume', body: ApiObject): Promise<ApiObject> {
    return this.client.request<ApiObject>('POST', `${this.runsPath(owner, project)}/${seg(uuid)}/${action}`, { json: body, retry: 'none' });
  }

  /** `GET /streams/v1/{namespace}/{owner}/{project}/runs/{uuid}/logs`. */
  getLogs(owner: string, project: string, uuid: string, params: { namespace: string; kind?: string; lastFile?: string; lastTime?: string; connection?: string }): Promise<ApiObject> {
    return this.client.request<ApiObject>('GET', `/streams/v1/${seg(params.namespace)}/${seg(owner)}/${seg(project)}/runs/${seg(uuid)}/logs`, {
      query: [
        ['last_file', params.lastFile],
        ['last_time', params.lastTime],
        ['connection', params.connection],
        ['kind', params.kind],
      ],
    });
  }

  /** Closes the connection pool. */
  close(): Promise<void> {
    return this.client.close();
  }
}

/**
 * Builds the API of a command from its resolved context: host, token, TLS
 * settings and offline roots come from `@px/context` (the same files and
 * variables as the Python CLI).
 */
export async function createApi(ctx: CommandContext, resolved?: ResolvedContext): Promise<PxApi> {
  const context = resolved ?? (await resolveFor(ctx));
  const { PolyaxonClient } = await import('@px/client');
  const client = new PolyaxonClient({
    context: { env: ctx.env, homeDir: ctx.homeDir, cwd: ctx.cwd },
    token: context.token.value ?? '',
    config: {
      host: context.host.value,
      authenticationType: context.authenticationType.value,
      verifySsl: context.verifySsl.value,
      sslCaCert: context.sslCaCert.value,
      certFile: context.certFile.value,
      keyFile: context.keyFile.value,
      header: context.header.value,
      headerService: context.headerService.value,
      isOffline: context.isOffline.value,
      watchInterval: context.watchInterval.value,
      offlineRoot: context.offlineRoot.value,
      archivesRoot: context.archivesRoot.value,
      artifactsRoot: context.artifactsRoot.value,
    },
  });
  return new PxApi(client, context);
}

import type { RouteContext } from './route-context';
import type { Reply } from './reply';

/** How a route wants its request body. */
export type BodyMode = 'json' | 'none' | 'stream';

/** One endpoint of the test server. */
export interface Route {
  /** HTTP method. */
  method: string;
  /** Path pattern, `:name` for one segment (`/api/v1/:owner/:project/runs`). */
  pattern: string;
  /** The `Allow` header upstream sends for this path. */
  allow?: string;
  /** Body handling (default `json` for POST/PUT/PATCH/DELETE, `none` for GET). */
  body?: BodyMode;
  /** Why this endpoint is not in the official OpenAPI (its exchanges are then not schema-checked). */
  offSpec?: string;
  /** The handler. */
  handle: (ctx: RouteContext) => Reply | Promise<Reply>;
}

interface CompiledRoute extends Route {
  segments: string[];
}

/** Result of {@link Router.match}. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string }
  | { kind: 'not-found' };

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = path[i]!;
    if (p.startsWith(':')) {
      if (s === '') return undefined;
      params[p.slice(1)] = s;
    } else if (p !== s) return undefined;
  }
  return params;
}

function splitPath(pathname: string): string[] | undefined {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  try {
    return trimmed.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/**
 * A first-match router. Routes are tried in registration order, so register
 * literal paths (`/runs/sync`) before parameterised ones (`/runs/:uuid`).
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  /** Registers routes. */
  add(...routes: Route[]): this {
    for (const route of routes) this.routes.push({ ...route, segments: route.pattern.split('/') });
    return this;
  }

  /** Every registered route, in matching order. */
  list(): readonly Route[] {
    return this.routes;
  }

  /** Finds the route for `method` and `pathname`. */
  match(method: string, pathname: string): RouteMatch {
    const path = splitPath(pathname);
    if (!path) return { kind: 'not-found' };
    let allowOf: string | undefined;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, path);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { kind: 'found', route, params };
      allowOf ??= route.allow ?? route.method;
    }
    return allowOf === undefined ? { kind: 'not-found' } : { kind: 'method-not-allowed', allow: allowOf };
  }
}

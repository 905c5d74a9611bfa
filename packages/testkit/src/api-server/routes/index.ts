import { Router } from '../router';
import { authRoutes } from './auth';
import { lineageRoutes } from './lineage';
import { metaRoutes } from './meta';
import { projectRoutes } from './projects';
import { runActionRoutes } from './run-actions';
import { runSyncRoutes } from './run-sync';
import { orgRunRoutes, runRoutes } from './runs';
import { streamRoutes } from './streams';
import { versionRoutes } from './versions';

/** Which optional endpoints {@link buildRouter} registers. */
export interface RouterOptions {
  /** `POST /api/v1/auth/token` (only with `ApiServerOptions.users`: the CE sandbox has no password login). */
  passwordLogin?: boolean;
}

/** Every endpoint of the test server, literal paths before parameterised ones. */
export function buildRouter(options: RouterOptions = {}): Router {
  return new Router().add(
    ...(options.passwordLogin === true ? authRoutes() : []),
    ...metaRoutes(),
    ...streamRoutes(),
    ...lineageRoutes(),
    ...orgRunRoutes(),
    ...runSyncRoutes(),
    ...runActionRoutes(),
    ...runRoutes(),
    ...versionRoutes(),
    ...projectRoutes(),
  );
}

import { Router } from '../router';
import { lineageRoutes } from './lineage';
import { metaRoutes } from './meta';
import { projectRoutes } from './projects';
import { runActionRoutes } from './run-actions';
import { runSyncRoutes } from './run-sync';
import { orgRunRoutes, runRoutes } from './runs';
import { streamRoutes } from './streams';
import { versionRoutes } from './versions';

/** Every endpoint of the test server, literal paths before parameterised ones. */
export function buildRouter(): Router {
  return new Router().add(
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

import { Router } from '../router';
import { metaRoutes } from './meta';
import { projectRoutes } from './projects';
import { orgRunRoutes, runRoutes } from './runs';
import { streamRoutes } from './streams';
import { lineageRoutes } from './lineage';
import { versionRoutes } from './versions';

/** Every endpoint of the test server, literal paths before parameterised ones. */
export function buildRouter(): Router {
  return new Router().add(...metaRoutes(), ...streamRoutes(), ...lineageRoutes(), ...orgRunRoutes(), ...runRoutes(), ...versionRoutes(), ...projectRoutes());
}

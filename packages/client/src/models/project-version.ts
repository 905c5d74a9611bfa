import type { V1StageCondition } from './status';
import type { V1ProjectVersionKind, V1Stages } from './statuses';

/** A component, model or artifact version (`V1ProjectVersion`). */
export interface V1ProjectVersion {
  uuid?: string | null;
  name?: string | null;
  description?: string | null;
  tags?: string[] | null;
  owner?: string | null;
  user?: string | null;
  project?: string | null;
  connection?: string | null;
  run?: string | null;
  artifacts?: string[] | null;
  meta_info?: Record<string, unknown> | null;
  created_at?: string | null;
  updated_at?: string | null;
  stage?: V1Stages | null;
  kind?: V1ProjectVersionKind | null;
  stage_conditions?: V1StageCondition[] | null;
  content?: string | null;
  readme?: string | null;
  state?: string | null;
  role?: string | null;
  contributors?: unknown[] | null;
}

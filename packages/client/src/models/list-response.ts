import type { V1Project } from './project';
import type { V1ProjectVersion } from './project-version';
import type { V1Run } from './run';
import type { V1RunArtifact } from './run-artifact';

/** The shape of every list response: `next`/`previous` are absolute URLs or null. */
export interface V1ListResponse<T> {
  count?: number | null;
  results?: T[] | null;
  previous?: string | null;
  next?: string | null;
}

/** `V1ListProjectsResponse`. */
export type V1ListProjectsResponse = V1ListResponse<V1Project>;
/** `V1ListRunsResponse`. */
export type V1ListRunsResponse = V1ListResponse<V1Run>;
/** `V1ListProjectVersionsResponse`. */
export type V1ListProjectVersionsResponse = V1ListResponse<V1ProjectVersion>;
/** `V1ListRunArtifactsResponse`. */
export type V1ListRunArtifactsResponse = V1ListResponse<V1RunArtifact>;

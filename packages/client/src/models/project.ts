/** A project (`V1Project`). Every field is optional because the API omits or nulls them freely. */
export interface V1Project {
  uuid?: string | null;
  owner?: string | null;
  user?: string | null;
  name?: string | null;
  description?: string | null;
  tags?: string[] | null;
  created_at?: string | null;
  updated_at?: string | null;
  is_public?: boolean | null;
  bookmarked?: boolean | null;
  readme?: string | null;
  excluded_features?: string[] | null;
  excluded_runtimes?: string[] | null;
  archived_deletion_interval?: number | null;
  settings?: Record<string, unknown> | null;
  role?: string | null;
  live_state?: number | null;
  contributors?: unknown[] | null;
}

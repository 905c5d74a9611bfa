/** One log line (`V1Log`). */
export interface V1Log {
  timestamp?: string | null;
  node?: string | null;
  pod?: string | null;
  container?: string | null;
  value?: string | null;
}

/** A page of logs (`V1Logs`); pass `last_time`/`last_file` back to continue. */
export interface V1Logs {
  logs?: V1Log[] | null;
  last_time?: string | null;
  last_file?: string | null;
  files?: string[] | null;
}

/** Events of a run (`V1EventsResponse`). */
export interface V1EventsResponse {
  data?: unknown[] | null;
}

/**
 * Events of several runs (`GET .../runs/multi/events/{kind}`): the single-run
 * entries keyed by run uuid, in no set order; an unknown run maps to `[]`.
 */
export interface V1MultiRunEventsResponse {
  data?: Record<string, unknown[]> | null;
}

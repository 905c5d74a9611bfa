const DONE = new Set(['failed', 'upstream_failed', 'stopped', 'skipped', 'succeeded', 'done']);

/** Whether a run status is final. */
export function isDone(status: string | undefined): boolean {
  return status !== undefined && DONE.has(status);
}

/**
 * Formats an API time (`2026-11-23T00:31:10.470163Z` or `...+00:00`) as
 * `2026-11-23 00:31:10`; other text is returned unchanged.
 */
export function formatTime(value: string): string {
  const match = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)/.exec(value);
  return match === null ? value : `${match[1]!} ${match[2]!}`;
}

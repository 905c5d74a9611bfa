import { dropNulls } from '../client/drop-nulls';
import { PolyaxonClientException } from '../errors/client-error';
import type { V1Run } from '../models/run';
import type { V1StatusCondition } from '../models/status';
import { V1_STATUSES, isDoneStatus, isPendingStatus, type V1Statuses } from '../models/statuses';
import { nowIso, secondsBetween } from './timestamps';

/** Options of a status condition (see `RunClient.logStatus`). */
export interface LogStatusOptions {
  reason?: string | undefined;
  message?: string | undefined;
  lastTransitionTime?: string | undefined;
  lastUpdateTime?: string | undefined;
}

/**
 * The condition `logStatus` records: `status: true`, reason `PolyaxonClient`
 * unless given, and both times set to now unless given.
 *
 * @throws {@link PolyaxonClientException} when `status` is not a `V1Statuses`
 */
export function statusCondition(status: V1Statuses, options: LogStatusOptions = {}): V1StatusCondition {
  if (!(V1_STATUSES as readonly string[]).includes(status)) {
    throw new PolyaxonClientException(`logStatus received an unknown status \`${JSON.stringify(status)}\`; expected one of ${V1_STATUSES.join(', ')}.`);
  }
  const now = nowIso();
  return dropNulls({
    type: status,
    status: true,
    reason: options.reason ?? 'PolyaxonClient',
    message: options.message,
    last_update_time: options.lastUpdateTime ?? now,
    last_transition_time: options.lastTransitionTime ?? now,
  });
}

/**
 * The conditions that happened after the newest occurrence of `lastStatus`
 * (oldest first), as upstream's `get_statuses(last_status)`: when the status
 * did not change, none.
 */
export function conditionsSince(
  status: V1Statuses | null | undefined,
  conditions: readonly V1StatusCondition[],
  lastStatus: V1Statuses | null | undefined,
): V1StatusCondition[] {
  if (lastStatus == null) return [...conditions];
  if (status === lastStatus) return [];
  for (let i = conditions.length - 1; i >= 0; i--) {
    if (conditions[i]!.type === lastStatus) return conditions.slice(i + 1);
  }
  return [...conditions];
}

/**
 * Applies a status condition to a local run record (offline mode): appends
 * the condition and fills `created_at`, `started_at`/`wait_time` and
 * `finished_at`/`duration` like upstream does.
 */
export function applyCondition(run: V1Run, condition: V1StatusCondition): void {
  const type = condition.type ?? undefined;
  const at = condition.last_transition_time ?? condition.last_update_time ?? undefined;
  run.status = type ?? null;
  run.status_conditions = [...(run.status_conditions ?? []), condition];
  if (type === undefined || at === undefined) return;
  if (type === 'created' && run.created_at == null) run.created_at = at;
  const runningFamily = !isPendingStatus(type) && !isDoneStatus(type) && type !== 'warning' && type !== 'unknown';
  if (runningFamily && run.started_at == null) {
    run.started_at = at;
    const wait = secondsBetween(run.created_at, at);
    if (wait !== undefined) run.wait_time = wait;
  }
  if (isDoneStatus(type) && run.finished_at == null) {
    run.finished_at = at;
    run.started_at ??= run.created_at ?? at;
    const duration = secondsBetween(run.started_at, at);
    if (duration !== undefined) run.duration = duration;
  }
}

import { BodyReader } from '../body-fields';
import type { JsonObject } from '../json';

/** A status or stage condition as posted in `{ condition: {...} }`, with upstream's defaults filled in. */
export interface PostedCondition {
  type: string;
  status: boolean;
  reason: string | null;
  message: string | null;
  last_update_time: string | null;
  last_transition_time: string | null;
  meta_info: JsonObject | null;
}

/**
 * Reads the `condition` object of a status or stage post. Returns undefined
 * when it has no `type`; with `metaInfo: false`, a `meta_info` field is
 * rejected as unknown (stage conditions have none).
 */
export function readCondition(
  condition: JsonObject,
  types: ReadonlySet<string>,
  options: { metaInfo: boolean },
): PostedCondition | undefined {
  const c = new BodyReader(condition);
  const type = c.choice('type', types);
  const status = c.bool('status');
  const reason = c.string('reason');
  const message = c.string('message');
  const lastUpdate = c.string('last_update_time');
  const lastTransition = c.string('last_transition_time');
  const metaInfo = options.metaInfo ? c.object('meta_info') : undefined;
  c.done();
  if (!type) return undefined;
  return {
    type,
    status: status ?? true,
    reason: reason ?? null,
    message: message ?? null,
    last_update_time: lastUpdate ?? null,
    last_transition_time: lastTransition ?? null,
    meta_info: metaInfo ?? null,
  };
}

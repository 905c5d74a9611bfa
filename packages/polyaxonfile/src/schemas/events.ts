import * as v from 'valibot';
import { model, oneOf, orRef, strictStr } from './common';

/** Event kinds (`V1EventKind`). */
export const EVENT_KINDS = [
  'run_status_created', 'run_status_resuming', 'run_status_compiled', 'run_status_on_schedule', 'run_status_queued',
  'run_status_scheduled', 'run_status_starting', 'run_status_running', 'run_status_processing',
  'run_status_stopping', 'run_status_failed', 'run_status_stopped', 'run_status_succeeded', 'run_status_skipped',
  'run_status_warning', 'run_status_unschedulable', 'run_status_upstream_failed', 'run_status_retrying',
  'run_status_unknown', 'run_status_done', 'run_approved_actor', 'run_invalidated_actor', 'run_new_artifacts',
  'connection_git_commit', 'connection_dataset_version', 'connection_registry_image', 'alert_info',
  'alert_warning', 'alert_critical', 'model_version_new_metric', 'project_custom_event', 'org_custom_event',
] as const;

/** An event trigger (V1EventTrigger). */
export const EventTriggerSchema = model({
  kinds: v.array(orRef(oneOf(EVENT_KINDS, 'event kind')), 'Expected a list of event kinds.'),
  ref: strictStr,
});

/** A validated event trigger. */
export type V1EventTrigger = v.InferOutput<typeof EventTriggerSchema>;

import type * as v from 'valibot';
import { anyObject, boolOrRef, intOrRef, listOrRef, model, oneOf, opt, orRef, strictStr, strList } from './common';

/** Run statuses (`V1Statuses`). */
export const STATUSES = [
  'created', 'resuming', 'on_schedule', 'compiled', 'queued', 'scheduled', 'starting', 'running', 'processing',
  'stopping', 'failed', 'stopped', 'succeeded', 'skipped', 'warning', 'unschedulable', 'upstream_failed',
  'retrying', 'unknown', 'done',
] as const;

/** A notification (V1Notification). */
export const NotificationSchema = model({
  connections: strList,
  trigger: opt(oneOf(STATUSES, 'trigger')),
});

/** The Polyaxon sidecar settings (V1PolyaxonSidecarContainer). */
export const SidecarContainerSchema = model({
  image: opt(strictStr),
  imageTag: opt(strictStr),
  imagePullPolicy: opt(oneOf(['Always', 'IfNotPresent', 'Never'] as const, 'imagePullPolicy')),
  sleepInterval: opt(intOrRef),
  syncInterval: opt(intOrRef),
  monitorLogs: opt(boolOrRef),
  monitorSpec: opt(boolOrRef),
  noConnections: opt(boolOrRef),
  resources: opt(orRef(anyObject)),
});

/** `plugins` (V1Plugins). */
export const PluginsSchema = model({
  auth: opt(boolOrRef),
  docker: opt(boolOrRef),
  shm: opt(boolOrRef),
  tmux: opt(boolOrRef),
  sandbox: opt(boolOrRef),
  ssh: opt(boolOrRef),
  mountArtifactsStore: opt(boolOrRef),
  collectArtifacts: opt(boolOrRef),
  collectLogs: opt(boolOrRef),
  collectResources: opt(boolOrRef),
  syncStatuses: opt(boolOrRef),
  autoResume: opt(boolOrRef),
  logLevel: opt(strictStr),
  externalHost: opt(boolOrRef),
  sidecar: opt(orRef(SidecarContainerSchema)),
  notifications: opt(listOrRef(NotificationSchema)),
});

/** A validated `plugins` section. */
export type V1Plugins = v.InferOutput<typeof PluginsSchema>;

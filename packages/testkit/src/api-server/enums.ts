/** Every value of `V1RunKind`. */
export const RUN_KINDS: ReadonlySet<string> = new Set([
  'job', 'service', 'dag', 'daskcluster', 'raycluster', 'mpijob', 'tfjob', 'pytorchjob',
  'matrix', 'schedule', 'tuner', 'watchdog', 'notifier', 'builder', 'cleaner',
]);

/** Values of `V1ManagedBy` (plus `user`, which server and client use though the enum lists `client`). */
export const MANAGED_BY: ReadonlySet<string> = new Set(['user', 'client', 'cli', 'agent']);

/** Every value of `V1RunPending`. */
export const RUN_PENDING: ReadonlySet<string> = new Set(['approval', 'upload', 'cache', 'build']);

/** Every value of `V1ArtifactKind`, in upstream's enum order (pydantic error messages list them so). */
export const ARTIFACT_KINDS: ReadonlySet<string> = new Set([
  'model', 'audio', 'video', 'histogram', 'image', 'tensor', 'dataframe', 'chart', 'csv', 'tsv', 'psv', 'ssv',
  'metric', 'env', 'html', 'text', 'file', 'dir', 'dockerfile', 'docker_image', 'data', 'coderef', 'table',
  'tensorboard', 'curve', 'confusion', 'analysis', 'iteration', 'markdown', 'system', 'artifact', 'span',
]);

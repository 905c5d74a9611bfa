// `@px/client/offline`: the pure pieces of offline run records (the files `RunClient` writes under
// `<offlineRoot>/runs/<uuid>`), without the HTTP stack: importing it loads neither ky nor undici.
export { LINEAGES_FILE, RUN_FILE, readOfflineRun, writeOfflineFile, writeOfflineRun, writeOfflineRunSync } from './offline-files';
export { lineagesToJson, runToJson } from './ordered-json';
export { completeLength, repairTornWrites } from './write-intent';
export { applyCondition, statusCondition, type LogStatusOptions } from '../run/status-history';
export { nowIso } from '../run/timestamps';
export { normaliseKeys, parseTags, toFqnName } from '../run/names';
export { PolyaxonClientException } from '../errors/client-error';
export type { V1Run } from '../models/run';
export type { V1RunArtifact } from '../models/run-artifact';
export type { V1StatusCondition } from '../models/status';
export { V1_STATUSES, isDoneStatus, type V1Statuses } from '../models/statuses';

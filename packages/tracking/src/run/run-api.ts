import type { JsonObject, RunArtifact, StatusCondition } from './run-record';

/**
 * The Polyaxon API calls a tracking run makes. The default implementation
 * goes through `@px/client`; tests may pass their own.
 */
export interface RunApi {
  /** `POST /api/v1/{owner}/{project}/runs`; returns the created run (with `uuid`). */
  createRun(body: JsonObject): Promise<JsonObject>;
  /** `GET` the run. */
  getRun(): Promise<JsonObject>;
  /** `POST .../statuses` with `{condition}`. */
  postStatus(condition: StatusCondition): Promise<void>;
  /** `PATCH` the run (inputs, outputs, meta_info, tags, name, description). */
  patchRun(body: JsonObject): Promise<void>;
  /** `POST .../lineage/artifacts` with `{artifacts}`. */
  postLineage(artifacts: readonly RunArtifact[]): Promise<void>;
  /** Uploads one local file into `destDir` (relative to the run root, `''` = root). */
  uploadFile(localPath: string, destDir: string): Promise<void>;
  /** Sets the run uuid once the run exists. */
  setRunUuid(uuid: string): void;
}

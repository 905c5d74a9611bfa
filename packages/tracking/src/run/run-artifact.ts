import type { JsonObject } from '../serialization/py-json';

/**
 * A lineage record (`V1RunArtifact`) as tracking builds it: name and kind
 * always set, summaries holding `PyFloat`s where upstream writes floats.
 * Fields are in upstream's serialisation order.
 */
export interface RunArtifact {
  /** The artifact name (unique per run). */
  name: string;
  /** The artifact kind (`metric`, `env`, `model`, ...). */
  kind: string;
  /** Path relative to the run root. */
  path?: string;
  /** Free summary object. */
  summary?: JsonObject;
  /** The artifacts store connection. */
  connection?: string;
  /** Whether it is an input of the run. */
  is_input?: boolean;
}

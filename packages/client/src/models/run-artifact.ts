/** Artifact kinds (`V1ArtifactKind`). */
export type V1ArtifactKind =
  | 'model'
  | 'audio'
  | 'video'
  | 'histogram'
  | 'image'
  | 'tensor'
  | 'dataframe'
  | 'chart'
  | 'csv'
  | 'tsv'
  | 'psv'
  | 'ssv'
  | 'metric'
  | 'env'
  | 'html'
  | 'text'
  | 'file'
  | 'dir'
  | 'dockerfile'
  | 'docker_image'
  | 'data'
  | 'coderef'
  | 'table'
  | 'tensorboard'
  | 'curve'
  | 'confusion'
  | 'analysis'
  | 'iteration'
  | 'markdown'
  | 'system'
  | 'artifact'
  | 'span';

/** One lineage record of a run (`V1RunArtifact`), fields in serialization order. */
export interface V1RunArtifact {
  name?: string | null;
  kind?: V1ArtifactKind | null;
  path?: string | null;
  state?: string | null;
  summary?: Record<string, unknown> | null;
  meta_info?: Record<string, unknown> | null;
  run?: string | null;
  connection?: string | null;
  is_input?: boolean | null;
}

/** A run's artifacts folder listing (`V1ArtifactTree`): file name to size, and sub-folder names. */
export interface V1ArtifactTree {
  files?: Record<string, number> | null;
  dirs?: string[] | null;
  is_done?: boolean | null;
}

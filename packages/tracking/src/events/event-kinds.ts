/** Upstream's `V1ArtifactKind` values. */
export const ARTIFACT_KINDS = [
  'model', 'audio', 'video', 'histogram', 'image', 'tensor', 'dataframe', 'chart', 'csv', 'tsv', 'psv', 'ssv',
  'metric', 'env', 'html', 'text', 'file', 'dir', 'dockerfile', 'docker_image', 'data', 'coderef', 'table',
  'tensorboard', 'curve', 'confusion', 'analysis', 'iteration', 'markdown', 'system', 'artifact', 'span',
] as const;

/** One of upstream's artifact kinds (`metric`, `image`, `file`, ...). */
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

const JSONL_KINDS: ReadonlySet<string> = new Set(['html', 'text', 'chart', 'span']);

/**
 * Whether events of this kind are stored as JSON lines (`html`, `text`,
 * `chart`, `span`) rather than `|`-separated rows.
 *
 * @param kind - the event kind
 * @returns true for JSON-lines kinds
 */
export function isJsonlKind(kind: string): boolean {
  return JSONL_KINDS.has(kind);
}

/**
 * Whether `kind` is a known artifact kind.
 *
 * @param kind - a kind name
 * @returns true when upstream knows the kind
 */
export function isArtifactKind(kind: string): kind is ArtifactKind {
  return (ARTIFACT_KINDS as readonly string[]).includes(kind);
}

// Composite value types shared by init containers and IO values
// (upstream `polyaxon/_schemas/types`).
import * as v from 'valibot';
import { boolOrRef, dispatch, hasRef, isPlainObject, laxInt, listOrRef, model, oneOf, opt, orRef, strictInt, strictStr, strList, strListOrRef, dict } from './common';

/** Artifact kinds (traceml `V1ArtifactKind`). */
export const ARTIFACT_KINDS = [
  'model', 'audio', 'video', 'histogram', 'image', 'tensor', 'dataframe', 'chart', 'csv', 'tsv', 'psv', 'ssv',
  'metric', 'env', 'html', 'text', 'file', 'dir', 'dockerfile', 'docker_image', 'data', 'coderef', 'table',
  'tensorboard', 'curve', 'confusion', 'analysis', 'iteration', 'markdown', 'system', 'artifact', 'span',
] as const;

const strOrStrList = v.union([strictStr, strList], 'Expected a string or a list of strings.');
const pathList = listOrRef(strOrStrList);

/** `artifacts` type: files/dirs to download (V1ArtifactsType). */
export const ArtifactsTypeSchema = model({
  files: opt(pathList),
  dirs: opt(pathList),
  workers: opt(orRef(strictInt)),
});

/** `git` type (V1GitType). */
export const GitTypeSchema = model({
  url: opt(strictStr),
  revision: opt(strictStr),
  flags: opt(strListOrRef),
});

/**
 * Upstream's docker image check.
 *
 * @param image - The image string.
 * @returns An error message, or undefined when valid.
 */
export function checkImage(image: string): string | undefined {
  if (hasRef(image)) return undefined;
  if (/\s/.test(image)) return `Invalid docker image \`${image}\`: it must not contain spaces.`;
  const parts = image.split(':');
  if (parts.length > 3) return `Invalid docker image \`${image}\`.`;
  if (parts.length === 3) {
    const middle = parts[1]!;
    if (!middle.includes('/') || middle.startsWith('/')) return `Invalid docker image \`${image}\`.`;
  }
  return undefined;
}

/** A docker image string. */
export const ImageSchema = v.pipe(
  strictStr,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const error = checkImage(dataset.value);
    if (error !== undefined) addIssue({ message: error });
  }),
);

const copyList = listOrRef(v.union([strictStr, strList], 'Expected a path or a [from, to] pair.'));

/** `dockerfile` type (V1DockerfileType). */
export const DockerfileTypeSchema = model({
  image: ImageSchema,
  env: opt(
    orRef(
      dispatch(
        [
          [isPlainObject, dict(v.unknown())],
          [Array.isArray, v.array(v.array(v.string()), 'Expected a list of [name, value] pairs.')],
        ],
        'Expected an object or a list of [name, value] pairs.',
      ),
    ),
  ),
  path: opt(strListOrRef),
  copy: opt(copyList),
  postRunCopy: opt(copyList),
  run: opt(strListOrRef),
  langEnv: opt(strictStr),
  uid: opt(orRef(laxInt)),
  gid: opt(orRef(laxInt)),
  username: opt(strictStr),
  filename: opt(strictStr),
  workdir: opt(strictStr),
  workdirPath: opt(strictStr),
  shell: opt(strictStr),
}, { copy_: 'copy' });

/** `file` type (V1FileType). */
export const FileTypeSchema = model({
  kind: opt(orRef(oneOf(ARTIFACT_KINDS, 'artifact kind'))),
  content: strictStr,
  filename: opt(strictStr),
  chmod: opt(strictStr),
});

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * Whether `value` is a valid UUID (with or without dashes, optional braces/urn).
 *
 * @param value - A string.
 * @returns True when valid.
 */
export function isUuid(value: string): boolean {
  const s = value.trim().replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1');
  return UUID.test(s);
}

const uuidStr = v.pipe(strictStr, v.check(isUuid, 'Expected a valid uuid.'));

const commaSplit = (input: unknown): unknown =>
  typeof input === 'string' && !hasRef(input)
    ? input.split(',').map((s) => s.trim()).filter((s) => s.length > 0)
    : input;

/** `tensorboard` type (V1TensorboardType). */
export const TensorboardTypeSchema = model({
  port: opt(orRef(strictInt)),
  uuids: opt(v.pipe(v.unknown(), v.transform(commaSplit), listOrRef(uuidStr))),
  useNames: opt(boolOrRef),
  pathPrefix: opt(strictStr),
  plugins: opt(v.pipe(v.unknown(), v.transform(commaSplit), strListOrRef)),
});

/** `event` type (V1EventType). */
export const EventTypeSchema = model({
  name: opt(strictStr),
  kind: opt(strictStr),
});

/** A mount object (`from`/`to`, or the field names `path_from`/`path_to`). */
export const MountSchema = model({
  from: opt(strictStr),
  to: opt(strictStr),
}, { path_from: 'from', path_to: 'to' });

/** A validated artifacts value. */
export type V1ArtifactsType = v.InferOutput<typeof ArtifactsTypeSchema>;
/** A validated git value. */
export type V1GitType = v.InferOutput<typeof GitTypeSchema>;
/** A validated dockerfile value. */
export type V1DockerfileType = v.InferOutput<typeof DockerfileTypeSchema>;
/** A validated file value. */
export type V1FileType = v.InferOutput<typeof FileTypeSchema>;
/** A validated tensorboard value. */
export type V1TensorboardType = v.InferOutput<typeof TensorboardTypeSchema>;
/** A validated event value. */
export type V1EventType = v.InferOutput<typeof EventTypeSchema>;
/** A validated mount object. */
export type V1Mount = v.InferOutput<typeof MountSchema>;

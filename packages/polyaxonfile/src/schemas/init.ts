import * as v from 'valibot';
import { isPlainObject, model, opt, orRef, strictStr, strList, piped } from './common';
import { ContainerSchema } from './k8s';
import { ArtifactsTypeSchema, DockerfileTypeSchema, FileTypeSchema, GitTypeSchema, TensorboardTypeSchema } from './value-types';

const ONE_OF = ['artifacts', 'paths', 'git', 'dockerfile', 'file', 'tensorboard', 'lineageRef', 'modelRef', 'artifactRef'] as const;

const truthy = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== false && value !== '' && value !== 0 &&
  !(Array.isArray(value) && value.length === 0) && !(isPlainObject(value) && Object.keys(value).length === 0);

/** An init container (V1Init): at most one source among artifacts/paths/git/dockerfile/file/tensorboard/refs. */
export const InitSchema = piped(
  model({
    artifacts: opt(orRef(ArtifactsTypeSchema)),
    paths: opt(orRef(v.union([strictStr, v.array(v.union([strictStr, strList]))], 'Expected a path, or a list of paths or [from, to] pairs.'))),
    git: opt(orRef(GitTypeSchema)),
    dockerfile: opt(orRef(DockerfileTypeSchema)),
    file: opt(orRef(FileTypeSchema)),
    tensorboard: opt(orRef(TensorboardTypeSchema)),
    lineageRef: opt(strictStr),
    modelRef: opt(strictStr),
    artifactRef: opt(strictStr),
    connection: opt(strictStr),
    path: opt(strictStr),
    container: opt(ContainerSchema),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const init = dataset.value as Record<string, unknown>;
    if (ONE_OF.filter((key) => truthy(init[key])).length > 1) {
      addIssue({ message: 'Only one of artifacts, paths, git, file, or dockerfile can be set' });
    }
    const git = init.git;
    // upstream reads `git.url` even when git is a `{{ }}` string, which fails without a connection
    if (!init.connection && ((isPlainObject(git) && !git.url) || typeof git === 'string')) {
      addIssue({ message: 'git field without a valid url requires a connection to be passed.' });
    }
  }),
);

/** A validated init container entry. */
export type V1Init = v.InferOutput<typeof InitSchema>;

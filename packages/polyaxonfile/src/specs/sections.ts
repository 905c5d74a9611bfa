import { PolyaxonfileError } from '../errors';
import type { SpecIssue, SpecLocation } from '../errors';
import { describeValue } from '../describe-value';

/** The only Polyaxonfile specification version upstream 2.16 reads. */
export const SCHEMA_VERSION = 1.1;

/** The kinds a Polyaxonfile may declare. */
export const SPEC_KINDS = ['component', 'operation', 'compiled_operation'] as const;

/** One of {@link SPEC_KINDS}. */
export type SpecKind = (typeof SPEC_KINDS)[number];

/** Top-level sections a Polyaxonfile may contain (camelCase only, for every kind). */
export const SECTIONS: ReadonlySet<string> = new Set([
  'version', 'kind', 'name', 'cost', 'description', 'tags', 'isApproved', 'params', 'isPreset', 'presets',
  'patchStrategy', 'template', 'cache', 'queue', 'plugins', 'namespace', 'build', 'hooks', 'events',
  'termination', 'connections', 'matrix', 'joins', 'operations', 'schedule', 'dependencies', 'trigger',
  'conditions', 'skipOnUpstreamSkip', 'hubRef', 'dagRef', 'pathRef', 'urlRef', 'component', 'inputs',
  'outputs', 'contexts', 'run', 'runPatch', 'mount',
]);

type Locate = (path: readonly (string | number)[]) => SpecLocation;

function fail(message: string, locate: Locate, path: (string | number)[], extra: Partial<SpecIssue> = {}): never {
  throw new PolyaxonfileError(message, { stage: 'read', issues: [{ ...locate(path), path, message, ...extra }] });
}

/**
 * Checks `kind` is present and supported.
 *
 * @returns the kind
 * @throws {@link PolyaxonfileError} otherwise
 */
export function checkKind(data: Record<string, unknown>, locate: Locate): SpecKind {
  if (!Object.hasOwn(data, 'kind')) {
    fail('The Polyaxonfile `kind` must be specified.', locate, ['kind'], { expected: SPEC_KINDS.join(', '), received: 'nothing' });
  }
  const kind = data.kind;
  if (typeof kind !== 'string' || !(SPEC_KINDS as readonly string[]).includes(kind)) {
    fail(`The Polyaxonfile with kind \`${typeof kind === 'string' ? kind : describeValue(kind)}\` is not a supported value.`, locate, ['kind'], {
      expected: `one of ${SPEC_KINDS.join(', ')}`,
      received: describeValue(kind),
    });
  }
  return kind as SpecKind;
}

/**
 * Upstream's `check_data`: version, kind, the kind matching the reader, the
 * top-level section list and the required sections.
 *
 * @throws {@link PolyaxonfileError} (stage `read`) listing every unexpected section at once
 */
export function checkSections(data: Record<string, unknown>, specKind: SpecKind, readerName: string, locate: Locate): void {
  const isPreset = Boolean(data.isPreset);
  if (!isPreset) {
    if (!Object.hasOwn(data, 'version')) {
      fail('The Polyaxonfile `version` must be specified.', locate, ['version'], { expected: String(SCHEMA_VERSION), received: 'nothing' });
    }
    const version = data.version;
    if (typeof version !== 'number' || version !== SCHEMA_VERSION) {
      fail(
        typeof version === 'number' || typeof version === 'boolean'
          ? "The Polyaxonfile's version specified is not supported by your current CLI." +
            `Your CLI support Polyaxonfile versions between: ${SCHEMA_VERSION} <= v <= ${SCHEMA_VERSION}.` +
            'You can run `polyaxon upgrade` and check documentation for the specification'
          : `The Polyaxonfile \`version\` must be a number, received ${describeValue(version)}.`,
        locate,
        ['version'],
        { expected: `the number ${SCHEMA_VERSION}`, received: describeValue(version) },
      );
    }
  }
  const kind = checkKind(data, locate);
  if (kind !== specKind) {
    fail(`The specification used \`${readerName}\` is incompatible with the kind \`${kind}\`.`, locate, ['kind'], {
      expected: specKind,
      received: describeValue(kind),
    });
  }
  const where = isPreset
    ? 'Polyaxonfile preset'
    : data.version !== undefined && data.version !== null && data.version !== 0
      ? `Polyaxonfile version \`${JSON.stringify(data.version) ?? ''}\``
      : 'Polyaxonfile';
  const unexpected = Object.keys(data).filter((key) => !SECTIONS.has(key));
  if (unexpected.length > 0) {
    const issues: SpecIssue[] = unexpected.map((key) => ({
      ...locate([key]),
      path: [key],
      message: `Unexpected section \`${key}\` in ${where}. Please check the Polyaxonfile specification for this version.`,
      expected: 'a known top-level section (camelCase)',
      received: `section \`${key}\``,
    }));
    throw new PolyaxonfileError(issues[0]!.message, { stage: 'read', issues });
  }
}

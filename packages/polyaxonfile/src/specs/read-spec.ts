import type * as v from 'valibot';
import { readSources } from '../read/read-sources';
import type { MergedSources, ReadOptions, SpecData } from '../read/read-sources';
import { isRecord } from '../read/plain-data';
import { validateSchema } from '../validate/validate-schema';
import { checkSections } from './sections';
import type { SpecKind } from './sections';
import { withSpecMethods } from './to-dict';
import type { Spec } from './to-dict';

/** Extra options of `read`. */
export interface SpecReadOptions extends ReadOptions {
  /** Read the document as a preset/override (`isPreset: true`): version and references become optional. */
  readonly isPreset?: boolean;
}

/**
 * Upstream's `BaseSpecification.read`: a mapping that has `kind` is read as
 * is; anything else is merged after `{kind: <spec kind>}`. Then the section
 * checks and the model validation run.
 *
 * @returns the merged sources (for locating issues) and the validated spec
 */
export function readSpec<S extends v.GenericSchema>(
  schema: S,
  kind: SpecKind,
  readerName: string,
  data: SpecData,
  options: SpecReadOptions = {},
): { spec: Spec<v.InferOutput<S> & object>; sources: MergedSources } {
  let items: readonly unknown[] = isRecord(data) && Object.hasOwn(data, 'kind') && !('locate' in data) ? [data] : [{ kind }, ...(Array.isArray(data) ? (data as readonly unknown[]) : [data])];
  if (options.isPreset === true) items = [{ isPreset: true }, ...items];
  const sources = readSources(items, options);
  checkSections(sources.value, kind, readerName, sources.locate);
  const spec = validateSchema(schema, sources.value, {
    title: `Received a non valid config \`${kind}\``,
    locate: sources.locate,
  }) as v.InferOutput<S> & object;
  return { spec: withSpecMethods(spec), sources };
}

import { TestkitError } from '../api-server/errors';
import { schemasDir } from './load-specs';
import { sharedValidator } from './exchange-validator';

/** Whether the official OpenAPI files (`../shared/corpus/schemas`) are available. */
export function hasOpenApiSchemas(): boolean {
  return schemasDir() !== undefined;
}

/**
 * Checks `value` against the definition `definitionName` of the official
 * Polyaxon OpenAPI (`v1Run`, `v1Project`, `v1Status`, `v1ListRunsResponse`,
 * ...). Null-valued properties count as absent and condition `status` may be
 * a boolean (the documented schema quirks); everything else must match.
 * Guard the calling suite with `requireShared`.
 *
 * @param definitionName - a key of the specification's `definitions`
 * @param value - the JSON value (e.g. a typed model serialised for the wire)
 * @returns the mismatches, empty when `value` conforms
 * @throws {@link TestkitError} when the schemas are absent or the definition does not exist
 *
 * @example
 * ```ts
 * expect(validateAgainstOpenApi('v1Run', run)).toEqual([]);
 * ```
 */
export function validateAgainstOpenApi(definitionName: string, value: unknown): string[] {
  const validator = sharedValidator();
  if (!validator) throw new TestkitError('The official OpenAPI schemas are not available (../shared/corpus/schemas); guard with requireShared().');
  if (!validator.hasDefinition(definitionName)) {
    throw new TestkitError(`The official OpenAPI has no definition named "${definitionName}".`);
  }
  return validator.checkDefinition(definitionName, value);
}

/** Every definition name of the official OpenAPI (empty when the schemas are absent). */
export function openApiDefinitionNames(): string[] {
  return sharedValidator()?.definitionNames() ?? [];
}

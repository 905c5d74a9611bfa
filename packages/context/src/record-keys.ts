/**
 * Finds a key of a stored config record: the alias (env-var name) first,
 * then the plain field name, skipping `null` values like upstream.
 *
 * @param record - The JSON object read from a file.
 * @param alias - The alias key, if the field has one.
 * @param field - The plain field name.
 * @returns The key found and its value, or `undefined`.
 */
export function pickKey(record: Readonly<Record<string, unknown>>, alias: string | undefined, field: string): [string, unknown] | undefined {
  if (alias !== undefined && record[alias] !== undefined && record[alias] !== null) return [alias, record[alias]];
  if (record[field] !== undefined && record[field] !== null) return [field, record[field]];
  return undefined;
}

import { PolyaxonClientException } from '../errors/client-error';

const SLUG = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/;

/** An `owner[/team]/name` reference split into parts. */
export interface EntityRef {
  owner: string | undefined;
  team: string | undefined;
  name: string;
}

/**
 * Splits `name`, `owner/name`, `owner.name` or `owner/team/name` (upstream
 * `get_entity_info`).
 *
 * @throws {@link PolyaxonClientException} on an empty reference or more than 3 parts
 */
export function parseEntityRef(value: unknown, what = 'entity'): EntityRef {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PolyaxonClientException(`Received an invalid ${what} reference: \`${JSON.stringify(value) ?? 'undefined'}\``);
  }
  const parts = value.replace(/\./g, '/').split('/');
  if (parts.length === 1) return { owner: undefined, team: undefined, name: parts[0]! };
  if (parts.length === 2) return { owner: parts[0], team: undefined, name: parts[1]! };
  if (parts.length === 3) return { owner: parts[0], team: parts[1], name: parts[2]! };
  throw new PolyaxonClientException(`Received an invalid ${what} reference: \`${value}\` (expected owner/${what}).`);
}

/**
 * Checks a slug (letters, digits, `_`, single `-`).
 *
 * @throws {@link PolyaxonClientException} naming the field when it is not a slug
 */
export function checkSlug(value: string, what: string): string {
  if (!SLUG.test(value)) throw new PolyaxonClientException(`Received an invalid ${what}, received the value: \`${value}\``);
  return value;
}

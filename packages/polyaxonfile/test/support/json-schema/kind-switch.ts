// Rewrites the converter's `oneOf` over `kind`-tagged models (run kinds, matrix
// kinds, hp kinds, ...) as `if`/`then` on `kind`: a validator then reports the
// problems of the one model that `kind` names ("unknown field `containr`")
// instead of "matches none of the alternatives", and editors complete `kind`.

/** A JSON Schema node. */
export type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `kind` constant of a tagged model, if `option` is one. */
function kindOf(option: unknown): string | undefined {
  if (!isJson(option) || option.type !== 'object' || !isJson(option.properties)) return undefined;
  const kind = option.properties.kind;
  return isJson(kind) && typeof kind.const === 'string' ? kind.const : undefined;
}

/**
 * The `if`/`then` form of a tagged union.
 *
 * @param options - Object schemas, each with a `kind` constant.
 * @param kinds - Their `kind` values, in order.
 * @returns The replacement schema.
 */
function kindSwitch(options: Json[], kinds: string[]): Json {
  return {
    type: 'object',
    properties: { kind: { type: 'string', enum: kinds } },
    required: ['kind'],
    allOf: options.map((option, index) => ({
      if: { properties: { kind: { const: kinds[index] } }, required: ['kind'] },
      then: option,
    })),
  };
}

/**
 * Replaces, in place and everywhere in `node`, every `oneOf` whose options are
 * all `kind`-tagged object models.
 *
 * @param node - A JSON Schema document or node.
 */
export function kindSwitches(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) kindSwitches(item);
    return;
  }
  if (!isJson(node)) return;
  for (const value of Object.values(node)) kindSwitches(value);
  const options = node.oneOf;
  if (!Array.isArray(options) || options.length === 0) return;
  const kinds = options.map(kindOf);
  if (kinds.some((kind) => kind === undefined) || new Set(kinds).size !== kinds.length) return;
  delete node.oneOf;
  Object.assign(node, kindSwitch(options as Json[], kinds as string[]));
}

import type { SpecLocation } from '../errors';

/** Maps a field path of a spec to where it came from. */
export type Locate = (path: readonly (string | number)[]) => SpecLocation;

const registry = new WeakMap<object, Locate>();

/** Remembers where a spec object was read from (so later stages can locate issues). */
export function rememberSource(spec: object, locate: Locate): void {
  registry.set(spec, locate);
}

/** The locator of a spec object, or one that knows nothing. */
export function sourceOf(spec: object): Locate {
  return registry.get(spec) ?? (() => ({}));
}

/** Locates paths of an operation wrapping a component (`component.*`) in the component's own source. */
export function componentInOperation(locate: Locate): Locate {
  return (path) => (path[0] === 'component' ? locate(path.slice(1)) : locate(path));
}

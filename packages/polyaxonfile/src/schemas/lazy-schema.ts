// Schemas built on first use: importing the package builds no schema, and a
// document only builds the schemas its validation reaches (a job never builds
// the hyper-parameter, Ray or Kubeflow schemas).

type AnyTrap = (target: object, ...args: unknown[]) => unknown;

/**
 * A value (a valibot schema, or a model's parts) that is built the first time
 * it is used, then reused; until then it costs nothing. It reads as the built
 * value in every way (properties, `in`, keys, spreading), so valibot and JSON
 * Schema generation see the schema itself, and every reference to it stays one
 * identity (JSON Schema `definitions` rely on that).
 *
 * Valibot reads the `expects` of a schema when another one wraps it
 * (`v.nullish(x)`, `v.union([x, y])`): given here, it is answered without
 * building, so wrapping a schema does not build it either.
 *
 * @param build - Builds the value; called at most once.
 * @param expects - The built value's `expects` (`Object` for an object schema; none for a model's parts).
 * @returns A stand-in for the built value.
 */
export function lazySchema<T extends object>(build: () => T, expects?: string): T {
  let built: T | undefined;
  // Each trap the stand-in is asked for (get, has, ownKeys, ...) does what `Reflect` does, on the built value
  // (the traps used take the key and at most one more argument: a receiver or a descriptor).
  return new Proxy(
    {} as T,
    new Proxy(Reflect, {
      get: (reflect, trap) => (_: T, key: unknown, other: unknown) =>
        trap === 'get' && key === 'expects' ? expects : (reflect[trap as keyof typeof Reflect] as AnyTrap)((built ??= build()), key, other),
    }) as ProxyHandler<T>,
  );
}

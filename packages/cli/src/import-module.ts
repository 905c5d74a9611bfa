// `import()` of a package outside the bundle (the chart renderers). Inside the code-cached bundle `dist/px.cjs`,
// Node 20 drops the dynamic-import callback of code read from a V8 code cache ("A dynamic import callback was
// not specified"), so the entry script registers a host importer under this symbol and the bundle calls it.

/** The global symbol under which `bin.ts` registers its `import()`. */
export const HOST_IMPORT = Symbol.for('px.cli.hostImport');

type HostImport = (specifier: string) => Promise<unknown>;

/**
 * Imports an ES module by name, through the entry script's importer when one is registered.
 *
 * @param specifier - a package name, resolved from `@px/cli`
 * @returns the module namespace
 */
export async function importModule<T>(specifier: string): Promise<T> {
  const host = (globalThis as { [HOST_IMPORT]?: HostImport })[HOST_IMPORT];
  return (await (host === undefined ? import(specifier) : host(specifier))) as T;
}

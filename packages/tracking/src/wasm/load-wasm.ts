/**
 * A getter of a WebAssembly module (without imports, given as base64) that
 * instantiates it on first use and wraps its exports.
 *
 * @param base64 - the module's bytes, base64-encoded
 * @param wrap - builds the caller's object from the exports
 * @returns the getter; it returns `undefined` where the engine has no
 *   WebAssembly (`node --jitless`) or refuses to compile it (code generation
 *   disallowed), and the caller computes in JavaScript
 */
export function lazyWasm<T>(base64: string, wrap: (exports: WebAssembly.Exports) => T): () => T | undefined {
  let instance: { value: T } | null | undefined;
  return () => {
    if (instance === undefined) {
      instance = null;
      try {
        const module = new WebAssembly.Module(Buffer.from(base64, 'base64'));
        instance = { value: wrap(new WebAssembly.Instance(module, {}).exports) };
      } catch {
        // no WebAssembly here
      }
    }
    return instance?.value;
  };
}

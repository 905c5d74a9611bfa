import { defineConfig, type Options } from 'tsup';
import { packageConfig } from '../../tsup.base.ts';

const esm = packageConfig(import.meta.dirname);

/** One self-contained CommonJS script per entry (`dist/<name>.cjs`), tree-shaken by esbuild alone. */
function script(entry: Record<string, string>, overrides: Options = {}): Options {
  return packageConfig(import.meta.dirname, {
    entry,
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    // tsup's rollup pass would hoist every `require` of a builtin to the top, out of the lazy module initialisers
    treeshake: false,
    ...overrides,
  });
}

export default defineConfig([
  esm,
  // `dist/bin.cjs`: the `px` entry (CommonJS starts faster), which loads the bundle
  script({ bin: 'src/bin.ts' }),
  // `dist/px.cjs`: the same CLI as one script with every @px package inside, which `bin.ts` runs with a V8 code
  // cache (see src/bundle-loader.ts). The chart renderers stay external and load with `import()` when used.
  script(
    { px: 'src/index.ts' },
    {
      noExternal: [/^@px\//],
      external: ['vega', 'vega-lite', 'vega-embed', '@resvg/resvg-js'],
      banner: { js: 'var __pxBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
      define: { ...esm.define, 'import.meta.url': '__pxBundleUrl' },
      // the packages' own split chunks are imported bare; their `sideEffects: false` rightly drops those imports
      esbuildOptions: (options) => {
        options.logOverride = { 'ignored-bare-import': 'silent' };
      },
    },
  ),
]);

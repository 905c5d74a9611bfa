import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.ts';

const esm = packageConfig(import.meta.dirname);

// `dist/px.cjs`: the same CLI as one script with every @px package inside, which `bin.ts` runs with a V8 code
// cache (see src/bundle-loader.ts). The chart renderers stay external and load with `import()` when used.
const bundle = packageConfig(import.meta.dirname, {
  entry: { px: 'src/index.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  dts: false,
  sourcemap: false,
  clean: false,
  splitting: false,
  // esbuild's own tree shaking: tsup's rollup pass would hoist every `require` of a builtin to the top
  treeshake: false,
  noExternal: [/^@px\//],
  external: ['vega', 'vega-lite', 'vega-embed', '@resvg/resvg-js'],
  banner: { js: 'var __pxBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { ...esm.define, 'import.meta.url': '__pxBundleUrl' },
  // the packages' own split chunks are imported bare; their `sideEffects: false` rightly drops those imports
  esbuildOptions: (options) => {
    options.logOverride = { 'ignored-bare-import': 'silent' };
  },
});

// `dist/bin.cjs`: the `px` entry (CommonJS starts faster), which loads the bundle
const bin = packageConfig(import.meta.dirname, {
  entry: { bin: 'src/bin.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  dts: false,
  sourcemap: false,
  clean: false,
  splitting: false,
  treeshake: false,
});

export default defineConfig([esm, bundle, bin]);

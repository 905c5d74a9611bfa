import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.ts';

// valibot is bundled (tree-shaken) into dist: loading all of its 200 kB on every `px check` cost ~40% of
// this package's load time. It stays a dependency for the types in the `.d.ts` files.
export default defineConfig(packageConfig(import.meta.dirname, { entry: ['src/index.ts', 'src/render.ts', 'src/node.ts'], noExternal: ['@px/errors', 'valibot'] }));

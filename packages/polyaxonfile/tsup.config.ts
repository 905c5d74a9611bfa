import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.ts';

export default defineConfig(packageConfig(import.meta.dirname, { entry: ['src/index.ts', 'src/render.ts', 'src/node.ts'] }));

import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.ts';

export default defineConfig(packageConfig(import.meta.dirname, { entry: { index: 'src/index.ts', 'offline/index': 'src/offline/index.ts', 'plots/index': 'src/plots/index.ts' } }));

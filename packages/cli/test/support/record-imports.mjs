// Preloaded with `node --import` by the start-up test: records every module
// URL the process resolves into the file named by PX_RECORD_IMPORTS.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { file: process.env.PX_RECORD_IMPORTS } });

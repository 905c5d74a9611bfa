// Preloaded with `node --import` by the local-run load-path test: when the process exits, writes the
// built-in modules it loaded (`process.moduleLoadList`: bindings and `NativeModule ...` lines, e.g.
// `NativeModule internal/deps/undici/undici` once `fetch`/`Request` are touched) into PX_RECORD_BUILTINS.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PX_RECORD_BUILTINS) writeFileSync(process.env.PX_RECORD_BUILTINS, process.moduleLoadList.join('\n'));
});

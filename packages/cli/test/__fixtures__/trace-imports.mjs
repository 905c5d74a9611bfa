// Preloaded with `node --import` by the tests: records every module URL the
// process resolves into the file named by PX_TRACE_FILE.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.PX_TRACE_FILE) appendFileSync(process.env.PX_TRACE_FILE, result.url + '\\n');
  return result;
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

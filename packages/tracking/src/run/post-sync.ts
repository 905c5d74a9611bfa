import { spawnSync } from 'node:child_process';

const SCRIPT = `let d='';process.stdin.on('data',(c)=>{d+=c}).on('end',async()=>{const o=JSON.parse(d);try{const r=await fetch(o.url,{method:'POST',headers:o.headers,body:JSON.stringify(o.body),signal:AbortSignal.timeout(o.timeoutMs)});process.exit(r.ok?0:1)}catch{process.exit(2)}})`;

/**
 * POSTs JSON synchronously by running `fetch` in a short-lived child Node
 * process (for exit and crash handlers, where the event loop is gone). The
 * request, including the `Authorization` header, goes through the child's
 * stdin, never its arguments or environment.
 *
 * @param url - the absolute URL
 * @param headers - request headers
 * @param body - the JSON body
 * @param timeoutMs - overall time limit
 * @returns true when the server answered 2xx in time
 */
export function postJsonSync(url: string, headers: Readonly<Record<string, string>>, body: unknown, timeoutMs = 5000): boolean {
  const result = spawnSync(process.execPath, ['-e', SCRIPT], {
    input: JSON.stringify({ url, headers, body, timeoutMs }),
    timeout: timeoutMs + 2000,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: {},
  });
  return result.status === 0;
}

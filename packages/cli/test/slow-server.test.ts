// A server that answers every call after 10 s: after run.end({ timeoutMs }) returns the process exits at once,
// and what was not sent is kept in the run folder for `px ops push`.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type Sandbox } from './helpers';

const TRACKING = fileURLToPath(new URL('../../tracking/dist/index.js', import.meta.url));
const CHILD = `
const { Run } = await import(process.argv[2]);
const run = await Run.init({ project: 'demo', isNew: true, collectResources: false, trackEnv: false, trackCode: false, trackLogs: false });
process.stdout.write(run.getArtifactsPath() + '\\n');
for (let step = 0; step < 100; step++) run.logMetrics({ loss: 1 / (step + 1) }, { step });
run.logOutputs({ accuracy: 0.9 });
const report = await run.endWithReport({ timeoutMs: 1500 });
process.stdout.write(JSON.stringify({ endedAt: Date.now(), pending: report.apiCallsPending.length }) + '\\n');
`;

let server: ApiServer;
let sb: Sandbox;
beforeAll(async () => {
  requireBuild();
  if (!existsSync(TRACKING)) throw new Error('@px/tracking is not built: run `npx tsup` in packages/tracking first');
  server = await startApiServer();
  server.state.addProject({ name: 'demo' });
});
afterAll(() => server.close());
beforeEach(() => {
  sb = sandbox();
});
afterEach(() => {
  server.faults.clear();
  sb.cleanup();
});

describe('a slow server', () => {
  it('does not keep the process alive after end() returns, and px ops push sends the rest later', async () => {
    const script = join(sb.root, 'child.mjs');
    writeFileSync(script, CHILD);
    server.faults.set({ kind: 'slow', delayMs: 10_000, times: 1000 });
    const child = spawn(process.execPath, [script, pathToFileURL(TRACKING).href], {
      cwd: sb.cwd,
      env: { ...sb.env, POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: 'tok' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitedAt = await new Promise<number>((resolve) => child.on('exit', () => resolve(Date.now())));
    const [runPath, reportLine] = stdout.trim().split('\n');
    const report = JSON.parse(reportLine!) as { endedAt: number; pending: number };
    expect(report.pending).toBeGreaterThan(0);
    // nothing (sockets, retry timers, the queue) keeps the event loop alive once end() returned: the child is
    // gone long before the server's first answer (a hang detector with room for a loaded machine, not a timing)
    expect(exitedAt - report.endedAt).toBeLessThan(5000);
    expect(stderr).toContain(`px ops push --path-from ${runPath}`);
    expect(existsSync(join(runPath!, 'run.plx.json'))).toBe(true);

    server.faults.clear();
    const pushed = await px(sb, ['ops', 'push', '--path-from', runPath!], { env: { POLYAXON_HOST: server.url } });
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    const uuid = runPath!.split('/').pop()!;
    const stored = server.state.runs.get(uuid)!;
    expect(stored.status).toBe('succeeded');
    expect(stored.outputs).toMatchObject({ accuracy: 0.9 });
  }, 60_000);
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolyaxonClient, RunClient } from '@px/client';
import { startApiServer } from '@px/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { Run } from '../src/index';

const root = mkdtempSync(join(tmpdir(), 'px-push-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an offline tracking run can be loaded and pushed by RunClient (px ops push)', () => {
  it('pushes the run record, lineage and every file', async () => {
    const run = await Run.init({
      owner: 'default', project: 'demo', isOffline: true, name: 'pushed',
      env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root, exitHooks: false, collectResources: false,
    });
    for (let step = 0; step < 3; step++) run.logMetrics({ loss: 1 / (step + 1) }, { step });
    run.logText('notes', 'hi');
    await run.end();
    const path = run.getArtifactsPath()!;

    const server = await startApiServer();
    try {
      server.state.addProject({ name: 'demo' });
      const client = new PolyaxonClient({ config: { host: server.url }, context: { env: { POLYAXON_AUTH_TOKEN: 't' }, homeDir: root, cwd: root } });
      const loaded = await RunClient.loadOfflineRun({ path, client, raiseIfNotFound: true });
      expect(loaded?.runUuid).toBe(run.runUuid);
      await loaded!.pushOfflineRun({ path });
      const stored = server.state.runs.get(run.runUuid!)!;
      expect(stored.name).toBe('pushed');
      expect(stored.status).toBe('succeeded');
      expect(stored.outputs).toMatchObject({ loss: 1 / 3 });
      const remote = join(server.artifactsDir, run.runUuid!, 'events/metric/loss.plx');
      expect(readFileSync(remote, 'utf8')).toBe(readFileSync(join(path, 'events/metric/loss.plx'), 'utf8'));
      expect(existsSync(join(server.artifactsDir, run.runUuid!, 'run.plx.json'))).toBe(false);
      await client.close();
    } finally {
      await server.close();
    }
  });
});

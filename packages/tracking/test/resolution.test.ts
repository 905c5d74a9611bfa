import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '@px/testkit';
import { describe, expect, it } from 'vitest';
import { Run } from '../src/index';

describe('resolution like upstream', () => {
  it('resumes the run cached by the CLI (.polyaxon/.run) instead of creating one; isNew forces a new run', async () => {
    const server = await startApiServer();
    const dir = mkdtempSync(join(tmpdir(), 'px-cache-'));
    try {
      const seeded = server.state.addRun({ project: 'demo', name: 'cached' });
      mkdirSync(join(dir, '.polyaxon'));
      writeFileSync(join(dir, '.polyaxon', '.project'), JSON.stringify({ name: 'demo', owner: 'default' }));
      writeFileSync(join(dir, '.polyaxon', '.run'), JSON.stringify({ uuid: seeded.uuid, name: 'cached', owner: 'default', project: 'demo' }));
      const env = { POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: 't', POLYAXON_ARTIFACTS_ROOT: join(dir, 'artifacts') };
      const base = { env, homeDir: dir, cwd: dir, exitHooks: false, trackCode: false, trackLogs: false, warn: () => undefined };
      const resumed = await Run.init({ ...base });
      expect(resumed.runUuid).toBe(seeded.uuid);
      expect(resumed.isNew).toBe(false);
      await resumed.end();
      expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/runs'))).toHaveLength(0);
      const fresh = await Run.init({ ...base, isNew: true, name: 'fresh' });
      expect(fresh.runUuid).not.toBe(seeded.uuid);
      expect(fresh.isNew).toBe(true);
      await fresh.end();
      expect(server.state.runs.get(fresh.runUuid!)?.status).toBe('succeeded');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in-cluster: resumes the managed run, writes under the context root and leaves statuses to the platform', async () => {
    const server = await startApiServer();
    const dir = mkdtempSync(join(tmpdir(), 'px-managed-'));
    try {
      const seeded = server.state.addRun({ project: 'demo', name: 'managed', status: 'running' });
      const env = {
        POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: 't', POLYAXON_IS_MANAGED: 'true',
        POLYAXON_RUN_INSTANCE: `default.demo.runs.${seeded.uuid}`, POLYAXON_CONTEXT_ROOT: dir, POLYAXON_COLLECT_ARTIFACTS: 'true',
      };
      const run = await Run.init({ env, homeDir: dir, cwd: dir, exitHooks: false, collectResources: false, warn: () => undefined });
      expect(run.runUuid).toBe(seeded.uuid);
      expect(run.isManaged).toBe(true);
      expect(run.getArtifactsPath()).toBe(join(dir, 'artifacts', seeded.uuid));
      run.logMetrics({ loss: 0.5 }, { step: 1 });
      await run.end();
      expect(server.requests.some((r) => r.method === 'GET' && r.path.endsWith(seeded.uuid))).toBe(true);
      expect(server.requests.filter((r) => r.path.endsWith('/statuses') && r.method === 'POST')).toHaveLength(0);
      expect(server.requests.filter((r) => r.path.startsWith('/streams/'))).toHaveLength(0);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('online without a project fails with a clear error and never hangs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'px-noproject-'));
    try {
      await expect(
        Run.init({ env: { POLYAXON_HOST: 'http://127.0.0.1:9' }, homeDir: dir, cwd: dir, exitHooks: false }),
      ).rejects.toThrow(/project/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolyaxonClient } from '../client/polyaxon-client';
import { RunClient } from '../run/run-client';
import * as offline from './index';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every module a source file loads at run time (type-only imports and lazy `import()` left out), transitively. */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms)) {
      const spec = match[1]!;
      visit(spec.startsWith('.') ? `${join(dirname(file), spec)}.ts` : spec);
    }
  };
  visit(entry);
  return seen;
}

describe('@px/client/offline entry', () => {
  it('loads neither the HTTP stack nor RunClient', () => {
    const graph = [...runtimeGraph(join(SRC, 'offline', 'index.ts'))].map((f) => f.replace(`${SRC}/`, ''));
    expect(graph).toContain('offline/offline-files.ts');
    expect(graph.filter((f) => f === 'ky' || f.startsWith('transport/') || f.startsWith('run/run-client') || f.startsWith('client/polyaxon-client'))).toEqual([]);
  });

  it('writes the status condition RunClient records offline', async () => {
    const home = '/nonexistent-px-home';
    const api = new PolyaxonClient({ config: { isOffline: true, offlineRoot: home }, context: { env: {}, homeDir: home, cwd: home } });
    const client = new RunClient({ owner: 'acme', project: 'demo', isOffline: true, client: api });
    await client.create({ name: 'n' });
    client.logStatus('running', { reason: 'R', message: 'm' });
    const run = { ...client.runData, status_conditions: [] };
    run.status = null;
    delete run.started_at;
    delete run.wait_time;
    const condition = offline.statusCondition('running', { reason: 'R', message: 'm' });
    offline.applyCondition(run, { ...condition, last_update_time: client.runData.status_conditions![0]!.last_update_time, last_transition_time: client.runData.status_conditions![0]!.last_transition_time });
    expect(offline.runToJson(run)).toBe(offline.runToJson(client.runData));
    expect(Object.keys(condition)).toEqual(['type', 'status', 'reason', 'message', 'last_update_time', 'last_transition_time']);
  });

  it('refuses an unknown status with a typed error', () => {
    expect(() => offline.statusCondition('nope' as offline.V1Statuses)).toThrow(offline.PolyaxonClientException);
  });

  it('runs the README example', async () => {
    const root = mkdtempSync(join(tmpdir(), 'px-offline-entry-'));
    try {
      const uuid = '0123456789abcdef0123456789abcdef';
      const dir = join(root, 'runs', uuid);
      const run: offline.V1Run = { uuid, owner: 'acme', project: 'demo', kind: 'job', runtime: 'job', is_managed: true, managed_by: 'cli' };
      offline.applyCondition(run, offline.statusCondition('running', { reason: 'MyExecutor' }));
      await mkdir(dir, { recursive: true });
      await offline.writeOfflineFile(join(dir, offline.RUN_FILE), offline.runToJson(run));
      const loaded = await offline.readOfflineRun(dir);
      expect(loaded?.lineages).toEqual([]);
      expect(loaded?.run).toMatchObject({ uuid, status: 'running', started_at: run.started_at });
      expect(readFileSync(join(dir, offline.RUN_FILE), 'utf8')).toBe(offline.runToJson(run));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

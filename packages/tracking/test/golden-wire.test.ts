import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPath, requireShared, startApiServer } from '@px/testkit';
import { describe, expect, it } from 'vitest';
import { Run } from '../src/index';

interface Exchange {
  type: string;
  request: { method: string; path: string; body?: { json?: unknown } };
}

const fixtures = join(import.meta.dirname, '../src/__fixtures__/golden/offline');

/** Replaces run uuids, local paths and times so bodies can be compared. */
function normalise(value: unknown, uuid: string, artifactsRoot: string): unknown {
  const text = (JSON.stringify(value) ?? 'null')
    .replaceAll(artifactsRoot, '<ARTIFACTS_ROOT>')
    .replaceAll(uuid, '<UUID>')
    .replace(/"(last_update_time|last_transition_time)":"[^"]+"/g, '"$1":"T"');
  return JSON.parse(text) as unknown;
}

describe.runIf(requireShared('tracking golden wire'))('online tracking sends the bodies upstream sends (golden/wire/tracking.json)', () => {
  it('creates, patches meta/inputs/outputs/progress, posts artifact lineage and statuses like upstream', async () => {
    const golden = JSON.parse(readFileSync(corpusPath('golden/wire/tracking.json'), 'utf8')) as { entries: Exchange[] };
    const goldenUuid = '1820f6bc2896406dbd91364ee89d0d61';
    const server = await startApiServer();
    const dir = mkdtempSync(join(tmpdir(), 'px-wire-'));
    try {
      server.state.addProject({ name: 'golden-tracking' });
      const artifactsRoot = join(dir, 'artifacts');
      const run = await Run.init({
        owner: 'default', project: 'golden-tracking', isNew: true, name: 'tracking-run', description: 'golden tracking run', tags: ['golden', 'tracking'],
        env: { POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: 't', POLYAXON_ARTIFACTS_ROOT: artifactsRoot },
        homeDir: dir, cwd: dir, exitHooks: false, trackCode: false, trackLogs: false, syncIntervalMs: 3_600_000, warn: () => undefined,
      });
      const losses = [1.0, 0.5, 0.3333, 0.25, 0.2];
      for (let step = 0; step < 5; step++) run.logMetrics({ loss: losses[step]!, accuracy: 0.5 + step / 10 }, { step });
      run.logMetric('lr', 0.001, { step: 4 });
      run.logText('notes', 'hello golden text', { step: 1 });
      run.logImage(join(fixtures, 'assets/image/tiny.png'), { name: 'file_image', step: 2 });
      run.logInputs({ lr: 0.001, epochs: 5 });
      run.logOutputs({ final_accuracy: 0.9 });
      run.logProgress(0.5);
      run.logProgress(1.0);
      const model = join(fixtures, 'outputs/model.txt');
      run.logArtifact(model, { name: 'model_file', kind: 'file' });
      run.logModel(model, { name: 'my_model', framework: 'scikit-learn' });
      await run.end();
      const uuid = run.runUuid!;

      const ours = server.requests
        .filter((r) => r.path.startsWith('/api/'))
        .map((r) => ({ method: r.method, path: r.path.replace(uuid, '<UUID>'), body: normalise(r.body, uuid, artifactsRoot) }));
      const wanted = golden.entries
        .filter((e) => e.type === 'exchange' && e.request.path.startsWith('/api/') && e.request.body?.json !== undefined)
        .map((e) => ({ method: e.request.method, path: e.request.path.replace(goldenUuid, '<UUID>'), body: normalise(e.request.body!.json, goldenUuid, '<ARTIFACTS_ROOT>') }))
        // Event summaries and outputs depend on the full call list; env and model lineage are checked below.
        .filter((e) => !JSON.stringify(e.body).includes('"is_event"') && !JSON.stringify(e.body).includes('"outputs":{"accuracy"') && !JSON.stringify(e.body).includes('"name":"env"'))
        .filter((e) => !(e.path.endsWith('/projects/create')));
      for (const w of wanted) {
        expect(ours, `${w.method} ${w.path} ${JSON.stringify(w.body)}`).toContainEqual(w);
      }
      const env = ours.find((r) => JSON.stringify(r.body).includes('"name":"env"'))!;
      expect(env.body).toMatchObject({ artifacts: [{ name: 'env', kind: 'env', path: 'outputs/env.json', is_input: false }] });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

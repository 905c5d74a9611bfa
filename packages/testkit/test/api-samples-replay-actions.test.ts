import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireShared, startApiServer, type ApiServer } from '../src/index';
import { loadSamples, replaySample, type Sample } from './replay-helpers';

type Json = Record<string, unknown>;

function bodyOf(samples: readonly Sample[], name: string): Json {
  return samples.find((s) => s.name === name)!.response.body as Json;
}

/**
 * Seeds what the recording session did before sample 109 without recording it: the projects
 * `events-demo` and `transfer-target`, the pushed offline runs and the throw-away runs used for actions.
 */
function seed(server: ApiServer, samples: readonly Sample[]): void {
  server.state.addProject({ name: 'events-demo' });
  server.state.addProject({ name: 'transfer-target' });
  const offline = bodyOf(samples, 'get_run_bookmarked');
  // Pushed offline runs: done, unmanaged, no content (so they cannot be restarted: 117).
  for (const uuid of ['1693fd7302da4706b6da11f309a888c3', '75c6cd1478b24203906491a3b56d73d8', offline.uuid as string]) {
    server.state.addRun({
      project: 'events-demo',
      uuid,
      name: uuid === offline.uuid ? (offline.name as string) : 'offline',
      description: offline.description as string,
      tags: offline.tags as string[],
      runtime: 'job',
      inputs: offline.inputs as Json as never,
      outputs: offline.outputs as Json as never,
      meta_info: offline.meta_info as Json as never,
    });
    // pushed with their statuses: running, then succeeded
    const run = server.state.getRun('default', 'events-demo', uuid)!;
    server.state.setStatus(run, { type: 'running' });
    server.state.setStatus(run, { type: 'succeeded' });
  }
  // Throw-away unmanaged runs for stop (121), skip (123) and transfer (129–132).
  server.state.addRun({ project: 'events-demo', uuid: 'e6ba641187ca48db95a88501568fb8f1', name: 'stop-me' });
  server.state.addRun({ project: 'events-demo', uuid: 'daf6e6bf57dd46998712575b8a9a577d', name: 'skip-me' });
  server.state.addRun({ project: 'events-demo', uuid: 'bdd623893ec74eafb006bf7f10cb3c4a', name: 'move-me' });
}

// Samples 109–137: run actions on managed and unmanaged runs, transfers, namespace/stats, logs and k8s inspect.
describe.runIf(requireShared('api-samples replay (run actions)'))('the test server replays api-samples 109–137 like the real server', () => {
  it('answers every recorded request with the recorded status, headers and body shape', async () => {
    const samples = loadSamples(109, 137);
    const server = await startApiServer();
    try {
      seed(server, samples);
      const uuids = new Map<string, string>();
      const failures: string[] = [];
      for (const sample of samples) {
        if (sample.number === 120) {
          // The session forced a `failed` status on the stopped run before resuming it.
          const run = server.state.getRun('default', 'events-demo', uuids.get('43e0d25e453f470d80989f5ee3a91173') ?? '')!;
          server.state.setStatus(run, { type: 'failed', reason: 'Forced' }, true);
        }
        if (sample.number === 135) {
          // The session uploaded `plxlogs/logs.jsonl` to the run before reading its logs.
          const uuid = '75c6cd1478b24203906491a3b56d73d8';
          const recorded = (sample.response.body as { logs: Json[] }).logs;
          const dir = join(server.artifactsDir, uuid, 'plxlogs');
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'logs.jsonl'), recorded.map((l) => JSON.stringify(l)).join('\n'));
        }
        failures.push(...(await replaySample(server, sample, uuids)));
      }
      expect(failures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { requireShared, startApiServer, type ApiServer, type LineageSeed } from '../src/index';
import { loadSamples, replaySample, type Sample } from './replay-helpers';

// Samples 59–108: registries (model, artifact and component versions) and run lineage, recorded against
// project `events-demo` holding three pushed offline runs, and a second project `transfer-target`.
// Their setup calls were not recorded: the state they show is seeded here.

/** Samples that send a request body outside the OpenAPI schema on purpose (an unknown stage, an unknown kind). */
const OUT_OF_SCHEMA = new Set([70, 100]);

interface LineageItem extends LineageSeed {
  meta_info?: { run: { name: string; uuid: string } };
}

function lineageSeed(item: LineageItem): LineageSeed {
  return { name: item.name, kind: item.kind, path: item.path, summary: item.summary, is_input: item.is_input };
}

function byName(samples: Sample[], name: string): Sample {
  const sample = samples.find((s) => s.name === name);
  if (!sample) throw new Error(`no sample ${name}`);
  return sample;
}

/** Seeds the projects, the pushed offline runs and their lineage that the samples show. */
function seed(server: ApiServer, samples: Sample[]): void {
  server.state.addProject({ name: 'events-demo' });
  server.state.addProject({ name: 'transfer-target' });
  // offline-0: its `loss` lineage is echoed back by the model version created on it (59).
  const model = byName(samples, 'create_model_version').response.body as { meta_info: { run: { name: string; uuid: string }; lineage: LineageItem[] } };
  const run0 = server.state.addRun({ project: 'events-demo', uuid: model.meta_info.run.uuid, name: model.meta_info.run.name, status: 'succeeded' });
  server.state.addLineage(run0, model.meta_info.lineage.map(lineageSeed));
  // offline-1: every lineage entry a pushed offline run has (97 lists them all, in creation order).
  const listed = byName(samples, 'get_run_artifacts_lineage').response.body as { results: LineageItem[] };
  const first = listed.results[0]!.meta_info!.run;
  const run1 = server.state.addRun({ project: 'events-demo', uuid: first.uuid, name: first.name, status: 'succeeded' });
  server.state.addLineage(run1, listed.results.map(lineageSeed));
  server.state.addRun({ project: 'events-demo', name: 'offline-2', status: 'succeeded' });
}

describe.runIf(requireShared('api-samples replay (registries, lineage)'))('the test server replays api-samples 59–108 like the real server', () => {
  it('answers every recorded request with the recorded status, headers and body shape', async () => {
    const samples = loadSamples(59, 108);
    expect(samples).toHaveLength(50);
    const server = await startApiServer();
    expect(server.validating).toBe(true);
    try {
      seed(server, samples);
      const uuids = new Map<string, string>();
      const failures: string[] = [];
      for (const sample of samples) failures.push(...(await replaySample(server, sample, uuids, OUT_OF_SCHEMA.has(sample.number))));
      expect(failures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

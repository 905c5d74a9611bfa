import { describe, expect, it } from 'vitest';
import { requireShared, startApiServer } from '../src/index';
import { loadSamples, replaySample } from './replay-helpers';

// Samples 1–34: the first recorded session (projects, runs, statuses, artifacts), every setup call included.
describe.runIf(requireShared('api-samples replay'))('the test server replays api-samples 1–34 like the real server', () => {
  it('answers every recorded request with the recorded status, headers and body shape', async () => {
    const samples = loadSamples(1, 34);
    const server = await startApiServer();
    expect(server.validating).toBe(true);
    try {
      // The recorded server already held other projects: seed them, oldest first.
      const created = samples.find((s) => s.name === 'create_project')!.request.body as { name: string };
      const listed = samples.find((s) => s.name === 'list_projects')!.response.body as { results: { name: string; description: string | null; tags: string[] | null }[] };
      for (const p of [...listed.results].reverse()) {
        if (p.name !== created.name) server.state.addProject({ name: p.name, description: p.description, tags: p.tags });
      }
      const uuids = new Map<string, string>();
      const failures: string[] = [];
      for (const sample of samples) failures.push(...(await replaySample(server, sample, uuids)));
      expect(failures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

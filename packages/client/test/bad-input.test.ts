import { describe, expect, it } from 'vitest';
import { PolyaxonClientException, PolyaxonException, RunClient } from '../src/index';
import { isolatedClient } from './helpers/isolated';

describe('bad input gets clear typed errors', () => {
  const client = isolatedClient({ host: 'http://127.0.0.1:9' });

  it('rejects invalid hosts and request paths', async () => {
    expect(() => isolatedClient({ host: 'ftp://x' })).toThrow(/host.*http\(s\) URL/);
    await expect(client.request('GET', 'api/v1/x')).rejects.toThrow(/must start with `\/`/);
  });

  it('rejects invalid statuses, values and event names', async () => {
    const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
    expect(() => run.logStatus('bogus' as 'running')).toThrow(PolyaxonClientException);
    expect(() => run.logInputs(null as unknown as Record<string, unknown>)).toThrow(/expects an object/);
    expect(() => run.logProgress(2)).toThrow(/between 0 and 1/);
    expect(() => run.logTags([3 as unknown as string])).toThrow(/tags must be strings/);
    run.runData.settings = { namespace: 'polyaxon' };
    await expect(run.getEvents({ kind: 'metric', names: undefined as unknown as string })).rejects.toThrow(/names/);
  });

  it('rejects invalid project names and a missing run uuid', async () => {
    expect(() => new RunClient({ project: 'Bad Name!', client })).toThrow(PolyaxonException);
    expect(() => new RunClient({ client })).toThrow(/valid project/);
    await expect(new RunClient({ project: 'p', client }).refresh()).rejects.toThrow(/no run uuid/);
  });
});

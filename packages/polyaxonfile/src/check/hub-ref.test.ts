import { describe, expect, it } from 'vitest';
import { PolyaxonfileError } from '../errors';
import { hubComponentUrl, parseHubRef } from './hub-ref';

describe('hub references', () => {
  it('applies the polyaxon owner and latest version defaults', () => {
    expect(parseHubRef('tensorboard')).toEqual({ owner: 'polyaxon', name: 'tensorboard', version: 'latest' });
    expect(parseHubRef('acme/trainer:v2')).toEqual({ owner: 'acme', name: 'trainer', version: 'v2' });
    expect(parseHubRef('acme.trainer')).toEqual({ owner: 'acme', name: 'trainer', version: 'latest' });
  });

  it('rejects malformed references', () => {
    for (const ref of ['a:b:c', 'a/b/c', ':x', 'a:']) expect(() => parseHubRef(ref)).toThrow(PolyaxonfileError);
  });

  it('builds the API and git registry URLs', () => {
    expect(hubComponentUrl('tensorboard:v1')).toBe('https://cloud.polyaxon.com/api/v1/polyaxon/tensorboard/versions/component/v1');
    expect(hubComponentUrl('acme/x', { host: 'https://px.local/' })).toBe('https://px.local/api/v1/acme/x/versions/component/latest');
    expect(hubComponentUrl('kaniko:1.2', { gitRegistry: true })).toBe('https://raw.githubusercontent.com/polyaxon/polyaxon-hub/master/kaniko/1.2.yaml');
  });
});

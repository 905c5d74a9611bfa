import { describe, expect, it } from 'vitest';
import { buildPath, buildQuery, cleanHost } from './url';

describe('buildQuery', () => {
  it('encodes like the generated Python SDK (targets from golden/wire)', () => {
    expect(buildQuery([['limit', 10], ['sort', '-created_at'], ['query', 'name:golden-proj']])).toBe('?limit=10&sort=-created_at&query=name%3Agolden-proj');
    expect(buildQuery([['path', 'uploads/hello.txt'], ['stream', true], ['force', false], ['connection', undefined]])).toBe(
      '?path=uploads/hello.txt&stream=True&force=False',
    );
    expect(buildQuery([['path', '']])).toBe('?path=');
    expect(buildQuery([['query', 'status:running, metrics.loss:<0.2']])).toBe('?query=status%3Arunning%2C%20metrics.loss%3A%3C0.2');
  });

  it('encodes like python-requests for transfers', () => {
    expect(buildQuery([['path', 'uploads/hello.txt']], 'form')).toBe('?path=uploads%2Fhello.txt');
    expect(buildQuery([['path', 'a b'], ['check_path', true]], 'form')).toBe('?path=a+b&check_path=True');
  });

  it('skips null and undefined, returns empty for no params', () => {
    expect(buildQuery([['a', null], ['b', undefined]])).toBe('');
  });
});

describe('paths', () => {
  it('percent-encodes every segment with no safe characters', () => {
    expect(buildPath('api', 'v1', 'a/b', 'p q')).toBe('/api/v1/a%2Fb/p%20q');
  });

  it('cleans trailing slashes from hosts', () => {
    expect(cleanHost(' http://h:8000/// ')).toBe('http://h:8000');
  });
});

import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../src/openapi/exchange-validator';
import {
  hasOpenApiSchemas,
  OpenApiViolationError,
  openApiDefinitionNames,
  requireShared,
  startApiServer,
  TestkitError,
  validateAgainstOpenApi,
} from '../src/index';

describe.runIf(requireShared('openapi validation'))('validation against the official OpenAPI', () => {
  it('finds the schemas and their definitions', () => {
    expect(hasOpenApiSchemas()).toBe(true);
    expect(openApiDefinitionNames()).toEqual(expect.arrayContaining(['v1Run', 'v1Project', 'v1Status', 'v1ListRunsResponse']));
  });

  it('accepts real server shapes, with nulls and boolean condition statuses (documented quirks)', () => {
    expect(
      validateAgainstOpenApi('v1Status', {
        uuid: 'a'.repeat(32),
        status: 'running',
        status_conditions: [{ type: 'running', status: true, reason: 'x', message: null, last_update_time: '2026-11-23T00:02:52.332Z' }],
        meta_info: null,
      }),
    ).toEqual([]);
    expect(validateAgainstOpenApi('v1Run', { uuid: 'a', managed_by: 'user', settings: { namespace: 'polyaxon', component: null } })).toEqual([]);
  });

  it('reports what does not match, with its location', () => {
    expect(validateAgainstOpenApi('v1Run', { status: 'bogus', tags: 'a', wait_time: 'slow', created_at: 'yesterday' }).sort()).toEqual([
      '/created_at must match format "date-time"',
      '/wait_time must be number',
      '/status must be equal to one of the allowed values ["created","resuming","on_schedule","compiled","queued","scheduled","starting","running","processing","stopping","failed","stopped","succeeded","skipped","warning","unschedulable","upstream_failed","retrying","unknown","done"]',
      '/tags must be array',
    ].sort());
  });

  it('throws a TestkitError for an unknown definition', () => {
    expect(() => validateAgainstOpenApi('v1Nope', {})).toThrow(TestkitError);
  });

  it('records request and response violations, and close() fails on them', async () => {
    const server = await startApiServer();
    expect(server.validating).toBe(true);
    const run = server.state.addRun({ project: 'p' });
    run.status = 'bogus';
    await fetch(`${server.url}/api/v1/default/p/runs/${run.uuid}`);
    await fetch(`${server.url}/api/v1/default/p/runs?limit=abc&color=red`);
    await fetch(`${server.url}/api/v1/default/p/runs/${run.uuid}/statuses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ condition: { type: 'running', status: true, reason: 7 } }),
    });
    const summary = server.violations.map((v) => `${v.direction} ${v.operationId ?? '-'}: ${v.errors.join(' | ')}`);
    expect(summary).toEqual([
      expect.stringMatching(/^response GetRun: body \/status must be equal to one of the allowed values/),
      'request ListRuns: query parameter "limit" must be an integer, got "abc" | query parameter "color" is not in the specification',
      expect.stringMatching(/^response ListRuns: body \/results\/0\/status must be equal/),
      'request CreateRunStatus: body /condition/reason must be string',
    ]);
    expect(() => server.assertNoViolations()).toThrow(OpenApiViolationError);
    await expect(server.close()).rejects.toThrow(/do not match the official OpenAPI schema/);
  });

  it('refuses request body fields the specification does not know (typos, fields of other models)', async () => {
    const server = await startApiServer();
    const run = server.state.addRun({ project: 'p' });
    const res = await fetch(`${server.url}/api/v1/default/p/runs/${run.uuid}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ meta_infos: { a: 1 }, meta_info: { free: { form: true } }, merge: true }),
    });
    expect(res.status).toBe(200);
    expect(server.takeViolations().flatMap((v) => v.errors)).toEqual(['body (root) must NOT have additional properties: "meta_infos"']);
    await server.close();
  });

  it('flags requests the specification has no operation for', () => {
    const outcome = sharedValidator()!.request({
      method: 'POST',
      pathname: '/api/v1/default/p/runs/abc/nothing-here',
      query: new URLSearchParams(),
      json: undefined,
      contentType: undefined,
    });
    expect(outcome.errors).toEqual(['no operation in the official OpenAPI for POST /api/v1/default/p/runs/abc/nothing-here']);
  });

  it('tolerates the Python client query quirks and rejects others', () => {
    const check = (target: string): string[] => {
      const url = new URL(target, 'http://h');
      return sharedValidator()!.request({ method: 'GET', pathname: url.pathname, query: url.searchParams, json: undefined, contentType: undefined }).errors;
    };
    const run = '/streams/v1/polyaxon/default/p/runs/abc';
    expect(check(`${run}/artifact?path=a.txt&stream=True&force=False`)).toEqual([]);
    expect(check(`${run}/artifacts?path=d&check_path=True`)).toEqual([]);
    expect(check(`${run}/events/image?names=a&pkg_assets=True&path=abc&force=False`)).toEqual([]);
    expect(check(`${run}/artifact?path=a.txt&stream=maybe`)).toEqual(['query parameter "stream" must be a boolean, got "maybe"']);
  });
});

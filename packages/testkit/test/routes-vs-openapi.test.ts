import { describe, expect, it } from 'vitest';
import { buildRouter } from '../src/api-server/routes';
import { sharedValidator } from '../src/openapi/exchange-validator';
import { requireShared } from '../src/index';

describe.runIf(requireShared('routes vs OpenAPI'))('the test server implements only specified endpoints', () => {
  it('maps every route (except documented off-spec ones) to an operation of the official OpenAPI', () => {
    const validator = sharedValidator()!;
    const missing: string[] = [];
    const offSpec: string[] = [];
    for (const route of buildRouter({ passwordLogin: true }).list()) {
      const path = route.pattern.replace(/:([\w.]+)/g, (_, name: string) => (name === 'kind' || name === 'version.kind' ? 'model' : `x${name.length}`));
      if (route.offSpec) {
        offSpec.push(`${route.method} ${route.pattern}`);
        continue;
      }
      const outcome = validator.request({ method: route.method, pathname: path, query: new URLSearchParams(), json: undefined, contentType: undefined });
      if (outcome.errors.some((e) => e.startsWith('no operation'))) missing.push(`${route.method} ${route.pattern}`);
    }
    expect(missing).toEqual([]);
    expect(offSpec.sort()).toEqual([
      'DELETE /api/v1/:owner/:project/runs/:uuid/artifacts_lineage/:name',
      'GET /api/v1/:owner/:project/runs/:uuid/artifacts/upload',
      'GET /api/v1/:owner/:project/runs/:uuid/artifacts_lineage',
      'GET /api/v1/:owner/:project/runs/:uuid/artifacts_lineage/:name',
      'GET /api/v1/:owner/:project/runs/:uuid/artifacts_lineage/names',
      'GET /api/v1/healthz',
      'GET /healthz',
      'POST /api/v1/:owner/:project/runs/:uuid/artifacts_lineage',
      'POST /streams/v1/:namespace/:owner/:project/runs/:uuid/artifact',
      'POST /streams/v1/:namespace/:owner/:project/runs/:uuid/artifacts',
    ]);
  });
});

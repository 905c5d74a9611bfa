import { readdirSync, readFileSync } from 'node:fs';
import { corpusPath, requireShared, validateAgainstOpenApi } from '@px/testkit';
import { describe, expect, it } from 'vitest';
import type { V1ListRunsResponse, V1Project, V1Run, V1Status } from '../src/index';

interface Sample {
  name: string;
  request: { method: string; path: string };
  response: { status: number; body: unknown };
}

function sample(name: string): Sample {
  const file = readdirSync(corpusPath('api-samples')).find((f) => f.includes(name))!;
  return JSON.parse(readFileSync(corpusPath('api-samples', file), 'utf8')) as Sample;
}

describe.runIf(requireShared('client models vs OpenAPI'))('typed models match the official OpenAPI', () => {
  it('real server responses typed as our models validate against their definitions', () => {
    const project = sample('05_get_project').response.body as V1Project;
    const run = sample('09_get_run').response.body as V1Run;
    const status = sample('11_get_run_statuses').response.body as V1Status;
    const list = sample('13_list_runs').response.body as V1ListRunsResponse;
    expect(validateAgainstOpenApi('v1Project', project)).toEqual([]);
    expect(validateAgainstOpenApi('v1Run', run)).toEqual([]);
    expect(validateAgainstOpenApi('v1Status', status)).toEqual([]);
    expect(validateAgainstOpenApi('v1ListRunsResponse', list)).toEqual([]);
  });

  it('every field our models declare exists in the OpenAPI definition', () => {
    const spec = JSON.parse(readFileSync(corpusPath('schemas', 'polyaxon_sdk.swagger.json'), 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    const source = (file: string): string => readFileSync(new URL(`../src/models/${file}`, import.meta.url), 'utf8');
    const fieldsOf = (text: string, iface: string): string[] => {
      const body = new RegExp(`export interface ${iface}(?:<T>)? \\{([\\s\\S]*?)\\n\\}`).exec(text)![1]!;
      return [...body.matchAll(/^\s{2}([a-z_]+)\?:/gm)].map((m) => m[1]!);
    };
    const checks: Array<[string, string, string]> = [
      ['project.ts', 'V1Project', 'v1Project'],
      ['run.ts', 'V1Run', 'v1Run'],
      ['run.ts', 'V1RunSettings', 'v1RunSettings'],
      ['run.ts', 'V1OperationBody', 'v1OperationBody'],
      ['status.ts', 'V1Status', 'v1Status'],
      ['status.ts', 'V1StatusCondition', 'v1StatusCondition'],
      ['status.ts', 'V1Stage', 'v1Stage'],
      ['status.ts', 'V1StageCondition', 'v1StageCondition'],
      ['run-artifact.ts', 'V1RunArtifact', 'v1RunArtifact'],
      ['run-artifact.ts', 'V1ArtifactTree', 'v1ArtifactTree'],
      ['project-version.ts', 'V1ProjectVersion', 'v1ProjectVersion'],
      ['logs.ts', 'V1Logs', 'v1Logs'],
      ['logs.ts', 'V1Log', 'v1Log'],
      ['list-response.ts', 'V1ListResponse', 'v1ListRunsResponse'],
    ];
    for (const [file, iface, definition] of checks) {
      const ours = fieldsOf(source(file), iface).sort();
      const theirs = Object.keys(spec.definitions[definition]?.properties ?? {}).sort();
      expect({ iface, fields: ours }).toEqual({ iface, fields: theirs });
    }
  });
});

// `{{ }}` references are accepted exactly where upstream's models allow a Ref.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ComponentSchema, OperationSchema } from './index';

const ref = '{{ x }}';
const job = { kind: 'job' };
const ok = (schema: v.GenericSchema, doc: unknown): boolean => v.safeParse(schema, doc).success;

describe('references at parse time', () => {
  const component = (patch: Record<string, unknown>): unknown => ({ run: job, ...patch });
  const run = (patch: Record<string, unknown>): unknown => ({ run: { ...job, ...patch } });
  const op = (patch: Record<string, unknown>): unknown => ({ hubRef: 'h', ...patch });

  it('accepts refs where upstream types are `X | Ref`', () => {
    const allowed: [v.GenericSchema, unknown][] = [
      [ComponentSchema, component({ name: ref, isApproved: ref, cost: ref, cache: ref, termination: ref, plugins: ref, build: ref, hooks: ref })],
      [ComponentSchema, component({ termination: { maxRetries: ref, ttl: ref, timeout: ref }, plugins: { docker: ref, sidecar: ref, notifications: ref } })],
      [ComponentSchema, component({ cache: { disable: ref, ttl: ref, io: ref, sections: ref }, template: { enabled: ref, fields: ref } })],
      [ComponentSchema, run({ environment: ref, connections: ref, volumes: ref, init: ref, sidecars: ref })],
      [ComponentSchema, run({ init: [{ git: ref, connection: 'c' }, { artifacts: ref }, { paths: ref }, { lineageRef: ref }] })],
      [ComponentSchema, { run: { kind: 'service', ports: ref, rewritePath: ref, isExternal: ref, replicas: ref } }],
      [ComponentSchema, { run: { kind: 'dag', operations: ref, components: ref, concurrency: ref, earlyStopping: ref } }],
      [ComponentSchema, { run: { kind: 'tfjob', chief: ref, worker: { replicas: ref } } }],
      [ComponentSchema, { run: { kind: 'raycluster', runtimeEnv: ref, metadata: ref, head: ref, workers: { w: ref }, autoscalerOptions: ref } }],
      [OperationSchema, op({ events: ref, joins: ref, dependencies: ref, trigger: ref })],
      [OperationSchema, op({ matrix: { kind: 'random', numRuns: 2, params: ref } })],
      [OperationSchema, op({ matrix: { kind: 'mapping', values: ref } })],
      [OperationSchema, op({ matrix: { kind: 'grid', params: { lr: { kind: 'choice', value: ref } } } })],
      [OperationSchema, op({ schedule: { kind: 'cron', cron: '* * * * *', startAt: ref, maxRuns: ref, dependsOnPast: ref } })],
      [OperationSchema, op({ params: { lr: ref, x: { value: ref } } })],
      [ComponentSchema, component({ description: ref, queue: ref, inputs: [{ name: 's', type: 'str', value: ref }] })],
    ];
    for (const [schema, doc] of allowed) expect(ok(schema, doc), JSON.stringify(doc)).toBe(true);
  });

  it('rejects refs where upstream does not allow them', () => {
    const rejected: [v.GenericSchema, unknown][] = [
      [ComponentSchema, { run: ref }],
      [ComponentSchema, run({ container: ref })],
      [ComponentSchema, run({ environment: { priority: ref } })],
      [ComponentSchema, run({ environment: { restartPolicy: ref } })],
      [ComponentSchema, component({ version: ref })],
      [ComponentSchema, component({ inputs: [{ name: 'n', type: 'int', value: ref }] })],
      [ComponentSchema, component({ mount: ref })],
      [OperationSchema, op({ schedule: ref })],
      [OperationSchema, op({ matrix: ref })],
      [OperationSchema, op({ skipOnUpstreamSkip: ref })],
      [OperationSchema, op({ patchStrategy: ref })],
      [OperationSchema, op({ matrix: { kind: 'hyperband', maxIterations: ref } })],
      [OperationSchema, op({ matrix: { kind: 'grid', params: ref } })],
      [OperationSchema, op({ matrix: { kind: 'random', params: {}, numRuns: ref } })],
      [ComponentSchema, { run: { kind: 'raycluster', workers: ref } }],
    ];
    for (const [schema, doc] of rejected) expect(ok(schema, doc), JSON.stringify(doc)).toBe(false);
  });

  it('explains a plain string where a ref or an object is expected', () => {
    const result = v.safeParse(ComponentSchema, component({ termination: 'soon' }));
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toContain('Value must be a reference, received `soon` instead.');
  });
});

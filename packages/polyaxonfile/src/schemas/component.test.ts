import { describe, expect, it } from 'vitest';
import { accept, reject } from './__fixtures__/schema-assert';
import { CompiledOperationSchema } from './compiled-operation';
import { ComponentSchema, type V1Component } from './component';
import type { DagComponent } from './dag-types';
import { OperationSchema } from './operation';

const run = { kind: 'job', container: { image: 'busybox' } };

describe('components', () => {
  it('accepts the common fields', () => {
    const c = accept(ComponentSchema, {
      version: 1.1,
      kind: 'component',
      name: 'train',
      description: 'd',
      tags: 'a, b',
      presets: ['p'],
      queue: 'agent/q',
      namespace: 'ns',
      cache: { disable: 'yes', ttl: 10, io: ['lr'], sections: ['init'] },
      termination: { maxRetries: 2, ttl: 10, timeout: 100, culling: { timeout: '5' }, probe: { exec: { command: ['x'] } } },
      plugins: { auth: true, docker: 'no', logLevel: 'INFO', sidecar: { sleepInterval: 5, imagePullPolicy: 'Always' }, notifications: [{ connections: ['slack'], trigger: 'failed' }] },
      build: { hubRef: 'kaniko', connection: 'docker', params: { destination: { value: 'x' } }, runPatch: { init: [] }, patchStrategy: 'replace' },
      hooks: [{ hubRef: 'slack', trigger: 'succeeded', params: { a: { value: 1 } } }],
      isApproved: 'no',
      cost: '2.2',
      mount: ['/host:/container', { from: './x', to: '/y' }, { path_from: 'a' }],
      inputs: [{ name: 'lr', type: 'float', value: 0.1 }],
      outputs: [{ name: 'loss', type: 'float' }],
      template: { enabled: true, fields: ['inputs'] },
      run,
    });
    expect(c).toMatchObject({ tags: ['a', 'b'], isApproved: false, cost: 2.2, cache: { disable: true }, termination: { culling: { timeout: 5 } } });
    expect(c.mount?.[2]).toEqual({ from: 'a' });
  });

  it('requires run, rejects operation-only sections and wrong kinds', () => {
    expect(reject(ComponentSchema, { name: 'a' }).join('\n')).toContain('run');
    reject(ComponentSchema, { run, params: { a: 1 } });
    reject(ComponentSchema, { run, matrix: { kind: 'grid', params: {} } });
    reject(ComponentSchema, { run, hubRef: 'x' });
    reject(ComponentSchema, { kind: 'operation', run });
    reject(ComponentSchema, { run, name: 'a:b' });
  });

  it('applies strict ints where upstream does', () => {
    reject(ComponentSchema, { run, termination: { maxRetries: '2' } });
    reject(ComponentSchema, { run, cache: { ttl: '10' } });
    accept(ComponentSchema, { run, termination: { maxRetries: '{{ retries }}' } });
    expect(reject(ComponentSchema, { run, termination: 'abc' }).join('\n')).toContain('Value must be a reference, received `abc` instead.');
  });

  it('validates hooks and builds', () => {
    expect(reject(ComponentSchema, { run, hooks: [{ hubRef: 'x', trigger: 'running' }] }).join('\n')).toContain('Trigger must be one of');
    reject(ComponentSchema, { run, hooks: [{ hubRef: 'x', params: { a: 1 } }] });
    reject(ComponentSchema, { run, hooks: [{ trigger: 'done' }] });
    reject(ComponentSchema, { run, build: { connection: 'x' } });
  });

  it('validates init containers', () => {
    const init = (i: unknown): unknown => ({ ...run, init: [i] });
    accept(ComponentSchema, { run: init({ git: { url: 'https://github.com/a/b', revision: 'main' } }) });
    accept(ComponentSchema, { run: init({ container: { image: 'x' } }) });
    accept(ComponentSchema, { run: init({ paths: ['a', ['b', 'c']] }) });
    accept(ComponentSchema, { run: init({ dockerfile: { image: 'python:3', env: [['A', '1']], run: ['pip install x'] } }) });
    accept(ComponentSchema, { run: init({ file: { content: 'x', filename: 'f.txt', kind: 'file' } }) });
    accept(ComponentSchema, { run: init({ tensorboard: { port: 6006, uuids: '8aac02e3-a62a-4f0a-aa25-7c59da5eab80' } }) });
    accept(ComponentSchema, { run: init({ lineage_ref: 'x' }) });
    accept(ComponentSchema, { run: init({ artifacts: '{{ arts }}' }) });
    expect(reject(ComponentSchema, { run: init({ git: { url: 'u' }, paths: ['a'] }) }).join('\n')).toContain(
      'Only one of artifacts, paths, git, file, or dockerfile can be set',
    );
    expect(reject(ComponentSchema, { run: init({ git: { revision: 'main' } }) }).join('\n')).toContain(
      'git field without a valid url requires a connection to be passed.',
    );
    reject(ComponentSchema, { run: init({ dockerfile: { run: [] } }) });
    reject(ComponentSchema, { run: init({ git: '{{ repo }}' }) });
    accept(ComponentSchema, { run: init({ git: '{{ repo }}', connection: 'repo' }) });
    reject(ComponentSchema, { run: init({ dockerfile: { image: 'a b' } }) });
  });

  it('validates environments', () => {
    const env = (e: unknown): unknown => ({ run: { ...run, environment: e } });
    const c = accept(ComponentSchema, env({ node_selector: { a: 1 }, priority: '10', hostPID: 'yes', restartPolicy: 'Never', tolerations: [{ key: 'k' }], affinity: { node_affinity: {} } }));
    expect(c.run).toMatchObject({ environment: { nodeSelector: { a: '1' }, priority: 10, hostPID: true, affinity: { nodeAffinity: {} } } });
    reject(ComponentSchema, env({ restartPolicy: 'Sometimes' }));
    reject(ComponentSchema, env({ priority: '{{ p }}' }));
    reject(ComponentSchema, env({ tolerations: [{ foo: 1 }] }));
  });
});

describe('operations', () => {
  it('requires exactly one reference (an inline component counts only alone)', () => {
    accept(OperationSchema, { hubRef: 'kaniko' });
    accept(OperationSchema, { component: { run } });
    accept(OperationSchema, { hubRef: 'x', component: { run } });
    const message = 'One and only one reference must be specified: hub_ref, dag_ref, url_ref, path_ref, component.';
    expect(reject(OperationSchema, {}).join('\n')).toContain(message);
    expect(reject(OperationSchema, { hubRef: 'x', pathRef: 'y' }).join('\n')).toContain(message);
    accept(OperationSchema, { isPreset: true, queue: 'q' });
  });

  it('accepts op fields, normalises params and leaves runPatch unchecked', () => {
    const op = accept(OperationSchema, {
      version: 1.1,
      kind: 'operation',
      pathRef: './c.yaml',
      params: { lr: 0.1, image: { ref: 'ops.build', value: 'outputs.image' } },
      runPatch: { foo: 1 },
      patchStrategy: 'pre_merge',
      dependencies: ['a'],
      trigger: 'all_done',
      conditions: '{{ x > 1 }}',
      skip_on_upstream_skip: 'yes',
      events: [{ kinds: ['run_status_done'], ref: 'ops.a' }],
      joins: [{ query: 'metrics.loss:<0.1', sort: '-created_at', limit: 5, params: { losses: { value: 'outputs.loss' } } }],
      schedule: { kind: 'cron', cron: '0 0 * * *', max_runs: 3 },
      template: { description: 'x' },
    });
    expect(op).toMatchObject({ params: { lr: { value: 0.1 } }, skipOnUpstreamSkip: true, schedule: { maxRuns: 3 }, runPatch: { foo: 1 } });
  });

  it('rejects bad op fields', () => {
    reject(OperationSchema, { hubRef: 'x', dependencies: 'a,b' });
    reject(OperationSchema, { hubRef: 'x', trigger: 'sometimes' });
    reject(OperationSchema, { hubRef: 'x', patchStrategy: '{{ s }}' });
    reject(OperationSchema, { hubRef: 'x', schedule: '{{ s }}' });
    reject(OperationSchema, { hubRef: 'x', events: [{ kinds: ['nope'], ref: 'ops.a' }] });
    reject(OperationSchema, { hubRef: 'x', joins: [{ ref: 'a' }] });
    reject(OperationSchema, { hubRef: 'x', component: { kind: 'operation', run } });
    reject(OperationSchema, { hubRef: 'x', inputs: [] });
  });

  it('validates schedules', () => {
    const s = (schedule: unknown): unknown => accept(OperationSchema, { hubRef: 'x', schedule }).schedule;
    expect(s({ kind: 'interval', frequency: 'PT2M', startAt: '2019-06-24T21:20:07+00:00' })).toEqual({ kind: 'interval', frequency: 120, startAt: '2019-06-24T21:20:07+00:00' });
    expect(s({ kind: 'datetime', start_at: '2020-01-01 10:00' })).toEqual({ kind: 'datetime', startAt: '2020-01-01T10:00:00' });
    expect(s({ kind: 'cron', cron: 'foo', depends_on_past: 'yes' })).toEqual({ kind: 'cron', cron: 'foo', dependsOnPast: true });
    reject(OperationSchema, { hubRef: 'x', schedule: { kind: 'interval' } });
    reject(OperationSchema, { hubRef: 'x', schedule: { kind: 'datetime' } });
    reject(OperationSchema, { hubRef: 'x', schedule: { cron: '* * * * *' } });
    reject(OperationSchema, { hubRef: 'x', schedule: { kind: 'cron', cron: 'x', startAt: 'foo' } });
  });

  it('validates nested dag operations and components recursively', () => {
    const dag = { kind: 'dag', operations: [{ name: 'a', dagRef: 'c', params: { lr: 1 } }], components: [{ name: 'c', run }] };
    const op = accept(OperationSchema, { component: { run: dag } });
    expect(op.component?.run).toMatchObject({ operations: [{ params: { lr: { value: 1 } } }] });
    reject(OperationSchema, { component: { run: { ...dag, operations: [{ name: 'a' }] } } });
    reject(OperationSchema, { component: { run: { ...dag, components: [{ name: 'c' }] } } });
  });
});

describe('compiled operations', () => {
  it('accepts inputs/outputs/contexts and an optional run', () => {
    accept(CompiledOperationSchema, { kind: 'compiled_operation', inputs: [], contexts: [{ name: 'c', value: 1 }] });
    reject(CompiledOperationSchema, { params: {} });
    reject(CompiledOperationSchema, { template: {} });
  });

  it('requires a service run for sandbox and ssh plugins', () => {
    expect(reject(CompiledOperationSchema, { plugins: { sandbox: true }, run }).join('\n')).toContain(
      'plugins.sandbox is only supported on kind: service in this version. Got kind: job.',
    );
    expect(reject(CompiledOperationSchema, { plugins: { ssh: '{{ x }}' } }).join('\n')).toContain('plugins.ssh is only supported on kind: service in this version. Got kind: unset.');
    accept(CompiledOperationSchema, { plugins: { sandbox: true }, run: { kind: 'service' } });
    accept(CompiledOperationSchema, { plugins: { sandbox: false }, run });
  });
});

describe('types', () => {
  it('inline components and operations have the top-level types', () => {
    const op = accept(OperationSchema, { component: { run } });
    const inline: V1Component | null | undefined = op.component;
    const back: DagComponent | undefined = accept(ComponentSchema, { run });
    expect(inline?.run.kind).toBe('job');
    expect(back?.run.kind).toBe('job');
  });
});

import { describe, expect, it } from 'vitest';
import { accept, reject } from './__fixtures__/schema-assert';
import './component';
import { RUN_KINDS, RunSchema, runSchemaFor } from './run';

const container = { image: 'busybox', command: ['echo', 'hi'] };

describe('run kinds', () => {
  it('accepts every kind upstream accepts', () => {
    const examples: Record<string, unknown> = {
      job: { kind: 'job', container },
      service: { kind: 'service', container, ports: [8888], rewritePath: true, isExternal: 'no', replicas: 2 },
      dag: { kind: 'dag', operations: [{ name: 'a', dagRef: 'c' }], components: [{ name: 'c', run: { kind: 'job', container } }], concurrency: 2 },
      tfjob: { kind: 'tfjob', cleanPodPolicy: 'All', chief: { replicas: 1, container }, ps: { replicas: 2 }, worker: {}, evaluator: { container } },
      pytorchjob: { kind: 'pytorchjob', master: { replicas: 1, container }, worker: { replicas: 2, container }, nProcPerNode: 2, elasticPolicy: { minReplicas: 1, Metrics: [{}] } },
      mpijob: { kind: 'mpijob', slotsPerWorker: 1, launcher: { container }, worker: { replicas: 2, container } },
      raycluster: { kind: 'raycluster', entrypoint: 'python x.py', head: { container }, workers: { small: { replicas: 1, minReplicas: 1, maxReplicas: 2, rayStartParams: {} } } },
      daskcluster: { kind: 'daskcluster', worker: { replicas: 2, container }, scheduler: { container }, minReplicas: 1, maxReplicas: 3 },
      notifier: { kind: 'notifier', container },
      tuner: { kind: 'tuner', container },
      cleaner: { kind: 'cleaner', container },
    };
    for (const kind of RUN_KINDS) expect(accept(RunSchema, examples[kind]).kind).toBe(kind);
  });

  it('rejects kinds upstream rejects, and a missing kind', () => {
    for (const kind of ['matrix', 'schedule', 'watchdog', 'builder', 'xgbjob', 'paddlejob', 'mxjob', 'daskjob', 'rayjob']) {
      expect(reject(RunSchema, { kind, container }).join('\n')).toContain('Run `kind` must be one of');
    }
    reject(RunSchema, { container });
  });

  it('rejects unknown fields at every level', () => {
    reject(RunSchema, { kind: 'job', container, foo: 1 });
    reject(RunSchema, { kind: 'job', environment: { foo: 1 } });
    reject(RunSchema, { kind: 'tfjob', worker: { replicas: 1, foo: 1 } });
    // daskcluster has no container/sidecars/volumes of its own (the JSON schema is wrong there)
    reject(RunSchema, { kind: 'daskcluster', container });
  });

  it('applies strict ints and exact enums', () => {
    reject(RunSchema, { kind: 'service', ports: ['8888'] });
    reject(RunSchema, { kind: 'tfjob', cleanPodPolicy: 'all' });
    expect(accept(RunSchema, { kind: 'service', ports: '{{ ports }}' })).toMatchObject({ ports: '{{ ports }}' });
    reject(RunSchema, { kind: 'raycluster', workers: [{ replicas: 1 }] });
  });

  it('normalises snake_case keys of run models', () => {
    expect(accept(RunSchema, { kind: 'pytorchjob', clean_pod_policy: 'None', n_proc_per_node: 2 })).toEqual({
      kind: 'pytorchjob',
      cleanPodPolicy: 'None',
      nProcPerNode: 2,
    });
  });

  it('validates runPatch-like fragments per kind', () => {
    expect(runSchemaFor('matrix')).toBeUndefined();
    const job = runSchemaFor('job')!;
    accept(job, { kind: 'job', init: [{ git: { url: 'https://github.com/x/y' } }] });
    reject(job, { kind: 'job', foo: 1 });
  });
});

describe('kubernetes objects', () => {
  it('checks only top-level keys, either spelling, and camelCases them', () => {
    const run = accept(RunSchema, {
      kind: 'job',
      container: { command: 'python train.py', volume_mounts: [{ mount_path: '/x', name: 'v' }], env_from: [] },
      volumes: [{ name: 'v', config_map: { name: 'c' } }],
      sidecars: [{ image: 'side', working_dir: '/w' }],
    });
    expect(run).toMatchObject({
      container: { command: 'python train.py', volumeMounts: [{ mount_path: '/x', name: 'v' }], envFrom: [] },
      volumes: [{ name: 'v', configMap: { name: 'c' } }],
      sidecars: [{ image: 'side', workingDir: '/w' }],
    });
  });

  it('requires nothing in a container but rejects unknown arguments', () => {
    accept(RunSchema, { kind: 'job', container: {} });
    expect(reject(RunSchema, { kind: 'job', container: { fooBar: 1 } }).join('\n')).toContain(
      "V1Container.__init__() got an unexpected keyword argument 'foo_bar'",
    );
  });

  it('requires an object for a container (even a ref is rejected)', () => {
    expect(reject(RunSchema, { kind: 'job', container: '{{ c }}' }).join('\n')).toContain('This field expects a dict or an instance of V1Container.');
    reject(RunSchema, { kind: 'job', container: [container] });
  });
});

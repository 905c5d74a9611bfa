import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPolyaxonfile, compile, ComponentSpecification, PolyaxonfileError, readPolyaxonfile } from '../src/node';

const COMPONENT = `version: 1.1
kind: component
name: trainer
tags: [a]
inputs:
  - {name: lr, type: float}
  - {name: epochs, type: int, value: 1}
run:
  kind: job
  container:
    image: python:3.11
    command: [python, train.py, "--lr={{ lr }}"]
`;

let dir: string;
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'px-polyaxonfile-'));
  writeFileSync(join(dir, 'component.yaml'), COMPONENT);
  writeFileSync(join(dir, 'op.yaml'), 'version: 1.1\nkind: operation\npathRef: ./component.yaml\nparams:\n  lr: 0.1\n');
  writeFileSync(join(dir, 'preset.yaml'), 'queue: agent/gpu\ntags: [b]\n');
  writeFileSync(join(dir, 'component.json'), JSON.stringify({ version: 1.1, kind: 'component', run: { kind: 'job', container: { image: 'x' } } }));
  writeFileSync(join(dir, 'bad.yaml'), 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container: {image: x}\n  sidecar: []\n');
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/api/v1/acme/trainer/versions/component/v1') {
      // What a Polyaxon server answers for a hub component version (V1ProjectVersion).
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ uuid: 'a'.repeat(32), name: 'v1', kind: 'component', owner: 'acme', project: 'trainer', content: COMPONENT }));
    } else if (req.url === '/component.yaml' || req.url === '/trainer/v1.yaml') {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(COMPONENT);
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('checkPolyaxonfile (Node entry, real files and HTTP)', () => {
  it('builds an operation from a component file with params and preset files', async () => {
    const op = await checkPolyaxonfile({ polyaxonfile: [join(dir, 'component.yaml'), join(dir, 'preset.yaml')], params: ['lr=0.5'] });
    expect(op.kind).toBe('operation');
    const dict = op.toDict();
    expect(dict.params).toEqual({ lr: { value: '0.5' } });
    expect(dict.queue).toBe('agent/gpu');
    expect(dict.tags).toEqual(['b']);
    expect((dict.component as { name: string }).name).toBe('trainer');
  });

  it('adds params to the operation only when some are given, as upstream', async () => {
    for (const params of [undefined, [], {}]) {
      const op = await checkPolyaxonfile({ polyaxonfile: join(dir, 'component.json'), ...(params === undefined ? {} : { params }) });
      expect(Object.keys(op.toDict())).not.toContain('params');
    }
  });

  it('rejects missing required params and wrong types with PolyaxonfileError', async () => {
    await expect(checkPolyaxonfile({ polyaxonfile: join(dir, 'component.yaml') })).rejects.toThrow(/Polyaxonfile is not valid/);
    const error = await checkPolyaxonfile({ polyaxonfile: join(dir, 'component.yaml'), params: { lr: 'abc' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolyaxonfileError);
    expect((error as PolyaxonfileError).issues[0]?.path).toEqual(['params', 'lr', 'value']);
    await expect(checkPolyaxonfile({ polyaxonfile: join(dir, 'component.yaml'), params: { lr: 0.1, nope: 1 } })).rejects.toThrow(/unexpected params/);
    await expect(checkPolyaxonfile({ polyaxonfile: join(dir, 'component.yaml'), params: 'foo' as unknown as string[] })).rejects.toThrow(PolyaxonfileError);
  });

  it('resolves pathRef relative to the checked file', async () => {
    const op = await checkPolyaxonfile({ polyaxonfile: join(dir, 'op.yaml') });
    expect((op.toDict().component as { name: string }).name).toBe('trainer');
  });

  it('reads from a URL and from a hub git registry', async () => {
    const fromUrl = await checkPolyaxonfile({ url: `${base}/component.yaml`, params: { lr: 0.2 } });
    expect(fromUrl.kind).toBe('operation');
    const fromHub = await checkPolyaxonfile({ hub: 'trainer:v1', gitRegistry: base, params: { lr: 0.2 } });
    expect(fromHub.toDict().hubRef).toBe('trainer:v1');
    expect(requests).toContain('/trainer/v1.yaml');
    await expect(checkPolyaxonfile({ hub: 'missing', gitRegistry: base })).rejects.toThrow(PolyaxonfileError);
    const fromApi = await checkPolyaxonfile({ hub: 'acme/trainer:v1', hubHost: base, params: { lr: 0.3 } });
    expect(fromApi.toDict()).toMatchObject({ hubRef: 'acme/trainer:v1', component: { name: 'trainer' }, params: { lr: { value: 0.3 } } });
    await expect(checkPolyaxonfile({ hub: 'x', url: 'http://x' })).rejects.toThrow(/only one option/);
  });

  it('reads .json files through JSON and reports file, line and column', async () => {
    expect(ComponentSpecification.read(join(dir, 'component.json')).run.kind).toBe('job');
    const error = (() => {
      try {
        ComponentSpecification.read(join(dir, 'bad.yaml'));
      } catch (e) {
        return e as PolyaxonfileError;
      }
      return undefined;
    })();
    expect(error?.issues[0]).toMatchObject({ file: join(dir, 'bad.yaml'), line: 6, column: 3, path: ['run', 'sidecar'] });
    expect(error?.message).toContain(`${join(dir, 'bad.yaml')}:6:3`);
    await expect(readPolyaxonfile(join(dir, 'nope.yaml'))).rejects.toThrow(PolyaxonfileError);
  });

  it('compiles with params applied to the inputs', () => {
    const compiled = compile(join(dir, 'component.yaml'), { params: { lr: '0.3' } });
    expect(compiled.kind).toBe('compiled_operation');
    expect(compiled.inputs?.find((io) => io.name === 'lr')?.value).toBe(0.3);
  });
});

describe('compile errors keep source positions', () => {
  it('points DAG and param errors at the file, line and column', async () => {
    const file = join(dir, 'cyclic.yaml');
    writeFileSync(
      file,
      'version: 1.1\nkind: component\nrun:\n  kind: dag\n  operations:\n  - {name: a, dagRef: c, dependencies: [b]}\n  - {name: b, dagRef: c, dependencies: [a]}\n  components:\n  - {name: c, run: {kind: job, container: {image: x}}}\n',
    );
    const error = (() => {
      try {
        compile(file);
      } catch (e) {
        return e as PolyaxonfileError;
      }
      return undefined;
    })();
    expect(error?.stage).toBe('compile');
    expect(error?.issues[0]).toMatchObject({ file, line: 5, column: 3, path: ['run', 'operations'] });
    const checked = (await checkPolyaxonfile({ polyaxonfile: join(dir, 'component.yaml'), params: { lr: 'abc' } }).catch((e: unknown) => e)) as PolyaxonfileError;
    expect(checked.issues[0]).toMatchObject({ file: join(dir, 'component.yaml'), line: 6, path: ['params', 'lr', 'value'] });
  });
});

describe('checkPolyaxonfile options', () => {
  it('turns hparams into a matrix that provides the inputs', async () => {
    const op = await checkPolyaxonfile({ polyaxonfile: join(dir, 'component.yaml'), hparams: ['lr=choice:[0.1, 0.2]'], matrixConcurrency: 2 });
    expect(op.toDict().matrix).toEqual({ kind: 'grid', concurrency: 2, params: { lr: { kind: 'choice', value: [0.1, 0.2] } } });
  });

  it('adds a git initializer to runPatch.init as a pre_merge preset after the preset files (upstream git_init): it comes first', async () => {
    const withInit = join(dir, 'with-init.yaml');
    writeFileSync(withInit, 'version: 1.1\nkind: operation\npathRef: ./component.yaml\nparams: {lr: 0.1}\nrunPatch:\n  init:\n  - {paths: [a]}\n');
    const gitInit = { git: { url: 'https://github.com/org/repo', revision: 'abc123' }, connection: 'repo' };
    const op = await checkPolyaxonfile({ polyaxonfile: [withInit, join(dir, 'preset.yaml')], gitInit });
    expect(op.toDict()).toMatchObject({ queue: 'agent/gpu', runPatch: { init: [gitInit, { paths: ['a'] }] } });
    await expect(checkPolyaxonfile({ polyaxonfile: join(dir, 'component.yaml'), params: { lr: 1 }, gitInit: { git: { url: 3 } } })).rejects.toThrow(PolyaxonfileError);
  });

  it('warns about templates and records presets, namespace, cache and approval', async () => {
    const file = join(dir, 'template.yaml');
    writeFileSync(file, `${COMPONENT}template:\n  enabled: true\n  description: fill me\n  fields: [inputs.lr]\n`);
    const warnings: string[] = [];
    const op = await checkPolyaxonfile({ polyaxonfile: file, params: { lr: 1 }, presets: ['p1'], namespace: 'ns', nocache: true, approved: 'no', onWarning: (w) => warnings.push(w) });
    expect(op.toDict()).toMatchObject({ presets: ['p1'], namespace: 'ns', cache: { disable: true }, isApproved: false });
    expect(warnings).toEqual(["This polyaxonfile was marked as template by the owner:\ntemplate description: fill me\ntemplate fields that need changes: ['inputs.lr']"]);
    await expect(checkPolyaxonfile({ polyaxonfile: file, cache: true, nocache: true })).rejects.toThrow("Received both 'cache' and 'nocache'");
    await expect(checkPolyaxonfile({ polyaxonfile: file, params: { lr: 1 }, queue: 'a/b/c' })).rejects.toThrow(/valid queue/);
  });
});

describe('param validation rules', () => {
  it('checks options and validation rules of the inputs', async () => {
    const file = join(dir, 'options.yaml');
    writeFileSync(
      file,
      'version: 1.1\nkind: component\ninputs:\n  - {name: optimizer, type: str, options: [sgd, adam]}\n  - {name: lr, type: float, validation: {gt: 0}}\nrun: {kind: job, container: {image: x}}\n',
    );
    await expect(checkPolyaxonfile({ polyaxonfile: file, params: { optimizer: 'adam', lr: 0.1 } })).resolves.toBeDefined();
    const error = (await checkPolyaxonfile({ polyaxonfile: file, params: { optimizer: 'rmsprop', lr: -1 } }).catch((e: unknown) => e)) as PolyaxonfileError;
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['params.optimizer.value', 'params.lr.value']);
  });
});

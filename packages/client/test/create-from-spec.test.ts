// RunClient.createFromPolyaxonfile / createFromUrl / createFromHub against the
// API test server, with real files and a real HTTP server for URLs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolyaxonfileError } from '@px/polyaxonfile';
import { corpusPath, requireShared, startApiServer, type ApiServer, type RecordedRequest } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NotFoundError, RunClient, type PolyaxonClient } from '../src/index';
import { isolatedClient, tempDir } from './helpers/isolated';
import { tinyServer } from './helpers/tiny-server';

const TOKEN = 'secret-token-123';

/** A component with a required input (`lr`) and an optional one. */
const COMPONENT = readFileSync(new URL('fixtures/train-component.yaml', import.meta.url), 'utf8');

const COMPONENT_DICT = {
  version: 1.1,
  kind: 'component',
  name: 'train',
  tags: ['base'],
  inputs: [
    { name: 'lr', type: 'float' },
    { name: 'epochs', type: 'int', value: 1, isOptional: true },
  ],
  run: { kind: 'job', container: { image: 'python:3.11', command: ['python', 'train.py', '--lr={{ lr }}'] } },
};

let server: ApiServer;
let client: PolyaxonClient;
let specs: Awaited<ReturnType<typeof tinyServer>>;
const dir = tempDir('px-create-from-');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function runPosts(): RecordedRequest[] {
  return server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/runs'));
}

/** The body of the last `POST .../runs`, with its `content` parsed. */
function lastPosted(): { body: Record<string, unknown>; content: Record<string, unknown> } {
  const body = runPosts().at(-1)?.body as Record<string, unknown>;
  return { body, content: JSON.parse(String(body.content)) as Record<string, unknown> };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  server = await startApiServer({ requireToken: TOKEN });
  server.state.addProject({ owner: 'default', name: 'demo' });
  client = isolatedClient({ host: server.url });
  specs = await tinyServer((req, res) => {
    if (req.url === '/train.yaml') {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(COMPONENT);
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
});

afterAll(async () => {
  await client.close();
  await specs.close();
  await server.close();
});

describe('RunClient.createFromPolyaxonfile', () => {
  it('posts the operation built from the file, its preset files and the options as the run content', async () => {
    const spec = file('polyaxonfile.yaml', COMPONENT);
    const preset = file('gpu-preset.yaml', 'runPatch:\n  environment:\n    nodeSelector: {gpu: "yes"}\n');
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    const created = await run.createFromPolyaxonfile([spec, preset], {
      name: 'exp-1',
      description: 'from a file',
      tags: 'a, b',
      params: { lr: 0.01 },
      presets: ['small'],
      queue: 'agent/cpu',
      namespace: 'team-ns',
      cache: 'no',
      approved: 0,
    });

    const { body, content } = lastPosted();
    expect(body).toMatchObject({ name: 'exp-1', description: 'from a file', tags: ['a', 'b'], is_managed: true, managed_by: 'agent' });
    expect(content).toEqual({
      version: 1.1,
      kind: 'operation',
      params: { lr: { value: 0.01 } },
      presets: ['small'],
      queue: 'agent/cpu',
      namespace: 'team-ns',
      cache: { disable: true },
      isApproved: false,
      runPatch: { environment: { nodeSelector: { gpu: 'yes' } } },
      component: COMPONENT_DICT,
    });
    expect(run.runUuid).toBe(created.uuid);
    expect(server.state.getRun('default', 'demo', run.runUuid!)).toMatchObject({ name: 'exp-1', content: body.content, is_managed: true });
  });

  it('takes CLI-style params, a matrix, nocache, and the spec as YAML or JSON text', async () => {
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    await run.createFromPolyaxonfile(COMPONENT, { params: ['lr=0.5'], nocache: true, approved: 'yes' });
    expect(lastPosted().content).toMatchObject({ params: { lr: { value: '0.5' } }, cache: { disable: true }, isApproved: true, component: { name: 'train' } });

    const matrix = { kind: 'grid', params: { lr: { kind: 'choice', value: [0.1, 0.2] } } };
    await run.createFromPolyaxonfile(JSON.stringify({ version: 1.1, kind: 'operation', component: COMPONENT_DICT }, null, 2), { matrix });
    const { body, content } = lastPosted();
    expect(content).toEqual({ version: 1.1, kind: 'operation', matrix, component: COMPONENT_DICT });
    expect(body.name).toBeUndefined();
  });

  it('resolves an operation file whose component is a pathRef', async () => {
    file('component.yaml', COMPONENT);
    const op = file('op.yaml', 'version: 1.1\nkind: operation\nname: nightly\npathRef: ./component.yaml\nparams:\n  lr: 0.3\n');
    await new RunClient({ owner: 'default', project: 'demo', client }).createFromPolyaxonfile(op);
    expect(lastPosted().content).toMatchObject({ kind: 'operation', name: 'nightly', pathRef: './component.yaml', params: { lr: { value: 0.3 } }, component: COMPONENT_DICT });
  });

  it('rejects a bad spec with the PolyaxonfileError of @px/polyaxonfile (file, line, path) and posts nothing', async () => {
    const posts = runPosts().length;
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    const bad = file('bad.yaml', COMPONENT.replace('  container:', '  containr:'));
    const error = await rejection(run.createFromPolyaxonfile(bad, { params: { lr: 0.1 } }));
    expect(error).toBeInstanceOf(PolyaxonfileError);
    const spec = error as PolyaxonfileError;
    expect(spec.file).toBe(bad);
    expect(spec.line).toBe(10);
    expect(spec.column).toBe(3);
    expect(spec.issues.some((issue) => issue.path.join('.') === 'run.containr')).toBe(true);

    const missingParam = await rejection(run.createFromPolyaxonfile(file('ok.yaml', COMPONENT)));
    expect(PolyaxonfileError.isInstance(missingParam)).toBe(true);
    const wrongType = (await rejection(run.createFromPolyaxonfile(join(dir, 'ok.yaml'), { params: { lr: 'abc' } }))) as PolyaxonfileError;
    expect(wrongType.issues[0]).toMatchObject({ path: ['params', 'lr', 'value'] });
    expect(PolyaxonfileError.isInstance(await rejection(run.createFromPolyaxonfile(join(dir, 'nope.yaml'))))).toBe(true);
    expect(PolyaxonfileError.isInstance(await rejection(run.createFromPolyaxonfile(join(dir, 'ok.yaml'), { params: { lr: 1 }, approved: 'maybe' })))).toBe(true);
    expect(runPosts().length).toBe(posts);
  });

  it('surfaces a missing project as ApiError 404', async () => {
    const run = new RunClient({ owner: 'default', project: 'missing-project', client });
    const error = await rejection(run.createFromPolyaxonfile(join(dir, 'polyaxonfile.yaml'), { params: { lr: 0.1 } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(ApiError.isInstance(error) && error.isNotFound).toBe(true);
    expect((error as ApiError).url).toContain('/api/v1/default/missing-project/runs');
  });

  it('passes template warnings to onWarning', async () => {
    const template = file('template.yaml', `${COMPONENT}template:\n  enabled: true\n  description: fill me\n`);
    const warnings: string[] = [];
    await new RunClient({ owner: 'default', project: 'demo', client }).createFromPolyaxonfile(template, {
      params: { lr: 0.1 },
      onWarning: (message) => warnings.push(message),
    });
    expect(warnings).toEqual(['This polyaxonfile was marked as template by the owner:\ntemplate description: fill me']);
  });
});

describe('RunClient.createFromUrl', () => {
  it('reads the spec from the URL without sending the token, and posts the operation', async () => {
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    await run.createFromUrl(`${specs.url}/train.yaml`, { params: { lr: 0.2 }, queue: 'gpu', tags: ['url'] });
    const { body, content } = lastPosted();
    expect(body.tags).toEqual(['url']);
    expect(content).toEqual({ version: 1.1, kind: 'operation', params: { lr: { value: 0.2 } }, queue: 'gpu', component: COMPONENT_DICT });
    const fetched = specs.requests.find((r) => r.url === '/train.yaml');
    expect(fetched?.headers.authorization).toBeUndefined();
  });

  it('rejects an unreadable URL with a PolyaxonfileError', async () => {
    const posts = runPosts().length;
    const error = await rejection(new RunClient({ owner: 'default', project: 'demo', client }).createFromUrl(`${specs.url}/missing.yaml`));
    expect(PolyaxonfileError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('HTTP 404');
    expect(runPosts().length).toBe(posts);
  });
});

describe('RunClient.createFromHub', () => {
  it("reads a private component from the client's host with its token and keeps the hubRef", async () => {
    server.state.addVersion({ owner: 'acme', project: 'trainer', kind: 'component', name: 'v1', content: COMPONENT });
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    await run.createFromHub('acme/trainer:v1', { name: 'from-hub', params: { lr: 0.4 }, presets: ['gpu'] });
    const { body, content } = lastPosted();
    expect(body.name).toBe('from-hub');
    expect(content).toEqual({
      version: 1.1,
      kind: 'operation',
      hubRef: 'acme/trainer:v1',
      params: { lr: { value: 0.4 } },
      presets: ['gpu'],
      component: COMPONENT_DICT,
    });
    const fetched = server.requests.find((r) => r.method === 'GET' && r.path === '/api/v1/acme/trainer/versions/component/v1');
    expect(fetched?.authorization).toBe(`Token ${TOKEN}`);
  });

  it('surfaces a missing component as ApiError 404 and a bad one as PolyaxonfileError', async () => {
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    const posts = runPosts().length;
    const missing = await rejection(run.createFromHub('acme/trainer:v9'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as ApiError).url).toContain('/api/v1/acme/trainer/versions/component/v9');

    server.state.addVersion({ owner: 'acme', project: 'trainer', kind: 'component', name: 'broken', content: 'version: 1.1\nkind: component\nrun:\n  kind: job\n  containr: {image: x}\n' });
    const broken = await rejection(run.createFromHub('acme/trainer:broken'));
    expect(broken).toBeInstanceOf(PolyaxonfileError);
    expect(broken).toMatchObject({ file: `${server.url}/api/v1/acme/trainer/versions/component/broken`, line: 5, column: 3 });
    expect(PolyaxonfileError.isInstance(await rejection(run.createFromHub('a:b:c')))).toBe(true);
    expect(runPosts().length).toBe(posts);
  });
});

describe('createFrom* in no-op and offline modes (as create())', () => {
  it('no-op: resolves to {} without reading the spec or calling the API', async () => {
    const requests = server.requests.length;
    const run = new RunClient({ owner: 'default', project: 'demo', client, noOp: true });
    expect(await run.createFromPolyaxonfile(join(dir, 'nope.yaml'))).toEqual({});
    expect(await run.createFromUrl(`${specs.url}/missing.yaml`)).toEqual({});
    expect(await run.createFromHub('acme/trainer:v9')).toEqual({});
    expect(server.requests.length).toBe(requests);
  });

  it('offline: checks the spec, then creates the local record without calling the API', async () => {
    const offline = isolatedClient({ isOffline: true });
    const run = new RunClient({ project: 'demo', client: offline });
    const posts = runPosts().length;
    const created = await run.createFromPolyaxonfile(join(dir, 'polyaxonfile.yaml'), { name: 'on-a-plane', tags: ['x'], params: { lr: 0.1 } });
    expect(created).toMatchObject({ uuid: run.runUuid, name: 'on-a-plane', tags: ['x'], project: 'demo', is_managed: false, managed_by: 'user' });
    expect(PolyaxonfileError.isInstance(await rejection(run.createFromPolyaxonfile(join(dir, 'bad.yaml'), { params: { lr: 0.1 } })))).toBe(true);
    expect(runPosts().length).toBe(posts);
  });
});

interface CorpusEntry {
  path: string;
  parser: string;
  expect: string;
  upstream_lib?: { check?: string };
}

describe.runIf(requireShared('client create-from-polyaxonfile'))('createFromPolyaxonfile over the corpus', () => {
  const entries = (): CorpusEntry[] =>
    (JSON.parse(readFileSync(corpusPath('manifest.json'), 'utf8')) as { entries: CorpusEntry[] }).entries.filter((e) => e.parser === 'polyaxonfile');

  it('creates a managed run from every file upstream checks without params', async () => {
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    const ok = entries().filter((e) => e.upstream_lib?.check === 'ok');
    expect(ok.length).toBeGreaterThan(100);
    for (const entry of ok) {
      const posts = runPosts().length;
      await run.createFromPolyaxonfile(corpusPath(entry.path)).catch((error: unknown) => {
        throw new Error(`${entry.path}: ${String(error)}`);
      });
      expect(runPosts().length, entry.path).toBe(posts + 1);
      const { body, content } = lastPosted();
      expect(body, entry.path).toMatchObject({ is_managed: true, managed_by: 'agent' });
      expect(content.kind, entry.path).toBe('operation');
      expect(typeof content.component === 'object' || typeof content.hubRef === 'string', entry.path).toBe(true);
    }
  });

  it('rejects every file upstream refuses with a PolyaxonfileError, posting nothing', async () => {
    const run = new RunClient({ owner: 'default', project: 'demo', client });
    const bad = entries().filter((e) => e.expect === 'invalid' && e.upstream_lib?.check?.startsWith('PolyaxonfileError') === true);
    expect(bad.length).toBeGreaterThan(20);
    const posts = runPosts().length;
    for (const entry of bad) {
      const error = await rejection(run.createFromPolyaxonfile(corpusPath(entry.path)));
      expect(PolyaxonfileError.isInstance(error), `${entry.path}: ${String(error)}`).toBe(true);
    }
    expect(runPosts().length).toBe(posts);
  });
});

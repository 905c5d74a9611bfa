// The editor experience, tested with the real yaml-language-server over stdio:
// the schema associated by settings (`yaml.schemas`, as VS Code sends them)
// and by a `# yaml-language-server: $schema=` modeline.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDir } from './support/bundle';
import { startYamlLanguageServer } from './support/yaml-language-server';
import type { YamlLanguageServer } from './support/yaml-language-server';

const schemaUri = pathToFileURL(join(packageDir, 'schema', 'polyaxonfile.schema.json')).href;

const VALID = `version: 1.1
kind: component
name: train
inputs:
  - {name: lr, type: float, value: 0.1}
  - {name: epochs, type: int, isOptional: true}
run:
  kind: job
  container:
    image: "{{ globals.image }}"
    command: [python, train.py, "--lr={{ lr }}"]
`;

const INVALID = `version: 1.1
kind: operation
hubRef: mnist
matrix:
  kind: random
  params:
    lr: {kind: choice, value: [0.1, 0.01]}
termination:
  maxRetries: 2
  timout: 600
`;

describe('yaml-language-server with the Polyaxonfile schema', () => {
  let server: YamlLanguageServer | undefined;
  beforeAll(async () => {
    server = await startYamlLanguageServer({ schemas: { [schemaUri]: ['polyaxonfile*.yaml'] }, validate: true, hover: true });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('shows no diagnostics on a valid file (templates included)', async () => {
    expect(await server!.open('file:///project/polyaxonfile.yaml', VALID)).toEqual([]);
  });

  it('flags the wrong lines of an invalid file with clear messages', async () => {
    const diagnostics = await server!.open('file:///project/polyaxonfile-bad.yaml', INVALID);
    const found = diagnostics.map((d) => ({ line: d.range.start.line + 1, message: d.message })).sort((a, b) => a.line - b.line);
    expect(found).toEqual([
      { line: 4, message: 'Missing property "numRuns".' },
      { line: 10, message: 'Property timout is not allowed.' },
    ]);
  });

  it('explains a field on hover', async () => {
    const uri = 'file:///project/polyaxonfile.yaml';
    expect(await server!.hover(uri, 6, 2)).toContain('What to run: a job, service, DAG');
    const kind = await server!.hover(uri, 7, 4);
    expect(kind).toContain('Kind of run');
    expect(kind).toContain('`pytorchjob`');
  });

  it('follows a `# yaml-language-server: $schema=` modeline (absolute, or relative to the file)', async () => {
    const body = 'version: 1.1\nkind: component\nrun: {kind: jobb}\n';
    for (const [uri, target] of [
      ['file:///elsewhere/train.yml', schemaUri],
      [pathToFileURL(join(packageDir, 'examples', 'train.yml')).href, '../schema/polyaxonfile.schema.json'],
    ] as const) {
      const diagnostics = await server!.open(uri, `# yaml-language-server: $schema=${target}\n${body}`);
      expect(diagnostics.map((d) => d.range.start.line + 1)).toEqual([4]);
      expect(diagnostics[0]!.message).toContain('job');
    }
  });
});

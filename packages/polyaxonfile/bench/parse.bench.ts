// parse + validate µs per file over the corpus (or the repo's example files),
// the same files through the `yaml` package's `yaml.parse` alone (the baseline the issue names; the
// package no longer uses `yaml`, whose 1.1 parse is slower than our PyYAML-faithful reader), and the ratio.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as yamlParse } from 'yaml';
import { corpusPath, hasShared, repoRoot } from '@px/testkit';
import { emit, median, timeMedianUs } from '@px/testkit/bench';
import { getSpecification } from '../src/index';

interface Entry {
  path: string;
  parser: string;
  expect: string;
}

function files(): string[] {
  if (hasShared) {
    const entries = (JSON.parse(readFileSync(corpusPath('manifest.json'), 'utf8')) as { entries: Entry[] }).entries;
    return entries
      .filter((e) => e.parser === 'polyaxonfile' && e.expect === 'valid' && !e.path.endsWith('.json'))
      .map((e) => readFileSync(corpusPath(e.path), 'utf8'));
  }
  const dir = join(repoRoot, 'examples', 'polyaxonfiles');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('broken'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

// Only files both accept, so the two numbers compare the same work.
const texts = files().filter((text) => {
  try {
    getSpecification(text);
    yamlParse(text, { version: '1.1' });
    return true;
  } catch {
    return false;
  }
});

const perFileOurs: number[] = [];
const perFileYaml: number[] = [];
for (const text of texts) {
  perFileOurs.push(await timeMedianUs(() => getSpecification(text), 30, 5));
  perFileYaml.push(await timeMedianUs(() => yamlParse(text, { version: '1.1' }), 30, 5));
}
const totalOurs = perFileOurs.reduce((a, b) => a + b, 0);
const totalYaml = perFileYaml.reduce((a, b) => a + b, 0);
emit({ package: '@px/polyaxonfile', name: 'parse+validate per file (median)', unit: 'us', value: median(perFileOurs), n: texts.length });
emit({ package: '@px/polyaxonfile', name: 'yaml.parse alone per file (median)', unit: 'us', value: median(perFileYaml), n: texts.length });
emit({ package: '@px/polyaxonfile', name: 'parse+validate / yaml.parse (total time ratio)', unit: 'ratio', value: totalOurs / totalYaml, n: texts.length });

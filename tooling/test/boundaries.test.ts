import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaryConfigs } from '../src/eslint-boundaries.js';

// Lints virtual files with the repository's own boundary rules.
const eslint = new ESLint({
  overrideConfigFile: true,
  cwd: new URL('..', import.meta.url).pathname.replace(/\/tooling\/$/, ''),
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...boundaryConfigs()],
});

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${source}';\nexport { x };\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('package dependency direction (lint)', () => {
  it.each([
    ['packages/polyaxonfile/src/reader.ts', '@px/client'],
    ['packages/polyaxonfile/src/reader.ts', '@px/context'],
    ['packages/context/src/resolve.ts', '@px/polyaxonfile'],
    ['packages/client/src/run-client.ts', '@px/tracking'],
    ['packages/client/src/run-client.ts', '@px/cli'],
    ['packages/tracking/src/run.ts', '@px/cli'],
    ['packages/client/src/run-client.ts', '@px/testkit'],
    ['packages/cli/src/main.ts', '@px/testkit'],
  ])('%s may not import %s', async (file, source) => {
    expect(await importErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ['packages/client/src/run-client.ts', '@px/context/src/index'],
    ['packages/tracking/src/run.ts', '../../client/src/run-client'],
  ])('%s may not deep-import %s', async (file, source) => {
    expect(await importErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ['packages/polyaxonfile/src/reader.ts', '@px/errors'],
    ['packages/polyaxonfile/src/reader.ts', 'yaml'],
    ['packages/client/src/run-client.ts', '@px/context'],
    ['packages/client/src/spec/load-polyaxonfile.ts', '@px/polyaxonfile/node'],
    ['packages/tracking/src/run.ts', '@px/client'],
    ['packages/cli/src/main.ts', '@px/polyaxonfile'],
    ['packages/client/src/run-client.test.ts', '@px/testkit'],
    ['packages/client/test/api.test.ts', '@px/testkit'],
    ['packages/context/src/resolve.ts', './files/read-config'],
  ])('%s may import %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });

  it('names the allowed packages in the message', async () => {
    const [message] = await importErrors('packages/context/src/resolve.ts', '@px/client');
    expect(message).toContain('@px/context may import only @px/errors');
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(() => {
  requireBuild();
  sb = sandbox();
});
afterAll(() => sb.cleanup());

describe('px schema (built binary)', () => {
  it('prints the Polyaxonfile JSON Schema that @px/polyaxonfile ships', async () => {
    const result = await px(sb, ['schema']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const installed = readFileSync(createRequire(import.meta.url).resolve('@px/polyaxonfile/schema.json'), 'utf8');
    expect(result.stdout).toBe(installed);
    const schema = JSON.parse(result.stdout) as { $id: string; $schema: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('https://cdn.jsdelivr.net/npm/@px/polyaxonfile/schema/polyaxonfile.schema.json');
  });

  it('prints the installed path with --path', async () => {
    const result = await px(sb, ['schema', '--path']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const path = result.stdout.trim();
    expect(result.stdout).toBe(`${path}\n`);
    expect(isAbsolute(path)).toBe(true);
    expect(path.endsWith('polyaxonfile.schema.json')).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveProperty('title', 'Polyaxonfile (version 1.1)');
  });

  it('rejects unknown options as a usage error', async () => {
    const result = await px(sb, ['schema', '--paht']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--paht');
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchema } from './support/json-schema';
import { packageDir } from './support/bundle';

const file = join(packageDir, 'schema', 'polyaxonfile.schema.json');
const update = process.env.PX_UPDATE_SCHEMA === '1';

describe('editor JSON Schema (schema/polyaxonfile.schema.json)', () => {
  it('matches the valibot models (run `pnpm run schema` to regenerate)', () => {
    const text = `${JSON.stringify(generateJsonSchema(), null, 2)}\n`;
    if (update || !existsSync(file)) writeFileSync(file, text);
    expect(readFileSync(file, 'utf8'), 'schema/polyaxonfile.schema.json is stale: run `corepack pnpm --filter @px/polyaxonfile run schema`').toBe(text);
  });

  it('is exported by the package', () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
    expect(pkg.exports['./schema.json']).toBe('./schema/polyaxonfile.schema.json');
    expect(pkg.files).toContain('schema');
  });

  it('picks the model of each top-level kind with if/then on `kind`', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id: string; allOf: { then: { $ref: string } }[] };
    expect(schema.allOf.map((s) => s.then.$ref)).toEqual(['#/$defs/Component', '#/$defs/Operation', '#/$defs/CompiledOperation', '#/$defs/Operation']);
    expect(schema.$id).toBe('https://cdn.jsdelivr.net/npm/@px/polyaxonfile/schema/polyaxonfile.schema.json');
  });
});

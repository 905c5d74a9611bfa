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

  it('explains every field on hover (description and markdownDescription, enum values listed)', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const bare: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${where}/${index}`));
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'if') continue;
        if (key === 'properties' && typeof value === 'object' && value !== null) {
          for (const [name, field] of Object.entries(value as Record<string, { description?: string; markdownDescription?: string }>)) {
            if (!field.description || !field.markdownDescription) bare.push(`${where}/properties/${name}`);
            visit(field, `${where}/properties/${name}`);
          }
        } else visit(value, `${where}/${key}`);
      }
    };
    visit(schema, '#');
    expect(bare).toEqual([]);
    const defs = schema.$defs as Record<string, { allOf: { then: { properties: Record<string, { markdownDescription: string }> } }[] }>;
    expect(defs.Run!.allOf[0]!.then.properties.kind!.markdownDescription).toContain('Allowed values: `job`');
  });
});

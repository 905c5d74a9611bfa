import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { getSpecification, parseYaml } from '../src/index';
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

  describe('agrees with the package on small documents (ajv, draft-07, strict off)', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    const head = 'version: 1.1\nkind: component\n';
    const job = 'run:\n  kind: job\n  container: {image: busybox}\n';
    const accepted = {
      'templates in typed fields': `${head}isApproved: "{{ approved }}"\ntermination:\n  maxRetries: "{{ retries }}"\n  timeout: "{{ timeout }}"\nplugins: "{{ plugins }}"\nhooks: "{{ hooks }}"\n${job}`,
      'a templated name and image': `${head}name: "{{ name }}"\nrun:\n  kind: job\n  container: {image: "{{ image }}"}\n`,
      'snake_case spellings below the top level': `${head}inputs:\n  - {name: lr, type: float, is_optional: true}\nrun:\n  kind: job\n  container: {image: busybox}\n  environment: {node_selector: {gpu: 'yes'}}\n`,
      'a preset without version and kind': 'isPreset: true\nqueue: agent/gpu\n',
      'short-form params and a pathRef': 'version: 1.1\nkind: operation\npathRef: ./train.yaml\nparams:\n  lr: 0.1\n  data: {value: /data}\n',
      'a random matrix with num_runs': 'version: 1.1\nkind: operation\nhubRef: mnist\nmatrix:\n  kind: random\n  num_runs: 5\n  params:\n    lr: {kind: uniform, value: "0:1"}\n',
    };
    const rejected = {
      'a missing version': `kind: component\n${job}`,
      'version 1.0': `version: 1.0\nkind: component\n${job}`,
      'an unknown top-level kind': `version: 1.1\nkind: pipeline\n${job}`,
      'a snake_case top-level section': `${head}is_approved: false\n${job}`,
      'an unknown field': `${head}run:\n  kind: job\n  containr: {image: busybox}\n`,
      'an unknown run kind': `${head}run: {kind: jobb}\n`,
      'a plain string where an integer or template goes': `${head}termination: {maxRetries: many}\n${job}`,
      'a random matrix without numRuns': 'version: 1.1\nkind: operation\nhubRef: mnist\nmatrix:\n  kind: random\n  params:\n    lr: {kind: choice, value: [1, 2]}\n',
      'an unknown hp kind': 'version: 1.1\nkind: operation\nhubRef: mnist\nmatrix:\n  kind: grid\n  params:\n    lr: {kind: activation, value: [1, 2]}\n',
    };
    const read = (text: string): unknown => parseYaml(text, 'polyaxonfile.yaml').value;
    const packageAccepts = (text: string): boolean => {
      try {
        getSpecification(text);
        return true;
      } catch {
        return false;
      }
    };

    it.each(Object.entries(accepted))('accepts %s', (_name, text) => {
      expect(validate(read(text)), JSON.stringify(validate.errors)).toBe(true);
      if (!text.startsWith('isPreset')) expect(packageAccepts(text)).toBe(true);
    });

    it.each(Object.entries(rejected))('rejects %s', (_name, text) => {
      expect(validate(read(text))).toBe(false);
      expect(packageAccepts(text)).toBe(false);
    });
  });
});

// The schemas convert to JSON Schema for editors (the package's generator
// builds on this); every custom coercion carries a JSON Schema hint.
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import { ComponentSchema, OperationSchema, SCHEMA_DEFINITIONS } from './index';

describe('JSON Schema conversion', () => {
  it('converts components and operations with shared definitions', () => {
    for (const schema of [ComponentSchema, OperationSchema]) {
      const json = toJsonSchema(schema, {
        typeMode: 'input',
        errorMode: 'throw',
        ignoreActions: ['raw_check', 'check'],
        definitions: { ...SCHEMA_DEFINITIONS },
      }) as { $defs?: Record<string, unknown> };
      expect(Object.keys(json.$defs ?? {})).toEqual(expect.arrayContaining(['V1Component', 'V1Operation', 'V1Container', 'V1IO']));
      const text = JSON.stringify(json);
      expect(text).toContain('"isApproved"');
      expect(text).toContain('"is_approved"');
      expect(text.length).toBeLessThan(200_000);
    }
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../corpus';

/** The parts of a Swagger 2 document the validator uses. */
export interface SwaggerDocument {
  paths: Record<string, Record<string, SwaggerOperation | undefined>>;
  definitions?: Record<string, Record<string, unknown>>;
}

/** One Swagger 2 parameter. */
export interface SwaggerParameter {
  name: string;
  in: 'path' | 'query' | 'body' | 'formData' | 'header';
  required?: boolean;
  type?: string;
  format?: string;
  schema?: Record<string, unknown>;
}

/** One Swagger 2 operation. */
export interface SwaggerOperation {
  operationId?: string;
  parameters?: SwaggerParameter[];
  responses?: Record<string, { schema?: Record<string, unknown> } | undefined>;
}

/** Folder of the official OpenAPI files, when `../shared` is present. */
export function schemasDir(): string | undefined {
  if (sharedDir === undefined) return undefined;
  const dir = join(sharedDir, 'corpus', 'schemas');
  return existsSync(join(dir, 'polyaxon_sdk.swagger.json')) ? dir : undefined;
}

/**
 * Loads the official Swagger 2 documents: the main SDK specification and the
 * upload/download ones. The Swagger 2 flavour is used (rather than the
 * OpenAPI 3 conversion) because its `definitions` are plain JSON Schema that
 * ajv reads as is.
 */
export function loadSpecs(dir: string): SwaggerDocument[] {
  const main = JSON.parse(readFileSync(join(dir, 'polyaxon_sdk.swagger.json'), 'utf8')) as SwaggerDocument;
  const uploads = join(dir, 'upload.download');
  const extra = existsSync(uploads)
    ? readdirSync(uploads)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => JSON.parse(readFileSync(join(uploads, name), 'utf8')) as SwaggerDocument)
    : [];
  return [main, ...extra];
}

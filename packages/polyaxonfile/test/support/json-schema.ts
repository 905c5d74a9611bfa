// Generates the editor JSON Schema from the valibot models (dev-time only:
// @valibot/to-json-schema is a devDependency, never imported by src).
export { generateJsonSchema } from './json-schema/generate';

// Test helpers for the schema modules (imported by *.test.ts only).
import * as v from 'valibot';

/**
 * Parses `input` and returns the output, failing the test with the issues otherwise.
 *
 * @param schema - A schema.
 * @param input - The document fragment.
 * @returns The validated output.
 */
export function accept<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) {
    throw new Error(`rejected: ${result.issues.map((i) => `${v.getDotPath(i) ?? '<root>'}: ${i.message}`).join('; ')}`);
  }
  return result.output;
}

/**
 * Parses `input` expecting a failure; returns `path: message` lines.
 *
 * @param schema - A schema.
 * @param input - The document fragment.
 * @returns One line per issue (nested union issues flattened).
 */
export function reject(schema: v.GenericSchema, input: unknown): string[] {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error(`accepted: ${JSON.stringify(result.output)}`);
  const lines: string[] = [];
  const walk = (issues: readonly v.BaseIssue<unknown>[]): void => {
    for (const issue of issues) {
      lines.push(`${v.getDotPath(issue) ?? ''}: ${issue.message}`);
      if (issue.issues) walk(issue.issues);
    }
  };
  walk(result.issues);
  return lines;
}

// The editor schema against the whole corpus, validated the two ways editors
// do: ajv (draft-07, strict mode off) on the document as upstream reads it, and
// the real yaml-language-server on the file text. No file upstream accepts may
// be flagged; the number of invalid files the schema also catches is printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, requireShared } from '@px/testkit';
import { parseYaml } from '../src/index';
import { loadManifest } from './corpus-asserts';
import type { CorpusEntry } from './corpus-asserts';
import { packageDir } from './support/bundle';
import { startYamlLanguageServer } from './support/yaml-language-server';
import type { Diagnostic, YamlLanguageServer } from './support/yaml-language-server';

const schemaFile = join(packageDir, 'schema', 'polyaxonfile.schema.json');

/** Polyaxonfile entries with a verdict whose text is YAML upstream can read (YAML errors are not the schema's job). */
function readableEntries(): CorpusEntry[] {
  return loadManifest(corpusPath('manifest.json')).filter((e) => e.parser === 'polyaxonfile' && e.expect !== 'unknown' && e.error_stage !== 'yaml');
}

function report(what: string, entries: CorpusEntry[], flagged: Set<string>): { falseErrors: string[] } {
  const invalid = entries.filter((e) => e.expect === 'invalid');
  const caught = invalid.filter((e) => flagged.has(e.path)).length;
  console.log(`[px] editor schema (${what}): ${entries.length - invalid.length} valid files, 0 allowed to fail; catches ${caught} of ${invalid.length} invalid files`);
  return { falseErrors: entries.filter((e) => e.expect === 'valid' && flagged.has(e.path)).map((e) => e.path) };
}

describe.runIf(requireShared('editor schema conformance'))('editor schema on the corpus', () => {
  it('ajv (draft-07, strict off) accepts every valid file', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const entries = readableEntries();
    const flagged = new Set<string>();
    const messages: string[] = [];
    for (const entry of entries) {
      const value = parseYaml(readFileSync(corpusPath(entry.path), 'utf8'), entry.path).value;
      if (!validate(value)) {
        flagged.add(entry.path);
        messages.push(`${entry.path}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      }
    }
    const { falseErrors } = report('ajv', entries, flagged);
    expect(falseErrors, messages.join('\n')).toEqual([]);
    expect(flagged.size).toBeGreaterThanOrEqual(30);
  });

  describe.each(['1.2', '1.1'])('yaml-language-server (yaml.yamlVersion %s)', (yamlVersion) => {
    let server: YamlLanguageServer | undefined;
    beforeAll(async () => {
      server = await startYamlLanguageServer({ schemas: { [pathToFileURL(schemaFile).href]: '*.yaml' }, validate: true, yamlVersion });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });

    it('shows no schema error on any valid file', async () => {
      const entries = readableEntries();
      const flagged = new Set<string>();
      const yamlOnly: string[] = [];
      const messages: string[] = [];
      const batch = 12;
      for (let start = 0; start < entries.length; start += batch) {
        await Promise.all(
          entries.slice(start, start + batch).map(async (entry, offset) => {
            const uri = `file:///corpus/${start + offset}.yaml`;
            const diagnostics: Diagnostic[] = await server!.open(uri, readFileSync(corpusPath(entry.path), 'utf8'), 60_000);
            server!.close(uri);
            const errors = diagnostics.filter((d) => d.severity === 1);
            // The server's own YAML parser (the `yaml` package) is stricter than PyYAML on a few layouts.
            if (errors.some((d) => d.source === 'YAML') && entry.expect === 'valid') yamlOnly.push(entry.path);
            const schemaErrors = errors.filter((d) => d.source !== 'YAML');
            if (schemaErrors.length > 0) {
              flagged.add(entry.path);
              messages.push(`${entry.path}: ${schemaErrors.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
            }
          }),
        );
      }
      if (yamlOnly.length > 0) console.log(`[px] yaml-language-server's YAML parser (not the schema) rejects ${yamlOnly.length} valid file(s): ${yamlOnly.join(', ')}`);
      const { falseErrors } = report(`yaml-language-server, YAML ${yamlVersion}`, entries, flagged);
      expect(falseErrors, messages.join('\n')).toEqual([]);
      expect(flagged.size).toBeGreaterThanOrEqual(25);
    }, 240_000);
  });
});

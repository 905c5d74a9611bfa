import { afterAll, describe, expect, it } from 'vitest';
import { corpusPath, hasShared, requireShared } from '@px/testkit';
import { checkPolyaxonfile, compile, getSpecification, PolyaxonfileError, readPath, renderRuntime, validateDag } from '../src/node';
import { checkAssert, loadManifest, stageAtOrBefore } from './corpus-asserts';
import type { CorpusEntry } from './corpus-asserts';

const results = { pass: 0, fail: 0 };
const failures: string[] = [];

function record(ok: boolean, what: string): void {
  if (ok) results.pass++;
  else {
    results.fail++;
    failures.push(what);
  }
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

async function asyncErrorOf(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

function levelsOf(spec: unknown): string[][] {
  const run = (spec as { run?: { operations?: unknown[] } }).run;
  return validateDag(run ?? {});
}

function checkValid(entry: CorpusEntry, file: string): string[] {
  const problems: string[] = [];
  const doc = readPath(file)!;
  let parsed: ReturnType<typeof getSpecification>;
  try {
    parsed = getSpecification(doc);
  } catch (error) {
    return [`parse failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  const dict = parsed.toDict();
  // round trip
  const again = errorOf(() => getSpecification(dict));
  if (again !== undefined) problems.push(`toDict round-trip failed: ${(again as Error).message}`);
  const asserts = entry.asserts ?? [];
  for (const assert of asserts.filter((a) => (a.on ?? 'parsed') === 'parsed')) {
    const problem = checkAssert(dict, assert, () => levelsOf(parsed));
    if (problem !== undefined) problems.push(`parsed ${problem}`);
  }
  const compiledAsserts = asserts.filter((a) => a.on === 'compiled');
  const renderedAsserts = asserts.filter((a) => a.on === 'rendered');
  const wantsCompile = compiledAsserts.length > 0 || renderedAsserts.length > 0 || entry.upstream_lib?.compile === 'ok';
  if (wantsCompile) {
    try {
      const compiled = compile(doc, { params: entry.params ?? null });
      const compiledDict = compiled.toDict();
      for (const assert of compiledAsserts) {
        const problem = checkAssert(compiledDict, assert, () => levelsOf(compiled));
        if (problem !== undefined) problems.push(`compiled ${problem}`);
      }
      if (renderedAsserts.length > 0) {
        const rendered = renderRuntime(compiled, entry.contexts ?? {}).toDict();
        for (const assert of renderedAsserts) {
          const problem = checkAssert(rendered, assert);
          if (problem !== undefined) problems.push(`rendered ${problem}`);
        }
      }
    } catch (error) {
      problems.push(`compile failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

function checkInvalid(entry: CorpusEntry, file: string): string[] {
  const stage = entry.error_stage ?? 'read';
  if (stage === 'compile') {
    const readError = errorOf(() => getSpecification(readPath(file)!));
    if (readError !== undefined) return [`expected plain parsing to succeed: ${(readError as Error).message}`];
    const error = errorOf(() => compile(readPath(file)!));
    if (error === undefined) return ['expected compile to fail'];
    if (!PolyaxonfileError.isInstance(error)) return [`not our error: ${error instanceof Error ? error.message : 'unknown'}`];
    if (error.stage !== 'compile' && error.stage !== 'params') return [`failed at ${error.stage}, upstream fails at compile`];
    return [];
  }
  const error = errorOf(() => getSpecification(readPath(file)!));
  if (error === undefined) return [`expected an error at ${stage}`];
  if (!PolyaxonfileError.isInstance(error)) return [`not our error: ${error instanceof Error ? error.message : 'unknown'}`];
  if (!stageAtOrBefore(error.stage, stage)) return [`failed at ${error.stage}, expected at or before ${stage}`];
  // Stricter than the manifest requires: the very stage upstream fails at.
  if (error.stage !== stage) return [`failed at ${error.stage}, upstream fails at ${stage}`];
  if (error.issues.length === 0) return ['no issues'];
  return [];
}

describe.runIf(requireShared('polyaxonfile conformance'))('polyaxonfile conformance (../shared/corpus)', () => {
  // A skipped describe still runs its body to collect tests: read nothing without ../shared.
  const entries = (hasShared ? loadManifest(corpusPath('manifest.json')) : []).filter((e) => e.parser === 'polyaxonfile' && e.expect !== 'unknown');

  afterAll(() => {
    const total = results.pass + results.fail;
    console.log(
      `[px] polyaxonfile conformance: ${results.pass}/${total} checks passed (${((100 * results.pass) / Math.max(1, total)).toFixed(1)}%); ` +
        'all stages (parsed, compiled, rendered)',
    );
    if (failures.length > 0) console.log(failures.join('\n'));
  });

  for (const entry of entries) {
    it(`${entry.expect}: ${entry.path}`, async () => {
      const file = corpusPath(entry.path);
      const problems = entry.expect === 'valid' ? checkValid(entry, file) : checkInvalid(entry, file);
      if (entry.expect === 'valid' && entry.upstream_lib?.check === 'ok') {
        // upstream's check_polyaxonfile(..., to_op=True) accepted it: so must ours.
        const error = await asyncErrorOf(() => checkPolyaxonfile({ polyaxonfile: file }));
        if (error !== undefined) problems.push(`check failed: ${(error as Error).message}`);
      }
      if (entry.expect === 'valid' && (entry.upstream_lib?.check_note ?? '').startsWith('needs params')) {
        // upstream's check refused it for missing required params: so must ours, with our error.
        const error = await asyncErrorOf(() => checkPolyaxonfile({ polyaxonfile: file }));
        if (!PolyaxonfileError.isInstance(error)) problems.push(`check without params should fail like upstream: ${error === undefined ? 'accepted' : error instanceof Error ? error.message : 'a non-Error'}`);
      }
      record(problems.length === 0, `${entry.path}: ${problems.join('; ')}`);
      for (const paramCase of entry.param_cases ?? []) {
        const error = await asyncErrorOf(() => checkPolyaxonfile({ polyaxonfile: file, params: paramCase.params as Record<string, unknown> }));
        const ok =
          paramCase.expect === 'valid' ? error === undefined : error !== undefined && PolyaxonfileError.isInstance(error);
        record(ok, `${entry.path} params ${JSON.stringify(paramCase.params)}: expected ${paramCase.expect}, got ${error === undefined ? 'valid' : (error as Error).message.split('\n').slice(0, 3).join(' | ')}`);
        if (!ok) problems.push(`param case ${JSON.stringify(paramCase.params)} expected ${paramCase.expect}: ${error === undefined ? 'accepted' : (error as Error).message}`);
        if (ok && paramCase.rendered !== undefined && paramCase.params !== null && typeof paramCase.params === 'object') {
          const rendered = renderRuntime(compile(readPath(file)!, { params: paramCase.params }), entry.contexts ?? {}).toDict();
          for (const [path, equals] of Object.entries(paramCase.rendered)) {
            const problem = checkAssert(rendered, { path, equals });
            record(problem === undefined, `${entry.path} params ${JSON.stringify(paramCase.params)} rendered: ${problem ?? ''}`);
            if (problem !== undefined) problems.push(`param case rendered ${problem}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

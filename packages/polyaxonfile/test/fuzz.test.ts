import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPath, hasShared } from '@px/testkit';
import { compile, getSpecification, parseYaml, PolyaxonfileError } from '../src/index';
import { loadManifest } from './corpus-asserts';

const SAMPLES = [
  'version: 1.1\nkind: component\nname: train\ninputs:\n- {name: lr, type: float, value: 0.1}\nrun:\n  kind: job\n  container:\n    image: python:3.11\n    command: [python, "-c", "print({{ lr }})"]\n',
  'version: 1.1\nkind: operation\nparams:\n  lr: 0.2\nmatrix:\n  kind: random\n  numRuns: 3\n  params:\n    lr: {kind: linspace, value: "0.01:0.1:5"}\ncomponent:\n  inputs: [{name: lr, type: float}]\n  run: {kind: job, container: {image: x}}\n',
  'version: 1.1\nkind: component\nrun:\n  kind: dag\n  operations:\n  - {name: a, dagRef: c}\n  - {name: b, dagRef: c, dependencies: [a]}\n  components:\n  - {name: c, run: {kind: job, container: {image: x}}}\n',
  'version: 1.1\nkind: operation\nschedule: {kind: interval, frequency: 120, startAt: "2019-06-24T21:20:07+00:00"}\nhubRef: tensorboard\n',
];

function corpusDocs(): string[] {
  if (!hasShared) return SAMPLES;
  const entries = loadManifest(corpusPath('manifest.json')).filter((e) => e.parser === 'polyaxonfile' && e.expect === 'valid' && !e.path.endsWith('.json'));
  return [...SAMPLES, ...entries.map((e) => readFileSync(corpusPath(e.path), 'utf8'))];
}

const docs = corpusDocs();
// A fixed seed keeps CI reproducible; set PX_FUZZ_SEED=random (or a number) to explore.
const seedEnv = process.env.PX_FUZZ_SEED;
const seed = seedEnv === 'random' ? Date.now() : seedEnv !== undefined ? Number(seedEnv) : 20_261_123;
console.log(`[px] polyaxonfile fuzz seed ${seed}`);
const objects = docs.map((text) => parseYaml(text).value as Record<string, unknown>);

/** Calls `fn`; fails on anything thrown that is not one of our errors. Returns whether it was accepted. */
function onlyOurErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (!PolyaxonfileError.isInstance(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    return false;
  }
}

function acceptsRoundTrip(input: unknown): void {
  let spec: ReturnType<typeof getSpecification> | undefined;
  const accepted = onlyOurErrors(() => {
    spec = getSpecification(input as Record<string, unknown>);
  });
  if (accepted && spec !== undefined) {
    const dict = spec.toDict();
    expect(() => getSpecification(dict)).not.toThrow();
    onlyOurErrors(() => compile(dict));
  }
}

const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant('{{ x }}'), fc.constant('1:10'));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }));

type Mutation = { kind: 'drop' | 'retype' | 'duplicate' | 'snake'; pick: number; replacement: unknown };

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 400) return out;
  if (Array.isArray(value)) value.forEach((item, i) => { out.push([...prefix, i]); paths(item, [...prefix, i], out); });
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) { out.push([...prefix, key]); paths(item, [...prefix, key], out); }
  }
  return out;
}

function mutate(doc: Record<string, unknown>, mutation: Mutation): unknown {
  const copy = structuredClone(doc);
  const all = paths(copy);
  if (all.length === 0) return copy;
  const path = all[mutation.pick % all.length]!;
  let parent: unknown = copy;
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[segment];
  const last = path[path.length - 1]!;
  const holder = parent as Record<string | number, unknown>;
  switch (mutation.kind) {
    case 'drop':
      if (Array.isArray(holder)) holder.splice(Number(last), 1);
      else Reflect.deleteProperty(holder, last);
      break;
    case 'retype':
      holder[last] = mutation.replacement;
      break;
    case 'duplicate':
      if (Array.isArray(holder)) holder.push(structuredClone(holder[Number(last)]));
      else holder[`${String(last)}_copy`] = structuredClone(holder[last]);
      break;
    case 'snake':
      if (!Array.isArray(holder) && typeof last === 'string') {
        holder[last.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = holder[last];
        if (/[A-Z]/.test(last)) Reflect.deleteProperty(holder, last);
      }
      break;
  }
  return copy;
}

describe('fuzzing: only our errors, and accepted documents round-trip through toDict', () => {
  it('survives structural mutations of real documents', () => {
    fc.assert(
      fc.property(
        fc.nat(objects.length - 1),
        fc.array(fc.record({ kind: fc.constantFrom('drop', 'retype', 'duplicate', 'snake'), pick: fc.nat(), replacement: value }), { minLength: 1, maxLength: 3 }),
        (index, mutations) => {
          let doc: unknown = objects[index]!;
          for (const mutation of mutations as Mutation[]) doc = mutate(doc as Record<string, unknown>, mutation);
          acceptsRoundTrip(doc);
        },
      ),
      { numRuns: 400, seed },
    );
  });

  it('survives text mutations of YAML sources', () => {
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.nat(), fc.string({ maxLength: 6 }), (index, at, insert) => {
        const text = docs[index]!;
        const pos = at % (text.length + 1);
        const mutated = text.slice(0, pos) + insert + text.slice(pos + 1);
        onlyOurErrors(() => {
          const spec = getSpecification(mutated);
          expect(() => getSpecification(spec.toDict())).not.toThrow();
        });
      }),
      { numRuns: 400, seed },
    );
  });

  it('rejects arbitrary values and deep nesting with our errors only', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (anything) => {
        onlyOurErrors(() => getSpecification(anything as Record<string, unknown>));
        onlyOurErrors(() => getSpecification({ version: 1.1, kind: 'component', run: anything }));
      }),
      { numRuns: 300, seed },
    );
    let nested: unknown = 'x';
    for (let i = 0; i < 5000; i++) nested = { a: nested };
    expect(onlyOurErrors(() => getSpecification({ version: 1.1, kind: 'component', run: { kind: 'job', container: nested } }))).toBeDefined();
    expect(onlyOurErrors(() => getSpecification(`version: 1.1\nkind: component\nrun: ${'['.repeat(3000)}${']'.repeat(3000)}`))).toBe(false);
  });

  it('handles very large inputs', () => {
    const big = `version: 1.1\nkind: component\ntags: [${Array.from({ length: 20000 }, (_, i) => `t${i}`).join(', ')}]\nrun: {kind: job, container: {image: x}}\n`;
    expect(getSpecification(big).toDict().tags).toHaveLength(20000);
    expect(onlyOurErrors(() => getSpecification('a'.repeat(17 * 1024 * 1024)))).toBe(false);
  });
});

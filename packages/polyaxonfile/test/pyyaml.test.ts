// The YAML reader against PyYAML's safe_load, the reader upstream uses:
// recorded outcomes of hand-picked cases (always), and a differential run
// over mutated Polyaxonfiles through a live PyYAML (when python3 has it).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPath, hasShared, repoRoot } from '@px/testkit';
import { disagreement, ourOutcome, pyyamlOutcomes, pythonWithPyYaml } from './pyyaml/differential';
import type { Outcome } from './pyyaml/differential';
import { loadManifest } from './corpus-asserts';

const here = join(repoRoot, 'packages/polyaxonfile/test/pyyaml');
const cases = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8')) as string[];
const recorded = JSON.parse(readFileSync(join(here, 'outcomes.json'), 'utf8')) as Outcome[];

describe('YAML reader vs recorded PyYAML outcomes (test/pyyaml/cases.json)', () => {
  it('has one recorded outcome per case (run `pnpm run pyyaml:record` after editing cases.json)', () => {
    expect(recorded).toHaveLength(cases.length);
  });

  it.each(cases.map((text, i) => [JSON.stringify(text), text, i] as const))('%s', (_name, text, i) => {
    expect(disagreement(ourOutcome(text), recorded[i]!)).toBeUndefined();
  });
});

function sources(): string[] {
  const examples = join(repoRoot, 'examples/polyaxonfiles');
  // The hand-picked cases seed the exotic constructs (anchors, tags, block scalars, directives).
  const texts = [...cases, ...readdirSync(examples).map((file) => readFileSync(join(examples, file), 'utf8'))];
  if (!hasShared) return texts;
  const entries = loadManifest(corpusPath('manifest.json')).filter((e) => /\.ya?ml$/.test(e.path));
  return [...texts, ...entries.map((e) => readFileSync(corpusPath(e.path), 'utf8'))];
}

const TOKENS = [':', '-', '?', '[', ']', '{', '}', ',', '#', '&x ', '*x', '!', '!!str ', '|', '>', "'", '"', '%', '@', '\t', '\n', ' ', '  ', '<<', '---', '...', 'yes', '~', '\\', '1:2', '.5'];

/** A text edit: insert a token, delete a few characters, re-indent a line or duplicate one. */
const edit = fc.tuple(fc.nat(3), fc.nat(), fc.nat(), fc.constantFrom(...TOKENS));

function mutate(text: string, edits: readonly (readonly [number, number, number, string])[]): string {
  let out = text;
  for (const [op, a, b, token] of edits) {
    const pos = out.length === 0 ? 0 : a % out.length;
    const lines = out.split('\n');
    const line = a % lines.length;
    if (op === 0) out = out.slice(0, pos) + token + out.slice(pos);
    else if (op === 1) out = out.slice(0, pos) + out.slice(pos + 1 + (b % 3));
    else if (op === 2) {
      lines[line] = b % 2 === 0 ? ` ${lines[line]!}` : lines[line]!.replace(/^ /, '');
      out = lines.join('\n');
    } else {
      lines.splice(line, 0, lines[b % lines.length]!);
      out = lines.join('\n');
    }
  }
  return out;
}

const python = pythonWithPyYaml();
if (python === undefined) console.log('[px] skipped: the live PyYAML differential test needs python3 with PyYAML');

describe.runIf(python !== undefined)('YAML reader vs a live PyYAML on mutated Polyaxonfiles', () => {
  it('reads every mutant as PyYAML does: the same value, or an error at the same place', () => {
    const seedEnv = process.env.PX_FUZZ_SEED;
    const seed = seedEnv === 'random' ? Date.now() : seedEnv !== undefined ? Number(seedEnv) : 20_261_123;
    const texts = sources();
    const mutants = fc.sample(
      fc.tuple(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([i, edits]) => mutate(texts[i]!, edits)),
      { numRuns: 3000, seed },
    );
    const all = [...texts, ...mutants];
    const theirs = pyyamlOutcomes(python!, all);
    const problems = all
      .map((text, i) => ({ text, why: disagreement(ourOutcome(text), theirs[i]!) }))
      .filter((d) => d.why !== undefined);
    console.log(`[px] PyYAML differential (seed ${seed}): ${all.length - problems.length}/${all.length} agree`);
    if (process.env.PX_SHOW_DISAGREEMENTS !== undefined) for (const p of problems) console.log(JSON.stringify(p.text), '\n   ', p.why);
    expect(problems.slice(0, 5)).toEqual([]);
    // A safety limit, not a speed target: one python3 process reads ~3,500 documents, slow on a loaded machine.
  }, 300_000);
});

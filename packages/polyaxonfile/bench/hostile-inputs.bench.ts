// Hostile and huge inputs under the 16 MiB limit: each is answered (a value or a PolyaxonfileError) in a
// fresh child process, which reports its time and peak RSS. Goals (issue #14): a 1M-item flow list of
// integers in ≤ 1 s, a 10k-op DAG compiled in ≤ 1 s, and every input under the limit in ≤ 5 s and ≤ 1 GB.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { emit } from '@px/testkit/bench';
import { compile, getSpecification, parseYaml, PolyaxonfileError } from '../src/index';

const MB = 1024 * 1024;

function ints(n: number): string {
  return `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;
}

function blockMapping(keys: number): string {
  return Array.from({ length: keys }, (_, i) => `key${i}: value ${i}`).join('\n');
}

function mergeBomb(levels: number): string {
  const lines = ['a0: &a0 {x: 1, y: 2}'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i}`, `  <<: [*a${i - 1}, *a${i - 1}]`, `  k${i}: 1`);
  return lines.join('\n');
}

function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

function dagChain(n: number): Record<string, unknown> {
  const operations = Array.from({ length: n }, (_, i) => ({ name: `op${i}`, dagRef: 'c', ...(i > 0 ? { dependencies: [`op${i - 1}`] } : {}) }));
  return {
    version: 1.1,
    kind: 'operation',
    component: { kind: 'component', run: { kind: 'dag', operations, components: [{ name: 'c', run: { kind: 'job', container: { image: 'x' } } }] } },
  };
}

interface Case {
  readonly name: string;
  readonly goalMs: number;
  readonly make: () => unknown;
  readonly run: (input: unknown) => unknown;
}

const yaml = (input: unknown): unknown => parseYaml(input as string);
const CASES: readonly Case[] = [
  { name: 'flow list of 1M integers', goalMs: 1000, make: () => ints(1_000_000), run: yaml },
  { name: 'flow list of integers near 16 MiB (1.9M items)', goalMs: 5000, make: () => ints(1_900_000), run: yaml },
  { name: 'block mapping of 600k keys', goalMs: 5000, make: () => blockMapping(600_000), run: yaml },
  // What `px check` does with it: read, then fail on the missing `kind`, located in the source.
  { name: 'read a 600k-key mapping as a spec (no kind: located error)', goalMs: 5000, make: () => blockMapping(600_000), run: (input) => getSpecification(parseYaml(input as string)) },
  { name: 'plain scalar of 16 MB on one line', goalMs: 5000, make: () => `a: ${'x'.repeat(16 * MB - 10)}`, run: yaml },
  { name: 'merge keys <<: [*a, *a] nested 60 levels', goalMs: 5000, make: () => mergeBomb(60), run: yaml },
  { name: 'aliases of aliases (10^12 nodes)', goalMs: 5000, make: aliasBomb, run: yaml },
  { name: 'flow sequences nested 8M deep', goalMs: 5000, make: () => `${'['.repeat(8 * MB)}${']'.repeat(8 * MB - 1)}`, run: yaml },
  { name: 'compile a 10k-op DAG chain', goalMs: 1000, make: () => dagChain(10_000), run: (input) => compile(input as Record<string, unknown>) },
];

const child = process.env.PX_HOSTILE_CASE;
if (child !== undefined) {
  const item = CASES[Number(child)]!;
  const input = item.make();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let verdict = 'value';
  try {
    item.run(input);
  } catch (error) {
    verdict = PolyaxonfileError.isInstance(error) ? 'PolyaxonfileError' : `crash: ${String(error)}`;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, rssMb: process.resourceUsage().maxRSS / 1024, verdict }));
} else {
  const self = fileURLToPath(import.meta.url);
  CASES.forEach((item, index) => {
    const out = spawnSync(process.execPath, [self], { env: { ...process.env, PX_HOSTILE_CASE: String(index) }, encoding: 'utf8', timeout: 120_000 });
    const result = out.status === 0 ? (JSON.parse(out.stdout) as { ms: number; rssMb: number; verdict: string }) : { ms: Number.NaN, rssMb: Number.NaN, verdict: `exit ${String(out.status ?? out.signal)}` };
    const time = { package: '@px/polyaxonfile', name: `${item.name}: time to verdict (${result.verdict})`, unit: 'ms', value: Math.round(result.ms), n: 1, goal: item.goalMs };
    const rss = { package: '@px/polyaxonfile', name: `${item.name}: peak RSS of the process`, unit: 'MB', value: Math.round(result.rssMb), n: 1, goal: 1024 };
    emit(time);
    emit(rss);

    // CPU time (user + system, all threads: the garbage collector's helpers count) is the fairer figure on a
    // loaded machine; the goal is the same budget.
    const cpuMs = out.status === 0 ? (JSON.parse(out.stdout) as { cpuMs: number }).cpuMs : Number.NaN;
    emit({ package: '@px/polyaxonfile', name: `${item.name}: CPU time to verdict`, unit: 'ms', value: Math.round(cpuMs), n: 1, goal: item.goalMs });
  });
}

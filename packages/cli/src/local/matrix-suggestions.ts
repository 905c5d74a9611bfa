// Suggestions of the matrix kinds px runs locally (grid, random, mapping), following upstream's
// `_matrix` managers: grid is the cartesian product in param order, random samples each param
// (or, when every param is discrete, distinct grid points), mapping is its list of values.
import { CliError } from '../errors';

/** Matrix kinds `px run --local` runs. */
export const LOCAL_MATRIX_KINDS = ['grid', 'random', 'mapping'] as const;

/** One suggestion: param name → value. */
export type Suggestion = Record<string, unknown>;

type Hp = { kind: string; value?: unknown };

const DISCRETE = new Set(['choice', 'range', 'linspace', 'logspace', 'geomspace']);

function num(value: Record<string, unknown>, key: string): number {
  const x = value[key];
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new CliError(`Matrix param field \`${key}\` must be a number, received ${JSON.stringify(x)}.`);
  return x;
}

function space(value: Record<string, unknown>, at: (i: number, n: number) => number): number[] {
  const n = num(value, 'num');
  return Array.from({ length: Math.max(0, n) }, (_, i) => at(i, n));
}

/** numpy's `arange`, `linspace`, `logspace`, `geomspace` and `choice` values of one discrete param. */
export function discreteValues(name: string, hp: Hp): unknown[] {
  const value = hp.value;
  if (hp.kind === 'choice') {
    if (!Array.isArray(value)) throw new CliError(`Matrix param \`${name}\` (choice) must list its values; received ${JSON.stringify(value)}.`);
    return value as unknown[];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`Matrix param \`${name}\` (${hp.kind}) must be resolved to numbers before running locally; received ${JSON.stringify(value)}.`);
  }
  const v = value as Record<string, unknown>;
  switch (hp.kind) {
    case 'range': {
      const [start, stop, step] = [num(v, 'start'), num(v, 'stop'), num(v, 'step')];
      if (step === 0) throw new CliError(`Matrix param \`${name}\` (range) has a step of 0.`);
      const n = Math.max(0, Math.ceil((stop - start) / step));
      return Array.from({ length: n }, (_, i) => start + i * step);
    }
    case 'linspace': {
      const [start, stop] = [num(v, 'start'), num(v, 'stop')];
      return space(v, (i, n) => (n === 1 ? start : start + ((stop - start) * i) / (n - 1)));
    }
    case 'logspace': {
      const [start, stop] = [num(v, 'start'), num(v, 'stop')];
      const base = typeof v.base === 'number' ? v.base : 10;
      return space(v, (i, n) => base ** (n === 1 ? start : start + ((stop - start) * i) / (n - 1)));
    }
    case 'geomspace': {
      const [start, stop] = [num(v, 'start'), num(v, 'stop')];
      if (start <= 0 || stop <= 0) throw new CliError(`Matrix param \`${name}\` (geomspace) needs positive bounds.`);
      return space(v, (i, n) => (n === 1 ? start : Math.exp(Math.log(start) + ((Math.log(stop) - Math.log(start)) * i) / (n - 1))));
    }
    default:
      throw new CliError(`Matrix param \`${name}\` of kind \`${hp.kind}\` is not supported by local runs (supported: choice, pchoice, range, linspace, logspace, geomspace, uniform, quniform, loguniform, qloguniform, normal, qnormal, lognormal, qlognormal).`);
  }
}

/** A small seeded PRNG (mulberry32): reproducible suggestions for a given `seed`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** One sample of a distribution param (upstream's `sample`: `loguniform` is `exp(uniform(low, high))`). */
export function sampleParam(name: string, hp: Hp, random: () => number): unknown {
  if (DISCRETE.has(hp.kind)) {
    const values = discreteValues(name, hp);
    return values[Math.floor(random() * values.length)];
  }
  if (hp.kind === 'pchoice') {
    const pairs = hp.value as [unknown, number][];
    let r = random();
    for (const [value, p] of pairs) {
      if (r < p) return value;
      r -= p;
    }
    return pairs.at(-1)?.[0];
  }
  const v = (hp.value ?? {}) as Record<string, unknown>;
  const quantize = (x: number): number => {
    const q = num(v, 'q');
    return Math.round(x / q) * q;
  };
  switch (hp.kind) {
    case 'uniform':
      return num(v, 'low') + random() * (num(v, 'high') - num(v, 'low'));
    case 'quniform':
      return quantize(num(v, 'low') + random() * (num(v, 'high') - num(v, 'low')));
    case 'loguniform':
      return Math.exp(num(v, 'low') + random() * (num(v, 'high') - num(v, 'low')));
    case 'qloguniform':
      return quantize(Math.exp(num(v, 'low') + random() * (num(v, 'high') - num(v, 'low'))));
    case 'normal':
      return num(v, 'loc') + num(v, 'scale') * gaussian(random);
    case 'qnormal':
      return quantize(num(v, 'loc') + num(v, 'scale') * gaussian(random));
    case 'lognormal':
      return Math.exp(num(v, 'loc') + num(v, 'scale') * gaussian(random));
    case 'qlognormal':
      return quantize(Math.exp(num(v, 'loc') + num(v, 'scale') * gaussian(random)));
    default:
      return discreteValues(name, hp);
  }
}

function product(params: Record<string, Hp>): Suggestion[] {
  let out: Suggestion[] = [{}];
  for (const [name, hp] of Object.entries(params)) {
    const values = discreteValues(name, hp);
    out = out.flatMap((s) => values.map((value) => ({ ...s, [name]: value })));
  }
  return out;
}

function paramsOf(matrix: Record<string, unknown>): Record<string, Hp> {
  const params = matrix.params;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new CliError('The matrix `params` must be a mapping of name to hyper-parameter before running locally (a `{{ }}` reference is not resolved here).');
  }
  return params as Record<string, Hp>;
}

/**
 * The suggestions of a `grid`, `random` or `mapping` matrix (a `V1Matrix` as `toDict` prints it).
 *
 * @throws {@link CliError} for other kinds (listing the supported ones) and unresolved values
 */
export function matrixSuggestions(matrix: Record<string, unknown>, options: { seed?: number } = {}): Suggestion[] {
  const kind = String(matrix.kind);
  const numRuns = typeof matrix.numRuns === 'number' ? matrix.numRuns : undefined;
  if (kind === 'grid') {
    const all = product(paramsOf(matrix));
    return numRuns === undefined ? all : all.slice(0, numRuns);
  }
  if (kind === 'random') {
    const params = paramsOf(matrix);
    const seed = typeof matrix.seed === 'number' ? matrix.seed : (options.seed ?? Date.now());
    const random = seededRandom(seed);
    const n = numRuns ?? 1;
    if (Object.values(params).every((hp) => DISCRETE.has(hp.kind))) {
      // every param is discrete: distinct grid points, as upstream samples the grid without replacement
      const grid = product(params);
      for (let i = grid.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [grid[i], grid[j]] = [grid[j]!, grid[i]!];
      }
      return grid.slice(0, n);
    }
    return Array.from({ length: n }, () => Object.fromEntries(Object.entries(params).map(([name, hp]) => [name, sampleParam(name, hp, random)])));
  }
  if (kind === 'mapping') {
    const values = matrix.values;
    if (!Array.isArray(values)) throw new CliError('The mapping matrix `values` must be a list of objects before running locally (a `{{ }}` reference is not resolved here).');
    return values.map((row) => ({ ...(row as Suggestion) }));
  }
  throw new CliError(`Matrix kind \`${kind}\` is not supported by \`px run --local\`; supported kinds: ${LOCAL_MATRIX_KINDS.join(', ')}.`);
}

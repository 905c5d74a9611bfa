import { describe, expect, it } from 'vitest';
import { accept, reject } from './__fixtures__/schema-assert';
import { HpParamSchema } from './hyperparams';
import { matrixHasParam, MatrixSchema } from './matrix';

const metric = { name: 'loss', optimization: 'minimize' };
const params = { lr: { kind: 'choice', value: [0.1, 0.2] } };

describe('matrix kinds', () => {
  it('accepts each kind with its required fields', () => {
    accept(MatrixSchema, { kind: 'grid', params, numRuns: 2, concurrency: 1 });
    accept(MatrixSchema, { kind: 'random', params, numRuns: 10, seed: 1 });
    accept(MatrixSchema, { kind: 'hyperband', maxIterations: 10, eta: 3, resource: { name: 'steps', type: 'int' }, metric, resume: false, params });
    accept(MatrixSchema, { kind: 'bayes', numInitialRuns: 2, maxIterations: 5, metric, params: { lr: { kind: 'uniform', value: [0, 1] } }, utilityFunction: { acquisitionFunction: 'ei', eps: 0.1 } });
    accept(MatrixSchema, { kind: 'hyperopt', metric, params, algorithm: 'tpe', numRuns: 3 });
    accept(MatrixSchema, { kind: 'iterative', maxIterations: 3, tuner: { hubRef: 'my-tuner' } });
    accept(MatrixSchema, { kind: 'mapping', values: [{ lr: 0.1 }, { lr: 0.2 }] });
    accept(MatrixSchema, { kind: 'mapping', values: '{{ rows }}' });
  });

  it('rejects missing required fields, unknown kinds and unknown keys', () => {
    expect(reject(MatrixSchema, { kind: 'random', params }).join('\n')).toContain('numRuns');
    reject(MatrixSchema, { kind: 'bayes', params, metric, maxIterations: 2 });
    reject(MatrixSchema, { kind: 'iterative' });
    reject(MatrixSchema, { kind: 'hyperopt', params });
    reject(MatrixSchema, { kind: 'mapping' });
    reject(MatrixSchema, { kind: 'grid', params, seed: 1 });
    reject(MatrixSchema, { kind: 'sobol', params });
    reject(MatrixSchema, { params });
  });

  it('accepts snake_case keys and outputs camelCase', () => {
    expect(accept(MatrixSchema, { kind: 'random', params, num_runs: 3, early_stopping: [{ kind: 'failure_early_stopping', percent: 50 }] })).toMatchObject({
      numRuns: 3,
      earlyStopping: [{ kind: 'failure_early_stopping', percent: 50 }],
    });
  });

  it('rejects non-positive counts and refs where upstream crashes', () => {
    reject(MatrixSchema, { kind: 'grid', params, numRuns: 0 });
    reject(MatrixSchema, { kind: 'random', params, numRuns: -1 });
    reject(MatrixSchema, { kind: 'grid', params, concurrency: '{{ c }}' });
    reject(MatrixSchema, { kind: 'grid', params: '{{ p }}' });
    reject(MatrixSchema, { kind: 'grid', params, numRuns: '3' });
    expect(accept(MatrixSchema, { kind: 'mapping', values: [], concurrency: '3' })).toMatchObject({ concurrency: 3 });
    accept(MatrixSchema, { kind: 'bayes', numInitialRuns: '{{ n }}', maxIterations: 5, metric, params });
  });

  it('rejects distributions in grid search and non-uniform ones in bayes', () => {
    expect(reject(MatrixSchema, { kind: 'grid', params: { lr: { kind: 'normal', value: [0, 1] } } }).join('\n')).toContain(
      '`lr` defines a distribution, and it cannot be used with grid search.',
    );
    expect(reject(MatrixSchema, { kind: 'bayes', numInitialRuns: 1, maxIterations: 1, metric, params: { lr: { kind: 'normal', value: [0, 1] } } }).join('\n')).toContain(
      '`lr` defines a non uniform distribution, and it cannot be used with bayesian optimization.',
    );
  });

  it('requires kappa for ucb and eps for ei/poi', () => {
    const bayes = { kind: 'bayes', numInitialRuns: 1, maxIterations: 1, metric, params };
    expect(reject(MatrixSchema, { ...bayes, utilityFunction: {} }).join('\n')).toContain('the acquisition function `ucb` requires a parameter `kappa`');
    reject(MatrixSchema, { ...bayes, utilityFunction: { acquisitionFunction: 'poi' } });
  });

  it('knows which inputs a matrix provides', () => {
    expect(matrixHasParam(accept(MatrixSchema, { kind: 'grid', params }), 'lr')).toBe(true);
    expect(matrixHasParam(accept(MatrixSchema, { kind: 'mapping', values: [{ a: 1 }] }), 'a')).toBe(true);
    expect(matrixHasParam(accept(MatrixSchema, { kind: 'hyperband', resource: { name: 'steps' } }), 'steps')).toBe(true);
  });
});

describe('early stopping', () => {
  it('accepts metric and failure policies with nested policies', () => {
    accept(MatrixSchema, {
      kind: 'random',
      params,
      numRuns: 2,
      earlyStopping: [
        { kind: 'metric_early_stopping', metric: 'loss', value: 0.1, optimization: 'minimize', policy: { kind: 'median', evaluationInterval: 1 } },
        { kind: 'metric_early_stopping', metric: 'acc', value: '0.9', optimization: 0.5, policy: { kind: 'truncation', percent: 50, evaluation_interval: 2 } },
        { kind: 'failure_early_stopping', percent: 30 },
      ],
    });
    reject(MatrixSchema, { kind: 'random', params, numRuns: 2, earlyStopping: [{ kind: 'metric_early_stopping', metric: 'loss', value: 1, optimization: 'up' }] });
    reject(MatrixSchema, { kind: 'random', params, numRuns: 2, earlyStopping: [{ kind: 'metric_early_stopping', metric: 'l', value: 1, optimization: 'maximize', policy: { kind: 'diff', percent: 1 } }] });
  });
});

describe('hyper-parameter kinds', () => {
  const hp = (kind: string, value: unknown): unknown => accept(HpParamSchema, { kind, value });

  it('normalises every value form to the object form', () => {
    expect(hp('linspace', '0.01:0.1:5')).toEqual({ kind: 'linspace', value: { start: 0.01, stop: 0.1, num: 5 } });
    expect(hp('linspace', [1, 10, 5])).toEqual({ kind: 'linspace', value: { start: 1, stop: 10, num: 5 } });
    expect(hp('linspace', { start: 1, stop: 10, num: 5 })).toEqual({ kind: 'linspace', value: { start: 1, stop: 10, num: 5 } });
    expect(hp('normal', [0, 0.9])).toEqual({ kind: 'normal', value: { loc: 0, scale: 0.9 } });
    expect(hp('qloguniform', [0, 0.8, 0.1])).toEqual({ kind: 'qloguniform', value: { low: 0, high: 0.8, q: 0.1 } });
    expect(hp('range', '3:50:5')).toEqual({ kind: 'range', value: { start: 3, stop: 50, step: 5 } });
    expect(hp('logspace', [0, 2, 3, 10])).toEqual({ kind: 'logspace', value: { start: 0, stop: 2, num: 3, base: 10 } });
    expect(hp('geomspace', '1:8:4')).toEqual({ kind: 'geomspace', value: { start: 1, stop: 8, num: 4 } });
    expect(hp('uniform', '0:1')).toEqual({ kind: 'uniform', value: { low: 0, high: 1 } });
    expect(hp('quniform', [0, 1, 0.5, 3])).toEqual({ kind: 'quniform', value: { low: 0, high: 1, q: 0.5, size: 3 } });
    expect(hp('loguniform', [1, 2])).toEqual({ kind: 'loguniform', value: { low: 1, high: 2 } });
    expect(hp('qnormal', [0, 1, 1])).toEqual({ kind: 'qnormal', value: { loc: 0, scale: 1, q: 1 } });
    expect(hp('lognormal', [0, 1])).toEqual({ kind: 'lognormal', value: { loc: 0, scale: 1 } });
    expect(hp('qlognormal', [0, 1, 2])).toEqual({ kind: 'qlognormal', value: { loc: 0, scale: 1, q: 2 } });
    expect(hp('daterange', ['2021-05-01', '2021-05-08', 1])).toEqual({ kind: 'daterange', value: { start: '2021-05-01', stop: '2021-05-08', step: 1 } });
    expect(hp('datetimerange', ['2021-05-01 10:00', '2021-05-01 16:00', 3600])).toEqual({
      kind: 'datetimerange',
      value: { start: '2021-05-01T10:00:00', stop: '2021-05-01T16:00:00', step: 3600 },
    });
    expect(hp('choice', [1, 'a'])).toEqual({ kind: 'choice', value: [1, 'a'] });
    expect(hp('pchoice', [['a', 0.3], ['b', 0.7]])).toEqual({ kind: 'pchoice', value: [['a', 0.3], ['b', 0.7]] });
    expect(hp('range', '{{ r }}')).toEqual({ kind: 'range', value: '{{ r }}' });
  });

  it('rejects bad values like upstream', () => {
    const bad = (kind: string, value: unknown): string => reject(HpParamSchema, { kind, value }).join('\n');
    expect(bad('range', [10, 1, 1])).toContain('stop value must be strictly higher that start value');
    expect(bad('linspace', [1, 10, 0])).toContain('num must be > 0');
    expect(bad('linspace', '0.01')).toContain('This field expects a string of values separated by `:`.');
    expect(bad('linspace', [1, 2])).toContain('This field expects a list of 3 elements');
    expect(bad('qnormal', [0, 1, 0])).toContain('q must be > 0');
    expect(bad('pchoice', [['a', 0.6], ['b', 0.6]])).toContain('The distribution of different outcomes should sum to 1.');
    expect(bad('pchoice', [['a', 1.0]])).toContain('This field expects a list of [value<Any>, dist<float>].');
    expect(bad('choice', 'a')).toContain('Expected a list');
    bad('linspace', { start: 1, stop: 2, num: 3, extra: 1 });
    bad('daterange', '2021-01-01:2021-02-01:1');
    expect(reject(HpParamSchema, { kind: 'activation', value: [1] }).join('\n')).toContain('Hyper-parameter `kind` must be one of');
    reject(HpParamSchema, { value: [1] });
  });
});

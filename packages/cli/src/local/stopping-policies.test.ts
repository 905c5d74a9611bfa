import { describe, expect, it } from 'vitest';
import { checkpointOf, policyRule, policyVerdict, type PolicyRule, type PolicyRun } from './stopping-policies';

const rule = (policy: Record<string, unknown>, optimization = 'minimize'): PolicyRule =>
  policyRule({ kind: 'metric_early_stopping', metric: 'loss', value: 0, optimization, policy }, 'matrix.earlyStopping[0]')!;

/** A run whose metric is `value` at steps 0..last. */
const flat = (id: string, value: number, last = 10, status = 'running'): PolicyRun => ({ id, status, values: Array.from({ length: last + 1 }, (_, step) => ({ step, value })) });

describe('policyRule', () => {
  it('reads the fields with upstream defaults', () => {
    expect(rule({ kind: 'median' })).toEqual({ kind: 'median', metric: 'loss', maximize: false, evaluationInterval: 1, minInterval: 1, minSamples: 1, percent: Number.NaN, includeSucceeded: false });
    expect(rule({ kind: 'truncation', percent: 25, evaluationInterval: 5, minInterval: 2, minSamples: 3, includeSucceeded: true }, 'maximize')).toMatchObject({ maximize: true, evaluationInterval: 5, minInterval: 2, minSamples: 3, percent: 25, includeSucceeded: true });
    expect(policyRule({ kind: 'metric_early_stopping', metric: 'loss', value: 1, optimization: 'minimize' }, 'x')).toBeUndefined();
    expect(policyRule({ kind: 'failure_early_stopping', percent: 50 }, 'x')).toBeUndefined();
  });

  it.each([
    [{ kind: 'average' }, 'expected a policy of kind median, truncation, diff'],
    [{ kind: 'diff', evaluationInterval: 1 }, '`percent` must be a number in (0, 100]'],
    [{ kind: 'truncation', percent: 150, evaluationInterval: 1 }, '`percent` must be a number in (0, 100]'],
    [{ kind: 'truncation', percent: 10 }, 'the `truncation` policy needs `evaluationInterval`'],
    [{ kind: 'median', minSamples: 0 }, "the policy's `minSamples` must be a positive integer"],
    [{ kind: 'median', evaluationInterval: '{{ n }}' }, "the policy's `evaluationInterval` must be a positive integer"],
    [{ kind: 'truncation', percent: 10, evaluationInterval: 1, includeSucceeded: 'yes' }, '`includeSucceeded` must be a boolean'],
  ])('refuses %j', (policy, message) => {
    expect(() => rule(policy)).toThrow(message);
    expect(() => rule(policy)).toThrow('matrix.earlyStopping[0].policy');
  });
});

describe('checkpointOf', () => {
  it.each([
    [{ kind: 'median' }, 0, undefined],
    [{ kind: 'median' }, 1, 1],
    [{ kind: 'median' }, 7, 7],
    [{ kind: 'diff', percent: 10, evaluationInterval: 5 }, 4, undefined],
    [{ kind: 'diff', percent: 10, evaluationInterval: 5 }, 9, 5],
    [{ kind: 'diff', percent: 10, evaluationInterval: 5, minInterval: 3 }, 14, undefined],
    [{ kind: 'diff', percent: 10, evaluationInterval: 5, minInterval: 3 }, 17, 15],
  ])('%j at step %i -> %s', (policy, last, expected) => {
    expect(checkpointOf(rule(policy), last)).toBe(expected);
  });
});

describe('policyVerdict', () => {
  const median = rule({ kind: 'median', minSamples: 2 });
  it.each<[string, PolicyRule, PolicyRun, PolicyRun[], boolean]>([
    ['median: worse than the median of the others stops', median, flat('c', 0.9), [flat('a', 0.1), flat('b', 0.5)], true],
    ['median: equal to the median goes on', median, flat('b', 0.5), [flat('a', 0.1), flat('c', 0.9)], false],
    ['median: better goes on', median, flat('a', 0.1), [flat('b', 0.5), flat('c', 0.9)], false],
    ['median: fewer samples than minSamples goes on', median, flat('c', 0.9), [flat('a', 0.1)], false],
    ['median: the others count only up to the step', median, flat('c', 0.9, 3), [flat('a', 0.1, 3), { id: 'b', status: 'running', values: [{ step: 9, value: 0 }] }], false],
    ['median: maximize, worse is lower', rule({ kind: 'median' }, 'maximize'), flat('c', 0.1), [flat('a', 0.9)], true],
    ['median: finished runs count too', median, flat('c', 0.9), [flat('a', 0.1, 10, 'succeeded'), flat('b', 0.5, 10, 'stopped')], true],
    ['diff: more than percent worse than the best stops', rule({ kind: 'diff', percent: 50, evaluationInterval: 1 }), flat('c', 0.2), [flat('a', 0.1)], true],
    ['diff: within percent goes on', rule({ kind: 'diff', percent: 50, evaluationInterval: 1 }), flat('c', 0.14), [flat('a', 0.1)], false],
    ['diff: the best run goes on', rule({ kind: 'diff', percent: 1, evaluationInterval: 1 }), flat('a', 0.1), [flat('c', 0.2)], false],
    ['truncation: the worst of 2 with 50% stops', rule({ kind: 'truncation', percent: 50, evaluationInterval: 1 }), flat('c', 0.9), [flat('a', 0.1)], true],
    ['truncation: the best of 2 with 50% goes on', rule({ kind: 'truncation', percent: 50, evaluationInterval: 1 }), flat('a', 0.1), [flat('c', 0.9)], false],
    ['truncation: 25% of 3 runs stops none', rule({ kind: 'truncation', percent: 25, evaluationInterval: 1 }), flat('c', 0.9), [flat('a', 0.1), flat('b', 0.5)], false],
    ['truncation: succeeded runs are left out by default', rule({ kind: 'truncation', percent: 50, evaluationInterval: 1 }), flat('c', 0.9), [flat('a', 0.1, 10, 'succeeded')], false],
    ['truncation: includeSucceeded ranks them', rule({ kind: 'truncation', percent: 50, evaluationInterval: 1, includeSucceeded: true }), flat('c', 0.9), [flat('a', 0.1, 10, 'succeeded')], true],
  ])('%s', (_, r, run, others, stops) => {
    const verdict = policyVerdict(r, run, others, 3);
    if (stops) expect(verdict).toMatch(new RegExp(`^Early stopping \\(${r.kind} policy on loss\\): best `));
    else expect(verdict).toBeUndefined();
  });

  it('uses the best value so far of the run (not its last one)', () => {
    const run: PolicyRun = { id: 'c', status: 'running', values: [{ step: 0, value: 0.05 }, { step: 1, value: 0.9 }] };
    expect(policyVerdict(median, run, [flat('a', 0.1), flat('b', 0.5)], 1)).toBeUndefined();
  });
});

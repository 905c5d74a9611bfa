import { emit, timeMedianUs } from '@px/testkit/bench';
import { PolyaxonException } from '../src/index';

class BenchError extends PolyaxonException {
  static override readonly marker: string = 'px.bench.BenchError';
}

const n = 10_000;
const us = await timeMedianUs(() => {
  for (let i = 0; i < n; i++) BenchError.isInstance(new BenchError('x'));
}, 20);
emit({ package: '@px/errors', name: 'construct + isInstance', unit: 'ns', value: (us * 1000) / n, n });
